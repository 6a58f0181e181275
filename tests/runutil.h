// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests that run scenarios through the runtime's collector (they link forkline_runtime).
#include "collector.h"
#include "testutil.h"

#include <QSignalSpy>
#include <algorithm>
#include <vector>

namespace ForklineTest {

struct RunResult
{
    TraceModel model;
    int exitCode = -1;
    QStringList prints; // in arrival order
};

inline RunResult runScenario(const QString& scenario, const RunOptions& options = {}, int timeoutMs = 60000)
{
    Collector collector;
    Collector::Launch launch;
    launch.scenario = scenario;
    launch.options = options;
    launch.program = QStringLiteral(FORKLINE_BIN);
    RunResult r;
    QObject::connect(&collector, &Collector::printed, [&r](int, const QString& text) { r.prints << text; });
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    if (!collector.start(launch, &error)) {
        qWarning("start failed: %s", qPrintable(error));
        return r;
    }
    if (!finished.wait(timeoutMs))
        return r;
    r.exitCode = finished.first().first().toInt();
    r.model = collector.takeModel();
    return r;
}

// The printed lines by the clock: each process's lines come on a socket of its own, so their
// arrival order may differ from the order they were printed in.
inline QStringList printedByTime(const TraceModel& m)
{
    std::vector<PrintRecord> prints(m.prints().begin(), m.prints().end());
    std::stable_sort(
        prints.begin(), prints.end(), [](const PrintRecord& a, const PrintRecord& b) { return a.t < b.t; });
    QStringList texts;
    for (const PrintRecord& p : prints)
        texts << m.texts().at(p.text);
    return texts;
}

} // namespace ForklineTest
