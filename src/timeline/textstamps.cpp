// SPDX-License-Identifier: GPL-3.0-or-later
#include "textstamps.h"

#include "boxstrip.h"

#include <QGlyphRun>
#include <QHash>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QTextLayout>

namespace Forkline {

namespace {

struct Key
{
    QString text;
    QSize size; // the area's
    QPointF at; // the line's origin from the area's top left
    QRgb background = 0;
    QRgb pen = 0;
    int scale = 1;
    QImage::Format format = QImage::Format_Invalid;
    int hints = 0;

    bool operator==(const Key& o) const
    {
        return text == o.text && size == o.size && at == o.at && background == o.background && pen == o.pen
            && scale == o.scale && format == o.format && hints == o.hints;
    }
};

size_t qHash(const Key& k, size_t seed = 0)
{
    return qHashMulti(seed, k.text, k.size.width(), k.size.height(), k.at.x(), k.at.y(), k.background, k.pen, k.scale,
        int(k.format), k.hints);
}

struct Cache
{
    QFont font;
    QHash<Key, QImage> stamps; // a null image: the words' ink leaves the area
    qsizetype bytes = 0;
};

Cache& cache()
{
    thread_local Cache kept;
    return kept;
}

// The words drawn on the background as the caller's painter would draw them, with room
// around the area; null when any of their pixels falls outside the area.
QImage makeStamp(const Key& key, const QTextLine& line)
{
    // Where the letters may reach: their glyphs' boxes, and two pixels more for antialiasing
    // and hinting. A letter found touching the edge of that may reach further still.
    QRectF ink;
    for (const QGlyphRun& run : line.glyphRuns())
        ink |= run.boundingRect();
    ink.translate(key.at);
    const QRect area(QPoint(0, 0), key.size);
    const QRect room = (ink.toAlignedRect().adjusted(-2, -2, 2, 2) | area).adjusted(-1, -1, 1, 1);
    QImage scratch(room.size() * key.scale, key.format);
    scratch.setDevicePixelRatio(key.scale);
    scratch.fill(QColor::fromRgba(key.background));
    const QRgb plain = reinterpret_cast<const QRgb*>(scratch.constScanLine(0))[0];
    {
        QPainter p(&scratch);
        p.setRenderHints(p.renderHints(), false);
        p.setRenderHints(QPainter::RenderHints(key.hints));
        p.setPen(QColor::fromRgba(key.pen));
        line.draw(&p, key.at - QPointF(room.topLeft()));
    }
    const QRect inside((area.topLeft() - room.topLeft()) * key.scale, area.size() * key.scale);
    for (int y = 0; y < scratch.height(); ++y) {
        const QRgb* row = reinterpret_cast<const QRgb*>(scratch.constScanLine(y));
        const bool rowInside = y >= inside.top() && y <= inside.bottom();
        for (int x = 0; x < scratch.width(); ++x) {
            if (row[x] != plain && !(rowInside && x >= inside.left() && x <= inside.right()))
                return {};
            if (rowInside && x == inside.left())
                x = inside.right(); // the inside may hold anything
        }
    }
    QImage stamp = scratch.copy(inside);
    stamp.setDevicePixelRatio(key.scale);
    return stamp;
}

} // namespace

bool TextStamps::draw(QPainter* p, const QRect& area, const QColor& background, const TextFit::Words& words, QPointF at)
{
    const int scale = BoxStrip::pixelScale(p);
    if (scale <= 0 || area.isEmpty() || background.alpha() != 255 || !words.laidOut || words.laidOut->lineCount() != 1
        || p->opacity() != 1.0 || p->compositionMode() != QPainter::CompositionMode_SourceOver
        || p->pen().brush().style() != Qt::SolidPattern)
        return false;
    // Text is blended for the image it goes into: the stamp must be one of the same format.
    const QPaintDevice* target = p->paintEngine()->paintDevice();
    if (!target || target->devType() != QInternal::Image)
        return false;
    const QImage::Format format = static_cast<const QImage*>(target)->format();
    if (format != QImage::Format_RGB32 && format != QImage::Format_ARGB32_Premultiplied
        && format != QImage::Format_ARGB32)
        return false;
    Cache& kept = cache();
    const QFont& font = words.laidOut->font();
    if (!(kept.font == font) || kept.bytes > kMaxBytes) {
        kept.stamps.clear();
        kept.bytes = 0;
        kept.font = font;
    }
    Key key { words.text, area.size(), at - QPointF(area.topLeft()), background.rgba(), p->pen().color().rgba(), scale,
        format, int(p->renderHints()) };
    auto it = kept.stamps.find(key);
    if (it == kept.stamps.end()) {
        QImage stamp = makeStamp(key, words.laidOut->lineAt(0));
        kept.bytes += stamp.sizeInBytes();
        it = kept.stamps.insert(std::move(key), std::move(stamp));
    }
    if (it->isNull())
        return false;
    p->drawImage(area.topLeft(), *it);
    return true;
}

int TextStamps::kept()
{
    return int(cache().stamps.size());
}

} // namespace Forkline
