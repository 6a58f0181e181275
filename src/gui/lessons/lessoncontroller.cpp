// SPDX-License-Identifier: GPL-3.0-or-later
#include "lessoncontroller.h"

#include "compare/comparewindow.h"
#include "console/consolepane.h"
#include "runcontrols.h"
#include "scenariopanel.h"
#include "window/mainwindow.h"
#include "window/messagebar.h"
#include "workerpanel.h"

#include <QAction>
#include <QMenu>
#include <QToolBar>

namespace Forkline {

LessonController::LessonController(MainWindow* window, ScenarioPanel* scenarios, QWidget* timeScale, Settings* settings)
    : QObject(window)
    , m_window(window)
    , m_scenarios(scenarios)
{
    m_controls = new RunControls(settings, window);
    m_compare = new QAction(tr("&Compare…"), window);
    m_compare->setShortcut(QKeySequence(Qt::Key_F6));
    const QString tip = tr("Run the scenario's variants (one thread, several threads, several processes) with the "
                           "GIL on and off, and compare how long each takes");
    m_compare->setToolTip(tr("%1 (%2)").arg(tip, m_compare->shortcut().toString(QKeySequence::NativeText)));
    m_compare->setStatusTip(tip);
    connect(m_compare, &QAction::triggered, this, &LessonController::openCompare);
    placeActions(timeScale);

    connect(scenarios, &ScenarioPanel::currentChanged, this, &LessonController::onScenarioChanged);
    connect(window, &MainWindow::runStarted, this, &LessonController::onRunStarted);
    connect(window, &MainWindow::runFinished, this, &LessonController::updateActions);
    onScenarioChanged(scenarios->current());
}

void LessonController::placeActions(QWidget* timeScale)
{
    // Where Run is: its menu, and its toolbar right after the time scale.
    for (QObject* holder : m_window->runAction()->associatedObjects()) {
        if (auto* menu = qobject_cast<QMenu*>(holder)) {
            menu->addSeparator();
            menu->addAction(m_controls->gilAction());
            menu->addAction(m_compare);
        } else if (auto* bar = qobject_cast<QToolBar*>(holder)) {
            const QList<QAction*> actions = bar->actions();
            QAction* before = nullptr;
            for (int i = 0; i + 1 < actions.size() && !before; ++i) {
                if (bar->widgetForAction(actions[i]) == timeScale)
                    before = actions[i + 1];
            }
            m_controls->addToToolBar(bar, before);
        }
    }
}

void LessonController::apply(RunOptions* options) const
{
    m_controls->apply(options);
}

void LessonController::onScenarioChanged(const QString& nameOrPath)
{
    Scenario scenario;
    ScenarioError error;
    // A scenario that does not load is reported by the main window; keep the last one.
    if (!nameOrPath.isEmpty() && loadScenario(nameOrPath, &scenario, &error)) {
        m_scenario = scenario;
        m_controls->setScenario(scenario);
    }
    updateActions();
}

void LessonController::onRunStarted()
{
    m_window->workerPanel()->attachRun(m_window->collector(), m_scenario.name);
    const QString changes = m_controls->changes();
    if (!changes.isEmpty())
        m_window->console()->appendNote(tr("With %1").arg(changes));
    updateActions();
}

void LessonController::updateActions()
{
    // A comparison measures speed: a run of the main window beside it would skew every figure.
    m_compare->setEnabled(!m_scenario.variants.empty() && !m_window->isRunning());
}

void LessonController::openCompare()
{
    if (!m_compareWindow) {
        m_compareWindow = new CompareWindow(m_window);
        connect(m_compareWindow, &CompareWindow::timelineRequested, m_window, &MainWindow::showModel);
    }
    // Opened again while the variants run: show them rather than start over.
    if (!m_compareWindow->isRunning()) {
        RunOptions options;
        options.timeScale = m_window->timeScale();
        m_controls->apply(&options);
        QString error;
        if (!m_compareWindow->start(m_window->currentScenario(), options, m_window->runnerProgram(), &error))
            m_window->messageBar()->showMessage(error, MessageBar::Kind::Error);
    }
    m_compareWindow->show();
    m_compareWindow->raise();
    m_compareWindow->activateWindow();
}

} // namespace Forkline
