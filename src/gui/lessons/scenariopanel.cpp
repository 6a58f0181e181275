// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopanel.h"

#include "scenario.h"
#include "workerpanel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Forkline {

namespace {
enum Column { TitleColumn, NameColumn };
constexpr int kKeyRole = Qt::UserRole + 1;
} // namespace

ScenarioPanel::ScenarioPanel(QWidget* parent)
    : QWidget(parent)
{
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAccessibleName(tr("Scenarios"));
    m_list->setHeaderLabels({ tr("Scenario"), tr("Name") });
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Built-in scenarios in the order of the lessons, and scenario files you opened. "
                          "Double-click one to run it."));
    const QColor dim = palette().color(QPalette::PlaceholderText);
    for (const BuiltinScenario& s : builtinScenarios()) {
        auto* it = new QTreeWidgetItem(m_list, { s.title, s.name });
        it->setData(TitleColumn, kKeyRole, s.name);
        it->setToolTip(TitleColumn, s.description);
        it->setForeground(NameColumn, dim);
    }

    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_description->setMinimumHeight(m_description->fontMetrics().lineSpacing() * 4);
    m_description->setToolTip(tr("What the selected scenario does"));

    m_workers = new WorkerPanel(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* listLabel = new QLabel(tr("&Scenarios"), this);
    listLabel->setBuddy(m_list);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 3);
    layout->addWidget(m_description);
    auto* workersLabel = new QLabel(tr("&Workers"), this);
    workersLabel->setBuddy(m_workers);
    layout->addWidget(workersLabel);
    layout->addWidget(m_workers, 2);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            Q_EMIT currentChanged(item->data(TitleColumn, kKeyRole).toString());
    });
    connect(m_list, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem* item) { Q_EMIT activated(item->data(TitleColumn, kKeyRole).toString()); });
}

QTreeWidgetItem* ScenarioPanel::find(const QString& nameOrPath) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = m_list->topLevelItem(i);
        if (it->data(TitleColumn, kKeyRole).toString() == nameOrPath)
            return it;
    }
    return nullptr;
}

void ScenarioPanel::addFile(const QString& path, const Scenario& scenario)
{
    QTreeWidgetItem* it = find(path);
    if (!it) {
        it = new QTreeWidgetItem(m_list);
        it->setData(TitleColumn, kKeyRole, path);
        it->setForeground(NameColumn, palette().color(QPalette::PlaceholderText));
    }
    it->setText(TitleColumn, scenario.title.isEmpty() ? QFileInfo(path).completeBaseName() : scenario.title);
    it->setText(NameColumn, QFileInfo(path).fileName());
    it->setToolTip(TitleColumn, path);
    it->setToolTip(NameColumn, path);
}

bool ScenarioPanel::select(const QString& nameOrPath)
{
    QTreeWidgetItem* it = find(nameOrPath);
    if (!it)
        return false;
    if (m_list->currentItem() == it)
        Q_EMIT currentChanged(nameOrPath);
    else
        m_list->setCurrentItem(it);
    return true;
}

QString ScenarioPanel::current() const
{
    const QTreeWidgetItem* it = m_list->currentItem();
    return it ? it->data(TitleColumn, kKeyRole).toString() : QString();
}

void ScenarioPanel::showScenario(const Scenario& scenario)
{
    m_description->setText(scenario.description.isEmpty() ? tr("(no description)") : scenario.description);
    m_workers->setScenario(scenario);
}

} // namespace Forkline
