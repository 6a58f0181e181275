// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAction>

namespace Forkline {

class LanguageMenu;
class Settings;

// Edit > Preferences… (Ctrl+, where the platform names no key of its own): opens the
// PreferencesDialog. A language chosen there goes through View > Language, which switches
// the window at once, as picking it from the menu does.
class PreferencesAction : public QAction
{
    Q_OBJECT
public:
    PreferencesAction(Settings* settings, LanguageMenu* languages, QWidget* dialogParent);

    // Shows the dialog; false when it was cancelled.
    bool edit();

private:
    Settings* m_settings = nullptr;
    LanguageMenu* m_languages = nullptr;
    QWidget* m_dialogParent = nullptr;
};

} // namespace Forkline
