// SPDX-License-Identifier: GPL-3.0-or-later
// ChromeTraceBuilder::finish(): the model assembled once every event was read (slices nested,
// instants in time order, flows paired, counters by track), cancellable as it goes.
#include "chrometracebuilder.h"

#include "chrometracebuilder_p.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace Forkline {

using namespace BuilderDetail;

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

void ChromeTraceBuilder::addInstant(const PendingInstant& in)
{
    const QString text = in.text >= 0 ? m_texts.at(in.text) : QString();
    if (in.scope == Scope::Process) {
        m_model.addProcessInstant(in.pid, in.t, in.kind, text, in.code, in.name);
        return;
    }
    if (in.scope == Scope::Global) {
        m_model.addGlobalInstant(in.t, in.kind, text, in.code, in.name);
        return;
    }
    m_model.addInstant(in.lane, in.t, in.kind, text, in.code, in.name);
    if (in.args >= 0) {
        const auto& [offset, length] = m_args[size_t(in.args)];
        m_model.addInstantArgs(in.lane, qint32(m_model.lane(in.lane).instants.size() - 1),
            std::string_view(m_argsText).substr(offset, length));
    }
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
        addInstant(in);
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
