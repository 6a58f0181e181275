// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QPointF>
#include <QRect>
#include <QString>
#include <QTextLayout>
#include <memory>

class QPainter;

namespace Forkline {

// A text shortened to fit a width, as QFontMetrics::elidedText (Qt::ElideRight) gives it, with
// its advance. Shaping a label costs more than drawing it, and a frame writes the same few
// labels on hundreds of boxes, frame after frame: the results are kept per thread, for the
// last font asked about, up to kMaxTexts texts.
class TextFit
{
public:
    static constexpr int kMaxTexts = 4096;

    struct Words
    {
        QString text;
        int advance = 0; // QFontMetrics::horizontalAdvance
        // `text` shaped and laid out once as QPainter::drawText lays out a line, left to right
        // (one line at 0,0); kept with the words, so a box's paint does not shape them again.
        std::shared_ptr<const QTextLayout> laidOut;
    };
    static Words elided(const QFont& font, const QString& text, int width);
    // Draws `words` where p->drawText(box, Qt::AlignVCenter | horizontal, words.text) puts
    // them (horizontal: Qt::AlignLeft or Qt::AlignHCenter), with p's font and pen, from the
    // line laid out once. Words that would leave the box, a right-to-left painter and a
    // device of other dots per inch than the screen's go by drawText itself.
    static void draw(QPainter* p, const QRect& box, const Words& words, Qt::Alignment horizontal);
    // Where drawText(box, Qt::AlignVCenter | horizontal, words.text) puts the kept line's
    // origin (*at); false when it lays the words out another way (right to left, for another
    // device's dots per inch). *clipped: the line is larger than the box, and drawText clips
    // to the box (draw() then calls it).
    static bool place(const QPainter* p, const QRect& box, const Words& words, Qt::Alignment horizontal, QPointF* at,
        bool* clipped = nullptr);
};

} // namespace Forkline
