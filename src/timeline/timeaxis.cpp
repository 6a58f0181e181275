// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeaxis.h"

#include "timelinestyle.h"
#include "tracemodel.h"

#include <QFontMetrics>
#include <QPainter>
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
    std::vector<Tick> out;
    const qint64 step = majorStep(m, minPixels);
    // Two minor ticks per 2-step, five otherwise, so minor ticks land on round values too.
    qint64 lead = step;
    while (lead >= 10)
        lead /= 10;
    const qint64 minor = std::max<qint64>(1, step / (lead == 2 ? 4 : 5));
    qint64 t = (m.t0 / minor) * minor;
    if (t < m.t0 && qAddOverflow(t, minor, &t))
        return out; // the range starts past the last tick there can be
    while (t <= m.t1) {
        out.push_back({ t, t % step == 0 });
        if (qAddOverflow(t, minor, &t))
            break;
    }
    return out;
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
    const double minPixels = fm.horizontalAdvance(QStringLiteral("00.000 ms")) + 2.0 * style.padding;
    const qint64 step = majorStep(m, minPixels);
    const qint64 magnitude = std::max(absNs(m.t0), absNs(m.t1));
    const int base = r.bottom();
    p->setPen(QPen(style.dimTextColor(), 1));
    p->drawLine(QLine(int(m.x0), base, r.right(), base));
    p->setFont(style.smallFont);
    const int majorLen = std::max(5, r.height() / 4);
    for (const Tick& tick : ticks(m, minPixels)) {
        const int x = int(std::lround(m.toX(tick.t)));
        if (x < m.x0 - 0.5 || x > r.right())
            continue;
        p->setPen(QPen(tick.major ? style.textColor() : style.dimTextColor(), 1));
        p->drawLine(QLine(x, base - (tick.major ? majorLen : majorLen / 2), x, base));
        if (!tick.major)
            continue;
        const QString label = tickLabel(tick.t, step, magnitude);
        const int w = fm.horizontalAdvance(label);
        int left = x - w / 2;
        left = std::clamp(left, int(m.x0), r.right() - w);
        p->setPen(style.textColor());
        p->drawText(QRect(left, r.top(), w + 2, base - majorLen - r.top()), Qt::AlignBottom | Qt::AlignLeft, label);
    }
    p->restore();
}

} // namespace Forkline
