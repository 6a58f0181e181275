// SPDX-License-Identifier: GPL-3.0-or-later
#include "breakmarks.h"

#include "timeaxis.h"
#include "timelinestyle.h"
#include "timepiece.h"

#include <QPainter>
#include <QPolygonF>

namespace Forkline {

namespace {
// Half the zigzag's width and the height of one of its teeth, in pixels.
constexpr double kAmplitude = 3;
constexpr double kTooth = 6;
} // namespace

std::vector<BreakMarks::Cut> BreakMarks::cuts(const TimeMapping& m, double left, double right)
{
    std::vector<Cut> out;
    if (!m.compact)
        return out;
    for (const CompactTime::Gap& g : m.compact->gaps()) {
        const double x0 = m.toX(g.start);
        const double x1 = m.toX(g.end);
        if (x1 >= left && x0 <= right)
            out.push_back({ x0, x1, g.length() });
    }
    return out;
}

QString BreakMarks::label(qint64 ns)
{
    return tr("… %1 …").arg(TimeAxis::duration(ns));
}

void BreakMarks::paintAcross(
    QPainter* p, const std::vector<TimePiece>& pieces, int yFrom, int yTo, const TimelineStyle& style)
{
    for (const TimePiece& piece : pieces) {
        if (!piece.isBreak)
            continue;
        const double xc = std::round((piece.map.toX(piece.from) + piece.map.toX(piece.to)) / 2) + 0.5;
        QPolygonF zigzag;
        for (double y = yFrom - kTooth, k = 0; y <= yTo + kTooth; y += kTooth, ++k)
            zigzag << QPointF(xc + (int(k) % 2 ? kAmplitude : -kAmplitude), y);
        p->save();
        // A cut of the page's colour through whatever crosses the break, edged lightly.
        p->setPen(QPen(style.background(), 2 * kAmplitude));
        p->drawPolyline(zigzag);
        QColor edge = style.dimTextColor();
        edge.setAlpha(110);
        p->setPen(QPen(edge, 1));
        p->drawPolyline(zigzag.translated(-kAmplitude, 0));
        p->drawPolyline(zigzag.translated(kAmplitude, 0));
        p->restore();
    }
}

void BreakMarks::paintOnAxis(QPainter* p, const Cut& cut, int baseY, int height, const TimelineStyle& style)
{
    const double xc = std::round((cut.x0 + cut.x1) / 2) + 0.5;
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    // The axis line stops at the break: a double slash, as on a broken axis drawn by hand.
    p->fillRect(QRectF(xc - kAmplitude - 1, baseY - 1, 2 * kAmplitude + 2, 3), style.background());
    p->setPen(QPen(style.textColor(), 1.2));
    const double h = std::max(4, height / 2);
    for (double dx : { -kAmplitude, kAmplitude })
        p->drawLine(QPointF(xc + dx - 2, baseY + 1), QPointF(xc + dx + 2, baseY - h + 1));
    p->restore();
}

} // namespace Forkline
