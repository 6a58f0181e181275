// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QToolBar>

namespace Forkline {

// The main window's toolbar. Its buttons show buttonText() of their actions ("실행" where the
// menu says "실행(&R)"), and secondary actions only their icon, so the whole bar fits a 1280 px
// window in English and in Korean. A button without its text names itself in its tooltip.
class MainToolBar : public QToolBar
{
    Q_OBJECT
public:
    explicit MainToolBar(QWidget* parent = nullptr);

    // Adds a button that shows only the action's icon (its text, if it has no icon).
    void addIconAction(QAction* action);
    bool showsIconOnly(const QAction* action) const;
    // The tooltip of the action's button: for an icon-only one, its name first.
    QString toolTipFor(QAction* action) const;

protected:
    void actionEvent(QActionEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyIconOnly();

    QList<QPointer<QAction>> m_iconOnly;
};

} // namespace Forkline
