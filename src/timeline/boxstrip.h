// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QImage>
#include <array>
#include <memory>
#include <vector>

class QPainter;

namespace Forkline {

class TimelineStyle;

// The boxes of one lane gathered and drawn as one image. Zoomed out on a big trace nearly
// every pixel column is a box, and zoomed in a patterned box costs a fill and a few dozen
// lines or dashes: a QPainter call per box costs far more than writing its pixels. This
// copies each state's pixels (drawn once by TimelineStyle::drawStateBox, so the look stays
// the style's) into a strip, then draws the strip with one drawImage. The result is pixel for
// pixel what drawStateBox would have painted inside each box. Only for painters that make
// pixels at a whole-number scale; for SVG and the like isActive() is false and boxes are
// drawn one by one.
class BoxStrip
{
public:
    // Boxes up to this wide have no pattern in TimelineStyle::drawStateBox, so every column
    // of one looks alike.
    static constexpr int kMaxPlainWidth = 2;

    BoxStrip(QPainter* p, const TimelineStyle& style, int left, int right);
    bool isActive() const { return m_scale > 0; }

    // Device pixels per logical pixel when `p` makes pixels (the raster engine) at a whole
    // number scale with whole-pixel offsets, where copying pixels gives what drawing would;
    // 0 otherwise (SVG, fractional scales, rotations).
    static int pixelScale(QPainter* p);

    // Columns [x0, x1) of a lane row from y, `height` pixels high, in state s.
    void add(int x0, int x1, State s, int y, int height);
    // Draws what was added (its top at the rows' y) and starts over.
    void flush();

    struct Pattern;

private:
    struct Box
    {
        int from = 0; // device columns into m_image
        int to = 0;
        State state = State::Running;
        const Pattern* pattern = nullptr; // for a box wider than kMaxPlainWidth
        int x0 = 0; // its logical columns, for the pattern's phase
        int x1 = 0;
    };
    const std::vector<QRgb>& stamp(State s);
    void writeRow(QRgb* line, int row, const Box& b) const;

    QPainter* m_p = nullptr;
    const TimelineStyle& m_style;
    int m_left = 0;
    int m_width = 0;
    int m_y = 0;
    int m_height = 0;
    int m_scale = 0; // device pixels per logical pixel; 0: inactive
    QImage m_image;
    std::vector<Box> m_boxes;
    std::array<std::vector<QRgb>, size_t(State::Count)> m_stamps;
    // The patterns this strip met, kept alive while it draws (the shared cache may drop them).
    std::vector<std::shared_ptr<const Pattern>> m_patterns;
    std::array<const Pattern*, size_t(State::Count)> m_rowPatterns {}; // of the row being gathered
};

} // namespace Forkline
