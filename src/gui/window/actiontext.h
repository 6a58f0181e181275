// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAction;

namespace Forkline {

// "Run the selected scenario … (F5)": the tooltip names the first shortcut, so the keyboard
// is discoverable from the toolbar; the status bar shows the tip alone.
void describeAction(QAction* action, const QString& tip);

// What a button shows for an action whose menu text is `actionText`: no keyboard accelerator
// and no ellipsis. "실행(&R)" -> "실행", "Export &Image…" -> "Export Image",
// "Save && Quit" -> "Save & Quit". A button is not a menu: Alt does not reach it, and the
// Korean "(R)" only takes room.
QString buttonText(const QString& actionText);

// Keeps the action's icon text, which tool buttons show, at buttonText() of its text, now and
// whenever the text changes (Run becoming Restart, say). Menus go on showing the text.
void useButtonText(QAction* action);

} // namespace Forkline
