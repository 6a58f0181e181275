// SPDX-License-Identifier: GPL-3.0-or-later
#include "maintoolbar.h"

#include "actiontext.h"

#include <QAction>
#include <QActionEvent>
#include <QHelpEvent>
#include <QToolButton>
#include <QToolTip>
#include <algorithm>

namespace Forkline {

MainToolBar::MainToolBar(QWidget* parent)
    : QToolBar(parent)
{
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // No taller than the spin boxes beside them: the bar stays one line of text high.
    setIconSize(QSize(20, 20));
    // The bar sets every button's style when its own changes; the icon-only ones go back after.
    connect(this, &QToolBar::toolButtonStyleChanged, this, &MainToolBar::applyIconOnly, Qt::QueuedConnection);
}

void MainToolBar::addIconAction(QAction* action)
{
    m_iconOnly.append(action);
    addAction(action);
    applyIconOnly();
}

bool MainToolBar::showsIconOnly(const QAction* action) const
{
    return std::any_of(
        m_iconOnly.cbegin(), m_iconOnly.cend(), [action](const QPointer<QAction>& a) { return a == action; });
}

QString MainToolBar::toolTipFor(QAction* action) const
{
    const QString tip = action->toolTip();
    if (!showsIconOnly(action))
        return tip;
    const QString name = buttonText(action->text()).toHtmlEscaped();
    return tip.isEmpty() ? name : QStringLiteral("<b>%1</b><br>%2").arg(name, tip.toHtmlEscaped());
}

void MainToolBar::actionEvent(QActionEvent* event)
{
    if (event->type() == QEvent::ActionAdded)
        useButtonText(event->action());
    QToolBar::actionEvent(event);
    if (event->type() == QEvent::ActionAdded) {
        if (QWidget* button = widgetForAction(event->action()))
            button->installEventFilter(this);
    }
}

bool MainToolBar::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* button = qobject_cast<QToolButton*>(watched);
        QAction* action = button ? button->defaultAction() : nullptr;
        if (action && showsIconOnly(action)) {
            QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), toolTipFor(action), button);
            return true;
        }
    }
    return QToolBar::eventFilter(watched, event);
}

void MainToolBar::applyIconOnly()
{
    for (const QPointer<QAction>& action : std::as_const(m_iconOnly)) {
        if (!action)
            continue;
        if (auto* button = qobject_cast<QToolButton*>(widgetForAction(action)))
            button->setToolButtonStyle(action->icon().isNull() ? toolButtonStyle() : Qt::ToolButtonIconOnly);
    }
}

} // namespace Forkline
