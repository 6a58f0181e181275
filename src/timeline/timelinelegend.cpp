// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinelegend.h"

#include "timelinestyle.h"
#include "tracemodel.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace Forkline {

const TimelineLegend::Keys& TimelineLegend::Scanner::update(const TraceModel& model)
{
    // Spans and instants of a lane only grow during a run: look at the new ones only.
    m_spans.resize(size_t(model.laneCount()), 0);
    m_instants.resize(size_t(model.laneCount()), 0);
    for (int li = 0; li < model.laneCount(); ++li) {
        const Lane& l = model.lane(li);
        for (size_t& i = m_spans[size_t(li)]; i < l.spans.size(); ++i)
            m_keys.states[size_t(l.spans[i].state)] = true;
        for (size_t& i = m_instants[size_t(li)]; i < l.instants.size(); ++i)
            m_keys.instants[size_t(l.instants[i].kind)] = true;
        if (l.open)
            m_keys.states[size_t(l.openState)] = true;
    }
    // A flow counts once both its ends are known; the cursor waits at the first open one.
    const auto& flows = model.flows();
    for (size_t i = m_flows; i < flows.size(); ++i) {
        if (flows[i].complete()) {
            m_keys.flows[size_t(flows[i].kind)] = true;
            if (i == m_flows)
                ++m_flows;
        }
    }
    return m_keys;
}

void TimelineLegend::Scanner::reset()
{
    *this = Scanner();
}

TimelineLegend::TimelineLegend(const TraceModel& model, const TimelineStyle& style)
    : TimelineLegend(Scanner().update(model), model.isEmpty(), style)
{ }

TimelineLegend::TimelineLegend(const Keys& present, bool emptyModel, const TimelineStyle& style)
    : m_style(style)
    , m_oneRow(style.presentation())
{
    Keys keys = present;
    if (emptyModel) {
        keys.states.fill(true);
        keys.instants.fill(true);
        keys.instants[size_t(InstantKind::Other)] = false;
        keys.flows[size_t(FlowKind::Fork)] = keys.flows[size_t(FlowKind::Join)] = true;
    }
    const auto& states = keys.states;
    const auto& instants = keys.instants;
    const auto& flows = keys.flows;
    // A projector's legend is one row under the lanes: the three kinds of key (boxes, marks,
    // arrows) tell themselves apart without their captions.
    const bool captions = !m_oneRow;
    auto addGroup = [this, captions](const QString& caption, Item::Kind kind, const auto& present, auto label) {
        bool any = false;
        for (size_t i = 0; i < present.size(); ++i) {
            if (!present[i])
                continue;
            if (!any && captions)
                m_items.push_back({ Item::Kind::Caption, 0, caption });
            any = true;
            m_items.push_back({ kind, int(i), label(i) });
        }
    };
    addGroup(tr("States"), Item::Kind::State, states, [](size_t i) { return TimelineStyle::stateLabel(State(i)); });
    addGroup(tr("Events"), Item::Kind::Instant, instants,
        [](size_t i) { return TimelineStyle::instantLabel(InstantKind(i)); });
    addGroup(tr("Arrows"), Item::Kind::Flow, flows, [](size_t i) { return TimelineStyle::flowLabel(FlowKind(i)); });
}

int TimelineLegend::itemWidth(const Item& item) const
{
    const QFontMetrics fm(item.kind == Item::Kind::Caption ? m_style.boldFont : m_style.font);
    const int text = fm.horizontalAdvance(item.text);
    switch (item.kind) {
    case Item::Kind::Caption:
        return text + m_style.padding;
    case Item::Kind::State:
    case Item::Kind::Flow:
        return swatchWidth() + m_style.padding / 2 + text;
    case Item::Kind::Instant:
        return m_style.markSize + 4 + m_style.padding / 2 + text;
    }
    return text;
}

int TimelineLegend::swatchWidth() const
{
    // A state's box and an arrow are recognised by their look, not their length.
    return m_oneRow ? m_style.laneHeight * 3 / 2 : m_style.laneHeight * 2;
}

template <typename F> int TimelineLegend::layout(int width, F at) const
{
    if (m_items.empty())
        return 0;
    const int rowHeight = m_style.laneHeight + m_style.laneGap;
    // One row has no room to spare: its items sit closer, its groups apart by the usual gap.
    const int gap = m_oneRow ? m_style.padding : m_style.padding * 2;
    int x = 0, y = 0;
    for (size_t i = 0; i < m_items.size(); ++i) {
        const Item& item = m_items[i];
        const int w = itemWidth(item);
        if (i > 0 && x > 0 && item.kind != m_items[i - 1].kind && m_items[i - 1].kind != Item::Kind::Caption
            && item.kind != Item::Kind::Caption)
            x += gap * 2; // a group without its caption keeps apart from the one before
        // A caption starts a new line when its group would not fit beside the previous one,
        // and never ends a line on its own.
        const bool caption = item.kind == Item::Kind::Caption;
        const int need = caption && i + 1 < m_items.size() ? w + itemWidth(m_items[i + 1]) : w;
        if (x > 0 && (x + need > width || (caption && x + need + gap * 4 > width))) {
            x = 0;
            y += rowHeight;
        }
        at(item, QRect(x, y, w, m_style.laneHeight));
        x += w + (caption ? 0 : gap);
    }
    return y + m_style.laneHeight;
}

double TimelineLegend::scaleFor(int width) const
{
    if (!m_oneRow || width <= 0)
        return 1.0;
    // The width of the one row at full size: laid out with room to spare, the last box's end.
    int natural = 0;
    layout(std::numeric_limits<int>::max() / 2, [&](const Item&, const QRect& box) { natural = box.right() + 1; });
    if (natural <= width)
        return 1.0;
    // Smaller, down to the size of a legend outside presentation mode; wrapped below that.
    return std::max(double(width) / natural, kMinScale);
}

int TimelineLegend::heightForWidth(int width) const
{
    const double k = scaleFor(width);
    const int rows = layout(int(width / k), [](const Item&, const QRect&) {});
    return int(std::ceil(rows * k));
}

void TimelineLegend::paint(QPainter* p, const QRect& r) const
{
    p->save();
    p->translate(r.topLeft());
    const double k = scaleFor(r.width());
    p->scale(k, k);
    layout(int(r.width() / k), [&](const Item& item, const QRect& box) {
        int textLeft = box.left();
        switch (item.kind) {
        case Item::Kind::Caption:
            p->setFont(m_style.boldFont);
            p->setPen(m_style.textColor());
            p->drawText(box, Qt::AlignVCenter | Qt::AlignLeft, item.text);
            return;
        case Item::Kind::State: {
            const int h = m_style.laneHeight * 3 / 4;
            const QRect swatch(box.left(), box.top() + (box.height() - h) / 2, swatchWidth(), h);
            p->setRenderHint(QPainter::Antialiasing, false);
            m_style.drawStateBox(p, swatch, State(item.value));
            textLeft = swatch.right() + 1 + m_style.padding / 2;
            break;
        }
        case Item::Kind::Instant:
            p->setRenderHint(QPainter::Antialiasing, true);
            m_style.drawInstant(
                p, QPointF(box.left() + m_style.markSize / 2.0 + 2, box.center().y() + 0.5), InstantKind(item.value));
            textLeft = box.left() + m_style.markSize + 4 + m_style.padding / 2;
            break;
        case Item::Kind::Flow: {
            p->setRenderHint(QPainter::Antialiasing, true);
            const double y = box.center().y() + 0.5;
            m_style.drawFlow(p, QPointF(box.left(), y), QPointF(box.left() + swatchWidth(), y), FlowKind(item.value));
            textLeft = box.left() + swatchWidth() + m_style.padding / 2;
            break;
        }
        }
        p->setFont(m_style.font);
        p->setPen(m_style.textColor());
        p->drawText(QRect(textLeft, box.top(), box.right() - textLeft + 4, box.height()),
            Qt::AlignVCenter | Qt::AlignLeft, item.text);
    });
    p->restore();
}

} // namespace Forkline
