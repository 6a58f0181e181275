// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "collector.h" // complete for the signals that carry it
#include "scenario.h"

#include <QByteArray>
#include <QObject>
#include <optional>

namespace Forkline {

class ScenarioPanel;

// The selected lesson and its run. A selection in the scenario list loads the scenario here,
// once, and everything that needs it gets the loaded copy through loaded(): the window, the
// lesson's controls and the run itself, which executes the bytes read at selection (every
// process of the run parses that copy, never the file). The collector of the run going on, or
// last started, is kept here too, so that whoever follows a run asks this object, not the window.
class CurrentLesson : public QObject
{
    Q_OBJECT
public:
    CurrentLesson(ScenarioPanel* scenarios, QObject* parent);

    // Loads a scenario file or Python program, lists it in the panel and selects it; a file
    // that does not load changes nothing and says why in `error`.
    bool openFile(const QString& path, ScenarioError* error);

    // The built-in name or file path selected; empty before the first selection.
    QString key() const { return m_key; }
    // Whether the selected scenario loaded; if not, errorText() says why.
    bool isLoaded() const { return m_loaded; }
    QString errorText() const { return m_error; }
    // The selected scenario as loaded (empty when it did not load).
    const Scenario& scenario() const { return m_scenario; }
    // The bytes it was parsed from, for the run to execute; empty for a Python program.
    const QByteArray& scenarioData() const { return m_data; }

    // How the selected lesson runs with `options`: the bytes loaded at selection for a
    // scenario, the interpreter (with the tracer) for a Python program.
    struct RunPlan
    {
        Collector::Launch launch;
        Scenario scenario; // as it runs: the options applied
        QString note; // the console's first line
        bool gilEnabled = true; // false: a free-threaded Python, whose threads wait for no GIL
    };
    bool planRun(const RunOptions& options, const QString& pythonInterpreter, RunPlan* plan, QString* error) const;

    // The program started in runner mode; empty means this executable.
    void setRunnerProgram(const QString& path) { m_runnerProgram = path; }
    QString runnerProgram() const { return m_runnerProgram; }
    // The run: the collector going on or last started, nullptr before the first.
    Collector* collector() const { return m_collector; }
    bool isRunning() const;
    // Makes a started collector this lesson's run (the previous one is deleted later) and
    // says so through runStarted(); its end comes as runFinished().
    void attachRun(Collector* collector);

Q_SIGNALS:
    // The selection loaded: `scenario` is the copy every user of the lesson shares.
    void loaded(const Scenario& scenario);
    // The selection did not load (a listed file edited into a broken state, say).
    void loadFailed(const QString& error);
    void runStarted(Collector* collector);
    void runFinished(int exitCode);

private:
    void select(const QString& key);
    void take(const QString& key, const Scenario& scenario, const QByteArray& data);

    ScenarioPanel* m_scenarios = nullptr;
    QString m_key;
    Scenario m_scenario;
    QByteArray m_data;
    QString m_error;
    bool m_loaded = false;
    // A file openFile() loaded: its selection in the panel takes this copy, not a new read.
    struct Pending
    {
        QString key;
        Scenario scenario;
        QByteArray data;
    };
    std::optional<Pending> m_pending;
    QString m_runnerProgram;
    Collector* m_collector = nullptr;
};

} // namespace Forkline
