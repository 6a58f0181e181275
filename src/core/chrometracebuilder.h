// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chrometraceimport.h"
#include "rawtraceevent.h"
#include "tracemodel.h"

#include <QByteArray>
#include <QHash>
#include <functional>
#include <string>
#include <vector>

namespace Forkline {

// Turns decoded trace events, in file order, into a TraceModel. Metadata, lanes and
// processes are applied at once; slices, instants, flows and counters are collected per lane
// and assembled by finish(): nested slices stacked one level per depth (Lane::nested),
// instants and samples sorted, flows bound to their slices.
class ChromeTraceBuilder : public RawTraceEventSink
{
public:
    void event(const RawTraceEvent& e) override;
    // Set when an event makes the trace impossible to show (times out of range, a span of
    // more than kMaxTraceSpanNs): the import is refused, naming that event. Later events are
    // ignored.
    bool refused() const { return !m_refusal.isEmpty(); }
    const QString& refusal() const { return m_refusal; } // "traceEvents[N] ..." (no file, no stop)
    qint64 refusalOffset() const { return m_refusalOffset; } // byte offset of that event
    // `stop` is polled now and then; false when it said stop. `progress` gets 0..1.
    bool finish(const std::function<bool()>& stop, const std::function<void(double)>& progress);

    TraceModel takeModel() { return std::move(m_model); }
    const ChromeTraceSkips& skipped() const { return m_skipped; }
    ChromeTraceSkips& skipped() { return m_skipped; }
    qint64 unclosedSlices() const { return m_unclosed; }

private:
    struct SliceName
    {
        State state = State::Running;
        qint32 name = -1;
    };
    struct LaneWork
    {
        std::vector<Span> slices; // X and B/E in order of their beginning
        std::vector<qint32> open; // slices whose B still waits for its E
        std::vector<std::pair<qint32, qint32>> args; // (slice, into m_args) for slices with args
        // (slice, category into the model's names) where the category changes, in file order:
        // one entry for a lane whose slices share theirs, as most do.
        std::vector<std::pair<qint32, qint32>> categories;
        std::string lastCategory; // the bytes of categories.back(), compared without a lookup
    };
    // Where a slice of a lane ended up: its depth and its index there.
    struct Place
    {
        qint32 depth = 0;
        qint32 index = 0;
    };
    enum class Scope : std::uint8_t { Thread, Process, Global };
    struct PendingInstant
    {
        qint64 t = 0;
        qint64 pid = 0; // Scope::Process
        int lane = 0; // Scope::Thread
        Scope scope = Scope::Thread;
        InstantKind kind = InstantKind::Other;
        qint32 code = 0;
        qint32 name = -1;
        qint32 text = -1; // into m_texts
        qint32 args = -1; // into m_args
    };
    struct PendingFlow
    {
        qint64 t = 0;
        qint64 id = 0;
        int lane = 0;
        char phase = 's';
        bool nextSlice = false; // an f that binds to the next slice (no bp:"e")
        FlowKind kind = FlowKind::Other;
        int key = 0; // the flow's cat and name: a flow is its id, cat and name (as Perfetto pairs them)
    };
    struct CounterKey
    {
        qint64 pid = 0;
        QString name;
        QString unit;
    };
    struct PendingSample
    {
        qint64 t = 0;
        int track = 0;
        double value = 0;
    };
    struct PendingSource // args file and line of a slice or instant (a Python run's)
    {
        qint64 t = 0;
        int lane = 0;
        qint32 file = 0; // into m_sourceFiles
        qint32 line = 0;
    };
    struct PendingParent
    {
        int lane = 0;
        qint64 pid = 0;
        qint64 tid = 0;
    };

    int laneFor(qint64 pid, qint64 tid);
    bool refuse(const QString& why);
    bool checkSlice(const RawTraceEvent& e);
    // A slice [start, end) of `lane` with its name, args and line of code; its index there.
    qint32 addSlice(const RawTraceEvent& e, int lane, qint64 start, qint64 end);
    bool noteTime(qint64 t);
    void metadata(const RawTraceEvent& e, qint64 pid, qint64 tid);
    void demoteGuessedMain(int lane);
    void laneArgs(const RawTraceEvent& e, int lane);
    SliceName sliceName(std::string_view name);
    void instant(const RawTraceEvent& e, int lane, Scope scope = Scope::Thread, qint64 pid = 0);
    void source(const RawTraceEvent& e, int lane);
    // A usable time, or the event is counted (or the import refused) and false.
    bool checkTime(const RawTraceEvent& e);
    // The event's pid and tid; one written as a string ("renderer") stands for a track of its
    // own, named so. False when there is no usable pid.
    bool ids(const RawTraceEvent& e, qint64* pid, qint64* tid);
    qint64 stringId(const std::string& text);
    // Async events (b/e/n, and the older S/T/F): a track per process, cat and name, as a lane
    // of its own; a begin pairs with the end of the same cat and id (and name, when it has one).
    void async(const RawTraceEvent& e, char ph, qint64 pid);
    int asyncLane(const RawTraceEvent& e, qint64 pid);
    void closeAsync();
    // An E (or async end) at ts closes the slice s.
    void endSlice(Span& s, qint64 ts);
    void counter(const RawTraceEvent& e, qint64 pid);
    void flow(const RawTraceEvent& e, int lane);
    int counterTrack(qint64 pid, const QString& name, const QString& unit);
    void nestLane(int lane);
    // The event's args other than those Forkline reads itself, into m_args; -1 for none.
    // `detailKept`: the slice's args.detail went into the model as its state's detail.
    qint32 keepArgs(const RawTraceEvent& e, bool instant, bool detailKept = false);
    // Notes the category of the slice about to be appended to w.slices.
    void noteCategory(LaneWork& w, const RawTraceEvent& e);
    // The categories of a lane's slices, now at `places` (by position in the file; empty when
    // every slice has the one category), as runs in the model.
    void addCategoryRuns(int lane, const std::vector<Place>& places, const std::vector<qint32>& startCounts);
    // sliceName() with Span::name holding the state's detail when the slice has one.
    SliceName sliceWithDetail(const RawTraceEvent& e);
    void addSliceArgs(int lane, const std::vector<Place>& places);
    void addFlows();
    void addInstant(const PendingInstant& in);
    void applySortIndexes();

    TraceModel m_model;
    std::vector<LaneWork> m_work;
    std::vector<PendingInstant> m_instants;
    QStringList m_texts;
    std::string m_argsText; // the kept args of every event, end to end
    std::vector<std::pair<size_t, size_t>> m_args; // (offset, length) into m_argsText
    std::vector<PendingFlow> m_flows;
    std::vector<CounterKey> m_tracks;
    QHash<QString, int> m_trackIndex;
    std::vector<PendingSample> m_samples;
    std::vector<PendingParent> m_parents;
    std::vector<PendingSource> m_sources;
    QStringList m_sourceFiles;
    QHash<QByteArray, qint32> m_sourceFileIndex;
    QHash<QByteArray, SliceName> m_sliceNames;
    // In front of m_sliceNames: a trace names its slices with a few strings used over and over,
    // and a slot compared byte for byte costs less than hashing each name into the QHash.
    struct CachedName
    {
        std::string text;
        SliceName name;
        bool used = false;
    };
    std::vector<CachedName> m_sliceNameCache = std::vector<CachedName>(256);
    QHash<QString, qint64> m_stringIds; // pids and tids written as strings -> made-up ids
    struct OpenAsync
    {
        int lane = 0;
        qint32 slice = 0;
        QByteArray name;
    };
    QHash<QByteArray, std::vector<OpenAsync>> m_asyncOpen; // pid, cat and id -> begins waiting
    QHash<QByteArray, int> m_asyncLanes; // pid, cat and name -> lane
    QHash<QPair<qint64, qint64>, QString> m_stringLaneNames; // lanes named by a string tid
    QHash<QByteArray, std::pair<InstantKind, qint32>> m_instantNames;
    QHash<QByteArray, FlowKind> m_flowKinds;
    QHash<QByteArray, int> m_flowKeys;
    QHash<qint64, double> m_processRank; // process_sort_index
    QHash<int, double> m_laneRank; // thread_sort_index, by lane // cat + '\0' + name -> PendingFlow::key
    ChromeTraceSkips m_skipped;
    qint64 m_unclosed = 0;
    qint64 m_maxT = 0;
    qint64 m_minT = 0;
    qint64 m_maxIndex = 0; // the events that set m_maxT and m_minT, for the refusal
    qint64 m_minIndex = 0;
    bool m_anyTime = false;
    const RawTraceEvent* m_current = nullptr; // the event being applied
    QString m_refusal;
    qint64 m_refusalOffset = 0;
    qint64 m_lastPid = 0;
    qint64 m_lastTid = 0;
    int m_lastLane = -1;
};

} // namespace Forkline
