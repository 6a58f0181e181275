// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QHash>
#include <QImage>
#include <QPointF>
#include <QTransform>

class QPainter;

namespace Forkline {

class TimelineStyle;

// The marks of instants, drawn by copying an image of each instead of filling its paths: a
// busy run prints thousands of times per lane, and filling halo, shape and outline of every
// mark is most of a frame. Each kind is drawn once by TimelineStyle::drawInstant per sub-pixel
// offset it is placed at, so the look stays the style's. Only where pixels are copied
// faithfully (see BoxStrip::pixelScale); elsewhere (SVG) marks are drawn one by one.
class MarkStamps
{
public:
    MarkStamps(QPainter* p, const TimelineStyle& style);

    // Draws the mark of kind k centred on c, as TimelineStyle::drawInstant does.
    void draw(QPointF c, InstantKind k);

    // Which mark survives when several fall on the same few pixels (higher wins): endings
    // first, then the events that explain arrows, prints last (they are the most numerous).
    static int priority(InstantKind k);

private:
    const QImage& stamp(InstantKind k, int fx, int fy);

    QPainter* m_p = nullptr;
    const TimelineStyle& m_style;
    int m_scale = 0; // 0: draw directly
    int m_half = 0; // device pixels from a stamp's edge to the device pixel of its centre
    QTransform m_toDevice;
    QTransform m_fromDevice;
    QHash<int, QImage> m_stamps; // by kind and quarter-pixel offsets
};

} // namespace Forkline
