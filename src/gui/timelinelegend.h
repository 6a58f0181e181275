// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QRect>
#include <QString>
#include <vector>

class QPainter;

namespace Forkline {

class TraceModel;
class TimelineStyle;

// The key to the picture: the states, marks and arrows that occur in the model (all of
// them for an empty model), wrapped into as many lines as the width needs.
class TimelineLegend
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineLegend)
public:
    TimelineLegend(const TraceModel& model, const TimelineStyle& style);

    int heightForWidth(int width) const;
    void paint(QPainter* p, const QRect& r) const;
    bool isEmpty() const { return m_items.empty(); }

private:
    struct Item
    {
        enum class Kind : std::uint8_t { Caption, State, Instant, Flow };
        Kind kind = Kind::Caption;
        int value = 0;
        QString text;
    };
    // Positions every item in a box of the given width; calls `at` for each when set.
    template <typename F> int layout(int width, F at) const;
    int itemWidth(const Item& item) const;

    const TimelineStyle& m_style;
    std::vector<Item> m_items;
};

} // namespace Forkline
