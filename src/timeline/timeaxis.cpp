// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeaxis.h"

#include "breakmarks.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <climits>
#include <cmath>

namespace Forkline {

namespace {

struct Unit
{
    qint64 ns;
    const char* name;
};
constexpr Unit kUnits[] = { { 1000000000, "s" }, { 1000000, "ms" }, { 1000, "µs" }, { 1, "ns" } };

const Unit& unitFor(qint64 magnitude)
{
    for (const Unit& u : kUnits) {
        if (magnitude >= u.ns)
            return u;
    }
    return kUnits[3];
}

QString withUnit(double value, int decimals, const Unit& u)
{
    return QString::number(value, 'f', decimals) + QLatin1Char(' ') + QString::fromUtf8(u.name);
}

} // namespace

qint64 TimeAxis::majorStep(const TimeMapping& m, double minPixels)
{
    // However wide the picture or small the spacing asked for, a range holds at most
    // kMaxMajorTicks major ticks (and five times as many minor ones): the tick loop is bounded
    // whatever the inputs.
    const double minNs = std::max({ 1.0, m.nsPerPixel() * minPixels, m.span() / double(kMaxMajorTicks) });
    if (!(minNs < double(kMaxStep)))
        return kMaxStep;
    for (qint64 decade = 1;; decade *= 10) {
        for (qint64 f : { 1, 2, 5 }) {
            if (double(decade * f) >= minNs)
                return decade * f;
        }
    }
}

std::vector<TimeAxis::Tick> TimeAxis::ticks(const TimeMapping& m, double minPixels)
{
    return ticksForStep(m, majorStep(m, minPixels));
}

std::vector<TimeAxis::Tick> TimeAxis::ticksForStep(const TimeMapping& m, qint64 step)
{
    if (m.compact && !m.compact->isEmpty()) {
        // Compact time: ticks in the stretches kept as they are, at the same round values as
        // without it; a break has none (its marks say how long it is).
        std::vector<Tick> out;
        TimeMapping stretch = m;
        stretch.compact = nullptr;
        qint64 from = m.t0;
        const auto add = [&](qint64 to) {
            stretch.t0 = from;
            stretch.t1 = std::min(to, m.t1);
            if (stretch.t1 >= stretch.t0) {
                const std::vector<Tick> ticks = ticksForStep(stretch, step);
                out.insert(out.end(), ticks.begin(), ticks.end());
            }
        };
        for (const CompactTime::Gap& g : m.compact->gaps()) {
            if (g.end <= from)
                continue;
            if (g.start >= m.t1)
                break;
            add(g.start);
            from = g.end;
        }
        add(m.t1);
        return out;
    }
    std::vector<Tick> out;
    step = std::max<qint64>(1, step);
    // Two minor ticks per 2-step, five otherwise, so minor ticks land on round values too.
    qint64 lead = step;
    while (lead >= 10)
        lead /= 10;
    const qint64 minor = std::max<qint64>(1, step / (lead == 2 ? 4 : 5));
    // Counted from the origin: with an origin of 0 these are the times themselves.
    const qint64 from = subNs(m.t0, m.origin);
    const qint64 to = subNs(m.t1, m.origin);
    qint64 t = (from / minor) * minor;
    if (t < from && qAddOverflow(t, minor, &t))
        return out; // the range starts past the last tick there can be
    while (t <= to) {
        out.push_back({ addNs(m.origin, t), t % step == 0 });
        if (qAddOverflow(t, minor, &t))
            break;
    }
    return out;
}

namespace {
qint64 relativeMagnitude(const TimeMapping& m)
{
    return std::max(absNs(subNs(m.t0, m.origin)), absNs(subNs(m.t1, m.origin)));
}
} // namespace

qint64 TimeAxis::labelStep(const TimeMapping& m, const QFontMetrics& fm, int padding)
{
    double minPixels = fm.horizontalAdvance(QStringLiteral("00.000 ms")) + 2.0 * padding;
    qint64 step = majorStep(m, minPixels);
    const qint64 magnitude = relativeMagnitude(m);
    // The widest labels are at the ends of the range (most digits, a minus sign). A wider step
    // has fewer decimals, so a few rounds settle it.
    for (int round = 0; round < 4; ++round) {
        int widest = 0;
        for (qint64 t : { subNs(m.t0, m.origin), subNs(m.t1, m.origin) })
            widest = std::max(widest, fm.horizontalAdvance(tickLabel((t / step) * step, step, magnitude)));
        const double need = widest + 2.0 * padding;
        if (double(step) / m.nsPerPixel() >= need || step >= kMaxStep)
            break;
        minPixels = std::max(minPixels, need);
        step = majorStep(m, minPixels);
    }
    return step;
}

std::vector<TimeAxis::Label> TimeAxis::labels(const QRect& r, const TimeMapping& m, const QFontMetrics& fm, int padding)
{
    std::vector<Label> out;
    const qint64 step = labelStep(m, fm, padding);
    const qint64 magnitude = relativeMagnitude(m);
    // Compact time's breaks say first how long they are; a tick label in their way gives way.
    std::vector<Label> cuts;
    for (const BreakMarks::Cut& cut : BreakMarks::cuts(m, m.x0, r.right())) {
        Label label;
        label.cut = true;
        label.text = BreakMarks::label(cut.ns);
        const int w = fm.horizontalAdvance(label.text);
        int left = std::clamp(int(std::lround((cut.x0 + cut.x1 - w) / 2)), int(m.x0), r.right() - w);
        // Breaks close together each keep their length, side by side in their order.
        if (!cuts.empty())
            left = std::max(left, cuts.back().rect.right() + padding);
        if (left > r.right() - w)
            continue; // no room left at the right edge
        label.rect = QRect(left, r.top(), w + 2, r.height());
        cuts.push_back(label);
    }
    const auto blocked = [&](int left, int right) {
        return std::any_of(cuts.begin(), cuts.end(),
            [&](const Label& c) { return left < c.rect.right() + padding && right + padding > c.rect.left(); });
    };
    int lastRight = INT_MIN;
    for (const Tick& tick : ticksForStep(m, step)) {
        if (!tick.major)
            continue;
        const int x = int(std::lround(m.toX(tick.t)));
        if (x < m.x0 - 0.5 || x > r.right())
            continue;
        Label label;
        label.t = tick.t;
        label.text = tickLabel(subNs(tick.t, m.origin), step, magnitude);
        const int w = fm.horizontalAdvance(label.text);
        const int left = std::clamp(x - w / 2, int(m.x0), r.right() - w);
        // Clamped at the edges a label can reach its neighbour: then it is left out.
        if (left < lastRight + padding || blocked(left, left + w))
            continue;
        label.rect = QRect(left, r.top(), w + 2, r.height());
        lastRight = left + w;
        out.push_back(label);
    }
    if (!cuts.empty()) {
        out.insert(out.end(), cuts.begin(), cuts.end());
        std::sort(out.begin(), out.end(), [](const Label& a, const Label& b) { return a.rect.left() < b.rect.left(); });
    }
    return out;
}

QString TimeAxis::absoluteTime(qint64 ns)
{
    // Exact to the nanosecond, trailing zeros dropped: an epoch time has 16 digits and more.
    const bool negative = ns < 0;
    const quint64 v = negative ? 0 - quint64(ns) : quint64(ns);
    QString frac = QStringLiteral("%1").arg(v % 1000000000, 9, 10, QLatin1Char('0'));
    while (frac.endsWith(QLatin1Char('0')))
        frac.chop(1);
    QString seconds = (negative ? QStringLiteral("-") : QString()) + QString::number(v / 1000000000);
    if (!frac.isEmpty())
        seconds += QLatin1Char('.') + frac;
    return tr("%1 s").arg(seconds);
}

QString TimeAxis::originLabel(qint64 origin)
{
    return tr("0 s = %1").arg(absoluteTime(origin));
}

QString TimeAxis::tickLabel(qint64 t, qint64 step, qint64 magnitude)
{
    const Unit& u = unitFor(std::max<qint64>(1, magnitude));
    int decimals = 0;
    for (qint64 s = u.ns; s > step && decimals < 9 && s > 1; s /= 10)
        ++decimals;
    if (t == 0)
        decimals = 0;
    return withUnit(double(t) / double(u.ns), decimals, u);
}

QString TimeAxis::duration(qint64 ns)
{
    const Unit& u = unitFor(absNs(ns));
    const double v = double(ns) / double(u.ns);
    const int decimals = u.ns == 1 ? 0 : (std::fabs(v) >= 100 ? 0 : std::fabs(v) >= 10 ? 1 : 2);
    return withUnit(v, decimals, u);
}

QString TimeAxis::timePoint(qint64 ns)
{
    return tr("%1 s").arg(QString::number(double(ns) / 1e9, 'f', 3));
}

std::pair<qint64, qint64> TimeAxis::extent(const TraceModel& model, qint64 now)
{
    if (model.isEmpty())
        return { 0, std::max<qint64>(now, 1000000000) };
    const qint64 first = model.startTime();
    qint64 last = std::max(model.endTime(), now);
    // last >= first here, so last - first cannot overflow once first is known not negative.
    qint64 start = (first >= 0 && first <= last - first) ? 0 : first;
    if (last <= start) {
        last = addNs(start, 1000000);
        start = last - 1000000; // moves only when the end of the range is reached
    }
    return { start, last };
}

void TimeAxis::paint(QPainter* p, const QRect& r, const TimeMapping& m, const TimelineStyle& style)
{
    p->save();
    p->setClipRect(r);
    p->fillRect(r, style.background());
    const QFontMetrics fm(style.smallFont);
    const int base = r.bottom();
    p->setPen(QPen(style.dimTextColor(), 1));
    p->drawLine(QLine(int(m.x0), base, r.right(), base));
    p->setFont(style.smallFont);
    const int majorLen = std::max(5, r.height() / 4);
    for (const Tick& tick : ticksForStep(m, labelStep(m, fm, style.padding))) {
        const int x = int(std::lround(m.toX(tick.t)));
        if (x < m.x0 - 0.5 || x > r.right())
            continue;
        p->setPen(QPen(tick.major ? style.textColor() : style.dimTextColor(), 1));
        p->drawLine(QLine(x, base - (tick.major ? majorLen : majorLen / 2), x, base));
    }
    for (const BreakMarks::Cut& cut : BreakMarks::cuts(m, m.x0, r.right()))
        BreakMarks::paintOnAxis(p, cut, base, majorLen * 2, style);
    const QRect textArea(r.left(), r.top(), r.width(), base - majorLen - r.top());
    for (const Label& label : labels(textArea, m, fm, style.padding)) {
        // A break's length is not a point on the axis: it reads dimmer than the ticks' times.
        p->setPen(label.cut ? style.dimTextColor() : style.textColor());
        p->drawText(label.rect, Qt::AlignBottom | Qt::AlignLeft, label.text);
    }
    p->restore();
}

void TimeAxis::paintOrigin(QPainter* p, const QRect& r, const TimeMapping& m, const TimelineStyle& style)
{
    if (m.origin == 0 || r.width() <= 0)
        return;
    p->save();
    p->setFont(style.smallFont);
    p->setPen(style.dimTextColor());
    const QFontMetrics fm(style.smallFont);
    p->drawText(r, Qt::AlignBottom | Qt::AlignLeft, fm.elidedText(originLabel(m.origin), Qt::ElideMiddle, r.width()));
    p->restore();
}

} // namespace Forkline
