// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Forkline {

struct OptionRange;

// The options of one command (`forkline run`, `render`, ...) over QCommandLineParser: its own
// --help, `--opt value` and `--opt=value`, and the project's exit codes: 0 after --help, 2 with
// one line on stderr for an unknown option or a missing value.
class CliParser
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::CliParser)
public:
    // `synopsis` follows "Usage: forkline COMMAND ", e.g. "SCENARIO [options]".
    CliParser(const QString& command, const QString& synopsis, const QString& description);

    void addValued(const QString& name, const QString& valueName, const QString& description);
    void addFlag(const QString& name, const QString& description);

    // `arguments` as QCoreApplication::arguments(): the program, the command, then its line.
    // Returns -1 to go on, else the exit code (--help answered, or bad input said).
    int parse(const QStringList& arguments);

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    // Names given on the line, in order, without dashes.
    QStringList optionNames() const { return m_parser.optionNames(); }

    // Reads option `range.option` into *into when it is given. Returns -1 to go on, else 2.
    int number(const OptionRange& range, double* into) const;
    int number(const OptionRange& range, int* into) const;

    QString helpText() const;
    QString command() const { return m_command; }

private:
    QCommandLineParser m_parser;
    QString m_command;
    QString m_synopsis;
    QString m_description;
    QStringList m_valued;
};

} // namespace Forkline
