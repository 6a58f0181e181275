// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chrometrace.h"
#include "chrometraceimport.h"
#include "fuzzcheck.h"
#include "timemapping.h"
#include "tracemodel.h"

#include <cmath>

namespace ForklineFuzz {

// What the timeline, the exports and the GUI rely on in any model, however it was built
// (ARCHITECTURE.md, "Trace model"): indexes in range, per lane and per depth spans sorted and
// disjoint, instants sorted.
inline void checkModel(const Forkline::TraceModel& model)
{
    using namespace Forkline;
    const int lanes = model.laneCount();
    for (const Lane& lane : model.lanes()) {
        FUZZ_CHECK(lane.parent >= -1 && lane.parent < lanes);
        for (size_t i = 0; i < lane.spans.size(); ++i) {
            const Span& s = lane.spans[i];
            FUZZ_CHECK(s.start <= s.end);
            FUZZ_CHECK(i == 0 || lane.spans[i - 1].end <= s.start);
            // Below -1 the name is a state's detail (Span::detail()), an index all the same.
            FUZZ_CHECK(s.name < model.names().size() && s.detail() < model.names().size());
        }
        // Nested slices (a foreign trace's): each depth sorted and disjoint too, none empty.
        for (const std::vector<Span>& level : lane.nested) {
            FUZZ_CHECK(!level.empty());
            for (size_t i = 0; i < level.size(); ++i) {
                FUZZ_CHECK(level[i].start <= level[i].end);
                FUZZ_CHECK(i == 0 || level[i - 1].end <= level[i].start);
                FUZZ_CHECK(level[i].name < model.names().size() && level[i].detail() < model.names().size());
            }
        }
        for (size_t i = 0; i < lane.instants.size(); ++i) {
            const Instant& in = lane.instants[i];
            FUZZ_CHECK(i == 0 || lane.instants[i - 1].t <= in.t);
            FUZZ_CHECK(in.text >= -1 && in.text < model.texts().size());
            FUZZ_CHECK(in.name >= -1 && in.name < model.names().size());
        }
    }
    for (const ProcessInfo& p : model.processes()) {
        for (int li : p.lanes)
            FUZZ_CHECK(li >= 0 && li < lanes && model.lane(li).pid == p.pid);
    }
    for (const Flow& f : model.flows()) {
        FUZZ_CHECK(f.fromLane >= -1 && f.fromLane < lanes);
        FUZZ_CHECK(f.toLane >= -1 && f.toLane < lanes);
    }
    for (const PrintRecord& p : model.prints()) {
        FUZZ_CHECK(p.lane >= -1 && p.lane < lanes);
        FUZZ_CHECK(p.text >= -1 && p.text < model.texts().size());
    }
}

// The whole run fitted to a 1000-pixel view, as the window and `render` first show it: every
// box maps to pixels left to right, and a zoom keeps its anchor in range.
inline void mapToPixels(const Forkline::TraceModel& model)
{
    using namespace Forkline;
    TimeMapping fit;
    fit.t0 = model.startTime();
    fit.t1 = std::max(model.endTime(), model.startTime() + 1);
    fit.width = 1000;
    for (const Lane& lane : model.lanes()) {
        for (const Span& s : lane.spans) {
            const double x0 = fit.toX(s.start);
            const double x1 = fit.toX(s.end);
            FUZZ_CHECK(x0 <= x1);
        }
        for (const Instant& in : lane.instants)
            FUZZ_CHECK(!std::isnan(fit.toX(in.t)));
        if (!lane.spans.empty())
            FUZZ_CHECK(TraceModel::firstSpanEndingAfter(lane, fit.toTime(500)) <= lane.spans.size());
    }
    const TimeMapping zoomed = fit.zoomedAround(250, 8);
    FUZZ_CHECK(zoomed.t0 <= zoomed.t1);
}

// Our own file written from this model reads back, and writing that gives the same bytes
// (docs/trace-import.md: export -> import -> export is identical).
inline void checkRoundTrip(const Forkline::TraceModel& model)
{
    using namespace Forkline;
    const QByteArray first = chromeTrace(model);
    ChromeTraceImportOptions options;
    options.backend = JsonBackend::Auto;
    const ChromeTraceImportResult again = importChromeTraceData(first, QStringLiteral("export.json"), options);
    if (!again.ok())
        std::fprintf(stderr, "re-import: %s\n", qPrintable(again.error));
    FUZZ_CHECK(again.ok());
    checkModel(again.model);
    // QJsonDocument reads times through a double (docs/trace-import.md), so only the simdjson
    // path promises exact bytes for every time.
    if (!chromeTraceSimdjsonAvailable())
        return;
    const QByteArray second = chromeTrace(again.model);
    if (second != first)
        std::fprintf(stderr, "first export:\n%s\nsecond export:\n%s\n", first.constData(), second.constData());
    FUZZ_CHECK(second == first);
}

} // namespace ForklineFuzz
