// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemenu.h"

#include "settings/languagechoice.h"
#include "settings/settings.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

namespace Forkline {

LanguageMenu::LanguageMenu(Settings* settings, QWidget* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_menu(new QMenu(tr("&Language"), parent))
    , m_group(new QActionGroup(this))
{
    m_menu->setIcon(QIcon::fromTheme(QStringLiteral("preferences-desktop-locale")));
    const QString chosen = m_settings->language();
    const QList<LanguageChoice> languages = LanguageChoice::all();
    for (const LanguageChoice& language : languages) {
        QAction* a = m_menu->addAction(language.name);
        a->setCheckable(true);
        a->setData(language.code);
        a->setChecked(language.code == chosen);
        a->setStatusTip(tr("Show Forkline in this language, now and next time"));
        m_group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = language.code] {
            m_settings->setLanguage(code);
            Q_EMIT languageChosen(code);
        });
    }
}

QAction* LanguageMenu::action(const QString& code) const
{
    const QList<QAction*> actions = m_group->actions();
    for (QAction* a : actions) {
        if (a->data().toString() == code)
            return a;
    }
    return nullptr;
}

} // namespace Forkline
