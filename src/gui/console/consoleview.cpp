// SPDX-License-Identifier: GPL-3.0-or-later
#include "consoleview.h"

#include "consoledelegate.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cstdlib>
#include <vector>

namespace Forkline {

namespace {
// Row arithmetic far from the viewport is kept in int range; such rows are out of sight.
constexpr qint64 kFar = qint64(1) << 28;

int floorDiv(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}
} // namespace

ConsoleView::ConsoleView(QWidget* parent)
    : QAbstractItemView(parent)
{
    setSelectionMode(ExtendedSelection);
    setSelectionBehavior(SelectRows);
    setEditTriggers(NoEditTriggers);
    m_rowHeight = ConsoleDelegate::rowHeight(font());
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        // The reader scrolled: up stops following new rows, back at the bottom resumes it.
        if (!m_settingScroll)
            m_following = value >= verticalScrollBar()->maximum();
    });

    auto* copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ConsoleView::copySelection);
    auto* all = new QAction(tr("Select &All"), this);
    all->setShortcut(QKeySequence::SelectAll);
    all->setShortcutContext(Qt::WidgetShortcut);
    connect(all, &QAction::triggered, this, &QAbstractItemView::selectAll);
    addActions({ copy, all });
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ConsoleView::setModel(QAbstractItemModel* model)
{
    for (const QMetaObject::Connection& c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    QAbstractItemView::setModel(model);
    if (model) {
        m_modelConnections << connect(model, &QAbstractItemModel::rowsRemoved, this, &ConsoleView::onRowsRemoved)
                           << connect(model, &QAbstractItemModel::modelReset, this, &ConsoleView::onModelReset);
    }
    onModelReset();
}

void ConsoleView::onModelReset()
{
    m_markedRow = -1;
    m_widest = 0;
    m_following = true;
    updateGeometries();
    viewport()->update();
}

int ConsoleView::rows() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

int ConsoleView::pageRows() const
{
    return std::max(1, viewport()->height() / m_rowHeight);
}

int ConsoleView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int ConsoleView::contentWidth() const
{
    return std::max(m_widest, viewport()->width() + horizontalOffset());
}

int ConsoleView::horizontalOffset() const
{
    return horizontalScrollBar()->value();
}

int ConsoleView::verticalOffset() const
{
    return int(std::clamp(qint64(firstVisibleRow()) * m_rowHeight, -kFar, kFar));
}

QRect ConsoleView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid() || index.parent() != rootIndex() || index.row() >= rows())
        return {};
    const qint64 y = qint64(index.row() - firstVisibleRow()) * m_rowHeight;
    return QRect(-horizontalOffset(), int(std::clamp(y, -kFar, kFar)), contentWidth(), m_rowHeight);
}

QModelIndex ConsoleView::indexAt(const QPoint& point) const
{
    const qint64 row = qint64(firstVisibleRow()) + floorDiv(point.y(), m_rowHeight);
    if (!model() || row < 0 || row >= rows())
        return {};
    return model()->index(int(row), 0, rootIndex());
}

void ConsoleView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (!index.isValid() || index.row() >= rows())
        return;
    const int row = index.row();
    const int page = pageRows();
    const int first = firstVisibleRow();
    int to = first;
    switch (hint) {
    case EnsureVisible:
        if (row < first)
            to = row;
        else if (row >= first + page)
            to = row - page + 1;
        break;
    case PositionAtTop:
        to = row;
        break;
    case PositionAtBottom:
        to = row - page + 1;
        break;
    case PositionAtCenter:
        to = row - page / 2;
        break;
    }
    verticalScrollBar()->setValue(to);
}

void ConsoleView::follow()
{
    m_following = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ConsoleView::setMarkedRow(int row)
{
    if (row == m_markedRow)
        return;
    m_markedRow = row;
    viewport()->update();
}

QModelIndex ConsoleView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int count = rows();
    if (count == 0)
        return {};
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return model()->index(firstVisibleRow(), 0, rootIndex());
    qint64 row = current.row();
    switch (cursorAction) {
    case MoveUp:
    case MovePrevious:
        --row;
        break;
    case MoveDown:
    case MoveNext:
        ++row;
        break;
    case MovePageUp:
        row -= pageRows();
        break;
    case MovePageDown:
        row += pageRows();
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = count - 1;
        break;
    case MoveLeft:
    case MoveRight:
        horizontalScrollBar()->triggerAction(
            cursorAction == MoveLeft ? QAbstractSlider::SliderSingleStepSub : QAbstractSlider::SliderSingleStepAdd);
        break;
    }
    return model()->index(int(std::clamp<qint64>(row, 0, count - 1)), 0, rootIndex());
}

void ConsoleView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command)
{
    const QRect r = rect.normalized();
    const int count = rows();
    const qint64 first = firstVisibleRow();
    const qint64 top = std::max<qint64>(0, first + floorDiv(r.top(), m_rowHeight));
    const qint64 bottom = std::min<qint64>(count - 1, first + floorDiv(r.bottom(), m_rowHeight));
    if (count == 0 || top > bottom) {
        selectionModel()->select(QItemSelection(), command);
        return;
    }
    const QItemSelection selection(
        model()->index(int(top), 0, rootIndex()), model()->index(int(bottom), 0, rootIndex()));
    selectionModel()->select(selection, command);
}

QRegion ConsoleView::visualRegionForSelection(const QItemSelection& selection) const
{
    const int first = firstVisibleRow();
    const int last = first + pageRows();
    QRegion region;
    for (const QItemSelectionRange& range : selection) {
        if (range.parent() != rootIndex())
            continue;
        const int top = std::max(range.top(), first);
        const int bottom = std::min(range.bottom(), last);
        if (top <= bottom)
            region += QRect(0, (top - first) * m_rowHeight, viewport()->width(), (bottom - top + 1) * m_rowHeight);
    }
    return region;
}

void ConsoleView::updateGeometries()
{
    const int page = pageRows();
    m_settingScroll = true;
    QScrollBar* v = verticalScrollBar();
    v->setRange(0, std::max(0, rows() - page));
    v->setPageStep(page);
    v->setSingleStep(1);
    if (m_following)
        v->setValue(v->maximum());
    QScrollBar* h = horizontalScrollBar();
    h->setRange(0, std::max(0, m_widest - viewport()->width()));
    h->setPageStep(viewport()->width());
    h->setSingleStep(std::max(1, fontMetrics().averageCharWidth() * 4));
    m_settingScroll = false;
    QAbstractItemView::updateGeometries();
}

void ConsoleView::rowsInserted(const QModelIndex& parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    const int before = firstVisibleRow();
    updateGeometries();
    // Following, the scroll repaints what it uncovers; otherwise only rows that are in sight.
    if (firstVisibleRow() == before && start <= before + pageRows())
        viewport()->update();
}

void ConsoleView::onRowsRemoved()
{
    if (m_markedRow >= rows())
        m_markedRow = -1;
    updateGeometries();
    viewport()->update();
}

void ConsoleView::scrollContentsBy(int dx, int dy)
{
    // dy counts rows (the scroll bar steps a row at a time), dx pixels.
    if (std::abs(dy) < pageRows())
        viewport()->scroll(dx, dy * m_rowHeight);
    else
        viewport()->update();
}

void ConsoleView::widen(int width)
{
    if (width <= m_widest)
        return;
    m_widest = width;
    // Not from within the paint: a scroll bar that appears resizes the viewport.
    QMetaObject::invokeMethod(this, &ConsoleView::updateGeometries, Qt::QueuedConnection);
}

void ConsoleView::paintEvent(QPaintEvent* event)
{
    QPainter painter(viewport());
    const int count = rows();
    if (count == 0) {
        if (!m_placeholder.isEmpty()) {
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(viewport()->rect().adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                m_placeholder);
        }
        return;
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.showDecorationSelected = true;
    if (!isEnabled())
        option.palette.setCurrentColorGroup(QPalette::Disabled);
    else if (!(option.state & QStyle::State_Active))
        option.palette.setCurrentColorGroup(QPalette::Inactive);
    const QStyle::State state = option.state;
    const QModelIndex current = currentIndex();
    QColor mark = palette().color(QPalette::Highlight);
    mark.setAlpha(70);

    const int first = firstVisibleRow();
    const int last = std::min(count - 1, first + viewport()->height() / m_rowHeight + 1);
    int widest = 0;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        option.rect = visualRect(index);
        if (!event->region().intersects(option.rect))
            continue;
        option.state = state;
        if (selectionModel()->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (index == current && hasFocus())
            option.state |= QStyle::State_HasFocus;
        if (row == m_markedRow)
            painter.fillRect(option.rect, mark);
        QAbstractItemDelegate* delegate = itemDelegateForIndex(index);
        delegate->paint(&painter, option, index);
        widest = std::max(widest, delegate->sizeHint(option, index).width());
    }
    widen(widest);
}

QString ConsoleView::selectedText() const
{
    if (!selectionModel())
        return {};
    std::vector<std::pair<int, int>> ranges;
    for (const QItemSelectionRange& range : selectionModel()->selection()) {
        if (range.parent() == rootIndex())
            ranges.emplace_back(range.top(), range.bottom());
    }
    std::sort(ranges.begin(), ranges.end());
    QStringList lines;
    int next = 0; // rows before this one are taken already (ranges may overlap)
    for (const auto& [top, bottom] : ranges) {
        for (int row = std::max(top, next); row <= bottom; ++row)
            lines << model()->index(row, 0, rootIndex()).data(Qt::DisplayRole).toString();
        next = std::max(next, bottom + 1);
    }
    return lines.join(QLatin1Char('\n'));
}

void ConsoleView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void ConsoleView::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    viewport()->update();
}

void ConsoleView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

void ConsoleView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {
        m_rowHeight = ConsoleDelegate::rowHeight(font());
        m_widest = 0;
        updateGeometries();
        viewport()->update();
    }
    QAbstractItemView::changeEvent(event);
}

} // namespace Forkline
