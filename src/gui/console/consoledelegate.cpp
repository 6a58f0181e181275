// SPDX-License-Identifier: GPL-3.0-or-later
#include "consoledelegate.h"

#include "consolemodel.h"
#include "timelinestyle.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

namespace Forkline {

namespace {
constexpr int kMargin = 4;
constexpr int kTabWidth = 8;
// A line is drawn up to this many characters: shaping a print of a megabyte at every repaint
// would stall the window. Copy gives the whole line.
constexpr qsizetype kMaxShownChars = 4000;

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

// One row shows one line, whatever breaks the program put in it: a break shows as a mark of
// its own, a tab as the spaces up to the next tab stop.
QString oneRow(const QString& text)
{
    const auto special = [](QChar c) {
        return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t') || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator;
    };
    const qsizetype size = std::min(text.size(), kMaxShownChars);
    if (size == text.size() && std::none_of(text.cbegin(), text.cend(), special))
        return text;
    QString out;
    out.reserve(size + 8);
    qsizetype column = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\t')) {
            const qsizetype spaces = kTabWidth - column % kTabWidth;
            out += QString(spaces, QLatin1Char(' '));
            column += spaces;
            continue;
        }
        if (special(c)) {
            if (c == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            out += QChar(0x21b5); // ↵
            column = 0;
            continue;
        }
        out += c;
        ++column;
    }
    if (size < text.size())
        out += QChar(0x2026); // …
    return out;
}
} // namespace

ConsoleDelegate::ConsoleDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

int ConsoleDelegate::rowHeight(const QFont& font)
{
    return QFontMetrics(font).height() + 2;
}

QColor ConsoleDelegate::threadColor(int lane, bool dark)
{
    // The first is the console's colour of old (the timeline's "computing" blue, or its sky
    // blue on a dark theme); the others are as far from it and from each other as reads well,
    // and from the orange of stderr and the green of input.
    static const std::array<QColor, 6> light { TimelineStyle::stateColor(State::Computing), QColor(0x8c, 0x3f, 0xa3),
        QColor(0x00, 0x76, 0x6c), QColor(0xb0, 0x18, 0x5a), QColor(0x5c, 0x6b, 0x00), QColor(0x3f, 0x51, 0xb5) };
    static const std::array<QColor, 6> darkSet { TimelineStyle::stateColor(State::Sleeping), QColor(0xcf, 0x9d, 0xe0),
        QColor(0x5f, 0xd4, 0xc4), QColor(0xf2, 0x8b, 0xb5), QColor(0xc2, 0xcf, 0x5a), QColor(0x9f, 0xa8, 0xf0) };
    const auto& set = dark ? darkSet : light;
    return set[size_t(std::max(lane, 0)) % set.size()];
}

QList<ConsoleDelegate::Segment> ConsoleDelegate::segments(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const bool dark = isDark(option.palette);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = dark ? QColor(0x9a, 0xa0, 0xa8) : QColor(0x6a, 0x70, 0x78);
    const QColor stderrColor = dark ? QColor(0xff, 0x9a, 0x57) : QColor(0xc2, 0x4f, 0x00);
    const QColor inputColor = dark ? QColor(0x3f, 0xd0, 0xa0) : QColor(0x00, 0x9e, 0x73);
    // On a selected line everything takes the selection's text colour, which is made to read.
    const auto ink = [&](const QColor& c) { return selected ? text : c; };
    QFont bold = option.font;
    bold.setBold(true);
    QFont italic = option.font;
    italic.setItalic(true);

    const QString line = oneRow(index.data(ConsoleModel::TextRole).toString());
    QList<Segment> out;
    switch (index.data(ConsoleModel::StreamRole).value<ConsoleModel::Stream>()) {
    case ConsoleModel::Stream::Stdout: {
        const QVariant t = index.data(ConsoleModel::TimeTextRole);
        if (t.isValid())
            out.append({ t.toString() + QLatin1Char(' '), ink(dim), option.font });
        const QString tag = index.data(m_shortTags ? ConsoleModel::ThreadRole : ConsoleModel::TagRole).toString();
        const QColor thread = threadColor(index.data(ConsoleModel::LaneRole).toInt(), dark);
        out.append({ tag, ink(thread), bold });
        out.append({ QLatin1Char(' ') + line, text, option.font });
        break;
    }
    case ConsoleModel::Stream::Stderr:
        out.append({ tr("stderr") + QLatin1Char(' '), ink(stderrColor), italic });
        out.append({ line, ink(stderrColor), option.font });
        break;
    case ConsoleModel::Stream::Note:
        out.append({ line, ink(dim), italic });
        break;
    case ConsoleModel::Stream::Input:
        out.append({ QStringLiteral("> ") + line, ink(inputColor), option.font });
        break;
    }
    return out;
}

QString ConsoleDelegate::shownText(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QString s;
    for (const Segment& segment : segments(option, index))
        s += segment.text;
    return s;
}

void ConsoleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // The row's background: the selection, hover, alternate colours as the style draws them.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, widget);
    painter->save();
    painter->setClipRect(option.rect);
    qreal x = option.rect.left() + kMargin;
    for (const Segment& segment : segments(option, index)) {
        const QFontMetricsF metrics(segment.font);
        const qreal baseline = option.rect.top() + (option.rect.height() - metrics.height()) / 2 + metrics.ascent();
        painter->setFont(segment.font);
        painter->setPen(segment.color);
        painter->drawText(QPointF(x, baseline), segment.text);
        x += metrics.horizontalAdvance(segment.text);
        if (x > option.rect.right())
            break;
    }
    painter->restore();
}

QSize ConsoleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    qreal width = 2 * kMargin;
    for (const Segment& segment : segments(option, index))
        width += QFontMetricsF(segment.font).horizontalAdvance(segment.text);
    return QSize(int(std::ceil(width)), rowHeight(option.font));
}

} // namespace Forkline
