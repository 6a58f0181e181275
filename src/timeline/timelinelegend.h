// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QCoreApplication>
#include <QRect>
#include <QString>
#include <array>
#include <vector>

class QPainter;

namespace Forkline {

class TraceModel;
class TimelineStyle;

// The key to the picture: the states, marks and arrows that occur in the model (all of
// them for an empty model), wrapped into as many lines as the width needs. In presentation
// mode it is one row without captions, drawn smaller (down to its size outside the mode)
// when the row is wider than the room; only past that does it wrap.
class TimelineLegend
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineLegend)
public:
    struct Keys
    {
        std::array<bool, size_t(State::Count)> states {};
        std::array<bool, size_t(InstantKind::Count)> instants {};
        std::array<bool, size_t(FlowKind::Count)> flows {};
    };
    // Finds what a model shows, remembering how far it looked so that a live view, which
    // asks every frame, pays only for the events that are new.
    class Scanner
    {
    public:
        const Keys& update(const TraceModel& model);
        void reset();

    private:
        Keys m_keys;
        std::vector<size_t> m_spans;
        std::vector<size_t> m_instants;
        size_t m_flows = 0;
    };

    TimelineLegend(const TraceModel& model, const TimelineStyle& style);
    TimelineLegend(const Keys& present, bool emptyModel, const TimelineStyle& style);

    // The smallest a one-row legend gets: the enlarged text of presentation mode back to normal.
    static constexpr double kMinScale = 1.0 / 1.45;

    int heightForWidth(int width) const;
    // How much a one-row legend is shrunk to fit `width` (1 when it fits, or wraps).
    double scaleFor(int width) const;
    bool isOneRow() const { return m_oneRow; }
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
    int swatchWidth() const;

    const TimelineStyle& m_style;
    bool m_oneRow = false;
    std::vector<Item> m_items;
};

} // namespace Forkline
