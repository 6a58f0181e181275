// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fuzzcheck.h"
#include "scenario.h"

#include <QLocale>

namespace ForklineFuzz {

namespace detail {
using namespace Forkline;

inline void checkSteps(const std::vector<Step>& steps, int depth)
{
    // The loader refuses deeper nesting; a step list that got past it must respect that.
    FUZZ_CHECK(depth <= 33);
    for (const Step& s : steps) {
        FUZZ_CHECK(s.kind == Step::Kind::Repeat || s.body.empty());
        checkSteps(s.body, depth + 1);
    }
}

inline void applyOverrides(const Scenario& loaded, double workScale)
{
    Scenario scenario = loaded;
    RunOptions options;
    options.workScale = workScale;
    options.timeScale = 1000;
    options.gil = 0;
    options.switchInterval = 0.001;
    options.daemon.insert(QStringLiteral("all"), true);
    if (!scenario.workers.empty())
        options.daemon.insert(scenario.workers.front().name, false);
    ScenarioError error;
    if (!applyRunOptions(&scenario, options, &error))
        FUZZ_CHECK(!error.message.isEmpty());
}

} // namespace detail

// One input of fuzz_scenario: a lesson file a user opens, then the command line's overrides
// on what it loaded. Aborts on a broken promise.
inline void scenarioInput(const QByteArray& bytes)
{
    using namespace Forkline;
    using namespace detail;
    Scenario scenario;
    ScenarioError error;
    if (!parseScenario(bytes, QStringLiteral("fuzz.json"), &scenario, &error)) {
        // Refused: with one sentence that says why.
        FUZZ_CHECK(!error.message.isEmpty());
        FUZZ_CHECK(error.line >= 0 && error.column >= 0);
        FUZZ_CHECK(!error.toString().isEmpty());
        return;
    }
    FUZZ_CHECK(scenario.workers.size() <= size_t(kMaxWorkers));
    checkSteps(scenario.main, 0);
    for (const WorkerSpec& w : scenario.workers) {
        FUZZ_CHECK(!w.name.isEmpty());
        FUZZ_CHECK(scenario.worker(w.name) == &w); // names are unique
        checkSteps(w.steps, 0);
    }
    localizeScenario(&scenario, QLocale(QLocale::Korean, QLocale::SouthKorea));
    applyOverrides(scenario, 1000);
    applyOverrides(scenario, 0.001);
}

} // namespace ForklineFuzz
