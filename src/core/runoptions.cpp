// SPDX-License-Identifier: GPL-3.0-or-later
// applyRunOptions(): what the command line and the window change in a loaded scenario.
#include "scenario.h"

#include <QCoreApplication>
#include <cmath>
#include <functional>
#include <utility>

namespace Forkline {

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

// Both ends of a range scale, so ranges that split one problem still tile it exactly.
bool scaleCompute(std::vector<Step>& steps, double factor, const QString& file, ScenarioError* error)
{
    for (Step& s : steps) {
        if (s.kind == Step::Kind::Compute) {
            s.from = qint64(std::llround(double(s.from) * factor));
            s.to = qint64(std::llround(double(s.to) * factor));
            if (s.to - s.from > kMaxComputeSize) {
                *error = { file, s.line, s.column,
                    tr("with --work-scale %1 this compute step would sum %2 numbers, more than 10^12")
                        .arg(factor)
                        .arg(s.to - s.from) };
                return false;
            }
        }
        if (!scaleCompute(s.body, factor, file, error))
            return false;
    }
    return true;
}
} // namespace

void inheritDaemon(Scenario* scenario)
{
    std::vector<WorkerSpec>& workers = scenario->workers;
    // Resolved from the starter down; a chain of starters is at most as long as the list
    // (a loop of workers starting each other is never started from main, and ends here).
    std::vector<int> resolved(workers.size(), 0); // 0 not yet, 1 in progress, 2 done
    std::function<bool(size_t)> daemonOf = [&](size_t i) -> bool {
        WorkerSpec& w = workers[i];
        if (w.daemonExplicit || resolved[i] != 0)
            return w.daemon;
        resolved[i] = 1;
        const int starter = w.starter.isEmpty() ? -1 : scenario->workerIndex(w.starter);
        if (w.kind == WorkerSpec::Kind::Thread && starter >= 0
            && workers[size_t(starter)].kind == WorkerSpec::Kind::Thread)
            w.daemon = daemonOf(size_t(starter));
        else
            w.daemon = false; // started by a main thread (of the program or of a process)
        resolved[i] = 2;
        return w.daemon;
    };
    for (size_t i = 0; i < workers.size(); ++i)
        daemonOf(i);
}

bool applyRunOptions(Scenario* scenario, const RunOptions& options, ScenarioError* error)
{
    for (auto it = options.daemon.constBegin(); it != options.daemon.constEnd(); ++it) {
        if (it.key() == QLatin1String("all")) {
            for (WorkerSpec& w : scenario->workers) {
                w.daemon = it.value();
                w.daemonExplicit = true;
            }
            continue;
        }
        if (scenario->workerIndex(it.key()) < 0 && !scenario->group(it.key())) {
            *error = { scenario->source, 0, 0, tr("--daemon names an unknown worker \"%1\"").arg(it.key()) };
            return false;
        }
    }
    // Named overrides win over "all", whatever order they were given in.
    for (auto it = options.daemon.constBegin(); it != options.daemon.constEnd(); ++it) {
        if (it.key() == QLatin1String("all"))
            continue;
        // A group's name sets each of its members, as a loop over the list would.
        const Scenario::Group* g = scenario->group(it.key());
        const int first = g ? g->first : scenario->workerIndex(it.key());
        for (int i = first; i < first + (g ? g->count : 1); ++i) {
            scenario->workers[size_t(i)].daemon = it.value();
            scenario->workers[size_t(i)].daemonExplicit = true;
        }
    }
    inheritDaemon(scenario);
    // The ranges of the command line and the window's boxes (optionranges.h); 0 is the
    // scenario's own switch interval.
    const std::pair<const OptionRange*, double> numbers[] = {
        { &OptionRanges::timeScale, options.timeScale },
        { &OptionRanges::workScale, options.workScale },
        { &OptionRanges::switchInterval, options.switchInterval == 0 ? 0.005 : options.switchInterval },
    };
    for (const auto& [range, value] : numbers) {
        if (!range->contains(value)) {
            *error = { scenario->source, 0, 0, range->refusal(QString::number(value)) };
            return false;
        }
    }
    if (options.workScale != 1.0) {
        if (!scaleCompute(scenario->main, options.workScale, scenario->source, error))
            return false;
        for (WorkerSpec& w : scenario->workers) {
            if (!scaleCompute(w.steps, options.workScale, scenario->source, error))
                return false;
        }
    }
    if (options.gil >= 0)
        scenario->gil = options.gil == 1;
    if (options.switchInterval != 0)
        scenario->switchInterval = options.switchInterval;
    return true;
}

} // namespace Forkline
