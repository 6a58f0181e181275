// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <cstdint>

namespace Forkline {

enum class ToolGlyph : std::uint8_t { ZoomIn, ZoomOut, FitAll, Follow, Copy };

// An icon for a toolbar button that shows no text. Drawn in the application palette's button
// text colour at whatever size and pixel ratio the style asks for, so it reads on dark themes
// and exists where the platform has no icon theme (Windows, macOS, a bare X server); there
// the named theme icons of the other actions are missing and their buttons show text.
QIcon toolGlyph(ToolGlyph glyph);

} // namespace Forkline
