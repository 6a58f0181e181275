// SPDX-License-Identifier: GPL-3.0-or-later
#include "boxstrip.h"

#include "timelinestyle.h"

#include <QPaintEngine>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace Forkline {

namespace {
constexpr int kMaxScale = 4;

bool whole(double v)
{
    return v == std::floor(v);
}
} // namespace

int BoxStrip::pixelScale(QPainter* p)
{
    const QTransform t = p->deviceTransform();
    if (!p->paintEngine() || p->paintEngine()->type() != QPaintEngine::Raster)
        return 0;
    if (t.type() > QTransform::TxScale || t.m11() != t.m22() || t.m11() < 1 || t.m11() > kMaxScale || !whole(t.m11())
        || !whole(t.dx()) || !whole(t.dy()))
        return 0;
    return int(t.m11());
}

BoxStrip::BoxStrip(QPainter* p, const TimelineStyle& style, int left, int right)
    : m_p(p)
    , m_style(style)
    , m_left(left)
    , m_width(right - left)
    , m_scale(m_width > 0 ? pixelScale(p) : 0)
{ }

const std::vector<QRgb>& BoxStrip::stamp(State s)
{
    std::vector<QRgb>& column = m_stamps[size_t(s)];
    if (!column.empty())
        return column;
    QImage image(m_scale, m_height * m_scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_scale);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, false);
        m_style.drawStateBox(&p, QRect(0, 0, 1, m_height), s);
    }
    column.resize(size_t(image.height()));
    for (int y = 0; y < image.height(); ++y)
        column[size_t(y)] = reinterpret_cast<const QRgb*>(image.constScanLine(y))[0];
    return column;
}

void BoxStrip::add(int x0, int x1, State s, int height)
{
    if (height != m_height) {
        // Rows of another height: what was gathered cannot share the image.
        m_boxes.clear();
        m_height = height;
        m_stamps = {};
        m_image = QImage(m_width * m_scale, height * m_scale, QImage::Format_ARGB32_Premultiplied);
        m_image.fill(Qt::transparent);
    }
    x0 = std::max(x0, m_left);
    x1 = std::min(x1, m_left + m_width);
    if (x1 > x0 && height > 0)
        m_boxes.push_back({ (x0 - m_left) * m_scale, (x1 - m_left) * m_scale, s });
}

void BoxStrip::flush(int y)
{
    if (m_boxes.empty())
        return;
    for (const Box& b : m_boxes)
        stamp(b.state);
    const int from = m_boxes.front().from;
    const int to = m_boxes.back().to;
    // Row by row: each row of the strip is written left to right, once.
    for (int row = 0; row < m_image.height(); ++row) {
        auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(row));
        for (const Box& b : m_boxes)
            std::fill(line + b.from, line + b.to, m_stamps[size_t(b.state)][size_t(row)]);
    }
    // Transparent between the boxes, so the wide boxes already drawn there stay.
    const QRectF source(from, 0, to - from, m_image.height());
    m_p->drawImage(QRectF(m_left + double(from) / m_scale, y, double(to - from) / m_scale, m_height), m_image, source);
    for (int row = 0; row < m_image.height(); ++row) {
        auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(row));
        std::fill(line + from, line + to, QRgb(0));
    }
    m_boxes.clear();
}

} // namespace Forkline
