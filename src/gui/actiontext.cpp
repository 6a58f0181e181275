// SPDX-License-Identifier: GPL-3.0-or-later
#include "actiontext.h"

#include <QAction>

namespace Forkline {

void describeAction(QAction* action, const QString& tip)
{
    const QKeySequence key = action->shortcut();
    action->setToolTip(
        key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
}

} // namespace Forkline
