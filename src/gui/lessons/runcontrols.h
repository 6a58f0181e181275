// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QDoubleSpinBox;
class QToolBar;
class QWidget;

namespace Forkline {

class Settings;
struct RunOptions;
struct Scenario;

// The knobs of the data lessons: the GIL switch, its switch interval and the work scale.
// The GIL and the interval start from the selected scenario, as they are part of the
// lesson; the work scale is remembered, as it is about the machine. All apply to the next
// run, like the time scale beside them.
class RunControls : public QObject
{
    Q_OBJECT
public:
    RunControls(Settings* settings, QWidget* parent);

    QAction* gilAction() const { return m_gil; }
    QDoubleSpinBox* switchIntervalBox() const { return m_switchInterval; }

    // Labelled spin boxes and the GIL switch, inserted before `before` (nullptr: at the end).
    void addToToolBar(QToolBar* bar, QAction* before);
    void setScenario(const Scenario& scenario);
    void apply(RunOptions* options) const;
    // What differs from the scenario's own settings, e.g. "GIL off · work scale 0.01×";
    // empty when nothing does.
    QString changes() const;

    bool gil() const;
    void setGil(bool on);
    double switchIntervalMs() const;
    void setSwitchIntervalMs(double ms);
    double workScale() const;
    void setWorkScale(double scale);

private:
    void updateEnabled();

    Settings* m_settings = nullptr;
    QAction* m_gil = nullptr;
    QDoubleSpinBox* m_switchInterval = nullptr;
    QDoubleSpinBox* m_workScale = nullptr;
    bool m_scenarioGil = true;
    double m_scenarioSwitchMs = 5.0;
};

} // namespace Forkline
