// SPDX-License-Identifier: GPL-3.0-or-later
// Over 500 lines: one pass that turns raw Chrome events into the model, with the range checks
// on times where the times are read. Ids, async tracks and args are in
// chrometracebuilder_tracks.cpp; the next split is flows and counters into a file of their own.
#include "chrometracebuilder.h"

#include "chrometracebuilder_p.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <limits>

namespace Forkline {

using namespace BuilderDetail;

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

QString years(quint64 ns)
{
    return QString::number(double(ns) / double(kNsPerYear), 'g', 4);
}

} // namespace

bool ChromeTraceBuilder::refuse(const QString& why)
{
    if (m_refusal.isEmpty()) {
        m_refusal = why;
        m_refusalOffset = m_current ? m_current->offset : 0;
    }
    return false;
}

// Every time the model will hold passes here. A trace that spans more than a century is not a
// trace of anything real, and the differences of its times would overflow further on (the
// mapping to pixels, the axis, the summaries): it is refused with the event that stretched it.
bool ChromeTraceBuilder::noteTime(qint64 t)
{
    const qint64 index = m_current ? m_current->index : 0;
    if (!m_anyTime) {
        m_anyTime = true;
        m_minT = m_maxT = t;
        m_minIndex = m_maxIndex = index;
        return true;
    }
    // Unsigned: exact, since the true difference of two qint64 is below 2^64.
    if (t > m_maxT) {
        const quint64 span = quint64(t) - quint64(m_minT);
        if (span > quint64(kMaxTraceSpanNs))
            return refuse(tr("traceEvents[%1] is %2 years after traceEvents[%3]; a trace can span at most %4 years")
                              .arg(QString::number(index), years(span), QString::number(m_minIndex),
                                  QString::number(kMaxTraceYears)));
        m_maxT = t;
        m_maxIndex = index;
    } else if (t < m_minT) {
        const quint64 span = quint64(m_maxT) - quint64(t);
        if (span > quint64(kMaxTraceSpanNs))
            return refuse(tr("traceEvents[%1] is %2 years before traceEvents[%3]; a trace can span at most %4 years")
                              .arg(QString::number(index), years(span), QString::number(m_maxIndex),
                                  QString::number(kMaxTraceYears)));
        m_minT = t;
        m_minIndex = index;
    }
    return true;
}

int ChromeTraceBuilder::laneFor(qint64 pid, qint64 tid)
{
    if (m_lastLane >= 0 && pid == m_lastPid && tid == m_lastTid)
        return m_lastLane;
    const int before = m_model.laneCount();
    const int lane = m_model.ensureLane(pid, tid);
    if (m_model.laneCount() > before) {
        m_work.resize(size_t(m_model.laneCount()));
        // A foreign trace says nothing of kinds: a thread whose id is its process's is the main
        // one, unless our own file already named another lane the process's main one.
        if (tid == pid && m_model.mainLane(pid) < 0)
            m_model.setMainLane(lane);
        if (!m_stringLaneNames.isEmpty())
            m_model.lane(lane).name = m_stringLaneNames.value({ pid, tid });
    }
    m_lastPid = pid;
    m_lastTid = tid;
    m_lastLane = lane;
    return lane;
}

ChromeTraceBuilder::SliceName ChromeTraceBuilder::sliceName(std::string_view name)
{
    auto it = m_sliceNames.constFind(rawKey(name));
    if (it != m_sliceNames.constEnd())
        return *it;
    SliceName n;
    const QString text = toQString(name);
    if (!stateFromName(text, &n.state)) {
        n.state = State::Running;
        n.name = m_model.internName(text);
    }
    m_sliceNames.insert(QByteArray(name.data(), qsizetype(name.size())), n);
    return n;
}

void ChromeTraceBuilder::laneArgs(const RawTraceEvent& e, int lane)
{
    // Our own lane description (see the exporter); other tools' args are left alone.
    if (!e.worker.present)
        return;
    Lane& l = m_model.lane(lane);
    if (l.name.isEmpty())
        l.name = toQString(e.worker.text);
    if (e.label.present)
        l.label = toQString(e.label.text);
    if (e.kind == "process") {
        // One main lane a process: a lane guessed to be it (its id is the pid) is a thread.
        if (const ProcessInfo* proc = m_model.process(l.pid)) {
            for (int other : proc->lanes) {
                if (other != lane && m_model.lane(other).kind == LaneKind::Process)
                    m_model.lane(other).kind = LaneKind::Thread;
            }
        }
        m_model.setMainLane(lane);
    } else if (e.kind == "thread")
        demoteGuessedMain(lane);
    if (e.daemon >= 0)
        l.daemon = e.daemon == 1;
    if (e.parentPid.valid && e.parentTid.valid)
        m_parents.push_back({ lane, e.parentPid.value, e.parentTid.value });
}

void ChromeTraceBuilder::demoteGuessedMain(int lane)
{
    // Our file says this lane is a thread: a guess that made it the main one (its id equals the
    // pid, and it came before the lane our file calls the process) is undone, and the process's
    // own lane, when already seen, leads the group again.
    Lane& l = m_model.lane(lane);
    if (l.kind != LaneKind::Process) {
        l.kind = LaneKind::Thread;
        return;
    }
    l.kind = LaneKind::Thread;
    // The guess moved the lane to the front; the group goes back to the model's own order: a
    // main lane first, if the file named one, then the others as they were made.
    const ProcessInfo* proc = m_model.process(l.pid);
    if (!proc)
        return;
    std::vector<int>& lanes = m_model.ensureProcess(l.pid).lanes;
    std::stable_sort(lanes.begin(), lanes.end(), [this](int a, int b) {
        const bool mainA = m_model.lane(a).kind == LaneKind::Process;
        const bool mainB = m_model.lane(b).kind == LaneKind::Process;
        if (mainA != mainB)
            return mainA;
        return a < b;
    });
}

void ChromeTraceBuilder::metadata(const RawTraceEvent& e, qint64 pid, qint64 tid)
{
    if (e.name == "process_name") {
        ProcessInfo& p = m_model.ensureProcess(pid);
        if (e.argName.present)
            p.name = toQString(e.argName.text);
        if (e.ppid.valid)
            p.ppid = e.ppid.value;
    } else if (e.name == "thread_name") {
        const int lane = laneFor(pid, tid);
        if (e.argName.present)
            m_model.lane(lane).name = toQString(e.argName.text);
        laneArgs(e, lane);
    } else if (e.name == "process_sort_index" || e.name == "thread_sort_index") {
        // Viewers order processes, and threads within one, by these (lower first).
        auto it
            = std::find_if(e.numbers.begin(), e.numbers.end(), [](const auto& n) { return n.first == "sort_index"; });
        if (it == e.numbers.end()) {
            ++m_skipped.metadata;
            return;
        }
        if (e.name == "process_sort_index")
            m_processRank.insert(pid, it->second);
        else
            m_laneRank.insert(laneFor(pid, tid), it->second);
    } else {
        ++m_skipped.metadata;
    }
}

void ChromeTraceBuilder::applySortIndexes()
{
    // Stable: what has no index (or an equal one) keeps its order of appearance, as 0.
    if (!m_laneRank.isEmpty()) {
        for (const ProcessInfo& p : m_model.processes()) {
            std::vector<int>& lanes = m_model.ensureProcess(p.pid).lanes;
            // The process's main lane leads its group whatever its index (as the model keeps it).
            std::stable_sort(lanes.begin(), lanes.end(), [this](int a, int b) {
                const bool mainA = m_model.lane(a).kind == LaneKind::Process;
                const bool mainB = m_model.lane(b).kind == LaneKind::Process;
                if (mainA != mainB)
                    return mainA;
                return m_laneRank.value(a, 0) < m_laneRank.value(b, 0);
            });
        }
    }
    if (!m_processRank.isEmpty())
        m_model.sortProcesses([this](const ProcessInfo& a, const ProcessInfo& b) {
            return m_processRank.value(a.pid, 0) < m_processRank.value(b.pid, 0);
        });
}

void ChromeTraceBuilder::instant(const RawTraceEvent& e, int lane, Scope scope, qint64 pid)
{
    auto it = m_instantNames.constFind(rawKey(e.name.text));
    if (it == m_instantNames.constEnd()) {
        const QString text = toQString(e.name.text);
        InstantKind kind = InstantKind::Other;
        qint32 name = -1;
        if (!instantFromName(text, &kind)) {
            kind = InstantKind::Other;
            name = m_model.internName(text);
        }
        it = m_instantNames.insert(
            QByteArray(e.name.text.data(), qsizetype(e.name.text.size())), std::make_pair(kind, name));
    }
    PendingInstant p;
    p.t = e.ts.value;
    p.lane = lane;
    p.scope = scope;
    p.pid = pid;
    p.kind = it->first;
    p.name = it->second;
    if (e.code.valid)
        p.code = qint32(
            std::clamp<qint64>(e.code.value, std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max()));
    if (e.text.present) {
        p.text = qint32(m_texts.size());
        m_texts.append(toQString(e.text.text));
    }
    if (scope == Scope::Thread)
        p.args = keepArgs(e, true);
    m_instants.push_back(p);
    noteTime(p.t);
    source(e, lane);
}

void ChromeTraceBuilder::source(const RawTraceEvent& e, int lane)
{
    if (!hasSource(e))
        return;
    const QByteArray key = rawKey(e.file.text);
    auto it = m_sourceFileIndex.constFind(key);
    if (it == m_sourceFileIndex.constEnd()) {
        // The key kept must own its bytes: `key` points into the parser's buffer, which the
        // next block of the file replaces.
        it = m_sourceFileIndex.insert(QByteArray(key.constData(), key.size()), qint32(m_sourceFiles.size()));
        m_sourceFiles << toQString(e.file.text);
    }
    m_sources.push_back({ e.ts.value, lane, *it, qint32(e.line.value) });
}

int ChromeTraceBuilder::counterTrack(qint64 pid, const QString& name, const QString& unit)
{
    // The model keeps one track per pid and name, as here.
    const QString key = QString::number(pid) + QLatin1Char('\n') + name;
    auto it = m_trackIndex.constFind(key);
    if (it != m_trackIndex.constEnd())
        return *it;
    const int index = int(m_tracks.size());
    m_tracks.push_back({ pid, name, unit });
    m_trackIndex.insert(key, index);
    return index;
}

void ChromeTraceBuilder::counter(const RawTraceEvent& e, qint64 pid)
{
    if (e.numbers.empty()) {
        ++m_skipped.phase; // nothing to draw
        return;
    }
    const QString name = toQString(e.name.text);
    if (e.numbers.size() == 1) {
        // Ours: {"MiB": 20.5}, the key being the unit (or the name again when there is none).
        const QString key = toQString(e.numbers.front().first);
        m_samples.push_back(
            { e.ts.value, counterTrack(pid, name, key == name ? QString() : key), e.numbers.front().second });
    } else {
        // Several series in one event: a track for each, in the order of their names (parsers
        // differ in the order they see members).
        std::vector<std::pair<std::string_view, double>> series = e.numbers;
        std::sort(series.begin(), series.end());
        for (const auto& [key, value] : series)
            m_samples.push_back({ e.ts.value, counterTrack(pid, name + QLatin1Char(' ') + toQString(key), {}), value });
    }
    noteTime(e.ts.value);
}

void ChromeTraceBuilder::flow(const RawTraceEvent& e, int lane)
{
    auto it = m_flowKinds.constFind(rawKey(e.name.text));
    if (it == m_flowKinds.constEnd()) {
        FlowKind kind = FlowKind::Other;
        if (!flowFromName(toQString(e.name.text), &kind))
            kind = FlowKind::Other;
        it = m_flowKinds.insert(QByteArray(e.name.text.data(), qsizetype(e.name.text.size())), kind);
    }
    QByteArray key = rawKey(e.cat.text);
    key.append('\0').append(rawKey(e.name.text));
    auto k = m_flowKeys.constFind(key);
    if (k == m_flowKeys.constEnd())
        k = m_flowKeys.insert(key, int(m_flowKeys.size()));
    PendingFlow f;
    f.id = e.id.value;
    f.lane = lane;
    f.phase = e.ph.text.front();
    f.kind = *it;
    f.key = *k;
    // Our own files write a flow event at the start of the slice it binds to, and the arrow's
    // time in args.at.
    f.t = e.at.valid ? e.at.value : e.ts.value;
    f.nextSlice = f.phase == 'f' && e.bp != "e" && !e.at.valid;
    m_flows.push_back(f);
    noteTime(f.t);
}

bool ChromeTraceBuilder::checkSlice(const RawTraceEvent& e)
{
    if (e.dur.outOfRange || (e.dur.valid && e.dur.value > kMaxTraceSpanNs))
        return refuse(tr("traceEvents[%1] lasts %2 years; a trace can span at most %3 years")
                          .arg(QString::number(e.index), e.dur.valid ? years(quint64(e.dur.value)) : tr("over 292"),
                              QString::number(kMaxTraceYears)));
    if (e.dur.valid && e.dur.value > 0 && e.ts.value > kMaxTime - e.dur.value)
        return refuse(tr("traceEvents[%1] ends after the last time Forkline can hold (292 years from 0)").arg(e.index));
    return true;
}

bool ChromeTraceBuilder::checkTime(const RawTraceEvent& e)
{
    if (e.ts.valid)
        return true;
    if (e.ts.outOfRange)
        refuse(tr("traceEvents[%1] has a time out of range: \"ts\" is more than 292 years from 0").arg(e.index));
    else
        ++m_skipped.badTime;
    return false;
}

// Over 80 lines on purpose: one dispatch on the phase letter for every event of an import, a
// few lines a phase, sharing the lane lookup and the skip counts.
void ChromeTraceBuilder::event(const RawTraceEvent& e)
{
    if (refused())
        return; // the import fails with the first refusal; nothing after it matters
    m_current = &e;
    if (!e.ph.present || e.ph.text.size() != 1) {
        ++m_skipped.phase;
        return;
    }
    const char ph = e.ph.text.front();
    if (ph == 'M' && e.name == "forkline_run") {
        if (e.scenario.present)
            m_model.scenario = toQString(e.scenario.text);
        if (e.title.present)
            m_model.title = toQString(e.title.text);
        return;
    }
    // A global instant marks the whole trace: it needs no process.
    if ((ph == 'i' || ph == 'I') && e.scope == "g") {
        if (checkTime(e))
            instant(e, -1, Scope::Global);
        return;
    }
    // Without a pid there is no lane; without a tid the event belongs to the process's main thread.
    qint64 pid = 0;
    qint64 tid = 0;
    if (!ids(e, &pid, &tid)) {
        ++m_skipped.noPid;
        return;
    }
    if (ph == 'M') {
        metadata(e, pid, tid);
        return;
    }
    const bool isAsync = ph == 'b' || ph == 'e' || ph == 'n' || ph == 'S' || ph == 'T' || ph == 'p' || ph == 'F';
    const bool known = ph == 'X' || ph == 'B' || ph == 'E' || ph == 'i' || ph == 'I' || ph == 'C' || ph == 's'
        || ph == 't' || ph == 'f' || isAsync;
    if (!known) {
        ++m_skipped.phase;
        return;
    }
    if (!checkTime(e))
        return;
    if (isAsync) {
        async(e, ph, pid);
        return;
    }
    const qint64 ts = e.ts.value;
    switch (ph) {
    case 'X': {
        if (!checkSlice(e))
            return;
        if (!e.dur.valid || e.dur.value < 0) {
            ++m_skipped.badTime;
            return;
        }
        const int lane = laneFor(pid, tid);
        laneArgs(e, lane);
        source(e, lane);
        const SliceName n = sliceWithDetail(e);
        LaneWork& w = m_work[size_t(lane)];
        if (const qint32 args = keepArgs(e, false, n.name < -1); args >= 0)
            w.args.push_back({ qint32(w.slices.size()), args });
        noteCategory(w, e);
        w.slices.push_back({ ts, ts + e.dur.value, n.state, n.name });
        noteTime(ts);
        noteTime(ts + e.dur.value);
        return;
    }
    case 'B': {
        const int lane = laneFor(pid, tid);
        laneArgs(e, lane);
        source(e, lane);
        const SliceName n = sliceWithDetail(e);
        LaneWork& w = m_work[size_t(lane)];
        if (const qint32 args = keepArgs(e, false, n.name < -1); args >= 0)
            w.args.push_back({ qint32(w.slices.size()), args });
        noteCategory(w, e);
        w.open.push_back(qint32(w.slices.size()));
        w.slices.push_back({ ts, kOpen, n.state, n.name });
        noteTime(ts);
        return;
    }
    case 'E': {
        // An E closes the latest open B of its thread, whatever its name (as Chrome does).
        const int lane = m_model.laneIndex(pid, tid);
        if (lane < 0 || m_work[size_t(lane)].open.empty()) {
            ++m_skipped.unmatched;
            return;
        }
        LaneWork& w = m_work[size_t(lane)];
        Span& s = w.slices[size_t(w.open.back())];
        w.open.pop_back();
        endSlice(s, ts);
        return;
    }
    case 'i':
    case 'I':
        // A process-scoped instant marks the process (its header), not a thread of it.
        if (e.scope == "p")
            instant(e, -1, Scope::Process, pid);
        else
            instant(e, laneFor(pid, tid));
        return;
    case 'C':
        counter(e, pid);
        return;
    default: // s, t, f
        if (!e.id.valid) {
            ++m_skipped.unmatched; // nothing to pair it with
            return;
        }
        flow(e, laneFor(pid, tid));
        return;
    }
}

void ChromeTraceBuilder::addFlows()
{
    // Flows pair up in file order. A file's id is kept unless the model has it already
    // (an id used again after its f, or a chain s -> t -> f that the model draws as arrows).
    QHash<QPair<qint64, int>, qint64> active; // (file id, cat and name) -> model id
    QSet<qint64> used;
    qint64 fresh = 1;
    auto take = [&](qint64 fileId) {
        if (!used.contains(fileId)) {
            used.insert(fileId);
            return fileId;
        }
        while (used.contains(fresh))
            ++fresh;
        used.insert(fresh);
        return fresh;
    };
    for (const PendingFlow& f : m_flows) {
        qint64 t = f.t;
        if (f.nextSlice) {
            // Without bp:"e" a flow ends on the next slice that begins at or after its time.
            const std::vector<Span>& spans = m_model.lane(f.lane).spans;
            auto next
                = std::lower_bound(spans.begin(), spans.end(), t, [](const Span& s, qint64 v) { return s.start < v; });
            if (next != spans.end())
                t = next->start;
        }
        if (f.phase == 's') {
            const qint64 id = take(f.id);
            m_model.flowFrom(id, f.kind, f.lane, t);
            active.insert({ f.id, f.key }, id);
            continue;
        }
        auto it = active.find({ f.id, f.key });
        if (it == active.end()) {
            ++m_skipped.unmatched;
            continue;
        }
        m_model.flowTo(*it, f.kind, f.lane, t);
        if (f.phase == 't') {
            const qint64 id = take(f.id);
            m_model.flowFrom(id, f.kind, f.lane, t);
            *it = id;
        } else {
            active.erase(it);
        }
    }
    m_flows = {};
}

bool ChromeTraceBuilder::finish(const std::function<bool()>& stop, const std::function<void(double)>& progress)
{
    const double total = double(m_model.laneCount()) + double(m_instants.size()) + double(m_samples.size()) + 1;
    double done = 0;
    qint64 sinceCheck = 0;
    // Polled every few thousand items: cheap, yet a cancel is honoured within milliseconds.
    auto step = [&](qint64 items) {
        done += double(items);
        sinceCheck += items;
        if (sinceCheck < 16384)
            return true;
        sinceCheck = 0;
        if (progress)
            progress(std::min(1.0, done / total));
        return !(stop && stop());
    };

    closeAsync();
    for (int lane = 0; lane < m_model.laneCount(); ++lane) {
        const qint64 size = qint64(m_work[size_t(lane)].slices.size());
        nestLane(lane);
        if (!step(1 + size))
            return false;
    }
    m_work = {};
    applySortIndexes();
    for (const PendingParent& p : m_parents) {
        const int parent = m_model.laneIndex(p.pid, p.tid);
        if (parent >= 0 && parent != p.lane)
            m_model.lane(p.lane).parent = parent;
    }

    // Instants go in by time across lanes, so the console's printed lines come in time order.
    auto byTime = [](const PendingInstant& a, const PendingInstant& b) { return a.t < b.t; };
    if (!std::is_sorted(m_instants.begin(), m_instants.end(), byTime))
        std::stable_sort(m_instants.begin(), m_instants.end(), byTime);
    for (const PendingInstant& in : m_instants) {
        const QString text = in.text >= 0 ? m_texts.at(in.text) : QString();
        if (in.scope == Scope::Process) {
            m_model.addProcessInstant(in.pid, in.t, in.kind, text, in.code, in.name);
            continue;
        }
        if (in.scope == Scope::Global) {
            m_model.addGlobalInstant(in.t, in.kind, text, in.code, in.name);
            continue;
        }
        m_model.addInstant(in.lane, in.t, in.kind, text, in.code, in.name);
        if (in.args >= 0) {
            const auto& [offset, length] = m_args[size_t(in.args)];
            m_model.addInstantArgs(in.lane, qint32(m_model.lane(in.lane).instants.size() - 1),
                std::string_view(m_argsText).substr(offset, length));
        }
        if (!step(1))
            return false;
    }
    m_instants = {};
    m_texts = {};
    // In the file's order: of two lines at one time, the first stays first (the exporter writes
    // the first one of a time on every event there).
    for (const PendingSource& s : m_sources)
        m_model.addSource(s.lane, s.t, m_sourceFiles.at(s.file), s.line);
    m_sources = {};
    m_args = {};
    m_argsText = {};

    addFlows();

    auto byTrack = [](const PendingSample& a, const PendingSample& b) {
        return a.track != b.track ? a.track < b.track : a.t < b.t;
    };
    if (!std::is_sorted(m_samples.begin(), m_samples.end(), byTrack))
        std::stable_sort(m_samples.begin(), m_samples.end(), byTrack);
    for (const PendingSample& s : m_samples) {
        const CounterKey& track = m_tracks[size_t(s.track)];
        m_model.addCounter(track.pid, track.name, track.unit, s.t, s.value);
        if (!step(1))
            return false;
    }
    m_samples = {};
    if (progress)
        progress(1.0);
    return true;
}

} // namespace Forkline
