// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace Forkline {

class Settings;

// File > Open Recent: the last Settings::kMaxRecentFiles scenarios, programs and traces
// opened, the newest first, kept in the settings; Clear Menu forgets them.
class RecentFilesMenu : public QObject
{
    Q_OBJECT
public:
    RecentFilesMenu(Settings* settings, QWidget* parent);

    QMenu* menu() const { return m_menu; }
    QAction* clearAction() const { return m_clear; }
    // Puts `path` first (once).
    void add(const QString& path);
    void clear();
    void retranslate();

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void rebuild();

    Settings* m_settings = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_clear = nullptr;
};

} // namespace Forkline
