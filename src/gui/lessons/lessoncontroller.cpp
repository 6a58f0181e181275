// SPDX-License-Identifier: GPL-3.0-or-later
#include "lessoncontroller.h"

#include "compare/comparewindow.h"
#include "console/consolepane.h"
#include "currentlesson.h"
#include "runcontrols.h"
#include "workerpanel.h"

#include <QAction>
#include <QDoubleSpinBox>

namespace Forkline {

LessonController::LessonController(CurrentLesson* lesson, WorkerPanel* workers, ConsolePane* console,
    QDoubleSpinBox* timeScale, Settings* settings, QWidget* window)
    : QObject(window)
    , m_lesson(lesson)
    , m_workers(workers)
    , m_console(console)
    , m_timeScale(timeScale)
    , m_window(window)
{
    m_controls = new RunControls(settings, window);
    m_compare = new QAction(tr("&Compare…"), window);
    m_compare->setShortcut(QKeySequence(Qt::Key_F6));
    const QString tip = tr("Run the scenario's variants (one thread, several threads, several processes) with the "
                           "GIL on and off, and compare how long each takes");
    m_compare->setToolTip(tr("%1 (%2)").arg(tip, m_compare->shortcut().toString(QKeySequence::NativeText)));
    m_compare->setStatusTip(tip);
    connect(m_compare, &QAction::triggered, this, &LessonController::openCompare);

    connect(lesson, &CurrentLesson::loaded, this, &LessonController::onLoaded);
    connect(lesson, &CurrentLesson::loadFailed, this, &LessonController::updateActions);
    connect(lesson, &CurrentLesson::runStarted, this, &LessonController::onRunStarted);
    connect(lesson, &CurrentLesson::runFinished, this, &LessonController::updateActions);
    if (lesson->isLoaded())
        onLoaded(lesson->scenario());
    updateActions();
}

void LessonController::apply(RunOptions* options) const
{
    m_controls->apply(options);
}

void LessonController::onLoaded(const Scenario& scenario)
{
    m_controls->setScenario(scenario);
    updateActions();
}

void LessonController::onRunStarted(Collector* collector)
{
    m_workers->attachRun(collector, m_lesson->scenario().name);
    const QString changes = m_controls->changes();
    if (!changes.isEmpty())
        m_console->appendNote(tr("With %1").arg(changes));
    updateActions();
}

void LessonController::updateActions()
{
    // A comparison measures speed: a run of the main window beside it would skew every figure.
    m_compare->setEnabled(!m_lesson->scenario().variants.empty() && !m_lesson->isRunning());
}

void LessonController::openCompare()
{
    if (!m_compareWindow) {
        m_compareWindow = new CompareWindow(m_window);
        connect(m_compareWindow, &CompareWindow::timelineRequested, this, &LessonController::timelineRequested);
    }
    // Opened again while the variants run: show them rather than start over.
    if (!m_compareWindow->isRunning()) {
        RunOptions options;
        options.timeScale = m_timeScale->value();
        m_controls->apply(&options);
        QString error;
        if (!m_compareWindow->start(m_lesson->key(), options, m_lesson->runnerProgram(), &error))
            Q_EMIT failed(error);
    }
    m_compareWindow->show();
    m_compareWindow->raise();
    m_compareWindow->activateWindow();
}

} // namespace Forkline
