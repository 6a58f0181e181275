// SPDX-License-Identifier: GPL-3.0-or-later
#include "states.h"

#include <array>

namespace Forkline {

namespace {
constexpr std::array<const char*, size_t(State::Count)> kStateNames
    = { "running", "sleeping", "computing", "waiting:gil", "waiting:lock", "waiting:join", "waiting:input",
          "waiting:queue", "waiting:exit", "deadlocked", "waiting:event" };
constexpr std::array<const char*, size_t(InstantKind::Count)> kInstantNames
    = { "fork", "start", "print", "end", "join", "killed", "terminated", "crashed", "aborted", "failed", "main-exit",
          "send", "receive", "instant", "signal", "deadlocked" };
constexpr std::array<const char*, size_t(FlowKind::Count)> kFlowNames
    = { "fork", "join", "message", "lock", "flow", "signal", "notify" };

template <typename E, size_t N> bool lookup(const std::array<const char*, N>& names, const QString& name, E* out)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i])) {
            *out = E(i);
            return true;
        }
    }
    return false;
}
} // namespace

QString stateName(State s)
{
    return QLatin1String(kStateNames.at(size_t(s)));
}
const char* stateKey(State s)
{
    return kStateNames.at(size_t(s));
}
const char* instantKey(InstantKind k)
{
    return kInstantNames.at(size_t(k));
}
const char* flowKey(FlowKind k)
{
    return kFlowNames.at(size_t(k));
}
bool stateFromName(const QString& name, State* out)
{
    return lookup(kStateNames, name, out);
}
QString instantName(InstantKind k)
{
    return QLatin1String(kInstantNames.at(size_t(k)));
}
bool instantFromName(const QString& name, InstantKind* out)
{
    return lookup(kInstantNames, name, out);
}
QString flowName(FlowKind k)
{
    return QLatin1String(kFlowNames.at(size_t(k)));
}
bool flowFromName(const QString& name, FlowKind* out)
{
    return lookup(kFlowNames, name, out);
}

QString signalName(int signal)
{
    // The numbers that are the same on every POSIX system; others differ between Linux and
    // macOS, and a trace may be read on either.
    switch (signal) {
    case 1:
        return QStringLiteral("SIGHUP");
    case 2:
        return QStringLiteral("SIGINT");
    case 3:
        return QStringLiteral("SIGQUIT");
    case 4:
        return QStringLiteral("SIGILL");
    case 6:
        return QStringLiteral("SIGABRT");
    case 8:
        return QStringLiteral("SIGFPE");
    case 9:
        return QStringLiteral("SIGKILL");
    case 11:
        return QStringLiteral("SIGSEGV");
    case 13:
        return QStringLiteral("SIGPIPE");
    case 14:
        return QStringLiteral("SIGALRM");
    case 15:
        return QStringLiteral("SIGTERM");
    default:
        return QStringLiteral("signal %1").arg(signal);
    }
}

QString endingCodeText(InstantKind k, qint32 code)
{
    switch (k) {
    case InstantKind::Killed:
    case InstantKind::Terminated:
    case InstantKind::Crashed:
        if (code <= 0)
            return {};
        // Process.exitcode is the signal's number, negated.
        return QStringLiteral("%1 (exitcode %2)").arg(signalName(code)).arg(-code);
    case InstantKind::Signal: // the caller's side: what it sent
        return code > 0 ? signalName(code) : QString();
    case InstantKind::End:
    case InstantKind::Failed:
        return code != 0 ? QStringLiteral("exitcode %1").arg(code) : QString();
    default:
        return {};
    }
}

} // namespace Forkline
