// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"

#include "translations.h"

#include <QCoreApplication>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace Forkline {

namespace {

std::atomic<bool> g_interrupted { false };
std::atomic<int> g_interruptSignal { 0 };
extern "C" void onInterrupt(int sig)
{
    g_interruptSignal = sig;
    g_interrupted = true;
}

// The numbers a run takes: what each must be, and how to say so when it is not.
struct NumberOption
{
    const char* option;
    double RunOptions::*field;
    double low;
    bool lowIncluded;
    double high;
    const char* takes;
};

const NumberOption kNumberOptions[] = {
    { "--time-scale", &RunOptions::timeScale, 0, true, 1000,
        QT_TRANSLATE_NOOP("Forkline", "--time-scale takes a number from 0 to 1000, not \"%1\"") },
    { "--work-scale", &RunOptions::workScale, 0, false, 1000,
        QT_TRANSLATE_NOOP("Forkline", "--work-scale takes a number above 0 and at most 1000, not \"%1\"") },
    { "--switch-interval", &RunOptions::switchInterval, kMinSwitchInterval, true, kMaxSwitchInterval,
        QT_TRANSLATE_NOOP("Forkline", "--switch-interval takes seconds from 0.0001 (0.1 ms) to 1, not \"%1\"") },
};

int parseNumber(const NumberOption& n, const QStringList& args, int* i, RunOptions* options)
{
    if (*i + 1 >= args.size())
        return badInput(tr("%1 needs a value").arg(args[*i]));
    bool ok = false;
    const double v = args[++*i].toDouble(&ok);
    // Written so that NaN is out of range.
    const bool inRange = (n.lowIncluded ? v >= n.low : v > n.low) && v <= n.high;
    if (!ok || !inRange)
        return badInput(tr(n.takes).arg(args[*i]));
    options->*n.field = v;
    return -1;
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

int parseRunOption(const QStringList& args, int* i, RunOptions* options, bool* handled)
{
    const QString& a = args[*i];
    *handled = true;
    for (const NumberOption& n : kNumberOptions) {
        if (a == QLatin1String(n.option))
            return parseNumber(n, args, i, options);
    }
    if (a == QLatin1String("--gil")) {
        if (*i + 1 >= args.size() || (args[*i + 1] != QLatin1String("on") && args[*i + 1] != QLatin1String("off")))
            return badInput(tr("--gil takes on or off"));
        options->gil = args[++*i] == QLatin1String("on") ? 1 : 0;
        return -1;
    }
    if (a == QLatin1String("--daemon")) {
        if (*i + 1 >= args.size())
            return badInput(tr("--daemon needs NAME=on|off"));
        const QString v = args[++*i];
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        const QString flag = eq < 0 ? QString() : v.mid(eq + 1);
        if (eq <= 0 || (flag != QLatin1String("on") && flag != QLatin1String("off")))
            return badInput(tr("--daemon takes NAME=on or NAME=off, not \"%1\"").arg(v));
        options->daemon.insert(v.left(eq), flag == QLatin1String("on"));
        return -1;
    }
    *handled = false;
    return -1;
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

} // namespace Forkline
