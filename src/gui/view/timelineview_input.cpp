// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineView: the wheel, the mouse and the keys.
#include "timelineview.h"

#include "timearithmetic.h"
#include "zoomstate.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace Forkline {

namespace {
// Pixels a press must move before it is a drag, not a click.
constexpr int kDragThreshold = 4;
} // namespace

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier)) {
        // Shift+wheel scrolls through the lanes, as in most editors.
        const int d = delta.y() != 0 ? delta.y() : delta.x();
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d * m_style.laneHeight / 120);
    } else if (std::abs(delta.x()) > std::abs(delta.y())) {
        const TimeMapping m = mapping();
        const qint64 dt = roundNs(double(delta.x()) / 120.0 * 40.0 * m.nsPerPixel());
        setAxisRange(m, subNs(m.axisTime(m.t0), dt), subNs(m.axisTime(m.t1), dt));
    } else if (delta.y() != 0) {
        const double x = std::max(event->position().x(), mapping().x0);
        const TimeMapping zoomed = mapping().zoomedAround(x, std::pow(1.2, delta.y() / 120.0));
        m_zoom->setRange(zoomed.t0, zoomed.t1);
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    m_pressT0 = m_zoom->start();
    m_pressT1 = m_zoom->end();
    m_pressScrollY = verticalScrollBar()->value();
    m_moved = false;
    const bool select = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (event->button() == Qt::LeftButton && m_pressPos.y() < rowsTop() && m_pressPos.x() >= m_layout.labelWidth()
        && canScrub()) {
        m_drag = Drag::Playhead;
        Q_EMIT playheadDragged(
            std::clamp(mapping().toTime(m_pressPos.x()), m_zoom->extentStart(), m_zoom->extentEnd()));
    } else if (select && m_pressPos.x() >= m_layout.labelWidth()) {
        m_drag = Drag::Select;
        m_selectTo = m_pressPos.x();
    } else if (event->button() == Qt::LeftButton) {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if ((pos - m_pressPos).manhattanLength() >= kDragThreshold)
        m_moved = true;
    if (m_drag == Drag::Pan && m_moved) {
        TimeMapping m = mapping();
        m.t0 = m_pressT0;
        m.t1 = m_pressT1;
        const qint64 dt = roundNs(std::trunc(double(pos.x() - m_pressPos.x()) * m.nsPerPixel()));
        if (dt != 0)
            setAxisRange(m, subNs(m.axisTime(m_pressT0), dt), subNs(m.axisTime(m_pressT1), dt));
        verticalScrollBar()->setValue(m_pressScrollY - (pos.y() - m_pressPos.y()));
    } else if (m_drag == Drag::Select) {
        m_selectTo = pos.x();
        viewport()->update();
    } else if (m_drag == Drag::Playhead) {
        Q_EMIT playheadDragged(std::clamp(mapping().toTime(pos.x()), m_zoom->extentStart(), m_zoom->extentEnd()));
    } else if (m_drag == Drag::None) {
        // The axis is a scrubber: say so with the cursor.
        if (pos.y() < rowsTop() && pos.x() >= m_layout.labelWidth() && canScrub())
            viewport()->setCursor(Qt::SizeHorCursor);
        else
            viewport()->unsetCursor();
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->unsetCursor();
    const QPoint pos = event->position().toPoint();
    if (drag == Drag::Select) {
        const TimeMapping m = mapping();
        if (std::abs(pos.x() - m_pressPos.x()) >= kDragThreshold) {
            const int x0 = std::max(m_layout.labelWidth(), std::min(pos.x(), m_pressPos.x()));
            const int x1 = std::max(pos.x(), m_pressPos.x());
            m_zoom->setRange(m.toTime(x0), m.toTime(x1));
        }
        viewport()->update();
    } else if (drag == Drag::Pan && !m_moved) {
        const TimelineHit hit = hitAt(pos);
        if (hit.kind == TimelineHit::Kind::Process && m_model) {
            const qint64 pid = m_model->processes()[size_t(hit.process)].pid;
            setCollapsed(pid, !isCollapsed(pid));
        } else {
            select(hit); // a box or a mark; anything else clears
        }
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const TimeMapping m = mapping();
    // Along the axis' own time: in compact time a break passes by as the few pixels it is.
    const qint64 a0 = m.axisTime(m.t0);
    const qint64 a1 = m.axisTime(m.t1);
    const qint64 width = subNs(a1, a0);
    const qint64 step = width / 10;
    switch (event->key()) {
    case Qt::Key_Left:
        setAxisRange(m, subNs(a0, step), subNs(a1, step));
        break;
    case Qt::Key_Right:
        setAxisRange(m, addNs(a0, step), addNs(a1, step));
        break;
    case Qt::Key_Home: {
        const qint64 start = m.axisTime(m_zoom->extentStart());
        setAxisRange(m, start, addNs(start, width));
        break;
    }
    case Qt::Key_End: {
        const qint64 end = m.axisTime(m_zoom->extentEnd());
        setAxisRange(m, subNs(end, width), end);
        break;
    }
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace Forkline
