// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QPainterPath>
#include <QPalette>
#include <QRect>
#include <QSize>
#include <algorithm>
#include <array>

class QPainter;

namespace Forkline {

// Sizes, fonts and the visual vocabulary (fill + pattern per state, a shape per instant) of
// the timeline. Shared by the screen and the exporters so a slide looks like the window.
class TimelineStyle
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineStyle)
public:
    explicit TimelineStyle(const QFont& base = {}, bool presentation = false);

    QFont font;
    QFont smallFont;
    QFont boldFont;
    QFont titleFont;
    int laneHeight = 22;
    int laneGap = 4;
    int headerHeight = 22;
    int groupGap = 10;
    int axisHeight = 28;
    int markSize = 9;
    // Sentences from the trace beside the marks that make a lesson's point (TraceCallouts).
    bool callouts = true;
    int padding = 8;
    int dataLeftPad = 6; // keeps marks at t=0 clear of the label column
    int dataRightPad = 18; // keeps end marks inside the picture

    bool presentation() const { return m_presentation; }

    // Okabe-Ito, so the states stay apart for colour-blind readers; every state also has a
    // pattern of its own so a greyscale print still tells them apart.
    static QColor stateColor(State s);
    // The colour that covers most of a box in state s: the solid colour for running states,
    // a pale tint for sleeping and waiting ones.
    static QColor stateFill(State s);
    static QColor instantColor(InstantKind k);
    static QString stateLabel(State s);
    static QString instantLabel(InstantKind k);
    static QString flowLabel(FlowKind k);

    // Fills `r` for a span in state `s`. Patterns are aligned to absolute coordinates so
    // adjacent boxes of one state join without a seam. Expects antialiasing off.
    // Its pixels follow from s, presentation(), ink(s) and fill(s) alone (BoxStrip keeps
    // them by these).
    void drawStateBox(QPainter* p, const QRect& r, State s) const;
    // How a state's pattern repeats over the page: a box moved by a multiple of width()
    // columns or height() rows has the same pixels, moved; a height of 1 says the pattern
    // follows the box's own rows. A box's first and last columns may differ (the ticks of a
    // computing box skip its first).
    QSize patternRepeat(State s) const;
    // A box gets its words (a slice's name, a state's detail) from this many pixels wide.
    static constexpr int kMinNamedBoxPx = 28;
    // Room kept between a box's edges and its words.
    int boxWordsPad() const { return std::max(2, padding / 2); }
    // Writes `words` into `box` (a box's inside, less the pad), elided to fit, on a backing of
    // the lane's colour so they read over any pattern; `fm` is smallFont's, which the caller
    // set on `p` with textColor(). Nothing when not even a letter fits.
    void drawBoxWords(QPainter* p, const QRect& box, const QString& words, const QFontMetrics& fm) const;
    // Draws the marker of an instant centred on `c` (antialiased by the caller).
    void drawInstant(QPainter* p, QPointF c, InstantKind k) const;
    // Arrowed line for a flow between two points.
    void drawFlow(QPainter* p, QPointF from, QPointF to, FlowKind k) const;

    // The screen follows the system palette, light or dark; pictures for slides keep the
    // designed light colours (a style that never saw a palette).
    void usePalette(const QPalette& palette);
    bool isDark() const { return m_dark; }
    // The fill of a box in state s on this background: stateFill() on light ones, a dark
    // tint on dark ones, so pale waiting boxes do not glare.
    QColor fill(State s) const;
    // The colour of a state's edges and patterns on this background.
    QColor ink(State s) const;
    // Ink and halo of the marks (endings keep their own warning colour).
    QColor markColor(InstantKind k) const;
    // Ink for fork and join arrows: the designed slate on light pages, light on dark ones.
    QColor arrowInk() const { return m_dark ? m_dimText.lighter(125) : QColor(0x3b, 0x3f, 0x46); }

    QColor textColor() const { return m_text; }
    QColor dimTextColor() const { return m_dimText; }
    QColor headerBackground() const { return m_header; }
    QColor laneBackground() const { return m_lane; }
    QColor gridColor() const { return m_grid; }
    QColor background() const { return m_background; }
    QColor nowColor() const { return QColor(0xd5, 0x5e, 0x00); }
    QColor highlightColor() const { return m_highlight; }

private:
    int tickStep() const { return m_presentation ? 6 : 4; }
    int hatchStep() const { return m_presentation ? 9 : 6; }
    int midLineWidth() const { return m_presentation ? 3 : 2; }

    struct Mark
    {
        QPainterPath shape;
        QPainterPath halo;
        QPainterPath outline;
        bool filled = true;
        bool built = false;
    };
    const Mark& mark(InstantKind k) const;

    bool m_presentation = false;
    bool m_dark = false;
    QColor m_text { 0x20, 0x22, 0x26 };
    QColor m_dimText { 0x6a, 0x70, 0x78 };
    QColor m_header { 0xe9, 0xec, 0xf0 };
    QColor m_lane { 0xf7, 0xf8, 0xfa };
    QColor m_grid { 0xdd, 0xe0, 0xe5 };
    QColor m_background { 0xff, 0xff, 0xff };
    QColor m_highlight { 0x30, 0x8c, 0xc6 };
    QColor m_markHalo { 0xff, 0xff, 0xff };
    mutable std::array<Mark, size_t(InstantKind::Count)> m_marks;
};

} // namespace Forkline
