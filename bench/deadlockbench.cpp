// SPDX-License-Identifier: GPL-3.0-or-later
// deadlock_detect_ms: from the moment a cycle of waits closes (the last of its waits begins)
// to the `deadlocked` mark on its lanes. No plain baseline: nothing else finds the cycle.
// deadlock_detect_process_ms: the same for a cycle through a process worker's own join and
// another process, which the runner learns of from the worker and confirms before it reports.
#include "benchutil.h"
#include "collector.h"
#include "states.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>

using namespace ForklineBench;

namespace {

constexpr int kRuns = 5;

// Two threads take two locks in opposite order; the second's wait closes the cycle.
const QByteArray kScenario = R"({"main": [{"start": "th1"}, {"start": "th2"}, {"join": "th1"}, {"join": "th2"}],
    "workers": [
      {"name": "th1", "steps": [{"acquire": "a"}, {"sleep": 0.05}, {"acquire": "b"}]},
      {"name": "th2", "steps": [{"acquire": "b"}, {"sleep": 0.05}, {"acquire": "a"}]}]})";

// main joins p, p joins its thread t, t waits on a queue that only main feeds.
const QByteArray kProcessScenario = R"({"main": [{"start": "p"}, {"join": "p"}, {"send": "q", "value": "go"}],
    "workers": [
      {"name": "p", "kind": "process", "steps": [{"start": "t"}, {"join": "t"}]},
      {"name": "t", "steps": [{"recv": "q", "into": "x"}]}]})";

bool isWait(Forkline::State s)
{
    return s == Forkline::State::WaitingLock || s == Forkline::State::WaitingJoin || s == Forkline::State::WaitingQueue
        || s == Forkline::State::WaitingExit;
}

// The closing moment: the latest start of a wait that ends at a lane's deadlocked mark.
double detectMs(const Forkline::TraceModel& m)
{
    qint64 closed = -1;
    qint64 marked = -1;
    for (const Forkline::Lane& l : m.lanes()) {
        for (const Forkline::Instant& in : l.instants) {
            if (in.kind != Forkline::InstantKind::Deadlocked)
                continue;
            marked = std::max(marked, in.t);
            for (const Forkline::Span& s : l.spans) {
                if (isWait(s.state) && s.start <= in.t)
                    closed = std::max(closed, s.start);
            }
        }
    }
    return closed < 0 || marked < 0 ? -1 : double(marked - closed) / 1e6;
}

std::vector<Result> detect(const QString& name, const QByteArray& scenario)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deadlock.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(scenario);
    f.close();
    std::vector<double> ours;
    for (int i = 0; i < kRuns; ++i) {
        Forkline::Collector collector;
        Forkline::Collector::Launch launch;
        launch.scenario = path;
        launch.program = forklineProgram();
        QEventLoop loop;
        QObject::connect(&collector, &Forkline::Collector::deadlocked, &loop, [&collector] { collector.stop(); });
        QObject::connect(&collector, &Forkline::Collector::finished, &loop, &QEventLoop::quit);
        // A cycle that is never found ends the run after a while and counts as a miss.
        QTimer::singleShot(20000, &collector, [&collector] { collector.stop(); });
        QString error;
        if (!collector.start(launch, &error))
            return {};
        loop.exec();
        const double ms = detectMs(collector.model());
        if (ms >= 0)
            ours.push_back(ms);
    }
    if (ours.empty())
        return {};
    Result r;
    r.bench = name;
    r.unit = QStringLiteral("ms");
    r.value = median(ours);
    r.extra = { { QStringLiteral("max"), percentile(ours, 1.0) }, { QStringLiteral("samples"), double(ours.size()) },
        { QStringLiteral("missed"), double(kRuns - int(ours.size())) } };
    return { r };
}

const Registrar a(
    QStringLiteral("deadlock_detect_ms"), [] { return detect(QStringLiteral("deadlock_detect_ms"), kScenario); });
const Registrar b(QStringLiteral("deadlock_detect_process_ms"),
    [] { return detect(QStringLiteral("deadlock_detect_process_ms"), kProcessScenario); });

} // namespace
