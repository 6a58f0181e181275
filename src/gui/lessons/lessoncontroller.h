// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <QObject>

class QAction;
class QDoubleSpinBox;
class QWidget;

namespace Forkline {

class Collector;
class CompareWindow;
class ConsolePane;
class CurrentLesson;
class RunControls;
class Settings;
class WorkerPanel;
struct TraceModel;

// What the data lessons add to the main window: the GIL switch, switch interval and work
// scale beside the time scale (into every run's options), the workers' Terminate and
// Request stop buttons during a run, and Run > Compare…, whose results open in the main
// timeline. It learns of the selection and the run from the CurrentLesson, and places
// nothing itself: the window puts runControls() and compareAction() where they belong.
class LessonController : public QObject
{
    Q_OBJECT
public:
    // `timeScale` is the box whose scale a comparison runs at; `window` parents the controls
    // and the Compare window.
    LessonController(CurrentLesson* lesson, WorkerPanel* workers, ConsolePane* console, QDoubleSpinBox* timeScale,
        Settings* settings, QWidget* window);

    // The GIL, switch interval and work scale chosen for the next run.
    void apply(RunOptions* options) const;
    // Runs the selected scenario's variants in the Compare window.
    void openCompare();

    RunControls* runControls() const { return m_controls; }
    QAction* compareAction() const { return m_compare; }
    CompareWindow* compareWindow() const { return m_compareWindow; }

Q_SIGNALS:
    // A comparison's variant asks to be shown in the main timeline.
    void timelineRequested(const TraceModel& model, const QString& title);
    // A comparison could not start.
    void failed(const QString& error);

private:
    void onLoaded(const Scenario& scenario);
    void onRunStarted(Collector* collector);
    void updateActions();

    CurrentLesson* m_lesson = nullptr;
    WorkerPanel* m_workers = nullptr;
    ConsolePane* m_console = nullptr;
    QDoubleSpinBox* m_timeScale = nullptr;
    QWidget* m_window = nullptr;
    RunControls* m_controls = nullptr;
    QAction* m_compare = nullptr;
    CompareWindow* m_compareWindow = nullptr; // a child of the window, made on first use
};

} // namespace Forkline
