// SPDX-License-Identifier: GPL-3.0-or-later
// ChromeTraceBuilder: one pass that turns raw Chrome events into the model, with the range checks
// on times where the times are read. Ids, async tracks and args are in
// chrometracebuilder_tracks.cpp, the assembly once every event was read in
// chrometracebuilder_finish.cpp.
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
    const bool later = t > m_maxT;
    if (!later && t >= m_minT)
        return true;
    // Unsigned: exact, since the true difference of two qint64 is below 2^64.
    const quint64 span = later ? quint64(t) - quint64(m_minT) : quint64(m_maxT) - quint64(t);
    if (span > quint64(kMaxTraceSpanNs)) {
        const QString sentence = later
            ? tr("traceEvents[%1] is %2 years after traceEvents[%3]; a trace can span at most %4 years")
            : tr("traceEvents[%1] is %2 years before traceEvents[%3]; a trace can span at most %4 years");
        return refuse(sentence.arg(QString::number(index), years(span),
            QString::number(later ? m_minIndex : m_maxIndex), QString::number(kMaxTraceYears)));
    }
    (later ? m_maxT : m_minT) = t;
    (later ? m_maxIndex : m_minIndex) = index;
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
    // FNV-1a: a few cycles for a name of a few dozen bytes.
    quint32 h = 2166136261u;
    for (const char c : name)
        h = (h ^ quint32(uchar(c))) * 16777619u;
    CachedName& slot = m_sliceNameCache[(h ^ (h >> 16)) % m_sliceNameCache.size()];
    if (slot.used && name == slot.text)
        return slot.name;
    SliceName n;
    auto it = m_sliceNames.constFind(rawKey(name));
    if (it != m_sliceNames.constEnd()) {
        n = *it;
    } else {
        const QString text = toQString(name);
        if (!stateFromName(text, &n.state)) {
            n.state = State::Running;
            n.name = m_model.internName(text);
        }
        m_sliceNames.insert(QByteArray(name.data(), qsizetype(name.size())), n);
    }
    // A name too long to be one of a trace's few is not worth the copy.
    if (name.size() <= 256) {
        slot.text.assign(name.data(), name.size());
        slot.name = n;
        slot.used = true;
    }
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

qint32 ChromeTraceBuilder::addSlice(const RawTraceEvent& e, int lane, qint64 start, qint64 end)
{
    laneArgs(e, lane);
    source(e, lane);
    const SliceName n = sliceWithDetail(e);
    LaneWork& w = m_work[size_t(lane)];
    const qint32 index = qint32(w.slices.size());
    if (const qint32 args = keepArgs(e, false, n.name < -1); args >= 0)
        w.args.push_back({ index, args });
    noteCategory(w, e);
    w.slices.push_back({ start, end, n.state, n.name });
    return index;
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
        addSlice(e, laneFor(pid, tid), ts, ts + e.dur.value);
        noteTime(ts);
        noteTime(ts + e.dur.value);
        return;
    }
    case 'B': {
        const int lane = laneFor(pid, tid);
        m_work[size_t(lane)].open.push_back(addSlice(e, lane, ts, kOpen));
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

} // namespace Forkline
