// SPDX-License-Identifier: GPL-3.0-or-later
// Many thread workers at once against bare std::thread: a thousand threads that each sleep
// 10 ms, all started and then all joined, as a Python program starts a pool of threads.
#include "benchutil.h"

#include <algorithm>
#include <chrono>
#include <thread>

using namespace ForklineBench;
using Forkline::InstantKind;

namespace {

constexpr int kThreads = 1000;
constexpr int kRounds = 3;
constexpr double kSleepSeconds = 0.010;

// From main's first start() to its last join() returning, as the trace has them.
double forkToLastJoinMs(const Forkline::TraceModel& model)
{
    for (const Forkline::Lane& lane : model.lanes()) {
        qint64 first = -1, last = -1;
        int joins = 0;
        for (const Forkline::Instant& i : lane.instants) {
            if (i.kind == InstantKind::Fork && first < 0)
                first = i.t;
            if (i.kind == InstantKind::Join) {
                last = i.t;
                ++joins;
            }
        }
        if (joins == kThreads && first >= 0)
            return double(last - first) / 1e6;
    }
    qWarning("bench: thread_start_many_ms: the run did not join %d threads", kThreads);
    return 0;
}

double bareMs()
{
    const auto before = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back([] { std::this_thread::sleep_for(std::chrono::duration<double>(kSleepSeconds)); });
    for (std::thread& t : threads)
        t.join();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
}

std::vector<Result> threadStartMany()
{
    const QByteArray json = QStringLiteral("{\"main\": [{\"start\": \"w\"}, {\"join\": \"w\"}], \"workers\": "
                                           "[{\"name\": \"w\", \"count\": %1, \"steps\": [{\"sleep\": %2}]}]}")
                                .arg(kThreads)
                                .arg(kSleepSeconds)
                                .toUtf8();
    // Rounds alternate between the two so that load from elsewhere hits both alike.
    std::vector<double> ours;
    std::vector<double> bare;
    for (int round = 0; round < kRounds; ++round) {
        ours.push_back(forkToLastJoinMs(runScenarioJson(json)));
        bare.push_back(bareMs());
    }
    Result r;
    r.bench = QStringLiteral("thread_start_many_ms");
    r.unit = QStringLiteral("ms");
    r.value = median(ours);
    r.baseline = median(bare);
    r.extra = { { QStringLiteral("threads"), double(kThreads) },
        { QStringLiteral("max"), *std::max_element(ours.begin(), ours.end()) },
        { QStringLiteral("baseline_max"), *std::max_element(bare.begin(), bare.end()) } };
    return { r };
}

const Registrar a(QStringLiteral("thread_start_many_ms"), threadStartMany);

} // namespace
