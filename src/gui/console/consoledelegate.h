// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QStyledItemDelegate>

namespace Forkline {

// Draws a console line on one row: the time and the thread's tag (bold, in a colour of the
// thread's own) before a print, "stderr" (italic) before a line of stderr, notes dimmed and
// italic, typed input after "> ". Colours suit the palette, light or dark; none is the only
// thing that tells lines apart.
class ConsoleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ConsoleDelegate(QObject* parent = nullptr);

    // A piece of a line in one font and colour.
    struct Segment
    {
        QString text;
        QColor color;
        QFont font;
    };
    // The line as it is drawn, piece by piece.
    QList<Segment> segments(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // The line as it is drawn, as plain text.
    QString shownText(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The tag names the thread alone, leaving the printed text room on a projector.
    void setShortTags(bool on) { m_shortTags = on; }

    // Every line has this height: the view lays rows out without asking each one.
    static int rowHeight(const QFont& font);
    // The tag colour of the thread on lane `lane`.
    static QColor threadColor(int lane, bool dark);

private:
    bool m_shortTags = false;
};

} // namespace Forkline
