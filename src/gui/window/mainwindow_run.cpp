// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "collector.h"
#include "console/consolepane.h"
#include "cpusampler.h"
#include "gilsampler.h"
#include "lessons/lessoncontroller.h"
#include "lessons/pythonrunsetup.h"
#include "lessons/scenariopanel.h"
#include "lessons/workerpanel.h"
#include "messagebar.h"
#include "settings/settings.h"
#include "timeaxis.h"
#include "timelinelayout.h"
#include "view/timelineview.h"
#include "zoomstate.h"

#include <QDoubleSpinBox>

namespace Forkline {

bool MainWindow::isRunning() const
{
    return m_collector && m_collector->isRunning();
}

bool MainWindow::startRun()
{
    if (isRunning()) {
        // Run during a run starts over: stop this one and go again once it has ended.
        m_restartPending = true;
        m_collector->stop();
        return true;
    }
    const QString key = m_scenarios->current();
    if (key.isEmpty()) {
        showError(tr("Pick a scenario first."));
        return false;
    }
    RunOptions options;
    options.timeScale = m_timeScale->value();
    options.daemon = m_scenarios->workers()->daemonFlags();
    m_lessons->apply(&options);
    Scenario scenario;
    ScenarioError error;
    Collector::Launch launch;
    QString note;
    bool gilEnabled = true; // false: a free-threaded Python, whose threads wait for no GIL
    if (loadScenario(key, &scenario, &error) && !scenario.program.isEmpty()) {
        // A Python program: the interpreter runs it, with the tracer.
        QString pythonError;
        if (!preparePythonRun(scenario, m_settings->pythonInterpreter(), &launch, &note, &pythonError, &gilEnabled)) {
            showError(pythonError);
            return false;
        }
    } else {
        // The run executes these very bytes, whatever happens to the file while it goes on.
        QByteArray scenarioData;
        if (!readScenarioFile(key, &scenarioData, &error) || !loadScenarioData(key, scenarioData, &scenario, &error)
            || !applyRunOptions(&scenario, options, &error)) {
            showError(error.toString());
            return false;
        }
        launch.scenario = key;
        launch.scenarioData = scenarioData;
        launch.options = options;
        launch.program = m_runnerProgram;
        // However busy the run, the window showing it keeps answering.
        launch.lowerPriority = true;
        note = tr("Running %1 at time scale %2").arg(scenario.name).arg(options.timeScale);
    }
    // A fresh collector per run: nothing of the previous run (sockets, buffers, timers) can
    // leak into the next one.
    auto* collector = new Collector(this);
    new CpuSampler(collector); // cores busy per process, and whether other programs took some
    m_heldStderr.clear();
    if (scenario.program.isEmpty()) {
        connect(collector, &Collector::stderrText, m_console, &ConsolePane::appendStderr);
    } else {
        // The GIL and the memory of a Python run, read from the OS (its child).
        auto* sampler = new GilSampler(collector);
        sampler->setInferGil(gilEnabled);
        connect(collector, &Collector::stderrText, this, [this](const QString& text) { m_heldStderr += text; });
    }
    QString startError;
    // A runner that cannot even be started may end the run inside start(); that is a
    // failure to start, not a run to show.
    if (!collector->start(launch, &startError) || !collector->isRunning()) {
        if (startError.isEmpty())
            startError = collector->errorText();
        delete collector;
        showError(startError.isEmpty() ? tr("The run could not be started.") : startError);
        return false;
    }
    connect(collector, &Collector::modelUpdated, m_view, &TimelineView::scheduleUpdate);
    // The console reads the prints from the model; a batch of events may have added some.
    connect(collector, &Collector::modelUpdated, m_console, &ConsolePane::printsAdded);
    connect(collector, &Collector::finished, this, &MainWindow::onFinished);
    if (m_collector)
        m_collector->deleteLater();
    m_collector = collector;
    m_message->hide();
    m_runScenario = scenario;
    m_console->clear();
    m_console->appendNote(note);
    m_console->followPrints(&collector->model());
    // The view follows the collector's model while live; the old picture goes only now.
    m_view->setModel(&collector->model());
    m_view->setLiveClock([collector] { return collector->elapsed(); });
    m_model = TraceModel();
    m_console->setInputEnabled(true);
    m_lastState = tr("Running %1…").arg(scenario.name);
    m_runClock.start();
    m_statusTimer.start();
    updateActions();
    updateStatus();
    Q_EMIT runStarted();
    return true;
}

void MainWindow::stopRun()
{
    m_restartPending = false;
    if (!isRunning())
        return;
    m_lastState = tr("Stopping…");
    m_collector->stop();
    updateStatus();
}

void MainWindow::onFinished(int exitCode)
{
    m_model = m_collector->takeModel();
    if (const GilSampler* gil = m_collector->findChild<GilSampler*>())
        gil->apply(&m_model);
    m_console->traceMoved(&m_model);
    if (m_model.isEmpty() && !m_heldStderr.isEmpty())
        m_console->appendStderr(m_heldStderr);
    m_heldStderr.clear();
    m_model.title = m_runScenario.title;
    m_model.scenario = m_runScenario.name;
    m_view->setModel(&m_model);
    m_view->setLiveClock({});
    m_view->zoom()->fit();
    m_statusTimer.stop();
    m_console->setInputEnabled(false);
    const QString took = TimeAxis::duration(m_runClock.nsecsElapsed());
    if (!m_collector->errorText().isEmpty()) {
        m_lastState = tr("Failed after %1").arg(took);
        showError(m_collector->errorText());
    } else if (exitCode == 130) {
        m_lastState = tr("Stopped after %1").arg(took);
    } else if (exitCode != 0) {
        m_lastState = tr("Ended with exit code %1 after %2").arg(exitCode).arg(took);
    } else {
        m_lastState = tr("Finished in %1").arg(took);
    }
    const CpuSampler* cores = m_collector->findChild<CpuSampler*>();
    if (cores && cores->contended())
        m_lastState += QLatin1Char(' ')
            + tr("(timings unreliable: other programs kept %1 of a core busy)")
                  .arg(QString::number(cores->otherCores(), 'f', 2));
    m_console->appendNote(m_lastState);
    updateActions();
    updateStatus();
    Q_EMIT runFinished(exitCode);
    if (m_restartPending) {
        m_restartPending = false;
        startRun();
    }
}

} // namespace Forkline
