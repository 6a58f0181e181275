// SPDX-License-Identifier: GPL-3.0-or-later
#include "markstamps.h"

#include "boxstrip.h"
#include "timelinestyle.h"

#include <QPainter>
#include <cmath>

namespace Forkline {

namespace {
// Offsets are kept to a quarter of a device pixel: marks sit on pixel centres or edges.
constexpr int kSteps = 4;
} // namespace

MarkStamps::MarkStamps(QPainter* p, const TimelineStyle& style)
    : m_p(p)
    , m_style(style)
    , m_scale(BoxStrip::pixelScale(p))
    // Room for the mark, its halo and the antialiased rim, at any scale.
    , m_half(m_scale * (style.markSize + 4))
    , m_toDevice(p->deviceTransform())
    , m_fromDevice(m_toDevice.inverted())
{ }

int MarkStamps::priority(InstantKind k)
{
    if (isTerminal(k) && k != InstantKind::End) // killed, terminated, crashed, aborted, failed
        return 6;
    switch (k) {
    case InstantKind::End:
    case InstantKind::MainExit:
        return 5;
    case InstantKind::Fork:
    case InstantKind::Join:
        return 4;
    case InstantKind::Start:
        return 3;
    case InstantKind::Print:
        return 1;
    default:
        return 2;
    }
}

const QImage& MarkStamps::stamp(InstantKind k, int fx, int fy)
{
    const int key = (int(k) * kSteps + fx) * kSteps + fy;
    auto it = m_stamps.find(key);
    if (it != m_stamps.end())
        return *it;
    const int size = 2 * m_half + 1;
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHints(m_p->renderHints());
        // Drawn in device pixels, centred where the mark falls inside its device pixel.
        p.translate(m_half + double(fx) / kSteps, m_half + double(fy) / kSteps);
        p.scale(m_scale, m_scale);
        m_style.drawInstant(&p, QPointF(0, 0), k);
    }
    image.setDevicePixelRatio(m_scale);
    return *m_stamps.insert(key, image);
}

void MarkStamps::draw(QPointF c, InstantKind k)
{
    if (m_scale <= 0) {
        m_style.drawInstant(m_p, c, k);
        return;
    }
    // Where the centre falls in device pixels (the translation is whole, see pixelScale).
    const QPointF device = m_toDevice.map(c);
    double ix = std::floor(device.x());
    double iy = std::floor(device.y());
    int fx = int(std::lround((device.x() - ix) * kSteps));
    int fy = int(std::lround((device.y() - iy) * kSteps));
    if (fx == kSteps) {
        fx = 0;
        ix += 1;
    }
    if (fy == kSteps) {
        fy = 0;
        iy += 1;
    }
    const QImage& image = stamp(k, fx, fy);
    // The stamp's top left on a whole device pixel, back in the painter's coordinates.
    m_p->drawImage(m_fromDevice.map(QPointF(ix - m_half, iy - m_half)), image);
}

} // namespace Forkline
