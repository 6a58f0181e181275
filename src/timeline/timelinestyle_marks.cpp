// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineStyle: the shape of each mark, built once per size, and drawing one.
#include "timelinestyle.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace Forkline {

// Over 80 lines on purpose: one case a mark kind, a few path commands each, read as the table
// of shapes it is.
const TimelineStyle::Mark& TimelineStyle::mark(InstantKind k) const
{
    Mark& m = m_marks[size_t(k)];
    if (m.built)
        return m;
    const double r = markSize / 2.0;
    QPainterPath path;
    bool filled = true;
    double width = m_presentation ? 1.6 : 1.2;
    switch (k) {
    case InstantKind::Fork: // points down to the child it starts
        path.moveTo(-r, -r * 0.8);
        path.lineTo(r, -r * 0.8);
        path.lineTo(0, r * 0.9);
        path.closeSubpath();
        break;
    case InstantKind::Start: // "play"
        path.moveTo(-r * 0.7, -r);
        path.lineTo(r * 0.9, 0);
        path.lineTo(-r * 0.7, r);
        path.closeSubpath();
        break;
    case InstantKind::Print:
        path.addEllipse(QPointF(0, 0), r * 0.62, r * 0.62);
        filled = false;
        break;
    case InstantKind::End:
        path.addRect(QRectF(-r * 0.75, -r * 0.75, r * 1.5, r * 1.5));
        break;
    case InstantKind::Join: // points up, back to the thread that waited
        path.moveTo(-r, r * 0.8);
        path.lineTo(r, r * 0.8);
        path.lineTo(0, -r * 0.9);
        path.closeSubpath();
        break;
    case InstantKind::Killed:
        path.moveTo(-r * 0.8, -r * 0.8);
        path.lineTo(r * 0.8, r * 0.8);
        path.moveTo(-r * 0.8, r * 0.8);
        path.lineTo(r * 0.8, -r * 0.8);
        filled = false;
        width *= 2;
        break;
    case InstantKind::Terminated:
        path.addRect(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7));
        path.moveTo(-r * 0.85, -r * 0.85);
        path.lineTo(r * 0.85, r * 0.85);
        path.moveTo(-r * 0.85, r * 0.85);
        path.lineTo(r * 0.85, -r * 0.85);
        filled = false;
        break;
    case InstantKind::Crashed: { // a burst
        for (int i = 0; i < 16; ++i) {
            const double a = i * M_PI / 8;
            const double rr = (i % 2) ? r * 0.45 : r * 1.05;
            const QPointF pt(rr * std::cos(a), rr * std::sin(a));
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
        path.closeSubpath();
        break;
    }
    case InstantKind::Aborted:
        path.addRect(QRectF(-r * 0.75, -r * 0.75, r * 1.5, r * 1.5));
        filled = false;
        width *= 1.6;
        break;
    case InstantKind::Failed:
    case InstantKind::MainExit:
        path.moveTo(0, -r);
        path.lineTo(r, 0);
        path.lineTo(0, r);
        path.lineTo(-r, 0);
        path.closeSubpath();
        filled = k == InstantKind::MainExit;
        if (!filled)
            width *= 1.6;
        break;
    case InstantKind::Send:
        path.addEllipse(QPointF(0, 0), r * 0.5, r * 0.5);
        break;
    case InstantKind::Signal: // a bolt: the signal sent
        path.moveTo(r * 0.35, -r);
        path.lineTo(-r * 0.45, r * 0.1);
        path.lineTo(r * 0.45, -r * 0.1);
        path.lineTo(-r * 0.35, r);
        filled = false;
        width *= 1.6;
        break;
    case InstantKind::Receive: // a bar: where a message lands
        path.moveTo(0, -r * 0.8);
        path.lineTo(0, r * 0.8);
        filled = false;
        width *= 2;
        break;
    default:
        path.moveTo(-r * 0.7, 0);
        path.lineTo(r * 0.7, 0);
        path.moveTo(0, -r * 0.7);
        path.lineTo(0, r * 0.7);
        filled = false;
        width *= 1.6;
        break;
    }
    // Outlines are computed once per shape: stroking a path is the expensive part of a mark
    // and a busy trace draws thousands of them.
    QPainterPathStroker stroker;
    stroker.setCapStyle(Qt::RoundCap);
    stroker.setJoinStyle(Qt::RoundJoin);
    // Curves are flattened once too, or every fill would subdivide them again.
    const auto flat = [](const QPainterPath& curved) {
        QPainterPath out;
        out.setFillRule(curved.fillRule());
        const QList<QPolygonF> polygons = curved.toSubpathPolygons();
        for (const QPolygonF& polygon : polygons)
            out.addPolygon(polygon);
        return out;
    };
    stroker.setWidth(width + 2.4);
    m.halo = flat(stroker.createStroke(path));
    stroker.setWidth(width);
    m.outline = flat(stroker.createStroke(path));
    m.shape = flat(path);
    m.filled = filled;
    m.built = true;
    return m;
}

void TimelineStyle::drawInstant(QPainter* p, QPointF c, InstantKind k) const
{
    const Mark& m = mark(k);
    const QColor color = markColor(k);
    p->translate(c);
    // A halo in the background's colour keeps the mark readable on top of any fill.
    p->fillPath(m.halo, m_markHalo);
    if (m.filled)
        p->fillPath(m.shape, color);
    else if (k == InstantKind::Print)
        p->fillPath(m.shape, m_markHalo);
    p->fillPath(m.outline, color);
    p->translate(-c);
}

} // namespace Forkline
