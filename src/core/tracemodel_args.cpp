// SPDX-License-Identifier: GPL-3.0-or-later
// TraceModel: what a trace's events carry beside their times, kept for Details and the round
// trip: a foreign event's own args and its category.
#include "tracemodel.h"

#include <algorithm>
#include <iterator>

namespace Forkline {

void TraceModel::addSpanArgs(int index, int depth, qint32 spanIndex, std::string_view members)
{
    lane(index).spanArgs.push_back({ depth, spanIndex, m_argsText.size(), qint64(members.size()) });
    m_argsText.append(members.data(), qsizetype(members.size()));
}

void TraceModel::addInstantArgs(int index, qint32 instantIndex, std::string_view members)
{
    lane(index).instantArgs.push_back({ 0, instantIndex, m_argsText.size(), qint64(members.size()) });
    m_argsText.append(members.data(), qsizetype(members.size()));
}

namespace {
QByteArray argsAt(const std::vector<EventArgs>& args, const QByteArray& text, int depth, size_t index)
{
    auto it = std::lower_bound(args.begin(), args.end(), std::make_pair(depth, qint64(index)),
        [](const EventArgs& a, const std::pair<int, qint64>& v) {
            return a.depth != v.first ? a.depth < v.first : a.index < v.second;
        });
    if (it == args.end() || it->depth != depth || it->index != qint64(index))
        return {};
    return text.mid(it->offset, it->length);
}
} // namespace

QByteArray TraceModel::spanArgs(const Lane& lane, int depth, size_t index) const
{
    return argsAt(lane.spanArgs, m_argsText, depth, index);
}

QByteArray TraceModel::instantArgs(const Lane& lane, size_t index) const
{
    return argsAt(lane.instantArgs, m_argsText, 0, index);
}

void TraceModel::addCategoryRun(int index, int depth, qint32 spanIndex, const QString& category)
{
    std::vector<CategoryRun>& runs = lane(index).categories;
    const qint32 name = internName(category);
    if (!runs.empty() && runs.back().depth == depth && runs.back().category == name)
        return; // goes on with the run before
    runs.push_back({ depth, spanIndex, name });
}

QString TraceModel::categoryOf(const Lane& lane, int depth, size_t index) const
{
    const auto& runs = lane.categories;
    const auto it = std::upper_bound(runs.begin(), runs.end(), std::pair<qint32, qint64>(depth, qint64(index)),
        [](const std::pair<qint32, qint64>& v, const CategoryRun& r) {
            return v.first != r.depth ? v.first < r.depth : v.second < r.index;
        });
    if (it == runs.begin() || std::prev(it)->depth != depth)
        return {};
    return m_names.at(std::prev(it)->category);
}

} // namespace Forkline
