// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <deque>
#include <functional>
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
    qint32 name = -1;
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

// The line of the user's program behind an event of a lane (a Python run's `print()`,
// `sleep()`, `start()` ...): apart from spans and instants, which stay small, and only for
// events that name one.
struct SourcePoint
{
    qint64 t = 0;
    qint32 file = -1; // index into TraceModel::sourceFiles()
    qint32 line = 0; // 1-based
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
    std::vector<Instant> instants; // sorted by time
    std::vector<SourcePoint> sources; // sorted by time
    bool open = false; // has a span that has not ended yet
    State openState = State::Running;
    qint64 openSince = 0;
    bool ended = false;
};

struct ProcessInfo
{
    qint64 pid = 0;
    qint64 ppid = 0;
    QString name;
    std::vector<int> lanes; // in order of appearance; the main thread first when known
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

    // Ends the lane's open span at t (if any) and opens one in state s.
    void setState(int lane, qint64 t, State s);
    // Appends a closed span directly (importers). Spans must come in time order per lane.
    void addSpan(int lane, const Span& span);
    // Terminal kinds also close the open span.
    void addInstant(int lane, qint64 t, InstantKind kind, const QString& text = {}, qint32 code = 0, qint32 name = -1);
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

private:
    // The flow with this id, created (of `kind`) when it is new: either end may come first.
    Flow& flowWithId(qint64 id, FlowKind kind);
    // One end of a flow: where (lane, time) it starts or arrives.
    void setFlowEnd(qint64 id, FlowKind kind, int Flow::*laneEnd, int lane, qint64 Flow::*timeEnd, qint64 t);

    // A state reported after the lane's end but dated before it; false when it is not one.
    bool settleLateState(Lane& lane, qint64 t, State s);

    std::vector<Lane> m_lanes;
    std::vector<ProcessInfo> m_processes;
    QHash<QPair<qint64, qint64>, int> m_laneByIds;
    QHash<qint64, int> m_processByPid;
    std::vector<Flow> m_flows;
    QHash<qint64, int> m_flowById;
    QStringList m_texts;
    QStringList m_names;
    QHash<QString, qint32> m_nameIndex;
    // Every print of a run, hundreds of thousands in a busy one: a deque grows without ever
    // copying what it holds, where a vector's doubling would stall the live view longer and
    // longer as the run goes on.
    std::deque<PrintRecord> m_prints;
    std::vector<CounterTrack> m_counters;
    QStringList m_sourceFiles;
    QHash<QString, qint32> m_sourceFileIndex;
    QHash<QPair<qint64, QString>, int> m_counterByKey; // (pid, name) -> index into m_counters
    qint64 m_minT = 0;
    qint64 m_maxT = 0;
    qint64 m_spanCount = 0;
    bool m_anyTime = false;
};

} // namespace Forkline
