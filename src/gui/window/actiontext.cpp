// SPDX-License-Identifier: GPL-3.0-or-later
#include "actiontext.h"

#include <QAction>
#include <QRegularExpression>

namespace Forkline {

namespace {
// Set on an action once useButtonText() follows it, so a second call adds no second follower.
constexpr char kFollowed[] = "forklineButtonText";
} // namespace

void describeAction(QAction* action, const QString& tip)
{
    const QKeySequence key = action->shortcut();
    action->setToolTip(
        key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
}

QString buttonText(const QString& actionText)
{
    // CJK menus put the accelerator in brackets after the word: "파일(&F)", "열기(&O)…".
    static const QRegularExpression bracketed(QStringLiteral("\\s*\\(&[^&\\s)]\\)"));
    QString text = actionText;
    text.remove(bracketed);
    QString shown;
    shown.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) {
            shown += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == QLatin1Char('&')) {
            shown += QLatin1Char('&'); // "&&" is a literal ampersand
            ++i;
        }
    }
    shown = shown.trimmed();
    if (shown.endsWith(QChar(0x2026)))
        shown.chop(1);
    else if (shown.endsWith(QLatin1String("...")))
        shown.chop(3);
    return shown.trimmed();
}

void useButtonText(QAction* action)
{
    const auto follow = [action] {
        const QString text = buttonText(action->text());
        // Setting the icon text announces a change too; the second round finds nothing to do.
        if (action->iconText() != text)
            action->setIconText(text);
    };
    follow();
    if (action->property(kFollowed).toBool())
        return;
    action->setProperty(kFollowed, true);
    QObject::connect(action, &QAction::changed, action, follow);
}

} // namespace Forkline
