// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontrols.h"

#include "scenario.h"
#include "settings/settings.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QToolBar>

namespace Forkline {

RunControls::RunControls(Settings* settings, QWidget* parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_gil = new QAction(tr("&GIL"), parent);
    m_gil->setCheckable(true);
    m_gil->setChecked(true);
    m_gil->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    const QString gilHelp
        = tr("Global interpreter lock (GIL): in CPython only the thread that holds it may run Python code, so the "
             "threads of one process take turns and two threads sum no faster than one (watch computing and "
             "waiting: GIL alternate). Off: threads compute truly in parallel, as C++ threads or free-threaded "
             "Python 3.13 do. Each process has its own GIL either way. Starts as the scenario says; applies to the "
             "next run.");
    m_gil->setToolTip(tr("%1 (%2)").arg(gilHelp, m_gil->shortcut().toString(QKeySequence::NativeText)));
    m_gil->setStatusTip(tr("Switch the simulated global interpreter lock on or off for the next run"));

    m_switchInterval = new QDoubleSpinBox(parent);
    // Shown in milliseconds: the table's seconds times 1000, one decimal (0.1 ms).
    m_switchInterval->setDecimals(OptionRanges::switchInterval.decimals - 3);
    m_switchInterval->setRange(OptionRanges::switchInterval.low * 1000, OptionRanges::switchInterval.high * 1000);
    // Adaptive steps walk 0.1, 0.2 ... 1, 2 ... 10, 20: the range spans four decades.
    m_switchInterval->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_switchInterval->setValue(OptionRanges::switchInterval.defaultValue * 1000);
    m_switchInterval->setSuffix(tr(" ms"));
    m_switchInterval->setAccessibleName(tr("Switch interval"));
    m_switchInterval->setToolTip(
        tr("Switch interval, like sys.setswitchinterval(): how long a thread may keep the GIL while another thread "
           "waits for it. Shorter turns mean more hand-overs (finer stripes of computing and waiting: GIL), longer "
           "ones fewer; the total hardly changes, because only one thread computes at a time. CPython's default is "
           "5 ms. Matters only with the GIL on."));

    m_workScale = new QDoubleSpinBox(parent);
    m_workScale->setDecimals(OptionRanges::workScale.decimals);
    m_workScale->setRange(OptionRanges::workScale.boxMinimum(), OptionRanges::workScale.high);
    m_workScale->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_workScale->setValue(settings->workScale());
    m_workScale->setSuffix(tr(" ×"));
    m_workScale->setAccessibleName(tr("Work scale"));
    m_workScale->setToolTip(
        tr("Work scale: every compute step sums this fraction of its numbers. 1 does the lesson's whole sums; 0.01 "
           "turns ten seconds of summing into a tenth of a second, for a slow computer or a quick look. The "
           "proportions between threads, processes and the GIL stay the same."));

    connect(m_workScale, &QDoubleSpinBox::valueChanged, m_settings, &Settings::setWorkScale);
    connect(m_settings, &Settings::workScaleChanged, m_workScale, &QDoubleSpinBox::setValue);
    connect(m_gil, &QAction::toggled, this, &RunControls::updateEnabled);
}

void RunControls::addToToolBar(QToolBar* bar, QAction* before)
{
    auto* workLabel = new QLabel(tr(" Wor&k scale: "), bar);
    workLabel->setBuddy(m_workScale);
    bar->insertWidget(before, workLabel);
    bar->insertWidget(before, m_workScale);
    bar->insertSeparator(before);
    bar->insertAction(before, m_gil);
    auto* switchLabel = new QLabel(tr(" Switch i&nterval: "), bar);
    switchLabel->setBuddy(m_switchInterval);
    bar->insertWidget(before, switchLabel);
    bar->insertWidget(before, m_switchInterval);
}

void RunControls::setScenario(const Scenario& scenario)
{
    m_scenarioGil = scenario.gil;
    m_scenarioSwitchMs = scenario.switchInterval * 1000;
    setGil(scenario.gil);
    setSwitchIntervalMs(m_scenarioSwitchMs);
}

void RunControls::apply(RunOptions* options) const
{
    options->gil = gil() ? 1 : 0;
    options->switchInterval = switchIntervalMs() / 1000;
    options->workScale = workScale();
}

QString RunControls::changes() const
{
    QStringList parts;
    if (gil() != m_scenarioGil)
        parts << (gil() ? tr("GIL on") : tr("GIL off"));
    if (gil() && !qFuzzyCompare(switchIntervalMs(), m_scenarioSwitchMs))
        parts << tr("switch interval %1 ms").arg(switchIntervalMs());
    if (!qFuzzyCompare(workScale(), 1.0))
        parts << tr("work scale %1×").arg(workScale());
    return parts.join(QStringLiteral(" · "));
}

bool RunControls::gil() const
{
    return m_gil->isChecked();
}

void RunControls::setGil(bool on)
{
    m_gil->setChecked(on);
    updateEnabled();
}

double RunControls::switchIntervalMs() const
{
    return m_switchInterval->value();
}

void RunControls::setSwitchIntervalMs(double ms)
{
    m_switchInterval->setValue(ms);
}

double RunControls::workScale() const
{
    return m_workScale->value();
}

void RunControls::setWorkScale(double scale)
{
    m_workScale->setValue(scale);
}

void RunControls::updateEnabled()
{
    // Without a GIL there is nothing to hand over.
    m_switchInterval->setEnabled(gil());
}

} // namespace Forkline
