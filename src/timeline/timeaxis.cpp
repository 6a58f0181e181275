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
    const double minNs = std::max(1.0, m.nsPerPixel() * minPixels);
    double decade = std::pow(10.0, std::floor(std::log10(minNs)));
    for (;;) {
        for (double f : { 1.0, 2.0, 5.0 }) {
            if (decade * f >= minNs)
                return std::max<qint64>(1, qint64(std::llround(decade * f)));
        }
        decade *= 10;
    }
}

std::vector<TimeAxis::Tick> TimeAxis::ticks(const TimeMapping& m, double minPixels)
{
    std::vector<Tick> out;
    const qint64 step = majorStep(m, minPixels);
    // Two minor ticks per 2-step, five otherwise, so minor ticks land on round values too.
    const qint64 lead = step / qint64(std::pow(10.0, std::floor(std::log10(double(step)))));
    const qint64 minor = std::max<qint64>(1, step / (lead == 2 ? 4 : 5));
    qint64 t = (m.t0 / minor) * minor;
    if (t < m.t0)
        t += minor;
    for (; t <= m.t1; t += minor)
        out.push_back({ t, t % step == 0 });
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
    const Unit& u = unitFor(std::llabs(ns));
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
    const qint64 start = (first >= 0 && first <= last - first) ? 0 : first;
    if (last <= start)
        last = start + 1000000;
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
    const qint64 magnitude = std::max(std::llabs(m.t0), std::llabs(m.t1));
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
