// SPDX-License-Identifier: GPL-3.0-or-later
// TimelinePainter: slice names written on the boxes wide enough for them.
#include "timelinepainter.h"

#include "spanlabel.h"
#include "timelinestyle.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace Forkline {

constexpr int kMinNamedBoxPx = TimelineStyle::kMinNamedBoxPx;

// Whether one of the lane's marks is drawn within half a mark of x (the time `t` of a box's start).
bool TimelinePainter::markAtStart(int laneIndex, qint64 t, double x) const
{
    const std::vector<Instant>& instants = m_model.lane(laneIndex).instants;
    const qint64 reach = qint64(std::ceil(m_map.nsPerPixel() * (m_style.markSize / 2.0 + 1)));
    auto it = std::lower_bound(
        instants.begin(), instants.end(), subNs(t, reach), [](const Instant& in, qint64 v) { return in.t < v; });
    return it != instants.end() && std::fabs(m_map.toX(it->t) - x) <= m_style.markSize / 2.0 + 1;
}

// Without names an imported trace is rows of identical boxes, and a run's boxes say only their
// state. A foreign slice shows its own name, one of Forkline's what its state is about ("sleep
// 1 s", "join th1"); a plain `running` box none (SpanLabel::onBox). The cost must not follow the number of spans (a
// million on a lane zoomed out): any box at least kMinNamedBoxPx wide covers one of the times sampled every half of
// that, so one binary search per sample finds every box that can hold a name, and nothing else is looked at.
void TimelinePainter::paintSpanNames(QPainter* p, int laneIndex, int depth, int y, int h, int left, int right) const
{
    const std::vector<Span>& spans = TraceModel::spansAt(m_model.lane(laneIndex), depth);
    if (spans.empty())
        return;
    const QFontMetrics fm(m_style.smallFont);
    if (h < fm.height())
        return;
    const int pad = m_style.boxWordsPad();
    p->setFont(m_style.smallFont);
    p->setPen(m_style.textColor());
    size_t last = size_t(-1);
    for (int x = left; x <= right + kMinNamedBoxPx / 2; x += kMinNamedBoxPx / 2) {
        const size_t i = TraceModel::firstSpanEndingAfter(spans, m_map.toTime(std::min(x, right)));
        if (i >= spans.size() || i == last)
            continue;
        last = i;
        const Span& s = spans[i];
        if (s.name == -1 && s.state == State::Running)
            continue; // before any text work: most boxes of a busy run are these
        const double x0 = std::max(m_map.toX(s.start), double(left));
        const double x1 = std::min(m_map.toX(s.end), double(right));
        if (x1 - x0 < kMinNamedBoxPx)
            continue;
        // A mark at the box's start (the print or start that begins it) keeps its place: the
        // words begin after it.
        const int lead = depth == 0 && markAtStart(laneIndex, s.start, x0) ? m_style.markSize / 2 + 1 : 0;
        const QRect box(int(std::ceil(x0)) + pad + lead, y, int(std::floor(x1 - x0)) - 2 * pad - lead, h);
        m_style.drawBoxWords(p, box, boxWords(s), fm);
    }
}

const QString& TimelinePainter::boxWords(const Span& span) const
{
    const quint64 key = quint64(quint32(span.name)) << 8 | quint64(span.state);
    auto it = m_boxWords.find(key);
    if (it == m_boxWords.end())
        it = m_boxWords.insert(key, SpanLabel::onBox(m_model, span));
    return *it;
}

} // namespace Forkline
