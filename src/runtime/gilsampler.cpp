// SPDX-License-Identifier: GPL-3.0-or-later
#include "gilsampler.h"

#include "collector.h"
#include "tracemodel.h"

#include <QFile>
#include <QHash>
#include <algorithm>
#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace Forkline {

namespace {
// "on-core-ns queued-ns timeslices"
bool readSchedstat(qint64 pid, qint64 tid, qint64* onCore, qint64* queued)
{
    QFile f(QStringLiteral("/proc/%1/task/%2/schedstat").arg(pid).arg(tid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> fields = f.read(128).trimmed().split(' ');
    if (fields.size() < 2)
        return false;
    bool ok1 = false;
    bool ok2 = false;
    *onCore = fields[0].toLongLong(&ok1);
    *queued = fields[1].toLongLong(&ok2);
    return ok1 && ok2;
}

// Resident bytes of a process from /proc/PID/statm ("size resident ..." in pages); -1 when
// it cannot be read (the process is gone).
qint64 readResident(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/statm").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.read(128).trimmed().split(' ');
    bool ok = false;
    const qint64 pages = fields.value(1).toLongLong(&ok);
    return ok ? pages * qint64(sysconf(_SC_PAGESIZE)) : -1;
}

// Whether the lane's tracer had it running Python code at t: in one of its spans, or in the
// span still open while the run is on.
bool runningPython(const Lane& lane, qint64 t)
{
    if (lane.open && t >= lane.openSince)
        return lane.openState == State::Running;
    const size_t i = TraceModel::firstSpanEndingAfter(lane, t);
    return i < lane.spans.size() && lane.spans[i].start <= t && lane.spans[i].state == State::Running;
}
} // namespace

GilSampler::GilSampler(Collector* collector)
    : QObject(collector)
    , m_collector(collector)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &GilSampler::sample);
    connect(collector, &Collector::finished, &m_timer, &QTimer::stop);
    if (available())
        m_timer.start();
}

bool GilSampler::available()
{
#if defined(Q_OS_LINUX)
    return QFile::exists(QStringLiteral("/proc/self/schedstat"));
#else
    return false;
#endif
}

void GilSampler::sample()
{
    if (!m_collector->isRunning())
        return;
    const TraceModel& model = m_collector->model();
    const qint64 t = m_collector->elapsed();
    int looked = 0;
    for (const Lane& lane : model.lanes()) {
        if (lane.ended || lane.pid <= 0 || lane.tid <= 0)
            continue;
        if (++looked > kMaxThreads)
            break;
        Sample s { t, lane.pid, lane.tid, 0, 0 };
        if (readSchedstat(lane.pid, lane.tid, &s.onCore, &s.queued))
            m_samples.push_back(s);
    }
    if (m_inferGil) {
        // This tick's samples, at the end.
        size_t begin = m_samples.size();
        while (begin > 0 && m_samples[begin - 1].t == t)
            --begin;
        m_live.tick(m_samples.data() + begin, m_samples.data() + m_samples.size(), model);
    }
    if (m_ticks++ % kMemoryEvery != 0)
        return;
    // The memory strip of each process still running, as the scenario runner draws its own.
    for (const ProcessInfo& p : model.processes()) {
        const int main = model.mainLane(p.pid);
        if (p.pid <= 0 || (main >= 0 && model.lane(main).ended))
            continue;
        const qint64 bytes = readResident(p.pid);
        if (bytes > 0)
            m_memory.push_back({ t, p.pid, double(bytes) / (1024.0 * 1024.0) });
    }
}

void GilSampler::StretchFinder::tick(const Sample* begin, const Sample* end, const TraceModel& model)
{
    // Between two ticks, each thread was on a core, queued for one, or asleep for the rest.
    struct Delta
    {
        qint64 pid = 0;
        qint64 tid = 0;
        qint64 onCore = 0;
        qint64 queued = 0;
    };
    if (begin == end)
        return;
    const qint64 t = begin->t;
    std::vector<Delta> deltas;
    QHash<qint64, qint64> onCoreByPid;
    qint64 from = -1;
    for (const Sample* s = begin; s != end; ++s) {
        const auto key = qMakePair(s->pid, s->tid);
        const auto prev = last.constFind(key);
        if (prev != last.constEnd() && s->onCore >= prev->onCore) {
            deltas.push_back({ s->pid, s->tid, s->onCore - prev->onCore, s->queued - prev->queued });
            onCoreByPid[s->pid] += s->onCore - prev->onCore;
            from = prev->t;
        }
        last.insert(key, *s);
    }
    const qint64 dt = t - from;
    if (from < 0 || dt <= 0)
        return;
    for (const Delta& d : deltas) {
        const qint64 asleep = dt - d.onCore - d.queued;
        const qint64 others = onCoreByPid.value(d.pid) - d.onCore;
        // Mostly asleep while its tracer says it runs Python code, and another thread of
        // its process ran meanwhile: it waited for the GIL.
        if (asleep * 2 < dt || others * 4 < dt)
            continue;
        const int lane = model.laneIndex(d.pid, d.tid);
        if (lane < 0 || !runningPython(model.lane(lane), from + dt / 2))
            continue;
        auto& list = stretches[lane];
        if (!list.empty() && list.back().second >= from)
            list.back().second = t;
        else
            list.push_back({ from, t });
    }
}

int GilSampler::apply(TraceModel* model) const
{
    for (const MemorySample& m : m_memory)
        model->addCounter(m.pid, QStringLiteral("memory"), QStringLiteral("MiB"), m.t, m.mib);
    if (!m_inferGil)
        return 0;
    model->gilInferred = true;
    StretchFinder finder;
    size_t begin = 0;
    while (begin < m_samples.size()) {
        size_t end = begin;
        while (end < m_samples.size() && m_samples[end].t == m_samples[begin].t)
            ++end;
        finder.tick(m_samples.data() + begin, m_samples.data() + end, *model);
        begin = end;
    }
    int marked = 0;
    for (auto it = finder.stretches.constBegin(); it != finder.stretches.constEnd(); ++it) {
        model->overlayRunning(it.key(), it.value(), State::WaitingGil);
        marked += int(it.value().size());
    }
    return marked;
}

} // namespace Forkline
