// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lanesummary.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "timemapping.h"

#include <QCoreApplication>
#include <QFont>
#include <QSize>

class QPainter;
class QImage;

namespace Forkline {

class TraceModel;

// The whole run as one self-explaining picture for a slide: title, time axis, every lane
// and the legend, painted by the same TimelinePainter as the window. The picture stays within
// ImageLimits at its scale, and when no slide size is given within kMaxPictureHeight: the
// lanes that do not fit below are left out, and a line above the legend says how many.
class TimelineDocument
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineDocument)
public:
    // `width` 0 picks a width that suits a slide; a width wider than ImageLimits allows at
    // `scale` is narrowed to the limit (callers refuse such requests before they get here).
    // `scale` is the device pixel ratio of the picture to come (1 for SVG).
    TimelineDocument(const TraceModel& model, int width, bool presentation, double scale = 1.0, const QFont& font = {});
    // A slide: exactly `slide` (1920 × 1080, 1280 × 720 ...), the whole run fitted to its width
    // and the lanes made taller or shorter to fill its height (within what stays readable;
    // lanes that still do not fit are left out, as above).
    TimelineDocument(
        const TraceModel& model, QSize slide, bool presentation, double scale = 1.0, const QFont& font = {});

    QSize size() const { return m_size; }
    // The picture follows the screen's Callouts switch (on unless told otherwise).
    void setCallouts(bool on) { m_style.callouts = on; }
    // The picture follows the screen's Compact Time switch (off unless told otherwise): idle
    // gaps drawn short, with their breaks on the axis.
    void setCompactTime(bool on);
    double scale() const { return m_scale; }
    // Threads (lanes) not drawn for want of room; 0 when the picture shows all.
    int lanesLeftOut() const { return m_lanesLeftOut; }
    int laneCount() const { return m_laneCount; }
    // The height of the lanes drawn, in points.
    int rowsHeight() const { return m_rowsHeight; }
    // The sentence the picture shows when lanes are left out; empty otherwise.
    QString leftOutNote() const;
    void paint(QPainter* p) const;
    // A raster copy at the document's device pixel ratio (the clipboard, PNG files).
    QImage toImage() const;

private:
    void build(int width, int height);
    void fitLanes(int room);
    void fitRows(int room, int noteHeight);

    const TraceModel& m_model;
    TimelineStyle m_style;
    TimelineStyle m_legendStyle;
    TimelineLayout m_layout;
    LaneSummary m_summary;
    TimeMapping m_map;
    QString m_title;
    QString m_subtitle;
    QSize m_size;
    double m_scale = 1.0;
    int m_rowsHeight = 0; // of the lanes drawn: the layout's height, or less when lanes are left out
    int m_laneCount = 0;
    int m_lanesLeftOut = 0;
    bool m_cutAtPictureHeight = false; // ImageLimits::kMaxPictureHeight, not the memory limits, cut the lanes
    int m_noteHeight = 0;
    int m_margin = 16;
    int m_headerHeight = 0;
    int m_legendHeight = 0;
};

} // namespace Forkline
