// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracecallouts.h"

#include "expectoutcome.h"
#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "tracemodel.h"
#include "translations.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace Forkline {

namespace {

constexpr size_t kTail = 8;
// Expect outcomes (named instants) sit among a lane's last marks too, one per expected value.
constexpr size_t kMaxOutcomes = 64;

// Where the last few marks of a lane start: kTail of them, not counting named ones.
size_t tailStart(const Lane& lane)
{
    size_t from = lane.instants.size();
    size_t others = 0;
    size_t outcomes = 0;
    while (from > 0 && others < kTail && outcomes < kMaxOutcomes) {
        --from;
        ++(lane.instants[from].kind == InstantKind::Other ? outcomes : others);
    }
    return from;
}

qint64 laneEnd(const Lane& lane)
{
    qint64 end = lane.spans.empty() ? 0 : lane.spans.back().end;
    if (!lane.instants.empty())
        end = std::max(end, lane.instants.back().t);
    return end;
}

// Whom a main thread waited for after its main-exit: the non-daemon lanes of its run still
// going then, threads of its own process or processes it started.
QString waitedFor(const TraceModel& model, int mainLane, qint64 exitT)
{
    bool threads = false;
    bool processes = false;
    const Lane& main = model.lane(mainLane);
    for (int i = 0; i < model.laneCount(); ++i) {
        const Lane& l = model.lane(i);
        if (i == mainLane || l.daemon || laneEnd(l) <= exitT)
            continue;
        if (l.pid == main.pid)
            threads = true;
        else if (l.parent >= 0 && model.lane(l.parent).pid == main.pid && l.kind == LaneKind::Process)
            processes = true;
    }
    if (threads && processes)
        return TraceCallouts::tr("%1 waited %2 for non-daemon workers");
    if (processes)
        return TraceCallouts::tr("%1 waited %2 for non-daemon processes");
    return TraceCallouts::tr("%1 waited %2 for non-daemon threads");
}

} // namespace

std::vector<Callout> TraceCallouts::find(const TraceModel& model)
{
    std::vector<Callout> out;
    for (int i = 0; i < model.laneCount(); ++i) {
        const Lane& lane = model.lane(i);
        const QString name = TimelineLayout::laneTitle(lane);
        // These marks end a lane's life: its last few instants hold them, so a frame of a
        // trace with millions of prints costs a look per lane, not per instant.
        for (size_t k = tailStart(lane); k < lane.instants.size(); ++k) {
            const Instant& in = lane.instants[k];
            switch (in.kind) {
            case InstantKind::Other: {
                ExpectOutcome outcome;
                if (in.name >= 0 && model.names().at(in.name) == QLatin1String(ExpectOutcome::kInstantName)
                    && ExpectOutcome::fromArgs(model.instantArgs(lane, k), &outcome))
                    out.push_back({ i, in.t, outcomeText(outcome), outcome.value != outcome.expected });
                break;
            }
            case InstantKind::MainExit: {
                const qint64 waited = laneEnd(lane) - in.t;
                if (waited >= kMinWaitNs)
                    out.push_back({ i, in.t, waitedFor(model, i, in.t).arg(name, TimeAxis::duration(waited)) });
                break;
            }
            case InstantKind::Killed:
                if (lane.daemon)
                    out.push_back({ i, in.t, tr("%1 killed when the main thread ended (daemon)").arg(name) });
                break;
            case InstantKind::Terminated: {
                const QString who = lane.parent >= 0 ? TimelineLayout::laneTitle(model.lane(lane.parent)) : QString();
                const QString how = in.code > 0 ? signalName(in.code) : QString();
                if (who.isEmpty())
                    out.push_back({ i, in.t, tr("%1 was terminated").arg(name) });
                else if (how.isEmpty())
                    out.push_back({ i, in.t, tr("%1 terminated %2").arg(who, name) });
                else
                    out.push_back({ i, in.t, tr("%1 terminated %2 (%3)").arg(who, name, how) });
                break;
            }
            default:
                break;
            }
        }
    }
    return out;
}

QString TraceCallouts::outcomeText(const ExpectOutcome& outcome)
{
    // The values as the program prints them; the difference grouped, as a reader counts it.
    const QString value = QString::number(outcome.value);
    const QString expected = QString::number(outcome.expected);
    if (outcome.value == outcome.expected)
        return tr("%1 = %2, as expected").arg(outcome.shared, value);
    const QString by = uiLocale().toString(qAbs(outcome.value - outcome.expected));
    if (outcome.value < outcome.expected)
        return tr("%1 = %2, expected %3: %4 short").arg(outcome.shared, value, expected, by);
    return tr("%1 = %2, expected %3: %4 over").arg(outcome.shared, value, expected, by);
}

void TraceCallouts::paint(QPainter* p, const std::vector<Callout>& callouts, const TimelineLayout& layout,
    const TimeMapping& map, int left, int right, const TimelineStyle& style)
{
    if (callouts.empty())
        return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setFont(style.smallFont);
    const QFontMetrics fm(style.smallFont);
    const int pad = std::max(2, style.padding / 2);
    const int gap = style.markSize;
    std::vector<std::pair<int, QRect>> placed; // lane, box
    // From the latest back, so an earlier callout on the same lane gives way to the left.
    for (auto it = callouts.rbegin(); it != callouts.rend(); ++it) {
        const Callout& c = *it;
        if (!layout.laneVisible(c.lane))
            continue;
        const double x = map.toX(c.t);
        if (x < left || x > right + style.markSize)
            continue;
        const int width = fm.horizontalAdvance(c.text) + 2 * pad;
        const int height = fm.height() + 2;
        // Left of the mark, so the mark stays visible; right of it when there is no room.
        int x0 = int(std::lround(x)) - style.markSize - width;
        for (const auto& [lane, box] : placed) {
            if (lane == c.lane && x0 < box.right() + gap && x0 + width > box.left() - gap)
                x0 = box.left() - gap - width;
        }
        if (x0 < left)
            x0 = std::min(int(std::lround(x)) + style.markSize, right - width);
        const int y = int(std::lround(layout.laneCenter(c.lane))) - height / 2;
        const QRect box(x0, y, width, height);
        placed.emplace_back(c.lane, box);
        const QColor ink = c.warning ? style.markColor(InstantKind::Killed) : style.textColor();
        p->setPen(QPen(ink, c.warning ? 2 : 1));
        p->setBrush(style.background());
        p->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        p->setPen(style.textColor());
        p->drawText(box, Qt::AlignCenter, c.text);
    }
    p->restore();
}

} // namespace Forkline
