// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinedocument.h"

#include "imagelimits.h"
#include "timearithmetic.h"
#include "timeaxis.h"
#include "timelinelegend.h"
#include "timelinepainter.h"
#include "tracemodel.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <algorithm>

namespace Forkline {

namespace {
constexpr int kDefaultWidth = 1600;
}

TimelineDocument::TimelineDocument(
    const TraceModel& model, int width, bool presentation, double scale, const QFont& font)
    : m_model(model)
    , m_style(font.family().isEmpty() ? QGuiApplication::font() : font, presentation)
    , m_scale(scale > 0 ? scale : 1.0)
{
    build(width, 0);
}

TimelineDocument::TimelineDocument(
    const TraceModel& model, QSize slide, bool presentation, double scale, const QFont& font)
    : m_model(model)
    , m_style(font.family().isEmpty() ? QGuiApplication::font() : font, presentation)
    , m_scale(scale > 0 ? scale : 1.0)
{
    build(slide.width(), std::max(1, slide.height()));
}

// `height` 0: as tall as the lanes need; else exactly that tall.
void TimelineDocument::build(int width, int height)
{
    const TraceModel& model = m_model;
    m_margin = m_style.padding * 2;
    m_layout.build(model, m_style);
    // Busy lanes are painted from the same summary as on the screen, so a picture of a long
    // run has the colours the window showed.
    while (!m_summary.update(model)) { }
    const int w = std::min(width > 0 ? width : kDefaultWidth, ImageLimits::maxWidth(m_scale));

    m_title = !model.title.isEmpty() ? model.title : !model.scenario.isEmpty() ? model.scenario : tr("Forkline run");
    const auto [t0, t1] = TimeAxis::extent(model);
    int threads = 0;
    for (const ProcessInfo& p : model.processes())
        threads += int(p.lanes.size());
    QStringList facts;
    if (!model.scenario.isEmpty() && model.scenario != m_title)
        facts << model.scenario;
    const int procs = int(model.processes().size());
    facts << (threads == 1 ? tr("1 thread") : tr("%1 threads").arg(threads))
          << (procs == 1 ? tr("1 process") : tr("%1 processes").arg(procs))
          << tr("%1 in all").arg(TimeAxis::duration(subNs(t1, t0)));
    if (t0 != 0)
        facts << TimeAxis::originLabel(t0); // the axis counts from there
    m_subtitle = facts.join(QStringLiteral(" · "));

    const QFontMetrics title(m_style.titleFont);
    const QFontMetrics small(m_style.font);
    m_headerHeight = title.height() + small.height() + m_style.padding;
    m_legendStyle = m_style; // a slide's taller lanes leave the legend's swatches as they are
    const TimelineLegend legend(model, m_legendStyle);
    m_legendHeight = legend.heightForWidth(w - 2 * m_margin);

    m_map.t0 = t0;
    m_map.t1 = t1;
    m_map.origin = t0;
    m_map.x0 = m_margin + m_layout.labelWidth() + m_style.dataLeftPad;
    m_map.width = std::max(50.0, w - m_margin - m_style.dataRightPad - m_map.x0);

    const int around = m_margin + m_headerHeight + m_style.padding + m_style.axisHeight
        + (m_legendHeight > 0 ? m_style.padding * 2 + m_legendHeight : 0) + m_margin;
    const int limit = ImageLimits::maxHeight(w, m_scale);
    if (height > 0) {
        const int h = std::min(height, limit);
        fitLanes(h - around);
        fitRows(h - around, small.height() + m_style.padding);
        m_size = QSize(w, h);
        return;
    }
    const int tallest = std::min(limit, ImageLimits::kMaxPictureHeight);
    m_cutAtPictureHeight = tallest < limit;
    fitRows(tallest - around, small.height() + m_style.padding);
    m_size = QSize(w, around + m_rowsHeight + m_noteHeight);
}

// A slide's lanes: the tallest lane height (up to three times the usual) at which every row
// fits in `room`, and no shorter than a line of the lane names' text, below which labels
// would run into each other (fitRows then leaves out what still does not fit).
void TimelineDocument::fitLanes(int room)
{
    const TimelineStyle base = m_style;
    const int lowest = QFontMetrics(m_style.font).height() + 2;
    auto layoutWith = [&](int lane) {
        const double k = double(lane) / base.laneHeight;
        m_style.laneHeight = lane;
        m_style.laneGap = std::max(1, int(base.laneGap * k));
        m_style.groupGap = std::max(2, int(base.groupGap * k));
        m_layout.build(m_model, m_style);
        return m_layout.height();
    };
    int lo = std::min(lowest, base.laneHeight);
    int hi = base.laneHeight * 3;
    if (layoutWith(hi) <= room)
        return;
    if (layoutWith(lo) > room)
        return; // the shortest readable lanes; the rows below the slide are left out
    while (hi - lo > 1) { // the layout's height grows with the lane height
        const int mid = (lo + hi) / 2;
        (layoutWith(mid) <= room ? lo : hi) = mid;
    }
    layoutWith(lo);
}

// Keeps the rows that fit in `room` points, a note's line included when some are left out:
// a run with 20,000 threads gives a picture of the first ones and says so, rather than one
// that no memory holds.
void TimelineDocument::fitRows(int room, int noteHeight)
{
    const std::vector<TimelineRow>& rows = m_layout.rows();
    m_laneCount = int(std::count_if(
        rows.begin(), rows.end(), [](const TimelineRow& r) { return r.kind == TimelineRow::Kind::Lane; }));
    m_rowsHeight = m_layout.height();
    if (m_rowsHeight <= room)
        return;
    m_noteHeight = noteHeight;
    m_rowsHeight = 0;
    bool full = false;
    for (const TimelineRow& r : rows) {
        full = full || r.bottom() > room - noteHeight;
        if (!full)
            m_rowsHeight = r.bottom();
        else if (r.kind == TimelineRow::Kind::Lane)
            ++m_lanesLeftOut;
    }
}

void TimelineDocument::setCompactTime(bool on)
{
    m_map.compact = nullptr;
    if (!on)
        return;
    auto compact = std::make_shared<const CompactTime>(CompactTime::ofTrace(m_model, m_map.t0, m_map.t1));
    if (!compact->isEmpty())
        m_map.compact = std::move(compact);
}

QString TimelineDocument::leftOutNote() const
{
    if (m_lanesLeftOut == 0)
        return {};
    const QLocale locale;
    if (m_cutAtPictureHeight)
        return tr("%1 more threads not drawn (%2 in all): %3.")
            .arg(locale.toString(m_lanesLeftOut), locale.toString(m_laneCount), ImageLimits::describePictureHeight());
    return tr("%1 of %2 threads are not drawn here: %3.")
        .arg(locale.toString(m_lanesLeftOut), locale.toString(m_laneCount), ImageLimits::describe());
}

void TimelineDocument::paint(QPainter* p) const
{
    p->save();
    p->fillRect(QRect(QPoint(0, 0), m_size), m_style.background());
    const int right = m_size.width() - m_margin;
    int y = m_margin;

    const QFontMetrics title(m_style.titleFont);
    p->setPen(m_style.textColor());
    p->setFont(m_style.titleFont);
    p->drawText(QRect(m_margin, y, right - m_margin, title.height()), Qt::AlignLeft | Qt::AlignVCenter,
        title.elidedText(m_title, Qt::ElideRight, right - m_margin));
    y += title.height();
    p->setFont(m_style.font);
    p->setPen(m_style.dimTextColor());
    QString subtitle = m_subtitle;
    if (m_map.compact) {
        const int n = int(m_map.compact->gaps().size());
        subtitle += QStringLiteral(" · ")
            + (n == 1 ? tr("compact time: 1 idle stretch drawn short")
                      : tr("compact time: %1 idle stretches drawn short").arg(n));
    }
    p->drawText(
        QRect(m_margin, y, right - m_margin, m_headerHeight - title.height()), Qt::AlignLeft | Qt::AlignTop, subtitle);
    y = m_margin + m_headerHeight + m_style.padding;

    const int dataLeft = m_margin + m_layout.labelWidth();
    TimeAxis::paint(p, QRect(dataLeft, y, right - dataLeft, m_style.axisHeight), m_map, m_style);
    y += m_style.axisHeight;

    TimeMapping rowsMap = m_map; // the rows are painted translated by the margin
    rowsMap.x0 -= m_margin;
    TimelinePainter painter(m_model, m_layout, m_style, rowsMap, -1, &m_summary);
    p->save();
    p->translate(m_margin, y);
    const int rowsRight = right - m_margin;
    p->setClipRect(QRect(m_layout.labelWidth(), 0, rowsRight - m_layout.labelWidth(), m_rowsHeight));
    painter.paintData(p, 0, m_rowsHeight, m_layout.labelWidth(), rowsRight);
    p->setClipRect(QRect(0, 0, rowsRight, m_rowsHeight));
    painter.paintLabels(p, 0, m_rowsHeight, rowsRight);
    p->restore();
    y += m_rowsHeight;

    if (m_noteHeight > 0) {
        p->setFont(m_style.font);
        p->setPen(m_style.textColor());
        p->drawText(QRect(m_margin, y, right - m_margin, m_noteHeight), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(m_style.font).elidedText(leftOutNote(), Qt::ElideRight, right - m_margin));
        y += m_noteHeight;
    }

    if (m_legendHeight > 0) {
        y += m_style.padding * 2;
        p->setPen(QPen(m_style.gridColor(), 1));
        p->drawLine(m_margin, y - m_style.padding, right, y - m_style.padding);
        TimelineLegend(m_model, m_legendStyle).paint(p, QRect(m_margin, y, right - m_margin, m_legendHeight));
    }
    p->restore();
}

QImage TimelineDocument::toImage() const
{
    QImage image(
        QSize(int(ImageLimits::pixels(m_size.width(), m_scale)), int(ImageLimits::pixels(m_size.height(), m_scale))),
        QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image; // out of memory: the caller says so, nothing to paint on
    image.setDevicePixelRatio(m_scale);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    paint(&p);
    return image;
}

} // namespace Forkline
