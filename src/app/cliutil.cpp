// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"

#include "cliparser.h"
#include "optionranges.h"
#include "translations.h"

#include <QCoreApplication>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <vector>

namespace Forkline {

namespace {

std::atomic<bool> g_interrupted { false };
std::atomic<int> g_interruptSignal { 0 };
extern "C" void onInterrupt(int sig)
{
    g_interruptSignal = sig;
    g_interrupted = true;
}

} // namespace

QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

void out(const QString& text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void err(const QString& text)
{
    const QByteArray b = (text + QLatin1Char('\n')).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

int badInput(const QString& message)
{
    err(QStringLiteral("forkline: ") + message);
    return 2;
}

void setUpCliApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("forkline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FORKLINE_VERSION));
    installTranslators();
}

void addRunOptions(CliParser* parser, RunOptionSet set)
{
    if (set == RunOptionSet::All)
        parser->addValued(QStringLiteral("time-scale"), QStringLiteral("F"),
            tr("Multiply every sleep by F (default 1, %1).").arg(OptionRanges::timeScale.rangeText()));
    parser->addValued(QStringLiteral("work-scale"), QStringLiteral("F"),
        tr("Multiply every compute size by F (default 1, %1).").arg(OptionRanges::workScale.rangeText()));
    if (set == RunOptionSet::All)
        parser->addValued(QStringLiteral("gil"), QStringLiteral("on|off"), tr("Override the scenario's GIL setting."));
    parser->addValued(QStringLiteral("switch-interval"), QStringLiteral("S"),
        tr("GIL switch interval in seconds (default 0.005, %1).").arg(OptionRanges::switchInterval.rangeText()));
    if (set == RunOptionSet::All)
        parser->addValued(QStringLiteral("daemon"), QStringLiteral("NAME=on|off"),
            tr("Override a worker's daemon flag (NAME=all for every worker); may be given more than once."));
}

int readRunOptions(const CliParser& parser, RunOptionSet set, RunOptions* options)
{
    if (const int r = parser.number(OptionRanges::workScale, &options->workScale); r >= 0)
        return r;
    if (const int r = parser.number(OptionRanges::switchInterval, &options->switchInterval); r >= 0)
        return r;
    if (set != RunOptionSet::All)
        return -1;
    if (const int r = parser.number(OptionRanges::timeScale, &options->timeScale); r >= 0)
        return r;
    if (parser.isSet(QStringLiteral("gil"))) {
        const QString v = parser.value(QStringLiteral("gil"));
        if (v != QLatin1String("on") && v != QLatin1String("off"))
            return badInput(tr("--gil takes on or off"));
        options->gil = v == QLatin1String("on") ? 1 : 0;
    }
    const QStringList daemons = parser.values(QStringLiteral("daemon"));
    for (const QString& v : daemons) {
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        const QString flag = eq < 0 ? QString() : v.mid(eq + 1);
        if (eq <= 0 || (flag != QLatin1String("on") && flag != QLatin1String("off")))
            return badInput(tr("--daemon takes NAME=on or NAME=off, not \"%1\"").arg(v));
        options->daemon.insert(v.left(eq), flag == QLatin1String("on"));
    }
    return -1;
}

QStringList scenarioOnlyOptions()
{
    return { QStringLiteral("time-scale"), QStringLiteral("work-scale"), QStringLiteral("gil"),
        QStringLiteral("switch-interval"), QStringLiteral("daemon") };
}

QString closestCommand(const QString& typed, const QStringList& commands)
{
    // Levenshtein distance, one row at a time.
    const auto distance = [](const QString& a, const QString& b) {
        std::vector<qsizetype> row(size_t(b.size()) + 1);
        for (qsizetype j = 0; j <= b.size(); ++j)
            row[size_t(j)] = j;
        for (qsizetype i = 1; i <= a.size(); ++i) {
            qsizetype diagonal = row[0];
            row[0] = i;
            for (qsizetype j = 1; j <= b.size(); ++j) {
                const qsizetype above = row[size_t(j)];
                const qsizetype change = diagonal + (a[i - 1].toLower() == b[j - 1] ? 0 : 1);
                row[size_t(j)] = std::min({ above + 1, row[size_t(j - 1)] + 1, change });
                diagonal = above;
            }
        }
        return row.back();
    };
    QString best;
    qsizetype bestDistance = -1;
    for (const QString& c : commands) {
        const qsizetype d = distance(typed, c);
        if (bestDistance < 0 || d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

void stopOnInterrupt(QTimer* poll, QObject* context, const std::function<void()>& stop)
{
    std::signal(SIGINT, onInterrupt);
    // A teacher's script, `timeout` or a service manager stops a run the way Ctrl+C does, and
    // so does a terminal that closes.
    std::signal(SIGTERM, onInterrupt);
#if defined(SIGHUP)
    std::signal(SIGHUP, onInterrupt);
#endif
    QObject::connect(poll, &QTimer::timeout, context, [stop] {
        if (g_interrupted)
            stop();
    });
    poll->start(50);
}

int interruptedExitCode()
{
    // What a shell reports for a program that the signal ended: 130, 143, 129.
    const int sig = g_interruptSignal.load();
    return sig ? 128 + sig : 0;
}

bool runCollector(Collector* collector, const Collector::Launch& launch, int* exitCode)
{
    QString startError;
    if (!collector->start(launch, &startError)) {
        err(QStringLiteral("forkline: ") + startError);
        return false;
    }
    QTimer interruptPoll;
    stopOnInterrupt(&interruptPoll, collector, [collector] { collector->stop(); });
    QObject::connect(collector, &Collector::finished, QCoreApplication::instance(), [exitCode](int code) {
        *exitCode = code;
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    if (!collector->errorText().isEmpty())
        err(QStringLiteral("forkline: ") + collector->errorText());
    return true;
}

} // namespace Forkline
