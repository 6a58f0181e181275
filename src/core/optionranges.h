// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forkline {

// The range of one number a person can set: on the command line, in the window's boxes, in
// the settings file and (where a scenario may say it) in a scenario file. One table, so the
// window never allows what the command line refuses, nor the other way round.
struct OptionRange
{
    const char* option; // as the command line spells it: "--time-scale"
    double low;
    bool lowIncluded; // false: the number must be above `low`
    double high;
    double defaultValue;
    int decimals; // what a spin box shows; also the smallest step a box can take

    // NaN is never in range.
    bool contains(double value) const;
    // The smallest value a spin box with `decimals` can hold.
    double boxMinimum() const;
    // "from 0 to 1000" or "above 0 and at most 1000", for messages.
    QString rangeText() const;
    // "--time-scale takes a number from 0 to 1000, not \"fast\"".
    QString refusal(const QString& given) const;
};

namespace OptionRanges {
// Multiplies every sleep of a scenario. 0 runs a lesson with no sleeps at all: the order of
// its events at full speed.
inline constexpr OptionRange timeScale { "--time-scale", 0, true, 1000, 1, 2 };
// Multiplies both ends of every compute range.
inline constexpr OptionRange workScale { "--work-scale", 0.001, true, 1000, 1, 3 };
// The simulated GIL's switch interval in seconds (a scenario's "switch_interval" too).
inline constexpr OptionRange switchInterval { "--switch-interval", 0.0001, true, 1, 0.005, 4 };
// A drawn timeline's width in pixels (the top is ImageLimits::kMaxSide, which the timeline
// layer checks against this) and a PNG's pixel ratio.
inline constexpr OptionRange imageWidth { "--width", 200, true, 32768, 0, 0 };
inline constexpr OptionRange imageScale { "--scale", 0.5, true, 8, 2, 1 };
} // namespace OptionRanges

} // namespace Forkline
