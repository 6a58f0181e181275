// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanetotals.h"

#include "textfit.h"
#include "textstamps.h"
#include "timeaxis.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QPainter>
#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

namespace Forkline {

std::array<qint64, size_t(State::Count)> LaneTotals::perState(const Lane& lane, qint64 now)
{
    std::array<qint64, size_t(State::Count)> totals {};
    for (const Span& s : lane.spans)
        totals[size_t(s.state)] += std::max<qint64>(s.end - s.start, 0);
    if (lane.open && now > lane.openSince)
        totals[size_t(lane.openState)] += now - lane.openSince;
    return totals;
}

QString LaneTotals::text(const Lane& lane, qint64 now)
{
    const std::array<qint64, size_t(State::Count)> totals = perState(lane, now);
    const qint64 life = std::accumulate(totals.begin(), totals.end(), qint64(0));
    if (life <= 0)
        return {};
    std::array<size_t, size_t(State::Count)> order {};
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return totals[a] > totals[b]; });
    QStringList parts;
    for (size_t s : order) {
        if (parts.size() >= kMaxStates || double(totals[s]) < kMinShare * double(life))
            break;
        parts << tr("%1 %2").arg(TimelineStyle::stateLabel(State(s)), TimeAxis::duration(totals[s]));
    }
    // One state for the whole life says nothing the boxes do not.
    if (parts.size() < 2)
        return {};
    return parts.join(QStringLiteral(" · "));
}

QRect LaneTotals::chip(const Lane& lane, const TimeMapping& map, const QRect& row, int left, int right, qint64 now,
    const TimelineStyle& style, QString* labelOut)
{
    qint64 end = lane.open ? now : (lane.spans.empty() ? 0 : lane.spans.back().end);
    if (!lane.instants.empty())
        end = std::max(end, lane.instants.back().t);
    const qint64 start = lane.spans.empty() ? (lane.open ? lane.openSince : end) : lane.spans.front().start;
    const int x1 = std::min(right, int(std::lround(map.toX(end))));
    const int x0 = std::max(left, int(std::lround(map.toX(start))));
    if (lane.spans.size() > kMaxSpans)
        return {};
    const QString label = text(lane, now);
    if (label.isEmpty())
        return {};
    const QFontMetrics fm(style.smallFont);
    const int pad = std::max(2, style.padding / 2);
    const int width = TextFit::elided(style.smallFont, label, INT_MAX).advance + 2 * pad;
    // Left of the marks that close the lane (its end, a main-exit), so none is hidden.
    int boxRight = x1 - style.markSize;
    const size_t tail = std::min<size_t>(lane.instants.size(), 8);
    for (size_t k = lane.instants.size(); k > lane.instants.size() - tail; --k) {
        const int x = int(std::lround(map.toX(lane.instants[k - 1].t)));
        if (x + style.markSize < boxRight - width)
            break;
        boxRight = std::min(boxRight, x - style.markSize);
    }
    // Only on a lane that has room for it three times over: the boxes come first.
    if (boxRight - x0 < 3 * width || row.height() < fm.height())
        return {};
    if (labelOut)
        *labelOut = label;
    return QRect(boxRight - width, row.top() + (row.height() - fm.height()) / 2, width, fm.height());
}

void LaneTotals::paint(QPainter* p, const QRect& box, const QString& label, const TimelineStyle& style)
{
    // Opaque: text over a hatch of thin boxes is unreadable on a projector.
    const QColor back = style.laneBackground();
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(Qt::NoPen);
    p->setBrush(back);
    constexpr int radius = 3;
    p->drawRoundedRect(QRectF(box), radius, radius);
    p->setFont(style.smallFont);
    p->setPen(style.textColor());
    // Laid out once (chip() measured it), and copied from an image of them where the chip is
    // its plain colour, clear of the rounded corners: the same few sums on every frame. That
    // is inside the chip, so drawText's clip to it (the line is a little taller than the
    // font's height) changes nothing where the copy is taken.
    const TextFit::Words words = TextFit::elided(style.smallFont, label, INT_MAX);
    QPointF at;
    if (!TextFit::place(p, box, words, Qt::AlignHCenter, &at)
        || !TextStamps::draw(p, box.adjusted(radius, 0, -radius, 0), back, words, at))
        TextFit::draw(p, box, words, Qt::AlignHCenter);
    p->restore();
}

} // namespace Forkline
