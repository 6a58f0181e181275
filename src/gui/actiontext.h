// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAction;

namespace Forkline {

// "Run the selected scenario … (F5)": the tooltip names the first shortcut, so the keyboard
// is discoverable from the toolbar; the status bar shows the tip alone.
void describeAction(QAction* action, const QString& tip);

} // namespace Forkline
