// SPDX-License-Identifier: GPL-3.0-or-later
#include "textfit.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QScreen>
#include <QTextOption>
#include <climits>
#include <map>
#include <optional>

namespace Forkline {

namespace {

TextFit::Words wordsOf(const QFont& font, const QFontMetrics& fm, const QString& text)
{
    auto layout = std::make_shared<QTextLayout>(text, font);
    // A left-to-right paragraph on one line, as a left-to-right painter's drawText makes it.
    QTextOption option;
    option.setTextDirection(Qt::LeftToRight);
    option.setWrapMode(QTextOption::ManualWrap);
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    layout->beginLayout();
    QTextLine line = layout->createLine();
    if (line.isValid()) {
        line.setLineWidth(0x01000000);
        line.setPosition(QPointF(0, 0));
    }
    layout->endLayout();
    return { text, fm.horizontalAdvance(text), std::move(layout) };
}

struct Entry
{
    TextFit::Words whole;
    qreal width = 0; // as elidedText measures it: no shortening up to this
    // Length variants (U+009C): measured by the first, shortened to the longest that fits;
    // never taken from `shortened`.
    bool variants = false;
    std::map<int, TextFit::Words> shortened; // by the width asked for
};

struct Cache
{
    QFont font;
    QHash<QString, Entry> entries;
};

} // namespace

// Eliding is monotone in the width (a wider box keeps at least the letters of a narrower one),
// so a width between two that gave the same words gives them too: a label on boxes of all
// widths is shaped once for each of its few shortenings, not once per box.
TextFit::Words TextFit::elided(const QFont& font, const QString& text, int width)
{
    thread_local Cache cache;
    if (!(cache.font == font) || cache.entries.size() >= kMaxTexts) {
        cache.entries.clear();
        cache.font = font;
    }
    // Made only when something must be measured: most calls are answered from the cache.
    std::optional<QFontMetrics> metrics;
    const auto fm = [&]() -> const QFontMetrics& {
        if (!metrics)
            metrics.emplace(font);
        return *metrics;
    };
    auto it = cache.entries.find(text);
    if (it == cache.entries.end()) {
        Entry entry;
        entry.whole = wordsOf(font, fm(), text);
        entry.width = QFontMetricsF(font).horizontalAdvance(text);
        entry.variants = text.contains(QChar(0x9c));
        it = cache.entries.insert(text, entry);
    }
    Entry& entry = *it;
    if (!entry.variants && entry.width <= width)
        return entry.whole;
    auto above = entry.shortened.lower_bound(width);
    if (above != entry.shortened.end()
        && (above->first == width
            || (above != entry.shortened.begin() && std::prev(above)->second.text == above->second.text)))
        return above->second;
    const Words words = wordsOf(font, fm(), fm().elidedText(text, Qt::ElideRight, width));
    if (!entry.variants)
        entry.shortened.emplace_hint(above, width, words);
    return words;
}

bool TextFit::place(
    const QPainter* p, const QRect& box, const Words& words, Qt::Alignment horizontal, QPointF* at, bool* clipped)
{
    const QTextLine line = words.laidOut && words.laidOut->lineCount() == 1 ? words.laidOut->lineAt(0) : QTextLine();
    if (!line.isValid())
        return false;
    // drawText centres the line's unrounded height (QTextLine::height() rounds up), and its
    // advance when asked to.
    const QSizeF size(line.naturalTextWidth(), line.ascent() + line.descent());
    const qreal top = (box.height() - size.height()) / 2;
    const qreal left = horizontal & Qt::AlignHCenter ? (box.width() - line.horizontalAdvance()) / 2 : 0;
    const bool leftToRight = p->layoutDirection() == Qt::LeftToRight
        || (p->layoutDirection() == Qt::LayoutDirectionAuto && !words.text.isRightToLeft());
    // The words were laid out for the screen's dots per inch; a device of others (a printer)
    // sizes the font its own way.
    const QScreen* screen = QGuiApplication::primaryScreen();
    const bool screenDpi = p->device() && screen && p->device()->logicalDpiY() == qRound(screen->logicalDotsPerInchY());
    if (!leftToRight || !screenDpi)
        return false;
    *at = QPointF(box.x() + left, box.y() + top);
    if (clipped)
        *clipped = top < 0 || top + size.height() > box.height() || left < 0 || size.width() > box.width();
    return true;
}

void TextFit::draw(QPainter* p, const QRect& box, const Words& words, Qt::Alignment horizontal)
{
    QPointF at;
    bool clipped = false;
    if (place(p, box, words, horizontal, &at, &clipped) && !clipped)
        words.laidOut->lineAt(0).draw(p, at);
    else
        p->drawText(box, Qt::AlignVCenter | horizontal, words.text);
}

} // namespace Forkline
