// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolglyphs.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace Forkline {

namespace {

// Paints on a 16 × 16 grid scaled to the requested rectangle.
class GlyphEngine : public QIconEngine
{
public:
    explicit GlyphEngine(ToolGlyph glyph)
        : m_glyph(glyph)
    { }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QGuiApplication::palette();
        const QColor ink
            = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::ButtonText);
        const int side = std::min(rect.width(), rect.height());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 16.0, side / 16.0);
        draw(painter, ink);
        painter->restore();
    }

    // QIcon asks for device pixels and sets the pixel ratio itself.
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        {
            QPainter p(&pixmap);
            paint(&p, QRect(QPoint(0, 0), size), mode, state);
        }
        return pixmap;
    }

    QIconEngine* clone() const override { return new GlyphEngine(m_glyph); }
    QString key() const override { return QStringLiteral("ForklineGlyph"); }

private:
    void draw(QPainter* p, const QColor& ink) const
    {
        QPen pen(ink, 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        const auto arrowHead = [p, &ink](QPointF tip, double dir) {
            const QPointF pts[3] = { tip, tip + QPointF(-dir * 3, -2.5), tip + QPointF(-dir * 3, 2.5) };
            p->save();
            p->setPen(Qt::NoPen);
            p->setBrush(ink);
            p->drawPolygon(pts, 3);
            p->restore();
        };
        switch (m_glyph) {
        case ToolGlyph::ZoomIn:
        case ToolGlyph::ZoomOut:
            // A magnifying glass with a plus or a minus in its lens.
            p->drawEllipse(QPointF(6.5, 6.5), 4.7, 4.7);
            p->drawLine(QPointF(4.4, 6.5), QPointF(8.6, 6.5));
            if (m_glyph == ToolGlyph::ZoomIn)
                p->drawLine(QPointF(6.5, 4.4), QPointF(6.5, 8.6));
            pen.setWidthF(2.1);
            p->setPen(pen);
            p->drawLine(QPointF(10.2, 10.2), QPointF(14.2, 14.2));
            break;
        case ToolGlyph::FitAll:
            // The whole run between two bars: arrows out to both ends of the axis.
            p->drawLine(QPointF(1.5, 3), QPointF(1.5, 13));
            p->drawLine(QPointF(14.5, 3), QPointF(14.5, 13));
            p->drawLine(QPointF(5, 8), QPointF(11, 8));
            arrowHead(QPointF(3.4, 8), -1);
            arrowHead(QPointF(12.6, 8), 1);
            break;
        case ToolGlyph::Follow:
            // A lane growing to the right with the view's edge riding along.
            p->drawLine(QPointF(1.5, 8), QPointF(9.5, 8));
            arrowHead(QPointF(12.2, 8), 1);
            p->drawLine(QPointF(14.5, 2.5), QPointF(14.5, 13.5));
            p->drawLine(QPointF(1.5, 4), QPointF(6, 4));
            p->drawLine(QPointF(1.5, 12), QPointF(7.5, 12));
            break;
        case ToolGlyph::Copy: {
            // Two sheets, the front one with a picture's horizon on it.
            p->drawRoundedRect(QRectF(1.5, 1.5, 9, 9), 1.5, 1.5);
            p->setBrush(QGuiApplication::palette().color(QPalette::Button));
            p->drawRoundedRect(QRectF(5.5, 5.5, 9, 9), 1.5, 1.5);
            QPainterPath hills;
            hills.moveTo(7, 13);
            hills.lineTo(9.5, 10);
            hills.lineTo(11, 11.5);
            hills.lineTo(12, 10.5);
            hills.lineTo(13, 13);
            p->setBrush(ink);
            p->drawPath(hills);
            break;
        }
        }
    }

    ToolGlyph m_glyph;
};

} // namespace

QIcon toolGlyph(ToolGlyph glyph)
{
    return QIcon(new GlyphEngine(glyph));
}

} // namespace Forkline
