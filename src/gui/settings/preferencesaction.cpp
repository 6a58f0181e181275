// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesaction.h"

#include "preferencesdialog.h"
#include "settings.h"
#include "window/actiontext.h"
#include "window/languagemenu.h"

namespace Forkline {

PreferencesAction::PreferencesAction(Settings* settings, LanguageMenu* languages, QWidget* dialogParent)
    : QAction(dialogParent)
    , m_settings(settings)
    , m_languages(languages)
    , m_dialogParent(dialogParent)
{
    setText(tr("&Preferences…"));
    setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    setMenuRole(QAction::PreferencesRole);
    // GNOME and Windows have no standard key for it; Ctrl+, is what most programs there use.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (keys.isEmpty())
        keys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    setShortcuts(keys);
    describeAction(this, tr("The Python interpreter, the time and work scales, the language and presentation mode"));
    connect(this, &QAction::triggered, this, &PreferencesAction::edit);
}

bool PreferencesAction::edit()
{
    const QString language = m_settings->language();
    PreferencesDialog dialog(m_settings, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (dialog.language() != language) {
        if (QAction* choice = m_languages ? m_languages->action(dialog.language()) : nullptr)
            choice->trigger();
    }
    return true;
}

} // namespace Forkline
