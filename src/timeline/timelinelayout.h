// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <vector>

namespace Forkline {

class TraceModel;
class TimelineStyle;
struct Lane;
struct ProcessInfo;

struct TimelineRow
{
    enum class Kind : std::uint8_t { Process, Lane, Counter };
    Kind kind = Kind::Lane;
    int index = -1; // into TraceModel::processes(), lanes() or counters()
    int y = 0;
    int height = 0;
    int levels = 1; // a lane's depths of nested slices, each a band of height / levels
    int bottom() const { return y + height; }
    int levelHeight() const { return height / levels; }
};

// Vertical arrangement of the timeline: one header row per process (children after their
// parent), then one row per thread and one per counter (memory) unless the process is
// collapsed. A thread whose slices nest (a foreign trace's) grows one band per depth, as
// Perfetto draws them; its marks and arrows stay on the top band. Rebuilt whenever the model gains lanes; cheap, as
// rows are few next to spans.
class TimelineLayout
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineLayout)
public:
    void build(const TraceModel& model, const TimelineStyle& style, const QSet<qint64>& collapsed = {});
    // A hash of everything in the model that build() looks at (with the style, which the
    // caller tracks): a live view rebuilds only when it changes, not every frame.
    static size_t signature(const TraceModel& model, const QSet<qint64>& collapsed = {});

    const std::vector<TimelineRow>& rows() const { return m_rows; }
    int height() const { return m_height; }
    int labelWidth() const { return m_labelWidth; }
    // The row under content y, or -1 in a gap.
    int rowAt(int y) const;
    // The first row that reaches below y: where painting a clipped range starts.
    int firstRowBelow(int y) const;
    // Centre line of a lane's top band, or of its process header when the process is collapsed.
    double laneCenter(int lane) const;
    bool laneVisible(int lane) const;

    static QString laneTitle(const Lane& lane);
    static QString laneSubtitle(const Lane& lane);
    static QString processTitle(const ProcessInfo& process);

private:
    std::vector<TimelineRow> m_rows;
    std::vector<double> m_laneCenter;
    std::vector<bool> m_laneVisible;
    int m_height = 0;
    int m_labelWidth = 160;
};

} // namespace Forkline
