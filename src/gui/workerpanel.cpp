// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerpanel.h"

#include "scenario.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Forkline {

namespace {
enum Column { NameColumn, KindColumn, DaemonColumn };
constexpr int kNameRole = Qt::UserRole + 1;
} // namespace

WorkerPanel::WorkerPanel(QWidget* parent)
    : QWidget(parent)
{
    m_tree = new QTreeWidget(this);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setHeaderLabels({ tr("Worker"), tr("Kind"), tr("Daemon") });
    const QString daemonHelp = tr("Daemon, as in Python: when the main thread ends, the program does not wait for a "
                                  "daemon worker; it is killed where it stands (thread.daemon = True, "
                                  "Process(daemon=True)). A non-daemon worker keeps the program alive until it "
                                  "finishes. The scenario's own setting is the default; your choice applies to the "
                                  "next run.");
    m_tree->headerItem()->setToolTip(DaemonColumn, daemonHelp);
    m_tree->headerItem()->setToolTip(KindColumn,
        tr("thread: a QThread inside the runner process; process: a separate child process with its own PID"));
    m_tree->setToolTip(tr("The workers the scenario starts. Tick Daemon to make a worker a daemon for the next run."));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DaemonColumn, QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
        if (!m_filling && column == DaemonColumn)
            Q_EMIT daemonFlagsChanged();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
}

void WorkerPanel::setScenario(const Scenario& scenario)
{
    m_filling = true;
    m_tree->clear();
    const QString daemonHelp = m_tree->headerItem()->toolTip(DaemonColumn);
    for (const WorkerSpec& w : scenario.workers) {
        auto* it = new QTreeWidgetItem(m_tree);
        it->setText(NameColumn, w.label.isEmpty() ? w.name : tr("%1 (%2)").arg(w.label, w.name));
        it->setData(NameColumn, kNameRole, w.name);
        it->setText(KindColumn, w.kind == WorkerSpec::Kind::Process ? tr("process") : tr("thread"));
        it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        it->setCheckState(DaemonColumn, w.daemon ? Qt::Checked : Qt::Unchecked);
        it->setToolTip(DaemonColumn, daemonHelp);
        it->setToolTip(NameColumn, tr("Named %1 in the program and on the timeline").arg(w.name));
    }
    m_filling = false;
    Q_EMIT daemonFlagsChanged();
}

QTreeWidgetItem* WorkerPanel::item(const QString& worker) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = m_tree->topLevelItem(i);
        if (it->data(NameColumn, kNameRole).toString() == worker)
            return it;
    }
    return nullptr;
}

QHash<QString, bool> WorkerPanel::daemonFlags() const
{
    QHash<QString, bool> flags;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* it = m_tree->topLevelItem(i);
        flags.insert(it->data(NameColumn, kNameRole).toString(), it->checkState(DaemonColumn) == Qt::Checked);
    }
    return flags;
}

void WorkerPanel::setDaemon(const QString& worker, bool daemon)
{
    if (QTreeWidgetItem* it = item(worker))
        it->setCheckState(DaemonColumn, daemon ? Qt::Checked : Qt::Unchecked);
}

int WorkerPanel::workerCount() const
{
    return m_tree->topLevelItemCount();
}

} // namespace Forkline
