// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectorlayout.h"

#include "console/consolepane.h"
#include "console/consoleview.h"

#include <QAction>
#include <QMainWindow>
#include <algorithm>

namespace Forkline {

ProjectorLayout::ProjectorLayout(QMainWindow* window, QAction* presentation, ConsolePane* console)
    : QObject(window)
    , m_window(window)
    , m_presentation(presentation)
    , m_console(console)
{
    m_panelsAction = new QAction(tr("Show &Panels"), this);
    m_panelsAction->setCheckable(true);
    m_panelsAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_panelsAction->setToolTip(tr("In presentation mode: bring back the lesson list and the tool bar (F9)"));
    m_panelsAction->setEnabled(false);
    m_panelsAction->setChecked(true);
    // The menu bar may be hidden: the window itself must hear the key.
    m_window->addAction(m_panelsAction);
    connect(m_panelsAction, &QAction::toggled, this, &ProjectorLayout::setPanelsShown);
    connect(m_presentation, &QAction::toggled, this, &ProjectorLayout::apply);
    m_consoleMinimum = m_console->view()->minimumHeight();
}

void ProjectorLayout::settle()
{
    apply(m_presentation->isChecked());
}

void ProjectorLayout::release()
{
    apply(false);
}

void ProjectorLayout::addPanel(QWidget* panel)
{
    m_panels << panel;
}

bool ProjectorLayout::panelsShown() const
{
    // The lesson list, the first panel, stands for them all.
    return m_panels.isEmpty() || !m_panels.front()->isHidden();
}

void ProjectorLayout::setPanelsShown(bool shown)
{
    for (int i = 0; i < m_panels.size(); ++i) {
        // Back as they were before presenting: a panel the user had closed stays closed.
        const bool was = i < m_shownBefore.size() ? m_shownBefore[i] : true;
        m_panels[i]->setVisible(shown && (m_on || was));
    }
    if (m_panelsAction->isChecked() != shown)
        m_panelsAction->setChecked(shown);
}

void ProjectorLayout::apply(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    m_panelsAction->setEnabled(on);
    if (on) {
        m_shownBefore.clear();
        for (QWidget* w : std::as_const(m_panels))
            m_shownBefore << !w->isHidden();
        m_wasFullScreen = m_window->isFullScreen();
        m_window->setWindowState(m_window->windowState() | Qt::WindowFullScreen);
    } else if (!m_wasFullScreen) {
        m_window->setWindowState(m_window->windowState() & ~Qt::WindowFullScreen);
    }
    setPanelsShown(!on);
    // Six lines of the console at the size it has now (the mode enlarged its font first), at
    // the pitch its rows are drawn with, which is more than the font's line spacing.
    const int pitch = std::max(m_console->view()->rowHeight(), QFontMetrics(m_console->view()->font()).lineSpacing());
    const int frame = 2 * m_console->view()->frameWidth() + 4;
    m_console->view()->setMinimumHeight(on ? kConsoleLines * pitch + frame : m_consoleMinimum);
}

} // namespace Forkline
