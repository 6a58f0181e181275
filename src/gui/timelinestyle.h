// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QPainterPath>
#include <QRect>
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
    void drawStateBox(QPainter* p, const QRect& r, State s) const;
    // Draws the marker of an instant centred on `c` (antialiased by the caller).
    void drawInstant(QPainter* p, QPointF c, InstantKind k) const;
    // Arrowed line for a flow between two points.
    void drawFlow(QPainter* p, QPointF from, QPointF to, FlowKind k) const;

    QColor textColor() const { return QColor(0x20, 0x22, 0x26); }
    QColor dimTextColor() const { return QColor(0x6a, 0x70, 0x78); }
    QColor headerBackground() const { return QColor(0xe9, 0xec, 0xf0); }
    QColor laneBackground() const { return QColor(0xf7, 0xf8, 0xfa); }
    QColor gridColor() const { return QColor(0xdd, 0xe0, 0xe5); }
    QColor background() const { return Qt::white; }
    QColor nowColor() const { return QColor(0xd5, 0x5e, 0x00); }

private:
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
    mutable std::array<Mark, size_t(InstantKind::Count)> m_marks;
};

} // namespace Forkline
