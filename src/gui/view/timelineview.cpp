// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include "timearithmetic.h"
#include "timeaxis.h"
#include "timelinelegend.h"
#include "timelineoverlay.h"
#include "tracemodel.h"
#include "zoomstate.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QScrollBar>
#include <cmath>

namespace Forkline {

namespace {
constexpr int kFrameMs = 16;
// A live view spends at most about a sixth of its time painting: when frames get costly (a
// big window, a slow or busy machine) they come less often instead of crowding out the rest.
constexpr int kPaintShare = 6;
constexpr int kSlowestFrameMs = 100;
constexpr qint64 kMaxScrollSteps = 1000000000;
} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_zoom(new ZoomState(this))
    , m_style(font())
{
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setToolTip(QString()); // the tooltip depends on what is under the mouse
    setWhatsThis(tr("One lane per thread, grouped by process. Wheel: zoom around the mouse. Drag: pan. "
                    "Shift+drag or right-drag: zoom to the selected range. 0: fit all. "
                    "Click a process header to fold it, a box or a mark to see its details. "
                    "Drag along the time axis to replay the run."));
    m_style.usePalette(palette());

    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(kFrameMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, &TimelineView::refresh);
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(kFrameMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &TimelineView::refresh);

    connect(m_zoom, &ZoomState::rangeChanged, this, [this] {
        updateScrollBars();
        viewport()->update();
    });
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::onHorizontalScroll);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
    addActions({ m_zoom->zoomInAction(), m_zoom->zoomOutAction(), m_zoom->fitAction(), m_zoom->followAction() });
    refresh();
}

TimelineView::~TimelineView() = default;

QSize TimelineView::sizeHint() const
{
    return { 900, 360 };
}

void TimelineView::setModel(const TraceModel* model)
{
    m_model = model;
    m_legendScanner.reset();
    // The summary checks each lane against the new model: a run's model handed over when the
    // run ends is the same data, and summing a million spans again would be a stall.
    if (!model)
        m_summary.reset();
    m_playhead = -1;
    const bool hadSelection = m_selection.kind != TimelineHit::Kind::None;
    m_selection = {};
    m_highlights.clear();
    refresh();
    if (!isLive())
        m_zoom->fit();
    if (hadSelection)
        Q_EMIT selectionChanged();
    Q_EMIT modelChanged();
}

void TimelineView::setLiveClock(std::function<qint64()> clock)
{
    const bool wasLive = isLive();
    m_clock = std::move(clock);
    if (!m_clock)
        m_liveStretches = {}; // what measured them goes with the run
    m_zoom->setLive(bool(m_clock));
    // Open spans grow even when no event arrives (a thread sleeping for a second).
    if (m_clock)
        m_liveTimer.start();
    else
        m_liveTimer.stop();
    refresh();
    if (wasLive != isLive())
        Q_EMIT liveChanged(isLive());
}

TimelineLegend::Keys TimelineView::legendKeys(const TraceModel& model)
{
    TimelineLegend::Keys keys = m_legendScanner.update(model);
    // A state drawn over a live run is explained as soon as it is drawn.
    if (isLive() && m_liveStretches && !m_liveStretches().isEmpty())
        keys.states[size_t(m_liveStretchState)] = true;
    return keys;
}

void TimelineView::setLiveStretches(std::function<const TimelineOverlay::Stretches&()> stretches, State state)
{
    m_liveStretches = std::move(stretches);
    m_liveStretchState = state;
    viewport()->update();
}

void TimelineView::scheduleUpdate()
{
    // A live view refreshes on its own clock.
    if (!isLive() && !m_repaintTimer.isActive())
        m_repaintTimer.start();
}

qint64 TimelineView::now() const
{
    return m_clock ? m_clock() : -1;
}

void TimelineView::refresh()
{
    m_repaintTimer.stop();
    static const TraceModel empty;
    const TraceModel& model = m_model ? *m_model : empty;
    for (const qint64 pid : m_autoFold.update(model))
        m_collapsed.insert(pid);
    // Every frame of a live run comes here; the rows change only when lanes come or go.
    const size_t key = TimelineLayout::signature(model, m_collapsed);
    if (!m_layoutValid || key != m_layoutKey) {
        m_layout.build(model, m_style, m_collapsed);
        m_layoutKey = key;
        m_layoutValid = true;
    }
    const TimelineLegend legend(legendKeys(model), model.isEmpty(), m_style);
    const int legendWidth = viewport()->width() - 2 * m_style.padding;
    m_legendHeight = model.isEmpty() ? 0 : legend.heightForWidth(legendWidth) + 2 * m_style.padding;
    const auto [start, end] = TimeAxis::extent(model, now());
    m_zoom->setExtent(start, end);
    updateCompact();
    updateScrollBars();
    viewport()->update();
    if (isLive())
        m_liveTimer.start(std::clamp(int(m_paintMs * kPaintShare), kFrameMs, kSlowestFrameMs));
}

int TimelineView::rowsBottom() const
{
    return std::max(rowsTop() + 1, viewport()->height() - m_legendHeight);
}

TimeMapping TimelineView::mapping() const
{
    TimeMapping m;
    m.t0 = m_zoom->start();
    m.t1 = m_zoom->end();
    m.x0 = m_layout.labelWidth() + m_style.dataLeftPad;
    m.width = std::max(10.0, double(viewport()->width()) - m.x0 - m_style.dataRightPad);
    m.origin = m_zoom->extentStart();
    m.compact = m_compact;
    return m;
}

void TimelineView::setCompactTime(bool on)
{
    if (on == m_compactOn)
        return;
    m_compactOn = on;
    refresh();
    if (m_zoom->isFitted())
        m_zoom->fit();
}

void TimelineView::updateCompact()
{
    if (!m_compactOn || !m_model || m_model->isEmpty() || isLive()) {
        m_compact = nullptr;
        m_compactKey = {};
        m_zoom->setCompact(nullptr);
        return;
    }
    // Found once per trace, not per frame: the model of an ended run no longer changes, and
    // another model (an import, the next run) differs in one of these.
    const std::array<qint64, 4> key { qint64(quintptr(m_model)), m_model->spanCount(), m_model->endTime(),
        qint64(m_model->flows().size()) };
    if (key == m_compactKey)
        return;
    m_compactKey = key;
    auto compact = std::make_shared<const CompactTime>(
        CompactTime::ofTrace(*m_model, m_zoom->extentStart(), m_zoom->extentEnd()));
    m_compact = compact->isEmpty() ? nullptr : std::move(compact);
    m_zoom->setCompact(m_compact);
}

void TimelineView::setAxisRange(const TimeMapping& m, qint64 a0, qint64 a1)
{
    m_zoom->setRange(m.realTime(a0), m.realTime(a1));
}

void TimelineView::updateScrollBars()
{
    m_settingScrollBars = true;
    const int rowsHeight = rowsBottom() - rowsTop();
    QScrollBar* v = verticalScrollBar();
    v->setRange(0, std::max(0, m_layout.height() - rowsHeight));
    v->setPageStep(rowsHeight);
    v->setSingleStep(m_style.laneHeight);

    // Times do not fit an int at ns resolution: the bar counts in units of about a pixel.
    // In the axis' own time, so that a break scrolls by as the few pixels it is drawn.
    const TimeMapping m = mapping();
    const qint64 lo = m.axisTime(m_zoom->extentStart());
    const qint64 hi = m.axisTime(std::max(m_zoom->extentEnd(), m_zoom->end()));
    const qint64 width = subNs(m.axisTime(m_zoom->end()), m.axisTime(m_zoom->start()));
    m_scrollUnit = std::max<qint64>({ 1, roundNs(std::floor(m.nsPerPixel())), subNs(hi, lo) / kMaxScrollSteps });
    QScrollBar* h = horizontalScrollBar();
    const qint64 room = std::max<qint64>(0, subNs(subNs(hi, lo), width));
    if (room <= 0 || m_zoom->isFitted()) {
        h->setRange(0, 0);
    } else {
        h->setRange(0, int(room / m_scrollUnit));
        h->setPageStep(int(std::max<qint64>(1, width / m_scrollUnit)));
        h->setSingleStep(std::max(1, h->pageStep() / 20));
        h->setValue(int(std::clamp<qint64>(subNs(m.axisTime(m_zoom->start()), lo), 0, room) / m_scrollUnit));
    }
    m_settingScrollBars = false;
}

void TimelineView::onHorizontalScroll(int value)
{
    if (m_settingScrollBars)
        return;
    const TimeMapping m = mapping();
    const qint64 width = subNs(m.axisTime(m_zoom->end()), m.axisTime(m_zoom->start()));
    const qint64 a0 = addNs(m.axisTime(m_zoom->extentStart()), qint64(value) * m_scrollUnit);
    setAxisRange(m, a0, addNs(a0, width));
}

QPoint TimelineView::toContent(QPoint viewportPos) const
{
    return { viewportPos.x(), viewportPos.y() - rowsTop() + verticalScrollBar()->value() };
}

TimelineHit TimelineView::hitAt(QPoint viewportPos) const
{
    if (!m_model || viewportPos.y() < rowsTop() || viewportPos.y() >= rowsBottom())
        return {};
    return TimelinePainter(*m_model, m_layout, m_style, mapping(), now()).hitTest(toContent(viewportPos));
}

QString TimelineView::toolTipAt(QPoint viewportPos) const
{
    if (!m_model)
        return {};
    if (viewportPos.y() < rowsTop() && viewportPos.x() >= m_layout.labelWidth() && canScrub())
        return tr("Drag along the time axis to replay the run up to that moment");
    const TimelineHit hit = hitAt(viewportPos);
    QString text = TimelinePainter(*m_model, m_layout, m_style, mapping(), now()).describe(hit);
    if (m_model->gilInferred && hit.kind == TimelineHit::Kind::Span && hit.span.state == State::WaitingGil) {
        // A Python run's GIL waits are a reading of the operating system, not a report: say
        // so, and how, where the student looks at one (docs/python.md, "The GIL, measured").
        text += QLatin1String("<br><i>")
            + tr("Inferred, not reported: the system showed this thread asleep while another thread of its "
                 "process was on a core, at a moment its tracer says it runs Python code (sampled every 5 ms "
                 "from /proc). A thread blocked in a call the tracer does not wrap looks the same.")
                  .toHtmlEscaped()
            + QLatin1String("</i>");
    }
    return text;
}

QPoint TimelineView::lanePoint(int lane, qint64 t) const
{
    const double y = m_layout.laneCenter(lane);
    return { int(std::lround(mapping().toX(t))), int(std::lround(y)) + rowsTop() - verticalScrollBar()->value() };
}

bool TimelineView::canScrub() const
{
    return m_model && !m_model->isEmpty() && !isLive();
}

void TimelineView::select(const TimelineHit& hit)
{
    if (hit.kind != TimelineHit::Kind::Span && hit.kind != TimelineHit::Kind::Instant) {
        clearSelection();
        return;
    }
    m_selection = hit;
    viewport()->update();
    Q_EMIT selectionChanged();
}

void TimelineView::setHighlights(const std::vector<TimelineHit>& hits)
{
    m_highlights = hits;
    viewport()->update();
}

void TimelineView::clearSelection()
{
    if (m_selection.kind == TimelineHit::Kind::None)
        return;
    m_selection = {};
    viewport()->update();
    Q_EMIT selectionChanged();
}

void TimelineView::reveal(int lane, qint64 t)
{
    if (!m_model || lane < 0 || lane >= m_model->laneCount())
        return;
    const qint64 pid = m_model->lane(lane).pid;
    if (isCollapsed(pid))
        setCollapsed(pid, false);
    const double cy = m_layout.laneCenter(lane);
    const int rows = rowsBottom() - rowsTop();
    QScrollBar* v = verticalScrollBar();
    if (cy - m_style.laneHeight < v->value() || cy + m_style.laneHeight > v->value() + rows)
        v->setValue(int(cy) - rows / 2);
    revealTime(t);
}

void TimelineView::revealTime(qint64 t)
{
    const TimeMapping m = mapping();
    const qint64 a0 = m.axisTime(m_zoom->start());
    const qint64 a1 = m.axisTime(m_zoom->end());
    const qint64 a = m.axisTime(t);
    const qint64 width = subNs(a1, a0);
    const qint64 margin = width / 20;
    if (a >= addNs(a0, margin) && a <= subNs(a1, margin))
        return;
    const qint64 from = subNs(a, width / 2);
    setAxisRange(m, from, addNs(from, width));
}

void TimelineView::setPlayhead(qint64 t)
{
    if (t == m_playhead)
        return;
    m_playhead = t;
    viewport()->update();
    Q_EMIT playheadChanged(t);
}

void TimelineView::setPresentation(bool on)
{
    if (on == m_style.presentation())
        return;
    m_style = TimelineStyle(font(), on);
    rebuildStyle();
}

void TimelineView::setCallouts(bool on)
{
    if (on == m_callouts)
        return;
    m_callouts = on;
    m_style.callouts = on;
    viewport()->update();
}

void TimelineView::rebuildStyle()
{
    m_layoutValid = false;
    m_style = TimelineStyle(font(), m_style.presentation());
    m_style.callouts = m_callouts;
    m_style.usePalette(palette());
    refresh();
}

void TimelineView::setCollapsed(qint64 pid, bool collapsed)
{
    if (collapsed)
        m_collapsed.insert(pid);
    else
        m_collapsed.remove(pid);
    refresh();
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const int w = viewport()->width();
    const int h = viewport()->height();
    p.fillRect(viewport()->rect(), m_style.background());
    if (!m_model || m_model->isEmpty()) {
        p.setPen(m_style.dimTextColor());
        p.drawText(viewport()->rect(), Qt::AlignCenter | Qt::TextWordWrap,
            isLive() ? tr("Starting the run…")
                     : tr("Pick a scenario and press Run (F5).\nEvery thread gets a lane here."));
        return;
    }
    QElapsedTimer clock;
    clock.start();
    // Catches up with what the model gained since the last frame (little, while live).
    m_summary.update(*m_model);
    const TimeMapping map = mapping();
    const TimelinePainter painter(*m_model, m_layout, m_style, map, now(), &m_summary);
    const int labelWidth = m_layout.labelWidth();
    const int top = rowsTop();
    const int bottom = rowsBottom();
    const int scrollY = verticalScrollBar()->value();
    const int yFrom = scrollY;
    const int yTo = scrollY + bottom - top;

    p.save();
    p.setClipRect(QRect(labelWidth, top, w - labelWidth, bottom - top));
    p.translate(0, top - scrollY);
    painter.paintData(&p, yFrom, yTo, labelWidth, w);
    if (isLive())
        painter.paintNowLine(&p, yFrom, yTo);
    const TimelineOverlay overlay(*m_model, m_layout, m_style, map);
    if (isLive() && m_liveStretches)
        overlay.paintStretches(&p, m_liveStretches(), m_liveStretchState, yFrom, yTo, labelWidth, w);
    if (m_playhead >= 0)
        overlay.paintPlayhead(&p, m_playhead, yFrom, yTo, labelWidth, w);
    for (const TimelineHit& hit : m_highlights)
        overlay.paintSelection(&p, hit, labelWidth, w);
    if (m_selection.kind != TimelineHit::Kind::None)
        overlay.paintSelection(&p, m_selection, labelWidth, w);
    p.restore();

    p.save();
    p.setClipRect(QRect(0, top, w, bottom - top));
    p.translate(0, top - scrollY);
    painter.paintLabels(&p, yFrom, yTo, w, m_collapsed, true);
    p.restore();

    if (m_drag == Drag::Select) {
        const int x0 = std::max(labelWidth, std::min(m_pressPos.x(), m_selectTo));
        const int x1 = std::min(w, std::max(m_pressPos.x(), m_selectTo));
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(60);
        p.fillRect(QRect(x0, top, x1 - x0, bottom - top), fill);
        p.setPen(palette().color(QPalette::Highlight));
        p.drawLine(x0, top, x0, bottom);
        p.drawLine(x1, top, x1, bottom);
        p.setPen(m_style.textColor());
        p.drawText(QRect(x0, top, std::max(x1 - x0, 200), m_style.laneHeight), Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral(" ") + TimeAxis::duration(map.toTime(x1) - map.toTime(x0)));
    }

    p.fillRect(QRect(0, 0, labelWidth, top), m_style.background());
    TimeAxis::paint(&p, QRect(labelWidth, 0, w - labelWidth, top), map, m_style);
    TimeAxis::paintOrigin(&p, QRect(m_style.padding, 0, labelWidth - 2 * m_style.padding, top), map, m_style);
    if (m_playhead >= 0)
        overlay.paintPlayheadOnAxis(&p, m_playhead, QRect(labelWidth, 0, w - labelWidth, top));
    p.setPen(QPen(m_style.gridColor(), 1));
    p.drawLine(0, top - 1, labelWidth, top - 1);

    if (m_legendHeight > 0) {
        p.fillRect(QRect(0, bottom, w, h - bottom), m_style.background());
        p.setPen(QPen(m_style.gridColor(), 1));
        p.drawLine(0, bottom, w, bottom);
        TimelineLegend(legendKeys(*m_model), false, m_style)
            .paint(&p, QRect(m_style.padding, bottom + m_style.padding, w - 2 * m_style.padding, m_legendHeight));
    }
    m_paintMs = double(clock.nsecsElapsed()) / 1e6;
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    refresh();
}

void TimelineView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::StyleChange)
        rebuildStyle();
    QAbstractScrollArea::changeEvent(event);
}

} // namespace Forkline
