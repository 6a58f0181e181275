// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerpanel.h"

#include "collector.h"
#include "scenario.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace Forkline {

namespace {
enum Column { NameColumn, KindColumn, DaemonColumn, ControlColumn };
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kProcessRole = Qt::UserRole + 2;
// A group's row (a worker entry with "count"): the names of its members.
constexpr int kMembersRole = Qt::UserRole + 3;
// Lanes appear and end a few times a second at most; the model may change thousands of
// times a second, so the buttons follow it on a timer rather than on every update.
constexpr int kRefreshMs = 150;

// Draws the daemon switches greyed while a run is going: they only take effect at Run.
class LockableDelegate : public QStyledItemDelegate
{
public:
    LockableDelegate(const bool* locked, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_locked(locked)
    { }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (*m_locked)
            option->state &= ~QStyle::State_Enabled;
    }

private:
    const bool* m_locked = nullptr;
};
} // namespace

WorkerPanel::WorkerPanel(QWidget* parent)
    : QWidget(parent)
{
    m_tree = new QTreeWidget(this);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setAccessibleName(tr("Workers"));
    m_tree->setHeaderLabels({ tr("Worker"), tr("Kind"), tr("Daemon"), tr("Control") });
    const QString daemonHelp = tr("Daemon, as in Python: when the main thread ends, the program does not wait for a "
                                  "daemon worker; it is killed where it stands (thread.daemon = True, "
                                  "Process(daemon=True)). A non-daemon worker keeps the program alive until it "
                                  "finishes. The scenario's own setting is the default; your choice applies to the "
                                  "next run.");
    m_tree->headerItem()->setToolTip(DaemonColumn, daemonHelp);
    m_tree->headerItem()->setToolTip(KindColumn,
        tr("thread: a QThread inside the runner process; process: a separate child process with its own PID"));
    m_tree->headerItem()->setToolTip(ControlColumn,
        tr("During a run, end a worker from outside: a process can be terminated (SIGTERM, then SIGKILL); a "
           "thread can only be asked to stop, as in Python."));
    m_tree->setToolTip(tr("The workers the scenario starts. Tick Daemon (or press Space on a worker) to make it a "
                          "daemon for the next run; during a run, Terminate or Request stop ends a worker."));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DaemonColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ControlColumn, QHeaderView::ResizeToContents);
    m_tree->setItemDelegateForColumn(DaemonColumn, new LockableDelegate(&m_locked, this));
    m_tree->installEventFilter(this);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
        if (!m_filling && column == DaemonColumn)
            Q_EMIT daemonFlagsChanged();
    });

    m_refreshTimer.setInterval(kRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &WorkerPanel::refreshControls);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    setFocusProxy(m_tree);
}

void WorkerPanel::setScenario(const Scenario& scenario)
{
    m_filling = true;
    m_tree->clear();
    m_scenarioName = scenario.name;
    const QString daemonHelp = m_tree->headerItem()->toolTip(DaemonColumn);
    // A group of workers (a "count" entry: ten thousand threads, say) is one row that acts on
    // every member, as the loop over its list does in Python; a row and a button each would
    // cost the window seconds to build and every refresh to update.
    QList<QTreeWidgetItem*> rows;
    QHash<QString, QTreeWidgetItem*> groupRows;
    QHash<QString, QStringList> members;
    for (const WorkerSpec& w : scenario.workers) {
        const bool process = w.kind == WorkerSpec::Kind::Process;
        if (!w.group.isEmpty()) {
            members[w.group] << w.name;
            if (groupRows.contains(w.group))
                continue;
        }
        auto* it = new QTreeWidgetItem;
        const QString name = w.group.isEmpty() ? w.name : w.group;
        if (w.group.isEmpty()) {
            it->setText(NameColumn, w.label.isEmpty() ? w.name : tr("%1 (%2)").arg(w.label, w.name));
            it->setToolTip(NameColumn, tr("Named %1 in the program and on the timeline").arg(w.name));
        } else {
            const Scenario::Group* g = scenario.group(w.group);
            const int count = g ? g->count : 1;
            //: a group of workers: its name and how many, "w × 1000"
            it->setText(NameColumn, tr("%1 × %2").arg(w.group).arg(count));
            it->setToolTip(NameColumn,
                tr("%1 workers alike, named %2-1 to %2-%1 in the program and on the timeline; Daemon and the "
                   "control act on all of them")
                    .arg(count)
                    .arg(w.group));
            groupRows.insert(w.group, it);
        }
        it->setData(NameColumn, kNameRole, name);
        it->setData(NameColumn, kProcessRole, process);
        it->setText(KindColumn, process ? tr("process") : tr("thread"));
        it->setFlags(Qt::ItemIsEnabled | (m_locked ? Qt::NoItemFlags : Qt::ItemIsUserCheckable));
        it->setCheckState(DaemonColumn, w.daemon ? Qt::Checked : Qt::Unchecked);
        it->setToolTip(DaemonColumn, daemonHelp);
        rows << it;
    }
    for (auto g = groupRows.constBegin(); g != groupRows.constEnd(); ++g)
        g.value()->setData(NameColumn, kMembersRole, members.value(g.key()));
    m_tree->addTopLevelItems(rows);
    for (QTreeWidgetItem* it : rows) {
        const QString name = it->data(NameColumn, kNameRole).toString();
        const bool process = it->data(NameColumn, kProcessRole).toBool();
        auto* button = new QToolButton(m_tree);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setAccessibleName(process ? tr("Terminate %1").arg(name) : tr("Request stop of %1").arg(name));
        // Room for the longest text the button will show, so the column never jumps.
        button->setText(process ? tr("Terminating…") : tr("Stop requested"));
        it->setSizeHint(ControlColumn, button->sizeHint());
        connect(button, &QToolButton::clicked, this, [this, name] { onControlClicked(name); });
        m_tree->setItemWidget(it, ControlColumn, button);
    }
    m_filling = false;
    refreshControls();
    keepColumnsInView();
    Q_EMIT daemonFlagsChanged();
}

void WorkerPanel::keepColumnsInView()
{
    // A narrow window (1024 px) squeezed the panel until Daemon and Control scrolled out of
    // sight: the panel asks for the room its toggles need, and the names give way first.
    const QAbstractItemView* view = m_tree;
    int needed = 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width();
    needed += QFontMetrics(m_tree->font()).horizontalAdvance(QStringLiteral("worker (main)"));
    for (int column : { KindColumn, DaemonColumn, ControlColumn })
        needed += std::max(view->sizeHintForColumn(column), m_tree->header()->sectionSizeHint(column));
    m_tree->setMinimumWidth(needed);
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

QAbstractButton* WorkerPanel::controlButton(const QString& worker) const
{
    QTreeWidgetItem* it = item(worker);
    return it ? qobject_cast<QAbstractButton*>(m_tree->itemWidget(it, ControlColumn)) : nullptr;
}

void WorkerPanel::attachRun(Collector* collector, const QString& scenarioName)
{
    detachRun();
    if (!collector || !collector->isRunning())
        return;
    m_collector = collector;
    m_runScenario = scenarioName;
    connect(collector, &Collector::finished, this, &WorkerPanel::detachRun);
    setLocked(true);
    m_refreshTimer.start();
    refreshControls();
}

void WorkerPanel::detachRun()
{
    if (m_collector)
        disconnect(m_collector, nullptr, this, nullptr);
    m_collector = nullptr;
    m_runScenario.clear();
    m_requested.clear();
    m_refreshTimer.stop();
    setLocked(false);
    refreshControls();
}

void WorkerPanel::setLocked(bool locked)
{
    if (m_locked == locked)
        return;
    m_locked = locked;
    const QString note
        = locked ? tr("Locked during the run: a worker's daemon flag is fixed when the run starts.") : QString();
    const QString daemonHelp = m_tree->headerItem()->toolTip(DaemonColumn);
    m_filling = true; // flag changes report as item changes; they are not the user's
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = m_tree->topLevelItem(i);
        it->setFlags(Qt::ItemIsEnabled | (locked ? Qt::NoItemFlags : Qt::ItemIsUserCheckable));
        it->setToolTip(DaemonColumn, note.isEmpty() ? daemonHelp : note + QStringLiteral("\n\n") + daemonHelp);
    }
    m_filling = false;
    m_tree->viewport()->update();
}

void WorkerPanel::refreshControls()
{
    // A worker's phase from the run's lanes: no lane yet is not started; a lane that has
    // not ended is running (a worker has one lane per run, its own thread or process).
    QHash<QString, Phase> phases;
    const bool ours = m_collector && m_collector->isRunning() && m_runScenario == m_scenarioName;
    if (ours) {
        for (const Lane& lane : m_collector->model().lanes()) {
            Phase& phase = phases[lane.name];
            if (!lane.ended)
                phase = Phase::Running;
            else if (phase != Phase::Running)
                phase = Phase::Ended;
        }
    }
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = m_tree->topLevelItem(i);
        const QString name = it->data(NameColumn, kNameRole).toString();
        if (!ours) {
            updateControl(it, Phase::Idle);
            continue;
        }
        const QStringList members = it->data(NameColumn, kMembersRole).toStringList();
        if (members.isEmpty()) {
            updateControl(it, phases.value(name, Phase::NotStarted));
            continue;
        }
        // A group runs while any member does, and has ended once all have.
        bool anyStarted = false;
        bool allEnded = true;
        bool anyRunning = false;
        for (const QString& m : members) {
            const Phase p = phases.value(m, Phase::NotStarted);
            anyStarted |= p != Phase::NotStarted;
            anyRunning |= p == Phase::Running;
            allEnded &= p == Phase::Ended;
        }
        updateControl(it,
            anyRunning       ? Phase::Running
                : allEnded   ? Phase::Ended
                : anyStarted ? Phase::Running
                             : Phase::NotStarted);
    }
}

void WorkerPanel::updateControl(QTreeWidgetItem* it, Phase phase)
{
    auto* button = qobject_cast<QToolButton*>(m_tree->itemWidget(it, ControlColumn));
    if (!button)
        return;
    const QString name = it->data(NameColumn, kNameRole).toString();
    const bool process = it->data(NameColumn, kProcessRole).toBool();
    const bool requested = m_requested.contains(name);
    const QString help = process
        ? tr("Terminate %1 now, as Process.terminate() does: it gets SIGTERM, and SIGKILL if it is still there "
             "2 s later. Its lane ends \"terminated\" with the signal.")
              .arg(name)
        : tr("Ask %1 to stop at its next step. A thread cannot be killed from outside, in Python as here: "
             "threading has no kill(), because a thread stopped in the middle of a step could leave a lock held "
             "or data half written. So the request is cooperative: the thread looks for it between steps and "
             "ends there; a long sleep or sum finishes first.")
              .arg(name);
    QString state;
    switch (phase) {
    case Phase::Idle:
        state = tr("Available while a run is going.");
        break;
    case Phase::NotStarted:
        state = tr("%1 has not started yet.").arg(name);
        break;
    case Phase::Running:
        if (requested)
            state = process ? tr("Terminating: waiting for %1 to go.").arg(name)
                            : tr("Stop requested: %1 ends at its next step.").arg(name);
        break;
    case Phase::Ended:
        state = tr("%1 has ended.").arg(name);
        break;
    }
    if (requested && phase == Phase::Running)
        button->setText(process ? tr("Terminating…") : tr("Stop requested"));
    else
        button->setText(process ? tr("Terminate") : tr("Request stop"));
    button->setEnabled(phase == Phase::Running && !requested);
    button->setToolTip(state.isEmpty() ? help : help + QStringLiteral("\n\n") + state);
}

void WorkerPanel::onControlClicked(const QString& worker)
{
    QTreeWidgetItem* it = item(worker);
    if (!it || !m_collector || !m_collector->isRunning() || m_requested.contains(worker))
        return;
    m_requested.insert(worker);
    const bool process = it->data(NameColumn, kProcessRole).toBool();
    QStringList members = it->data(NameColumn, kMembersRole).toStringList();
    if (members.isEmpty())
        members << worker;
    for (const QString& m : members) {
        if (process)
            m_collector->terminateWorker(m);
        else
            m_collector->requestStop(m);
    }
    refreshControls();
}

bool WorkerPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Space on a worker flips its daemon switch, whichever column has the focus; it is
    // claimed first so that a window-wide Space shortcut does not take it from the list.
    const bool space = (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space
        && static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier;
    if (watched == m_tree && space && event->type() == QEvent::ShortcutOverride) {
        event->accept();
        return true;
    }
    if (watched == m_tree && space) {
        QTreeWidgetItem* it = m_tree->currentItem();
        if (it && !m_locked)
            it->setCheckState(DaemonColumn, it->checkState(DaemonColumn) == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Forkline
