// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Forkline {

struct Scenario;
class WorkerPanel;

// The left side of the window: the built-in scenarios (and any opened file), the selected
// one's description and its workers with their daemon switches.
class ScenarioPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScenarioPanel(QWidget* parent = nullptr);

    // Lists a scenario loaded from a file (once per path) without selecting it.
    void addFile(const QString& path, const Scenario& scenario);
    // Selects a built-in name or an already listed file path; false when not listed.
    bool select(const QString& nameOrPath);
    // The built-in name or file path of the selected scenario; empty when none.
    QString current() const;
    // Shows the description and workers of the scenario that is now selected.
    void showScenario(const Scenario& scenario);
    WorkerPanel* workers() const { return m_workers; }

Q_SIGNALS:
    void currentChanged(const QString& nameOrPath);
    void activated(const QString& nameOrPath); // double click or Enter: run it

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTreeWidgetItem* find(const QString& nameOrPath) const;
    // The title, description and name (or path) in one tool tip, on both columns.
    static void setTip(QTreeWidgetItem* item, const QString& title, const QString& description, const QString& name);
    void fitNameColumn();
    void fitRows();

    QTreeWidget* m_list = nullptr;
    QLabel* m_description = nullptr;
    WorkerPanel* m_workers = nullptr;
};

} // namespace Forkline
