// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpmenu.h"

#include "aboutdialog.h"
#include "actiontext.h"
#include "documentation.h"
#include "documentationwindow.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QMenu>
#include <QUrl>

namespace Forkline {

HelpMenu::HelpMenu(QWidget* window)
    : QObject(window)
    , m_window(window)
    , m_menu(new QMenu(tr("&Help"), window))
    , m_documentation(new QAction(QIcon::fromTheme(QStringLiteral("help-contents")), tr("&Documentation"), this))
    , m_about(new QAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About Forkline"), this))
    , m_aboutQt(new QAction(tr("About &Qt"), this))
{
    m_documentation->setShortcut(QKeySequence::HelpContents);
    describeAction(m_documentation, tr("How to use Forkline and write lessons: the documentation that came with it"));
    connect(m_documentation, &QAction::triggered, this, &HelpMenu::showDocumentation);
    m_about->setStatusTip(tr("Forkline's version and license, and how to read the timeline"));
    connect(m_about, &QAction::triggered, this, &HelpMenu::about);
    m_aboutQt->setStatusTip(tr("The version and license of Qt, the toolkit Forkline is made with"));
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, this, &QApplication::aboutQt);
    m_about->setMenuRole(QAction::AboutRole);
    m_menu->addAction(m_documentation);
    m_menu->addSeparator();
    m_menu->addAction(m_about);
    m_menu->addAction(m_aboutQt);
}

bool HelpMenu::showDocumentation()
{
    if (!m_docs)
        m_docs = new DocumentationWindow(m_window);
    if (!m_docs->showReadme(Documentation::readme())) {
        Q_EMIT message(tr("The documentation did not come with this copy of Forkline: opening the project's site"));
        QDesktopServices::openUrl(QUrl(Documentation::onlineReadme()));
        return false;
    }
    m_docs->show();
    m_docs->raise();
    m_docs->activateWindow();
    return true;
}

DocumentationWindow* HelpMenu::documentationWindow() const
{
    return m_docs;
}

void HelpMenu::about()
{
    AboutDialog dialog(Documentation::readme(), m_window);
    dialog.exec();
}

} // namespace Forkline
