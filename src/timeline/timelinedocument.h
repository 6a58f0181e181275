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
// and the legend, painted by the same TimelinePainter as the window.
class TimelineDocument
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineDocument)
public:
    // `width` 0 picks a width that suits a slide.
    TimelineDocument(const TraceModel& model, int width, bool presentation, const QFont& font = {});

    QSize size() const { return m_size; }
    void paint(QPainter* p) const;
    // A raster copy at the given device pixel ratio (the clipboard, PNG files).
    QImage toImage(double scale) const;

private:
    const TraceModel& m_model;
    TimelineStyle m_style;
    TimelineLayout m_layout;
    LaneSummary m_summary;
    TimeMapping m_map;
    QString m_title;
    QString m_subtitle;
    QSize m_size;
    int m_margin = 16;
    int m_headerHeight = 0;
    int m_legendHeight = 0;
};

} // namespace Forkline
