// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemView>

namespace Forkline {

// A list of rows of one height, drawn by the item delegate: what the console needs, with
// every step independent of how many rows there are. (QListView and QTreeView lay every row
// out again at each insertion: with hundreds of thousands of lines that alone stalls the
// window for tens of milliseconds a tick.) Rows scroll one at a time; the view follows new
// rows at the bottom until the reader scrolls up, and again once back at the bottom.
// Selected rows copy as text (Ctrl+C, or the context menu).
class ConsoleView : public QAbstractItemView
{
    Q_OBJECT
public:
    explicit ConsoleView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;
    // Typing in the list would search every row for the letters: not for a console.
    void keyboardSearch(const QString&) override { }

    int rowHeight() const { return m_rowHeight; }
    // The first row in sight.
    int firstVisibleRow() const;
    // Whether new rows scroll into sight (the reader is at the bottom).
    bool isFollowing() const { return m_following; }
    // Goes to the bottom and follows new rows from there.
    void follow();

    // A row drawn highlighted (the timeline's selected print), -1 for none.
    void setMarkedRow(int row);
    int markedRow() const { return m_markedRow; }

    // The selected rows' text, in order, a line each.
    QString selectedText() const;
    void copySelection();

    // What the view says while it has no rows.
    void setPlaceholderText(const QString& text);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex&) const override { return false; }
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    void updateGeometries() override;
    void rowsInserted(const QModelIndex& parent, int start, int end) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int rows() const;
    // Rows that fit whole in the viewport (at least one).
    int pageRows() const;
    int contentWidth() const;
    void onRowsRemoved();
    void onModelReset();
    void widen(int width);

    int m_rowHeight = 16;
    int m_widest = 0; // the widest row drawn so far: how far the view scrolls sideways
    int m_markedRow = -1;
    bool m_following = true;
    bool m_settingScroll = false;
    QString m_placeholder;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace Forkline
