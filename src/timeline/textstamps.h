// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textfit.h"

#include <QColor>
#include <QPointF>
#include <QRect>

class QPainter;

namespace Forkline {

// Words on an opaque backing (a box's name, a lane's totals), kept as images of the backing
// with its words. The raster engine draws text glyph by glyph, about half a microsecond a
// letter here, and a frame writes the same few labels on hundreds of boxes, frame after
// frame; an image of them is copied at the speed of memory. The pixels are the same: the
// words were drawn by the same engine, on the same opaque colour, in the same image format,
// at the same fraction of a device pixel. Kept per thread, up to kMaxBytes, for the last
// font drawn with; where that cannot be promised (SVG, a printer, a fractional scale, ink
// that leaves the backing) draw() declines and the caller draws the words itself.
class TextStamps
{
public:
    static constexpr qsizetype kMaxBytes = 8 << 20;

    // Fills `area` with the opaque `background` and draws the line of `words` (TextFit) with
    // its origin at `at` (TextFit::place) in p's pen and text hints, by copying an image of
    // the two: what fillRect and QTextLine::draw give. False, with nothing drawn, when the
    // copy could differ from drawing or the words' ink leaves `area`.
    static bool draw(QPainter* p, const QRect& area, const QColor& background, const TextFit::Words& words, QPointF at);
    // Images this thread keeps (declined words count too: they are not measured again).
    static int kept();
};

} // namespace Forkline
