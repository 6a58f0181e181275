// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfilesmenu.h"

#include "settings/settings.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace Forkline {

RecentFilesMenu::RecentFilesMenu(Settings* settings, QWidget* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_menu(new QMenu(parent))
    , m_clear(new QAction(this))
{
    m_menu->setIcon(QIcon::fromTheme(QStringLiteral("document-open-recent")));
    connect(m_clear, &QAction::triggered, this, &RecentFilesMenu::clear);
    connect(m_settings, &Settings::recentFilesChanged, this, &RecentFilesMenu::rebuild);
    retranslate();
}

void RecentFilesMenu::retranslate()
{
    m_menu->setTitle(tr("Open &Recent"));
    m_clear->setText(tr("&Clear Menu"));
    m_clear->setStatusTip(tr("Forget the recently opened files"));
    rebuild();
}

void RecentFilesMenu::add(const QString& path)
{
    QStringList paths = m_settings->recentFiles();
    paths.removeAll(path);
    paths.prepend(path);
    m_settings->setRecentFiles(paths);
}

void RecentFilesMenu::clear()
{
    m_settings->setRecentFiles({});
}

void RecentFilesMenu::rebuild()
{
    m_menu->clear();
    const QStringList paths = m_settings->recentFiles();
    for (int i = 0; i < paths.size(); ++i) {
        const QString& path = paths[i];
        // &1 ... &9, then 1&0: each reachable from the keyboard.
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        QAction* open = m_menu->addAction(QStringLiteral("%1 %2").arg(number, QFileInfo(path).fileName()));
        open->setStatusTip(QDir::toNativeSeparators(path));
        open->setToolTip(QDir::toNativeSeparators(path));
        open->setData(path);
        connect(open, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (!paths.isEmpty())
        m_menu->addSeparator();
    m_menu->addAction(m_clear);
    m_clear->setEnabled(!paths.isEmpty());
    m_menu->setEnabled(!paths.isEmpty());
}

} // namespace Forkline
