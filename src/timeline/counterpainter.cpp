// SPDX-License-Identifier: GPL-3.0-or-later
#include "counterpainter.h"

#include "timelinestyle.h"
#include "tracemodel.h"

#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace Forkline {

namespace {
QColor counterColor()
{
    return QColor(0x3b, 0x3f, 0x46);
}
} // namespace

double CounterPainter::maximum(const CounterTrack& track)
{
    double m = 0;
    for (const CounterSample& s : track.samples)
        m = std::max(m, s.value);
    return m;
}

bool CounterPainter::valueAt(const CounterTrack& track, qint64 t, double* value)
{
    auto it = std::upper_bound(
        track.samples.begin(), track.samples.end(), t, [](qint64 v, const CounterSample& s) { return v < s.t; });
    if (it == track.samples.begin())
        return false;
    *value = std::prev(it)->value;
    return true;
}

bool CounterPainter::isCores(const CounterTrack& track)
{
    return track.unit == QLatin1String("cores");
}

double CounterPainter::scale(const TraceModel& model, const CounterTrack& track)
{
    if (!isCores(track))
        return maximum(track);
    double most = 0;
    for (const CounterTrack& c : model.counters()) {
        if (isCores(c))
            most = std::max(most, maximum(c));
    }
    // Rounded, not raised: a sample at 2.1 (the kernel's accounting lags a tick) must not turn
    // a two-core run's scale into three.
    return std::max(2.0, std::round(most));
}

QString CounterPainter::formatValue(double value, const QString& unit)
{
    if (unit == QLatin1String("cores")) {
        const int decimals = value == std::floor(value) ? 0 : 1;
        return tr("%1 cores").arg(QString::number(value, 'f', decimals));
    }
    const int decimals = std::fabs(value) >= 100 || value == std::floor(value) ? 0 : 1;
    const QString number = QString::number(value, 'f', decimals);
    return unit.isEmpty() ? number : tr("%1 %2").arg(number, unit);
}

QString CounterPainter::title(const CounterTrack& track)
{
    if (isCores(track))
        return track.pid == 0 ? tr("cores busy, all") : tr("cores busy");
    if (track.name == QLatin1String("memory"))
        return tr("memory");
    return track.name.isEmpty() ? tr("counter") : track.name;
}

void CounterPainter::paint(QPainter* p, const CounterTrack& track, const TimeMapping& map, const QRect& row, int left,
    int right, qint64 until, const TimelineStyle& style, double scale)
{
    const auto& samples = track.samples;
    if (samples.empty())
        return;
    // One scale for the whole run, so zooming never changes how tall a value looks.
    const double top = row.top() + 3.0;
    const double bottom = row.top() + row.height() - 1.0;
    const double maxValue = std::max(scale, 1e-9);
    const auto yOf = [&](double v) { return bottom - std::clamp(v / maxValue, 0.0, 1.0) * (bottom - top); };
    const auto xOf = [&](qint64 t) { return std::clamp(map.toX(t), double(left), double(right)); };

    auto it = std::upper_bound(
        samples.begin(), samples.end(), map.t0, [](qint64 v, const CounterSample& s) { return v < s.t; });
    if (it != samples.begin())
        --it;
    QPolygonF outline;
    double lastY = bottom;
    double columnX = -1;
    for (; it != samples.end(); ++it) {
        const double x = std::round(xOf(it->t));
        const double y = yOf(it->value);
        if (x == columnX && !outline.isEmpty()) {
            // Several samples in one pixel column: keep the highest, the one a reader looks for.
            outline.last().setY(std::min(outline.last().y(), y));
            lastY = y;
            continue;
        }
        outline << QPointF(x, lastY) << QPointF(x, y);
        lastY = y;
        columnX = x;
        if (it->t > map.t1)
            break;
    }
    const double endX = std::round(xOf(std::max(until, samples.back().t)));
    if (outline.isEmpty() || endX <= outline.first().x())
        return;
    if (outline.last().x() < endX)
        outline << QPointF(endX, lastY);
    QPolygonF area = outline;
    area << QPointF(outline.last().x(), bottom) << QPointF(outline.first().x(), bottom);
    // Slate ink on a light page; on a dark one the text's colour, or the curve disappears.
    const QColor ink = style.isDark() ? style.dimTextColor() : counterColor();
    QColor fill = ink;
    fill.setAlpha(50);
    p->save();
    if (isCores(track)) {
        // A line at every whole core: "one core" and "two cores" read without a number.
        p->setPen(QPen(style.gridColor(), 1, Qt::DashLine));
        for (int c = 1; c < int(maxValue); ++c)
            p->drawLine(QPointF(left, std::round(yOf(c)) + 0.5), QPointF(right, std::round(yOf(c)) + 0.5));
    }
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawPolygon(area);
    p->setBrush(Qt::NoBrush);
    p->setPen(QPen(ink, style.presentation() ? 2.0 : 1.4));
    p->drawPolyline(outline);
    p->restore();
}

} // namespace Forkline
