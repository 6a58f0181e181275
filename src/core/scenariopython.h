// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <QString>
#include <vector>

namespace Forkline {

// A scenario's steps written out as the Python program they stand for (docs/scenarios.md
// shows it by hand for two lessons), so that a scenario lesson reads as code beside its
// timeline. Every step kind has its Python; the program compiles and, run by python3, does
// what the scenario does (compute sums in a Python loop, so it is slower than the runner).
class ScenarioPython
{
public:
    // Where a step or a worker's function landed in the program (lines 1-based).
    struct StepLine
    {
        int worker = -1; // index into Scenario::workers; -1 for main
        int scenarioLine = 0; // the step's line in the scenario file (0 when not known)
        int line = 0;
    };

    static ScenarioPython generate(const Scenario& scenario);

    const QString& text() const { return m_text; }
    const std::vector<StepLine>& steps() const { return m_steps; }
    // The `def` line of a worker's function; 0 for an unknown worker. mainLine() is the
    // `if __name__ == "__main__":` that main's steps follow.
    int workerLine(int worker) const;
    int mainLine() const { return m_mainLine; }
    // The scenario's flow (worker index, -1 for main) whose code holds `line`; -2 for none.
    int flowAt(int line) const;

private:
    QString m_text;
    std::vector<StepLine> m_steps;
    std::vector<int> m_workerLines;
    std::vector<std::pair<int, int>> m_flowRanges; // per worker, then main: [first, last] lines
    int m_mainLine = 0;
};

} // namespace Forkline
