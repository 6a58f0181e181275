// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliparser.h"

#include "cliutil.h"
#include "optionranges.h"

#include <utility>

namespace Forkline {

CliParser::CliParser(const QString& command, const QString& synopsis, const QString& description)
    : m_command(command)
    , m_synopsis(synopsis)
    , m_description(description)
{
    // Options are long words: -h and --help, never -h as a bundle of one-letter flags.
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOption(QCommandLineOption({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help.")));
}

void CliParser::addValued(const QString& name, const QString& valueName, const QString& description)
{
    m_parser.addOption(QCommandLineOption(name, description, valueName));
    m_valued << name;
}

void CliParser::addFlag(const QString& name, const QString& description)
{
    m_parser.addOption(QCommandLineOption(name, description));
}

int CliParser::parse(const QStringList& arguments)
{
    // The parser takes the first word for the program's name: the command goes.
    QStringList line = arguments;
    if (line.size() > 1)
        line.removeAt(1);
    // The parser takes the word after a valued option as its value, so only the last word can
    // lack one: say which in the project's words, not the parser's.
    if (line.size() > 1) {
        const QString& last = line.constLast();
        for (const QString& name : std::as_const(m_valued)) {
            if (last == QLatin1String("--") + name || last == QLatin1String("-") + name)
                return badInput(tr("%1 needs a value").arg(last));
        }
    }
    if (!m_parser.parse(line)) {
        const QStringList unknown = m_parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString name = unknown.constFirst();
            return badInput(
                tr("unknown option %1 (see forkline %2 --help)")
                    .arg(name.size() == 1 ? QLatin1String("-") + name : QLatin1String("--") + name, m_command));
        }
        return badInput(m_parser.errorText());
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        out(helpText());
        return 0;
    }
    return -1;
}

int CliParser::number(const OptionRange& range, double* into) const
{
    const QString name = QLatin1String(range.option).mid(2);
    if (!m_parser.isSet(name))
        return -1;
    const QString given = m_parser.value(name);
    bool ok = false;
    const double v = given.toDouble(&ok);
    if (!ok || !range.contains(v))
        return badInput(range.refusal(given));
    *into = v;
    return -1;
}

int CliParser::number(const OptionRange& range, int* into) const
{
    double v = 0;
    if (const int r = number(range, &v); r >= 0)
        return r;
    const QString name = QLatin1String(range.option).mid(2);
    if (!m_parser.isSet(name))
        return -1;
    bool ok = false;
    const int whole = m_parser.value(name).toInt(&ok);
    if (!ok)
        return badInput(range.refusal(m_parser.value(name)));
    *into = whole;
    return -1;
}

QString CliParser::helpText() const
{
    // The parser's own first line names the program by the path it was started with, and
    // says nothing of what the command takes: ours replaces it.
    QString options = m_parser.helpText();
    options = options.mid(options.indexOf(QLatin1Char('\n')) + 1);
    // A command that takes nothing leaves no space at the end of its usage line.
    const QString usage
        = tr("Usage: forkline %1 %2\n").arg(m_command, m_synopsis).replace(QStringLiteral(" \n"), QStringLiteral("\n"));
    return usage + QLatin1Char('\n') + m_description.trimmed() + QLatin1Char('\n') + options;
}

} // namespace Forkline
