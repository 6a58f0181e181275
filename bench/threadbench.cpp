// SPDX-License-Identifier: GPL-3.0-or-later
// Thread workers against bare std::thread: how long a start() takes to reach the new
// thread's first step, and how far a sleep overshoots.
#include "benchutil.h"

#include <chrono>
#include <thread>

using namespace ForklineBench;
using Forkline::FlowKind;
using Forkline::State;

namespace {

constexpr int kThreads = 200;
constexpr int kRounds = 3;
constexpr int kSleeps = 100;
constexpr double kSleepSeconds = 0.010;

double nowUs()
{
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::vector<Result> threadStartLatency()
{
    // Workers started one at a time, with a pause between, so each start is measured alone.
    QByteArray json = "{\"main\": [";
    for (int i = 0; i < kThreads; ++i)
        json += QStringLiteral("{\"start\": \"w%1\"}, {\"join\": \"w%1\"},").arg(i).toUtf8();
    json += "{\"print\": \"done\"}], \"workers\": [";
    for (int i = 0; i < kThreads; ++i)
        json += QStringLiteral("%1{\"name\": \"w%2\", \"steps\": []}")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .toUtf8();
    json += "]}";
    // Rounds alternate between the two so that load from elsewhere hits both alike.
    std::vector<double> ours;
    std::vector<double> bare;
    for (int round = 0; round < kRounds; ++round) {
        const Forkline::TraceModel model = runScenarioJson(json);
        for (const Forkline::Flow& f : model.flows()) {
            if (f.kind == FlowKind::Fork && f.complete())
                ours.push_back(double(f.toT - f.fromT) / 1000.0);
        }
        for (int i = 0; i < kThreads; ++i) {
            double started = 0;
            const double before = nowUs();
            std::thread t([&started] { started = nowUs(); });
            t.join();
            bare.push_back(started - before);
        }
    }
    Result r;
    r.bench = QStringLiteral("thread_start_latency_us");
    r.unit = QStringLiteral("us");
    r.value = median(ours);
    r.baseline = median(bare);
    r.extra = { { QStringLiteral("p99"), percentile(ours, 0.99) },
        { QStringLiteral("baseline_p99"), percentile(bare, 0.99) },
        { QStringLiteral("samples"), double(ours.size()) } };
    return { r };
}

std::vector<Result> sleepOvershoot()
{
    const QByteArray json
        = QStringLiteral("{\"main\": [{\"start\": \"s\"}, {\"join\": \"s\"}], \"workers\": [{\"name\": "
                         "\"s\", \"steps\": [{\"repeat\": %1, \"steps\": [{\"sleep\": %2}, "
                         "{\"print\": \"tick\"}]}]}]}")
              .arg(kSleeps)
              .arg(kSleepSeconds)
              .toUtf8();
    const Forkline::TraceModel model = runScenarioJson(json);
    std::vector<double> ours;
    for (const Forkline::Lane& lane : model.lanes()) {
        for (const Forkline::Span& s : lane.spans) {
            if (s.state == State::Sleeping)
                ours.push_back(std::abs(double(s.end - s.start) / 1e6 - kSleepSeconds * 1000.0));
        }
    }
    std::vector<double> bare;
    for (int i = 0; i < kSleeps; ++i) {
        const auto before = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::chrono::duration<double>(kSleepSeconds));
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
        bare.push_back(std::abs(ms - kSleepSeconds * 1000.0));
    }
    Result r;
    r.bench = QStringLiteral("sleep_overshoot_ms");
    r.unit = QStringLiteral("ms");
    r.value = median(ours);
    r.baseline = median(bare);
    r.extra = { { QStringLiteral("p99"), percentile(ours, 0.99) }, { QStringLiteral("samples"), double(ours.size()) } };
    return { r };
}

const Registrar a(QStringLiteral("thread_start_latency_us"), threadStartLatency);
const Registrar b(QStringLiteral("sleep_overshoot_ms"), sleepOvershoot);

} // namespace
