// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace Forkline {

struct Scenario;

// The workers of the selected scenario, with a Daemon switch each: the teacher's way of
// asking "what if this thread were a daemon?" before pressing Run again.
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

Q_SIGNALS:
    void daemonFlagsChanged();

private:
    QTreeWidgetItem* item(const QString& worker) const;

    QTreeWidget* m_tree = nullptr;
    bool m_filling = false;
};

} // namespace Forkline
