// SPDX-License-Identifier: GPL-3.0-or-later
#include "states.h"

#include <array>

namespace Forkline {

namespace {
constexpr std::array<const char*, size_t(State::Count)> kStateNames = { "running", "sleeping", "computing",
    "waiting:gil", "waiting:lock", "waiting:join", "waiting:input", "waiting:queue" };
constexpr std::array<const char*, size_t(InstantKind::Count)> kInstantNames = { "fork", "start", "print", "end", "join",
    "killed", "terminated", "crashed", "aborted", "failed", "main-exit", "send", "receive", "instant" };
constexpr std::array<const char*, size_t(FlowKind::Count)> kFlowNames = { "fork", "join", "message", "lock", "flow" };

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

} // namespace Forkline
