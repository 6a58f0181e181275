// SPDX-License-Identifier: GPL-3.0-or-later
#include "boxstrip.h"

#include "timelinestyle.h"

#include <QPaintEngine>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace Forkline {

// A state's pixels for boxes of one height, at one scale and one row phase: the columns of its
// pattern by their place in the repeat; a box's first and last kEdge columns by the place it
// starts or ends at, and boxes too short for both edges whole, each drawn by drawStateBox on a
// box of that phase. (At 1x only the computing ticks treat an edge apart, skipping a box's
// first column; at 2x the cap of a hatch line cut at an edge shapes the column before it too.)
struct BoxStrip::Pattern
{
    static constexpr int kEdge = 2;
    static constexpr int kShortest = kMaxPlainWidth + 1;
    static constexpr int kShort = 2 * kEdge - kShortest + 1; // widths kShortest .. 2 * kEdge

    int period = 1; // logical columns
    int scale = 1;
    int rows = 0; // device rows
    // rows x bodyWidth device columns: the repeat, over and over, so that a wide box's row is
    // a few long copies rather than one per repeat (a plain state repeats every column)
    std::vector<QRgb> body;
    int bodyWidth = 0;
    std::vector<QRgb> first; // by phase: rows x kEdge * scale
    std::vector<QRgb> last;
    std::vector<std::vector<QRgb>> shortBoxes; // by phase and width: rows x width * scale
};

namespace {

constexpr int kMaxScale = 4;
// Patterns kept per thread: a view meets a few heights and row phases of a few states.
constexpr size_t kMaxPatterns = 512;
// Device columns of a pattern's inner repeat kept side by side, at the least.
constexpr int kBodyColumns = 256;

bool whole(double v)
{
    return v == std::floor(v);
}

int phaseOf(int v, int period)
{
    return ((v % period) + period) % period;
}

using PatternKey = std::tuple<int, int, int, int, bool, QRgb, QRgb>;
using Pattern = BoxStrip::Pattern;

// Device columns [from, from + n) of every row of `image`, row after row.
void copyColumns(const QImage& image, int from, int n, std::vector<QRgb>* to)
{
    to->resize(size_t(image.height() * n));
    for (int row = 0; row < image.height(); ++row) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(row));
        std::copy_n(line + from, n, to->begin() + qsizetype(row * n));
    }
}

std::shared_ptr<const Pattern> drawPattern(
    const TimelineStyle& style, State s, int height, int scale, int rowPhase, QSize repeat)
{
    auto pattern = std::make_shared<Pattern>();
    const int period = repeat.width();
    const int edge = Pattern::kEdge * scale;
    pattern->period = period;
    pattern->scale = scale;
    pattern->rows = height * scale;
    // A box of whole repeats with a repeat of inner columns between its edges, placed on the
    // page at a multiple of the repeats so that its columns have the phases of the real ones;
    // it is drawn one column into the image, whose first column takes what a hatch line may
    // leave past the box's left edge.
    const int width = period * ((2 * Pattern::kEdge + 2 * period - 1) / period);
    const int pageX = period * 4;
    const int pageY = repeat.height() * 4 + rowPhase;
    QImage image((width + 2) * scale, pattern->rows, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    const auto draw = [&](int x, int w) {
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.translate(1 - x, -pageY);
        style.drawStateBox(&p, QRect(x, pageY, w, height), s);
    };
    std::vector<QRgb> columns;
    pattern->first.resize(size_t(period * pattern->rows * edge));
    pattern->last.resize(pattern->first.size());
    pattern->shortBoxes.resize(size_t(period * Pattern::kShort));
    for (int phase = 0; phase < period; ++phase) {
        draw(pageX + phase, width);
        const auto at = qsizetype(phase * pattern->rows * edge);
        copyColumns(image, scale, edge, &columns);
        std::copy(columns.begin(), columns.end(), pattern->first.begin() + at);
        copyColumns(image, (1 + width) * scale - edge, edge, &columns);
        std::copy(columns.begin(), columns.end(), pattern->last.begin() + at);
        if (phase == 0) {
            // Page columns pageX + kEdge on: inner ones, a whole repeat of them.
            const int repeatWidth = period * scale;
            pattern->bodyWidth = repeatWidth * std::max(1, kBodyColumns / repeatWidth);
            pattern->body.resize(size_t(pattern->rows * pattern->bodyWidth));
            for (int c = Pattern::kEdge; c < Pattern::kEdge + period; ++c) {
                copyColumns(image, (1 + c) * scale, scale, &columns);
                for (int row = 0; row < pattern->rows; ++row) {
                    for (int at = (c % period) * scale; at < pattern->bodyWidth; at += repeatWidth)
                        std::copy_n(columns.begin() + row * scale, scale,
                            pattern->body.begin() + row * pattern->bodyWidth + at);
                }
            }
        }
        for (int k = 0; k < Pattern::kShort; ++k) {
            const int w = Pattern::kShortest + k;
            draw(pageX + phase, w);
            copyColumns(image, scale, w * scale, &pattern->shortBoxes[size_t(phase * Pattern::kShort + k)]);
        }
    }
    return pattern;
}

// The pattern of state s for rows `height` high from y, drawn once per thread for all paints.
std::shared_ptr<const BoxStrip::Pattern> patternFor(const TimelineStyle& style, State s, int y, int height, int scale)
{
    thread_local std::map<PatternKey, std::shared_ptr<const BoxStrip::Pattern>> cache;
    const QSize repeat = style.patternRepeat(s);
    const int rowPhase = phaseOf(y, repeat.height());
    const PatternKey key { int(s), height, scale, rowPhase, style.presentation(), style.ink(s).rgba(),
        style.fill(s).rgba() };
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    if (cache.size() >= kMaxPatterns)
        cache.clear();
    return cache.emplace(key, drawPattern(style, s, height, scale, rowPhase, repeat)).first->second;
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

void BoxStrip::add(int x0, int x1, State s, int y, int height)
{
    if (height != m_height || y != m_y) {
        // Another row: what was gathered is drawn where it belongs first.
        flush();
        if (height != m_height) {
            m_height = height;
            m_stamps = {};
            m_image = QImage(m_width * m_scale, height * m_scale, QImage::Format_ARGB32_Premultiplied);
            m_image.fill(Qt::transparent);
        }
        m_y = y;
        m_rowPatterns = {};
    }
    if (x1 <= x0 || height <= 0)
        return;
    Box box { (std::max(x0, m_left) - m_left) * m_scale, (std::min(x1, m_left + m_width) - m_left) * m_scale, s,
        nullptr, x0, x1 };
    if (box.to <= box.from)
        return;
    if (x1 - x0 > kMaxPlainWidth) {
        const Pattern*& pattern = m_rowPatterns[size_t(s)];
        if (!pattern) {
            m_patterns.push_back(patternFor(m_style, s, y, height, m_scale));
            pattern = m_patterns.back().get();
        }
        box.pattern = pattern;
    } else {
        stamp(s);
    }
    m_boxes.push_back(box);
}

void BoxStrip::writeRow(QRgb* line, int row, const Box& b) const
{
    if (!b.pattern) {
        std::fill(line + b.from, line + b.to, m_stamps[size_t(b.state)][size_t(row)]);
        return;
    }
    const Pattern& pt = *b.pattern;
    const int scale = m_scale;
    const int edge = Pattern::kEdge * scale;
    const int start = (b.x0 - m_left) * scale; // the box's first device column, maybe left of the strip
    const int end = (b.x1 - m_left) * scale;
    const int phase = phaseOf(b.x0, pt.period);
    const auto copy = [&](const QRgb* from, int c0, int c1) {
        // Columns [c0, c1) of the box's row from `from`, whose first is column c0, within the strip.
        const int lo = std::max(c0, b.from), hi = std::min(c1, b.to);
        if (hi > lo)
            std::copy(from + (lo - c0), from + (hi - c0), line + lo);
    };
    const int w = b.x1 - b.x0;
    if (w <= 2 * Pattern::kEdge) {
        const int k = w - Pattern::kShortest;
        copy(pt.shortBoxes[size_t(phase * Pattern::kShort + k)].data() + row * w * scale, start, end);
        return;
    }
    copy(pt.first.data() + (phase * pt.rows + row) * edge, start, start + edge);
    copy(pt.last.data() + (phaseOf(b.x1, pt.period) * pt.rows + row) * edge, end - edge, end);
    const QRgb* body = pt.body.data() + row * pt.bodyWidth;
    const int repeat = pt.period * scale;
    const int bodyEnd = std::min(end - edge, b.to);
    for (int c = std::max(start + edge, b.from); c < bodyEnd;) {
        const int at = phaseOf(m_left * scale + c, repeat);
        const int n = std::min(pt.bodyWidth - at, bodyEnd - c);
        std::copy_n(body + at, n, line + c);
        c += n;
    }
}

void BoxStrip::flush()
{
    if (m_boxes.empty())
        return;
    const int from = m_boxes.front().from;
    const int to = m_boxes.back().to;
    // Row by row: each row of the strip is written left to right, once.
    for (int row = 0; row < m_image.height(); ++row) {
        auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(row));
        for (const Box& b : m_boxes)
            writeRow(line, row, b);
    }
    // Transparent between the boxes, so what is already drawn there stays.
    const QRectF source(from, 0, to - from, m_image.height());
    m_p->drawImage(
        QRectF(m_left + double(from) / m_scale, m_y, double(to - from) / m_scale, m_height), m_image, source);
    for (int row = 0; row < m_image.height(); ++row) {
        auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(row));
        std::fill(line + from, line + to, QRgb(0));
    }
    m_boxes.clear();
}

} // namespace Forkline
