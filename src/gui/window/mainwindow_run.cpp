// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "collector.h"
#include "console/consolepane.h"
#include "cpusampler.h"
#include "gilsampler.h"
#include "lessons/currentlesson.h"
#include "lessons/lessoncontroller.h"
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
    return m_lesson->isRunning();
}

bool MainWindow::startRun()
{
    if (isRunning()) {
        // Run during a run starts over: stop this one and go again once it has ended.
        m_restartPending = true;
        m_lesson->collector()->stop();
        return true;
    }
    if (m_lesson->key().isEmpty()) {
        showError(tr("Pick a scenario first."));
        return false;
    }
    RunOptions options;
    options.timeScale = m_timeScale->value();
    options.daemon = m_scenarios->workers()->daemonFlags();
    m_lessons->apply(&options);
    CurrentLesson::RunPlan plan;
    QString planError;
    if (!m_lesson->planRun(options, m_settings->pythonInterpreter(), &plan, &planError)) {
        showError(planError);
        return false;
    }
    const Scenario& scenario = plan.scenario;
    // A fresh collector per run: nothing of the previous run (sockets, buffers, timers) can
    // leak into the next one.
    auto* collector = new Collector(this);
    new CpuSampler(collector); // cores busy per process, and whether other programs took some
    m_heldStderr.clear();
    GilSampler* sampler = nullptr;
    if (scenario.program.isEmpty()) {
        connect(collector, &Collector::stderrText, m_console, &ConsolePane::appendStderr);
    } else {
        // The GIL and the memory of a Python run, read from the OS (its child).
        sampler = new GilSampler(collector);
        sampler->setInferGil(plan.gilEnabled);
        connect(collector, &Collector::stderrText, this, [this](const QString& text) { m_heldStderr += text; });
    }
    QString startError;
    // A runner that cannot even be started may end the run inside start(); that is a
    // failure to start, not a run to show.
    if (!collector->start(plan.launch, &startError) || !collector->isRunning()) {
        if (startError.isEmpty())
            startError = collector->errorText();
        delete collector;
        showError(startError.isEmpty() ? tr("The run could not be started.") : startError);
        return false;
    }
    connect(collector, &Collector::modelUpdated, m_view, &TimelineView::scheduleUpdate);
    // The console reads the prints from the model; a batch of events may have added some.
    connect(collector, &Collector::modelUpdated, m_console, &ConsolePane::printsAdded);
    m_message->hide();
    m_runScenario = scenario;
    m_console->clear();
    m_console->appendNote(plan.note);
    m_console->followPrints(&collector->model());
    // The view follows the collector's model while live; the old picture goes only now.
    m_view->setModel(&collector->model());
    m_view->setLiveClock([collector] { return collector->elapsed(); });
    // The GIL waits measured so far, drawn while the run is on (the model gets them at its end).
    if (sampler)
        m_view->setLiveStretches(
            [sampler]() -> const TimelineOverlay::Stretches& { return sampler->liveStretches(); }, State::WaitingGil);
    m_model = TraceModel();
    m_console->setInputEnabled(true);
    m_lastState = tr("Running %1…").arg(scenario.name);
    m_runClock.start();
    m_statusTimer.start();
    m_lesson->attachRun(collector);
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
    m_lesson->collector()->stop();
    updateStatus();
}

void MainWindow::onFinished(int exitCode)
{
    Collector* collector = m_lesson->collector();
    m_model = collector->takeModel();
    if (const GilSampler* gil = collector->findChild<GilSampler*>())
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
    if (!collector->errorText().isEmpty()) {
        m_lastState = tr("Failed after %1").arg(took);
        showError(collector->errorText());
    } else if (exitCode == 130) {
        m_lastState = tr("Stopped after %1").arg(took);
    } else if (exitCode != 0) {
        m_lastState = tr("Ended with exit code %1 after %2").arg(exitCode).arg(took);
    } else {
        m_lastState = tr("Finished in %1").arg(took);
    }
    const CpuSampler* cores = collector->findChild<CpuSampler*>();
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
