// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <deque>
#include <functional>
#include <string_view>
#include <vector>

namespace Forkline {

// [start, end) in one state; nanoseconds from the run's start.
struct Span
{
    qint64 start = 0;
    qint64 end = 0;
    State state = State::Running;
    // A foreign trace's slice keeps its own name: an index into TraceModel::names(); -1 for
    // the state's name. Fits in the padding after `state`, so a span stays 24 bytes.
    // Below -1 it is a state's detail instead (Forkline's own runs: the seconds of a sleep, the
    // worker a join waits for), index -2 - name into names(). Kept in the same member because
    // a span has no room for another, and every reader that takes name >= 0 for a foreign
    // name stays right: a span with a detail is still named by its state.
    qint32 name = -1;

    static qint32 detailRef(qint32 nameIndex) { return -2 - nameIndex; }
    // Into TraceModel::names(), -1 for none.
    qint32 detail() const { return name < -1 ? -2 - name : -1; }
};
static_assert(sizeof(Span) <= 24, "a span must stay small: models hold millions");

struct Instant
{
    qint64 t = 0;
    InstantKind kind = InstantKind::Other;
    qint32 code = 0; // signal or exit code for terminated/crashed/killed
    qint32 text = -1; // index into TraceModel::texts(), -1 for none
    qint32 name = -1; // InstantKind::Other from a foreign trace: index into TraceModel::names()
};
static_assert(sizeof(Instant) <= 24, "an instant must stay small");

struct Flow
{
    qint64 id = 0;
    FlowKind kind = FlowKind::Other;
    int fromLane = -1;
    int toLane = -1;
    qint64 fromT = 0;
    qint64 toT = 0;
    bool complete() const { return fromLane >= 0 && toLane >= 0; }
};

enum class LaneKind : std::uint8_t { Thread, Process };

// Where a foreign event's own args are (traceargs.h): compact JSON members without the braces,
// in TraceModel::argsText(). Kept beside spans and instants, which stay small, and only for
// events that have any.
struct EventArgs
{
    qint32 depth = 0; // of a slice (0 for a lane's own spans and for instants)
    qint32 index = 0; // in its depth's spans, or in the lane's instants
    qint64 offset = 0;
    qint64 length = 0;
};

// The line of the user's program behind an event of a lane (a Python run's `print()`,
// `sleep()`, `start()` ...): apart from spans and instants, which stay small, and only for
// events that name one.
struct SourcePoint
{
    qint64 t = 0;
    qint32 file = -1; // index into TraceModel::sourceFiles()
    qint32 line = 0; // 1-based
};

// From the slice at (depth, index) on, the slices of that depth have category `category` (an
// index into TraceModel::names()) until the next run: a foreign trace's `cat`, which most
// traces share over long stretches, so a lane keeps a handful of these, not one per slice.
struct CategoryRun
{
    qint32 depth = 0;
    qint32 index = 0;
    qint32 category = -1;
};

struct Lane
{
    qint64 pid = 0;
    qint64 tid = 0;
    QString name;
    QString label; // display name from the scenario (may be empty)
    LaneKind kind = LaneKind::Thread; // Process: the main thread of a process
    bool daemon = false;
    int parent = -1; // lane that started this one
    std::vector<Span> spans; // sorted, disjoint
    // Slices that lie inside others (a foreign trace's B/E and X nesting), one level per depth:
    // nested[0] is depth 1, inside `spans` (depth 0). Each level is sorted and disjoint too.
    // Forkline's own runs, one state at a time, leave it empty.
    std::vector<std::vector<Span>> nested;
    std::vector<Instant> instants; // sorted by time
    std::vector<SourcePoint> sources; // sorted by time
    std::vector<EventArgs> spanArgs; // sorted by depth, then index
    std::vector<EventArgs> instantArgs; // sorted by index
    std::vector<CategoryRun> categories; // sorted by depth, then index
    bool open = false; // has a span that has not ended yet
    State openState = State::Running;
    qint32 openName = -1; // the open span's Span::name (its detail)
    qint64 openSince = 0;
    bool ended = false;
};

struct ProcessInfo
{
    qint64 pid = 0;
    qint64 ppid = 0;
    QString name;
    std::vector<int> lanes; // in order of appearance; the main thread first when known
    std::vector<Instant> instants; // marks of the whole process (a trace's "s":"p"), by time
};

// A value sampled over time for one process (its resident memory, say).
struct CounterSample
{
    qint64 t = 0;
    double value = 0;
};

struct CounterTrack
{
    qint64 pid = 0;
    QString name; // "memory"
    QString unit; // "MiB"
    std::vector<CounterSample> samples; // sorted by time
};

// A printed line in arrival order, for the console.
struct PrintRecord
{
    int lane = -1;
    qint64 t = 0;
    int text = -1;
};

// Lanes, spans, instants and flows of one run or one imported trace. Built incrementally by
// the collector (live) or in one go by an importer; a value type, cheap to move.
class TraceModel
{
public:
    QString title;
    QString scenario;
    // The `waiting:gil` stretches were inferred from what the operating system saw of the
    // threads (a Python run, GilSampler), not reported by the threads themselves.
    bool gilInferred = false;

    int laneIndex(qint64 pid, qint64 tid) const;
    // Finds the lane or creates it (with its process) and returns its index.
    int ensureLane(qint64 pid, qint64 tid);
    // The lane of the process's main thread, made one if need be. Which thread is the main
    // one is said, never guessed from the ids (tid == pid holds on Linux only). tid 0: the
    // caller does not know the thread's id (a parent reporting its child's end); a lane made
    // so takes the id the process reports for its main thread later.
    int ensureMainLane(qint64 pid, qint64 tid);
    // The process's main thread lane, -1 while none is known.
    int mainLane(qint64 pid) const;
    // Marks the lane as its process's main thread, which leads the process's group.
    void setMainLane(int lane);
    Lane& lane(int index) { return m_lanes[size_t(index)]; }
    const Lane& lane(int index) const { return m_lanes[size_t(index)]; }
    int laneCount() const { return int(m_lanes.size()); }
    const std::vector<Lane>& lanes() const { return m_lanes; }

    ProcessInfo& ensureProcess(qint64 pid);
    const std::vector<ProcessInfo>& processes() const { return m_processes; }
    const ProcessInfo* process(qint64 pid) const;
    // Puts the processes in the order `before` says, stably (a trace's process_sort_index);
    // lane indices do not change.
    void sortProcesses(const std::function<bool(const ProcessInfo&, const ProcessInfo&)>& before);

    // Ends the lane's open span at t (if any) and opens one in state s; `detail` says what the
    // state is about ("1 s" of a sleep, the worker of a join), empty for nothing.
    void setState(int lane, qint64 t, State s, const QString& detail = {});
    // Appends a closed span directly (importers). Spans must come in time order per lane.
    void addSpan(int lane, const Span& span);
    // The same at a depth below the lane's spans (1 = inside a span of depth 0), in time
    // order per depth.
    void addNestedSpan(int lane, int depth, const Span& span);
    // The spans of one depth (0 = Lane::spans); an empty list past the deepest.
    static const std::vector<Span>& spansAt(const Lane& lane, int depth);
    // A foreign event's args (importers, in order of depth and index per lane).
    void addSpanArgs(int lane, int depth, qint32 index, std::string_view members);
    void addInstantArgs(int lane, qint32 index, std::string_view members);
    // Their text ("" for none): "\"detail\":\"main.cpp\"".
    QByteArray spanArgs(const Lane& lane, int depth, size_t index) const;
    QByteArray instantArgs(const Lane& lane, size_t index) const;
    // A run of slices of one category begins at (depth, index): importers, in that order.
    void addCategoryRun(int lane, int depth, qint32 index, const QString& category);
    // The `cat` of a foreign slice, empty for none.
    QString categoryOf(const Lane& lane, int depth, size_t index) const;
    // The index of `span` among the spans of its depth, -1 when it is not there.
    static qint64 spanIndex(const Lane& lane, int depth, const Span& span);
    // 1 + the number of nested levels.
    static int depthCount(const Lane& lane) { return 1 + int(lane.nested.size()); }
    // Terminal kinds also close the open span.
    void addInstant(int lane, qint64 t, InstantKind kind, const QString& text = {}, qint32 code = 0, qint32 name = -1);
    // Marks of a whole process (drawn on its header) and of the whole trace (a line across
    // every lane): a trace's instants of scope "p" and "g". In time order.
    void addProcessInstant(qint64 pid, qint64 t, InstantKind kind, const QString& text, qint32 code, qint32 name);
    void addGlobalInstant(qint64 t, InstantKind kind, const QString& text, qint32 code, qint32 name);
    const std::vector<Instant>& globalInstants() const { return m_globalInstants; }
    void flowFrom(qint64 id, FlowKind kind, int lane, qint64 t);
    void flowTo(qint64 id, FlowKind kind, int lane, qint64 t);
    // Closes every open span at t (end of run or abort).
    void closeAll(qint64 t);
    // Within each of `stretches` (sorted [from, to) pairs), the lane's `running` spans become
    // `state`: what a measurement found a thread doing that its own reports call running.
    void overlayRunning(int lane, const std::vector<std::pair<qint64, qint64>>& stretches, State state);

    // Appends a sample to the pid's track of that name (created on first use).
    void addCounter(qint64 pid, const QString& name, const QString& unit, qint64 t, double value);
    const std::vector<CounterTrack>& counters() const { return m_counters; }

    const std::vector<Flow>& flows() const { return m_flows; }
    const QStringList& texts() const { return m_texts; }
    // Names of foreign slices and instants (Span::name, Instant::name), each stored once.
    qint32 internName(const QString& name);
    const QStringList& names() const { return m_names; }
    // A span's detail (Span::detail()), empty for none.
    QString detailOf(const Span& span) const;
    // The name to show: the foreign one if any, else the state's or the kind's.
    QString nameOf(const Span& span) const;
    QString nameOf(const Instant& instant) const;
    const std::deque<PrintRecord>& prints() const { return m_prints; }

    // Notes that the lane's event at t came from `line` of `file`.
    void addSource(int lane, qint64 t, const QString& file, qint32 line);
    const QStringList& sourceFiles() const { return m_sourceFiles; }
    // The index of `file` in sourceFiles(), -1 when no event came from it.
    qint32 sourceFileIndex(const QString& file) const { return m_sourceFileIndex.value(file, -1); }

    qint64 startTime() const { return m_minT; }
    // Latest time seen in any event (open spans reach at least this far).
    qint64 endTime() const { return m_maxT; }
    void noteTime(qint64 t);
    qint64 spanCount() const { return m_spanCount; }
    bool isEmpty() const { return m_lanes.empty(); }

    // Index of the first span of `lane` whose end is after t (binary search).
    static size_t firstSpanEndingAfter(const Lane& lane, qint64 t);
    static size_t firstSpanEndingAfter(const std::vector<Span>& spans, qint64 t);

private:
    // The flow with this id, created (of `kind`) when it is new: either end may come first.
    Flow& flowWithId(qint64 id, FlowKind kind);
    // One end of a flow: where (lane, time) it starts or arrives.
    void setFlowEnd(qint64 id, FlowKind kind, int Flow::*laneEnd, int lane, qint64 Flow::*timeEnd, qint64 t);

    // A state reported after the lane's end but dated before it; false when it is not one.
    bool settleLateState(Lane& lane, qint64 t, State s, qint32 name);

    std::vector<Lane> m_lanes;
    std::vector<ProcessInfo> m_processes;
    QHash<QPair<qint64, qint64>, int> m_laneByIds;
    QHash<qint64, int> m_processByPid;
    std::vector<Flow> m_flows;
    QHash<qint64, int> m_flowById;
    QStringList m_texts;
    QByteArray m_argsText; // every EventArgs' text, end to end: no allocation per event
    QStringList m_names;
    QHash<QString, qint32> m_nameIndex;
    // Every print of a run, hundreds of thousands in a busy one: a deque grows without ever
    // copying what it holds, where a vector's doubling would stall the live view longer and
    // longer as the run goes on.
    std::deque<PrintRecord> m_prints;
    std::vector<CounterTrack> m_counters;
    std::vector<Instant> m_globalInstants;
    QStringList m_sourceFiles;
    QHash<QString, qint32> m_sourceFileIndex;
    QHash<QPair<qint64, QString>, int> m_counterByKey; // (pid, name) -> index into m_counters
    qint64 m_minT = 0;
    qint64 m_maxT = 0;
    qint64 m_spanCount = 0;
    bool m_anyTime = false;
};

} // namespace Forkline
