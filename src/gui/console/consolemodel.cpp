// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolemodel.h"

#include "timearithmetic.h"
#include "timeaxis.h"
#include "timelinelayout.h"
#include "tracemodel.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace Forkline {

namespace {
// Prints per entry of the cutoff's index: the search ends in a scan of at most this many.
constexpr int kTimeBlock = 256;
// Rows are ints; a console that reached this many would stop growing rather than wrap.
constexpr qint64 kMaxRows = std::numeric_limits<int>::max() - 1;
} // namespace

ConsoleModel::ConsoleModel(QObject* parent)
    : QAbstractListModel(parent)
{
    m_tick.setSingleShot(true);
    m_tick.setInterval(tickMs());
    connect(&m_tick, &QTimer::timeout, this, &ConsoleModel::sync);
}

int ConsoleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_shownRows;
}

Qt::ItemFlags ConsoleModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_shownRows)
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ConsoleModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TextRole, "text");
    names.insert(TagRole, "tag");
    names.insert(ThreadRole, "thread");
    names.insert(StreamRole, "stream");
    names.insert(TimeRole, "time");
    names.insert(PrintRole, "print");
    names.insert(LaneRole, "lane");
    names.insert(TimeTextRole, "timeText");
    return names;
}

QVariant ConsoleModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_shownRows)
        return {};
    const Item item = itemAt(index.row());
    if (item.extra >= 0) {
        const Extra& extra = m_extras[size_t(item.extra)];
        switch (role) {
        case Qt::DisplayRole:
            return lineText(index.row());
        case TextRole:
            return extra.text;
        case StreamRole:
            return QVariant::fromValue(extra.stream);
        case PrintRole:
        case LaneRole:
            return -1;
        case TagRole:
        case ThreadRole:
            return QString();
        default:
            return {};
        }
    }
    const int print = printIndex(item.place);
    // A trace that changed under the console (it is given a new one right after) shows
    // nothing rather than reading past its end.
    if (print < 0)
        return {};
    const PrintRecord& record = m_trace->prints()[size_t(print)];
    switch (role) {
    case Qt::DisplayRole:
        return lineText(index.row());
    case TextRole:
        return record.text >= 0 && record.text < m_trace->texts().size() ? m_trace->texts().at(record.text) : QString();
    case TagRole:
        return tagOf(record.lane);
    case ThreadRole:
        return threadOf(record.lane);
    case StreamRole:
        return QVariant::fromValue(Stream::Stdout);
    case TimeRole:
        return record.t;
    case TimeTextRole:
        return TimeAxis::timePoint(subNs(record.t, TimeAxis::extent(*m_trace).first));
    case PrintRole:
        return print;
    case LaneRole:
        return record.lane >= 0 && record.lane < m_trace->laneCount() ? record.lane : -1;
    default:
        return {};
    }
}

QString ConsoleModel::threadOf(int lane) const
{
    if (lane < 0 || lane >= m_trace->laneCount())
        return tr("?");
    const Lane& l = m_trace->lane(lane);
    QString who = TimelineLayout::laneTitle(l);
    const QString sub = TimelineLayout::laneSubtitle(l);
    if (!sub.isEmpty())
        who += QStringLiteral(" (") + sub + QLatin1Char(')');
    return who;
}

QString ConsoleModel::tagOf(int lane) const
{
    if (lane < 0 || lane >= m_trace->laneCount())
        return tr("?");
    const Lane& l = m_trace->lane(lane);
    return tr("%1 · tid %2 · pid %3").arg(threadOf(lane), QString::number(l.tid), QString::number(l.pid));
}

QString ConsoleModel::lineText(int row) const
{
    if (row < 0 || row >= m_shownRows)
        return {};
    const QModelIndex index = this->index(row);
    const QString text = index.data(TextRole).toString();
    switch (index.data(StreamRole).value<Stream>()) {
    case Stream::Stdout: {
        const QVariant t = index.data(TimeTextRole);
        if (!t.isValid())
            return text;
        return t.toString() + QLatin1Char(' ') + index.data(TagRole).toString() + QLatin1Char(' ') + text;
    }
    case Stream::Stderr:
        return tr("stderr") + QLatin1Char(' ') + text;
    case Stream::Input:
        return QStringLiteral("> ") + text;
    case Stream::Note:
        break;
    }
    return text;
}

ConsoleModel::Item ConsoleModel::itemAt(int row) const
{
    // Extra line j sits at row printsBefore + j, rising with j: a binary search finds the
    // first one at or after `row`; the rows before `row` that are not extra lines are prints.
    int lo = 0;
    int hi = m_extraRows;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (qint64(m_extras[size_t(mid)].printsBefore) + mid < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < m_extraRows && m_extras[size_t(lo)].printsBefore + lo == row)
        return { lo, -1 };
    return { -1, row - lo };
}

int ConsoleModel::extrasUpTo(int place) const
{
    const auto begin = m_extras.begin();
    const auto end = begin + m_extraRows;
    return int(std::partition_point(begin, end, [place](const Extra& e) { return e.printsBefore <= place; }) - begin);
}

int ConsoleModel::tracePrints() const
{
    return m_trace ? int(std::min<qint64>(qint64(m_trace->prints().size()), kMaxRows)) : 0;
}

int ConsoleModel::printIndex(int place) const
{
    if (!m_trace || place < 0 || place >= m_printRows)
        return -1;
    const int print = m_order.empty() ? place : m_order[size_t(place)];
    return size_t(print) < m_trace->prints().size() ? print : -1;
}

qint64 ConsoleModel::printTime(int place) const
{
    const int print = printIndex(place);
    return print < 0 ? std::numeric_limits<qint64>::max() : m_trace->prints()[size_t(print)].t;
}

int ConsoleModel::rowOfPrint(int print) const
{
    if (!m_trace || print < 0 || size_t(print) >= m_trace->prints().size())
        return -1;
    int place = print;
    if (!m_order.empty()) {
        // m_order is a stable sort by time: ordered by (time, index), which finds any print.
        const auto& prints = m_trace->prints();
        const qint64 t = prints[size_t(print)].t;
        const auto it = std::lower_bound(m_order.begin(), m_order.end(), print, [&prints, t](int a, int p) {
            const qint64 ta = prints[size_t(a)].t;
            return ta < t || (ta == t && a < p);
        });
        if (it == m_order.end() || *it != print)
            return -1;
        place = int(it - m_order.begin());
    }
    if (place >= m_printRows)
        return -1;
    const int row = place + extrasUpTo(place);
    return row < m_shownRows ? row : -1;
}

int ConsoleModel::printAt(int row) const
{
    if (row < 0 || row >= m_shownRows)
        return -1;
    const Item item = itemAt(row);
    return item.extra >= 0 ? -1 : printIndex(item.place);
}

void ConsoleModel::clear()
{
    beginResetModel();
    m_tick.stop();
    m_trace = nullptr;
    m_order = {};
    m_extras = {};
    m_blockLatest = {};
    m_printRows = 0;
    m_extraRows = 0;
    m_shownRows = 0;
    m_cutoff = -1;
    m_stderrRest.clear();
    endResetModel();
}

void ConsoleModel::followPrints(const TraceModel* trace)
{
    if (m_printRows > 0)
        clear();
    m_trace = trace;
    m_order = {};
    scheduleSync();
}

void ConsoleModel::traceMoved(const TraceModel* trace)
{
    m_trace = trace;
}

void ConsoleModel::showPrints(const TraceModel* trace)
{
    if (m_printRows > 0)
        clear();
    m_trace = trace;
    m_order = {};
    if (!trace) {
        sync();
        return;
    }
    // Most traces list their prints in time order already: then the trace's order is the
    // console's, at no cost.
    const auto& prints = trace->prints();
    const auto earlier = [](const PrintRecord& a, const PrintRecord& b) { return a.t < b.t; };
    if (!std::is_sorted(prints.begin(), prints.end(), earlier)) {
        m_order.resize(size_t(tracePrints()));
        std::iota(m_order.begin(), m_order.end(), 0);
        std::stable_sort(m_order.begin(), m_order.end(),
            [&prints, &earlier](int a, int b) { return earlier(prints[size_t(a)], prints[size_t(b)]); });
    }
    sync();
}

void ConsoleModel::printsAdded()
{
    if (m_trace && tracePrints() > m_printRows)
        scheduleSync();
}

void ConsoleModel::scheduleSync()
{
    if (!m_tick.isActive())
        m_tick.start();
}

void ConsoleModel::appendExtra(Stream stream, const QString& text)
{
    // Every print the trace has now came before it, whether a row yet or not.
    m_extras.push_back({ text, std::max(tracePrints(), m_printRows), stream });
    scheduleSync();
}

void ConsoleModel::appendStderr(const QString& chunk)
{
    QString all = m_stderrRest + chunk;
    const qsizetype last = all.lastIndexOf(QLatin1Char('\n'));
    m_stderrRest = last < 0 ? all : all.mid(last + 1);
    if (last < 0)
        return;
    const QStringList lines = all.left(last).split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        appendExtra(Stream::Stderr, line);
    }
}

void ConsoleModel::appendNote(const QString& text)
{
    // A note ends what stderr left unfinished: the note would otherwise cut into it.
    if (!m_stderrRest.isEmpty())
        appendStderr(QStringLiteral("\n"));
    appendExtra(Stream::Note, text);
}

void ConsoleModel::appendInput(const QString& text)
{
    appendExtra(Stream::Input, text);
}

qint64 ConsoleModel::pendingRows() const
{
    return qint64(std::max(0, tracePrints() - m_printRows)) + qint64(m_extras.size()) - m_extraRows;
}

void ConsoleModel::sync()
{
    m_tick.stop();
    // Rows only ever follow the ones there are: a new print comes after every row, and so
    // does an extra line (it counts the prints before it, all of which are rows now).
    const int prints = std::max(m_printRows, tracePrints());
    const qint64 extras = std::min<qint64>(qint64(m_extras.size()), kMaxRows - prints);
    // An extra line never stands after prints that are not there (a trace given anew).
    for (size_t j = size_t(m_extraRows); j < size_t(extras); ++j)
        m_extras[j].printsBefore = std::min(m_extras[j].printsBefore, prints);
    indexTimes(m_printRows, prints);
    m_printRows = prints;
    m_extraRows = int(extras);
    setShownRows(rowsForCutoff());
}

void ConsoleModel::indexTimes(int from, int to)
{
    if (to <= from)
        return;
    // The last block may have been partial; it is redone with the prints that joined it.
    int block = from / kTimeBlock;
    m_blockLatest.resize(size_t(block));
    qint64 latest = block > 0 ? m_blockLatest.back() : std::numeric_limits<qint64>::min();
    for (int place = block * kTimeBlock; place < to; ++place) {
        const int print = m_order.empty() ? place : m_order[size_t(place)];
        if (size_t(print) < m_trace->prints().size())
            latest = std::max(latest, m_trace->prints()[size_t(print)].t);
        if ((place + 1) % kTimeBlock == 0 || place + 1 == to)
            m_blockLatest.push_back(latest);
    }
}

int ConsoleModel::rowsForCutoff() const
{
    const int all = m_printRows + m_extraRows;
    if (m_cutoff < 0)
        return all;
    // The first print after the cutoff: in the first block whose latest time is after it.
    const auto block = std::upper_bound(m_blockLatest.begin(), m_blockLatest.end(), m_cutoff);
    if (block == m_blockLatest.end())
        return all;
    int place = int(block - m_blockLatest.begin()) * kTimeBlock;
    while (place < m_printRows && printTime(place) <= m_cutoff)
        ++place;
    if (place >= m_printRows)
        return all;
    return place + extrasUpTo(place);
}

void ConsoleModel::setShownRows(int rows)
{
    if (rows > m_shownRows) {
        beginInsertRows({}, m_shownRows, rows - 1);
        m_shownRows = rows;
        endInsertRows();
    } else if (rows < m_shownRows) {
        beginRemoveRows({}, rows, m_shownRows - 1);
        m_shownRows = rows;
        endRemoveRows();
    }
}

void ConsoleModel::setCutoff(qint64 t)
{
    m_cutoff = t < 0 ? -1 : t;
    sync();
}

} // namespace Forkline
