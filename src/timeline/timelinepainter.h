// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timemapping.h"
#include "tracemodel.h"

#include <QCoreApplication>
#include <QHash>
#include <QPoint>
#include <QSet>

class QPainter;

namespace Forkline {

class BoxStrip;
class LaneSummary;
class MarkStamps;
class TimelineLayout;
class TimelineStyle;
struct TimelineRow;
struct TimePiece;

struct TimelineHit
{
    enum class Kind : std::uint8_t { None, Process, Lane, Span, Instant, Counter };
    Kind kind = Kind::None;
    int process = -1;
    int lane = -1;
    int counter = -1;
    qint64 t = 0; // the time under the point (counters)
    double value = 0; // the counter's value at t
    Span span;
    bool openSpan = false; // the span has not ended yet; span.end is "now"
    int depth = 0; // of the span: 0 for a lane's own, 1 and on for slices nested in those
    Instant instant;
    // An instant of no lane (lane -1): a mark of the whole trace when true, else one of the
    // process `process` (an index into TraceModel::processes()).
    bool global = false;
};

// The one paint routine behind the screen, PNG and SVG. Works in content coordinates: rows
// at their layout y, the label column at x in [0, labelWidth), time mapped by `map`. The
// caller clips and translates (the view scrolls rows under a fixed axis).
class TimelinePainter
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelinePainter)
public:
    // `now` draws open spans of a live run up to that time; -1 uses the model's end. A
    // summary of the model's busy lanes (kept by a live view) bounds a frame's cost by the
    // pixels it paints.
    TimelinePainter(const TraceModel& model, const TimelineLayout& layout, const TimelineStyle& style,
        const TimeMapping& map, qint64 now = -1, const LaneSummary* summary = nullptr);

    // Row backgrounds, grid, spans, flows and marks over x in [dataLeft, right].
    void paintData(QPainter* p, int yFrom, int yTo, int dataLeft, int right) const;
    // Lane names and process headers; headers span the full width up to `right`. `foldable`
    // adds the disclosure triangle the screen needs and a picture does not.
    void paintLabels(
        QPainter* p, int yFrom, int yTo, int right, const QSet<qint64>& collapsed = {}, bool foldable = false) const;
    // A vertical line at `now` while a run is live.
    void paintNowLine(QPainter* p, int yFrom, int yTo) const;

    TimelineHit hitTest(QPoint pos) const;
    // Rich text for a tooltip: what a student wants to know about the thing under the mouse.
    QString describe(const TimelineHit& hit) const;

    qint64 now() const { return m_now; }

private:
    // `to`, moved along the line from `from` to just outside [yFrom, yTo] when it lies far beyond.
    static QPointF clippedEnd(QPointF from, QPointF to, int yFrom, int yTo);
    // One depth of a lane's slices (0: its own spans) in the band [y, y + h).
    // `map` is linear: the whole view's, or one piece's of compact time.
    void paintLaneSpans(QPainter* p, const TimeMapping& map, int lane, int depth, int y, int h, int left, int right,
        BoxStrip* strip) const;
    // `instants` of a lane (its index, for the summary) or of a process (-1), on the line cy,
    // those in the piece's time range, over its columns.
    void paintMarks(
        const std::vector<Instant>& instants, int lane, double cy, const TimePiece& piece, MarkStamps* stamps) const;
    // The marks of the rows from `first` down to yTo, piece by piece.
    void paintRowMarks(
        QPainter* p, const std::vector<TimePiece>& pieces, int first, int yTo, int dataLeft, int right) const;
    // The trace's global marks: a line across every row.
    void paintGlobalMarks(QPainter* p, int yFrom, int yTo, int left, int right) const;
    bool markAtStart(int laneIndex, qint64 t, double x) const;
    void paintSpanNames(QPainter* p, int lane, int depth, int y, int h, int left, int right) const;
    // A box's words, built once per (name, state) and paint: a frame's boxes share a few.
    const QString& boxWords(const Span& span) const;
    void paintFlows(QPainter* p, int yFrom, int yTo, int left, int right) const;
    void paintCounter(QPainter* p, const CounterTrack& track, const TimelineRow& row, int left, int right) const;
    void paintCollapsed(QPainter* p, const ProcessInfo& proc, int y, int h, int left, int right) const;
    QString laneLine(int lane) const;
    // The mark of `instants` drawn within reach of x (the most telling one), nullptr for none.
    const Instant* markNear(const std::vector<Instant>& instants, int x) const;
    // A mark of the whole process of `row` or of the whole trace at pos; false for none.
    bool hitScopedMark(QPoint pos, const TimelineRow& row, TimelineHit* hit) const;
    // Who an instant belongs to, for its tooltip.
    QString ownerLine(const TimelineHit& hit) const;

    const TraceModel& m_model;
    const TimelineLayout& m_layout;
    const TimelineStyle& m_style;
    TimeMapping m_map;
    qint64 m_now = -1;
    const LaneSummary* m_summary = nullptr;
    mutable QHash<quint64, QString> m_boxWords;
};

} // namespace Forkline
