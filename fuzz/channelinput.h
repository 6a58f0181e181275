// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channelevent.h"
#include "modelcheck.h"

#include <cmath>
#include <cstring>

namespace ForklineFuzz {

namespace detail {
using namespace Forkline;

// A collector's t0: the monotonic clock of a machine up for a while.
constexpr qint64 kT0 = 3600 * qint64(1000000000);

inline bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

inline bool same(const ChannelEvent& a, const ChannelEvent& b)
{
    return a.type == b.type && a.t == b.t && a.pid == b.pid && a.tid == b.tid && a.ppid == b.ppid && a.name == b.name
        && a.label == b.label && a.processLane == b.processLane && a.daemon == b.daemon && a.parentPid == b.parentPid
        && a.parentTid == b.parentTid && a.state == b.state && a.instant == b.instant && a.text == b.text
        && a.text.isNull() == b.text.isNull() && a.code == b.code && a.flowId == b.flowId && a.flowStart == b.flowStart
        && a.flow == b.flow && sameNumber(a.value, b.value);
}

inline void checkLine(const QByteArray& line, TraceModel& model)
{
    ChannelEvent fast;
    ChannelEvent reference;
    const bool read = ChannelEvent::decode(line, &fast);
    const bool readByReference = ChannelEvent::decodeJson(line, &reference);
    // decode() takes a shortcut for the lines encode() writes; QJsonDocument's reading of a
    // line is the reference (channelevent.h), so both agree on every line.
    FUZZ_CHECK(read == readByReference);
    if (!read)
        return;
    FUZZ_CHECK(same(fast, reference));
    // What a runner writes for this event reads back as the same event.
    const QByteArray encoded = fast.encode();
    ChannelEvent again;
    FUZZ_CHECK(ChannelEvent::decode(encoded, &again));
    FUZZ_CHECK(again.encode() == encoded);
    applyEvent(model, fast, kT0);
}

} // namespace detail

// One input of fuzz_channel: the event channel as the collector reads it (one JSON object a
// line from a runner or a worker), applied to a model, finished and exported as `run --trace`
// does. Aborts on a broken promise.
inline void channelInput(const QByteArray& bytes)
{
    using namespace Forkline;
    using namespace detail;
    const char* p = bytes.constData();
    const char* const end = p + bytes.size();
    TraceModel model;
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
        const char* lineEnd = nl ? nl : end;
        // A copy of each line, so the sanitizers see where it ends.
        checkLine(QByteArray(p, qsizetype(lineEnd - p)), model);
        p = nl ? nl + 1 : end;
    }
    // The run ends: what is still open ends with it (Collector::maybeFinish).
    for (int i = 0; i < model.laneCount(); ++i) {
        if (!model.lane(i).ended)
            model.addInstant(i, model.endTime(), InstantKind::End);
    }
    model.closeAll(model.endTime());
    checkModel(model);
    mapToPixels(model);
    checkRoundTrip(model);
}

} // namespace ForklineFuzz
