// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace Forkline {

class Settings;

// View > Language: the system's language, English or Korean. The choice is saved, and
// languageChosen() asks the window to speak it at once.
class LanguageMenu : public QObject
{
    Q_OBJECT
public:
    LanguageMenu(Settings* settings, QWidget* parent);

    QMenu* menu() const { return m_menu; }
    // The action that chooses `code` ("" for the system's language, "en", "ko").
    QAction* action(const QString& code) const;

Q_SIGNALS:
    void languageChosen(const QString& code);

private:
    Settings* m_settings = nullptr;
    QMenu* m_menu = nullptr;
    QActionGroup* m_group = nullptr;
};

} // namespace Forkline
