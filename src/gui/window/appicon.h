// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace Forkline {

// Forkline's icon for windows, the taskbar and the Alt+Tab switcher, drawn from the SVG
// embedded at :/icons/forkline.svg at the sizes desktops ask for. Needs a QGuiApplication.
QIcon appIcon();

} // namespace Forkline
