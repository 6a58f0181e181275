// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QAbstractButton;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Forkline {

class Collector;
struct Scenario;

// The workers of the selected scenario, with a Daemon switch each: the teacher's way of
// asking "what if this thread were a daemon?" before pressing Run again. During a run each
// worker has a button to end it from outside: Terminate for a process, Request stop for a
// thread, which is all Python allows.
class WorkerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WorkerPanel(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario);
    // Every worker's daemon flag as RunOptions::daemon wants it.
    QHash<QString, bool> daemonFlags() const;
    void setDaemon(const QString& worker, bool daemon);
    int workerCount() const;

    // Follows the run `collector` makes of the scenario named `scenarioName` until it
    // finishes: the buttons of running workers work and the daemon switches are locked, as
    // they only take effect when a run starts. A run of another scenario than the one listed
    // locks the switches but offers no buttons (its workers are not these).
    void attachRun(Collector* collector, const QString& scenarioName);
    // The worker's Terminate or Request stop button; nullptr for an unknown worker.
    QAbstractButton* controlButton(const QString& worker) const;

Q_SIGNALS:
    void daemonFlagsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Phase : std::uint8_t { Idle, NotStarted, Running, Ended };
    QTreeWidgetItem* item(const QString& worker) const;
    void detachRun();
    void refreshControls();
    void updateControl(QTreeWidgetItem* it, Phase phase);
    void keepColumnsInView();
    void onControlClicked(const QString& worker);
    void setLocked(bool locked);

    QTreeWidget* m_tree = nullptr;
    QPointer<Collector> m_collector;
    QString m_scenarioName; // the scenario listed
    QString m_runScenario; // the scenario of the attached run
    QSet<QString> m_requested; // workers asked to end during this run
    QTimer m_refreshTimer;
    bool m_filling = false;
    bool m_locked = false;
};

} // namespace Forkline
