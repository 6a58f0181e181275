// SPDX-License-Identifier: GPL-3.0-or-later
#include "currentlesson.h"

#include "collector.h"
#include "pythonrunsetup.h"
#include "scenariopanel.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Forkline {

CurrentLesson::CurrentLesson(ScenarioPanel* scenarios, QObject* parent)
    : QObject(parent)
    , m_scenarios(scenarios)
{
    connect(scenarios, &ScenarioPanel::currentChanged, this, &CurrentLesson::select);
}

bool CurrentLesson::openFile(const QString& path, ScenarioError* error)
{
    Pending opened;
    if (!loadScenario(path, &opened.scenario, error, &opened.data))
        return false;
    opened.key = QFileInfo(path).absoluteFilePath();
    m_scenarios->addFile(opened.key, opened.scenario);
    const QString key = opened.key;
    m_pending = std::move(opened);
    m_scenarios->select(key);
    m_pending.reset(); // taken by select(), unless the panel refused the file
    return true;
}

void CurrentLesson::select(const QString& key)
{
    if (m_pending && m_pending->key == key) {
        take(key, m_pending->scenario, m_pending->data);
        return;
    }
    Scenario scenario;
    QByteArray data;
    ScenarioError error;
    if (!loadScenario(key, &scenario, &error, &data)) {
        m_key = key;
        m_scenario = Scenario();
        m_data.clear();
        m_loaded = false;
        m_error = error.toString();
        Q_EMIT loadFailed(m_error);
        return;
    }
    take(key, scenario, data);
}

void CurrentLesson::take(const QString& key, const Scenario& scenario, const QByteArray& data)
{
    m_key = key;
    m_scenario = scenario;
    m_data = data;
    m_loaded = true;
    m_error.clear();
    Q_EMIT loaded(m_scenario);
}

bool CurrentLesson::planRun(
    const RunOptions& options, const QString& pythonInterpreter, RunPlan* plan, QString* error) const
{
    if (!m_loaded) {
        *error = m_error;
        return false;
    }
    plan->scenario = m_scenario;
    if (!m_scenario.program.isEmpty())
        return preparePythonRun(m_scenario, pythonInterpreter, &plan->launch, &plan->note, error, &plan->gilEnabled);
    ScenarioError scenarioError;
    if (!applyRunOptions(&plan->scenario, options, &scenarioError)) {
        *error = scenarioError.toString();
        return false;
    }
    // The run executes the bytes read at selection, whatever happened to the file since.
    plan->launch.scenario = m_key;
    plan->launch.scenarioData = m_data;
    plan->launch.options = options;
    plan->launch.program = m_runnerProgram;
    // However busy the run, the window showing it keeps answering.
    plan->launch.lowerPriority = true;
    plan->note = QCoreApplication::translate("Forkline::MainWindow", "Running %1 at time scale %2")
                     .arg(plan->scenario.name)
                     .arg(options.timeScale);
    return true;
}

bool CurrentLesson::isRunning() const
{
    return m_collector && m_collector->isRunning();
}

void CurrentLesson::attachRun(Collector* collector)
{
    if (m_collector)
        m_collector->deleteLater();
    m_collector = collector;
    connect(collector, &Collector::finished, this, &CurrentLesson::runFinished);
    Q_EMIT runStarted(collector);
}

} // namespace Forkline
