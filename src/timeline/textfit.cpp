// SPDX-License-Identifier: GPL-3.0-or-later
#include "textfit.h"

#include <QFontMetrics>
#include <QHash>
#include <map>

namespace Forkline {

namespace {

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
    const QFontMetrics fm(font);
    auto it = cache.entries.find(text);
    if (it == cache.entries.end()) {
        Entry entry;
        entry.whole = { text, fm.horizontalAdvance(text) };
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
    Words words;
    words.text = fm.elidedText(text, Qt::ElideRight, width);
    words.advance = fm.horizontalAdvance(words.text);
    if (!entry.variants)
        entry.shortened.emplace_hint(above, width, words);
    return words;
}

} // namespace Forkline
