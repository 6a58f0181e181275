// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <QObject>

class QAction;
class QWidget;

namespace Forkline {

class CompareWindow;
class MainWindow;
class RunControls;
class ScenarioPanel;
class Settings;

// What the data lessons add to the main window: the GIL switch, switch interval and work
// scale beside the time scale (into every run's options), the workers' Terminate and
// Request stop buttons during a run, and Run > Compare…, whose results open in the main
// timeline.
class LessonController : public QObject
{
    Q_OBJECT
public:
    // `timeScale` is the toolbar's time scale box: the lesson's boxes go right after it.
    LessonController(MainWindow* window, ScenarioPanel* scenarios, QWidget* timeScale, Settings* settings);

    // The GIL, switch interval and work scale chosen for the next run.
    void apply(RunOptions* options) const;
    // Runs the selected scenario's variants in the Compare window.
    void openCompare();

    RunControls* runControls() const { return m_controls; }
    QAction* compareAction() const { return m_compare; }
    CompareWindow* compareWindow() const { return m_compareWindow; }

private:
    void placeActions(QWidget* timeScale);
    void onScenarioChanged(const QString& nameOrPath);
    void onRunStarted();
    void updateActions();

    MainWindow* m_window = nullptr;
    ScenarioPanel* m_scenarios = nullptr;
    RunControls* m_controls = nullptr;
    QAction* m_compare = nullptr;
    CompareWindow* m_compareWindow = nullptr; // a child of the window, made on first use
    Scenario m_scenario; // the selected one
};

} // namespace Forkline
