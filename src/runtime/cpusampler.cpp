// SPDX-License-Identifier: GPL-3.0-or-later
#include "cpusampler.h"

#include "channelevent.h"
#include "collector.h"
#include "platform.h"
#include "tracemodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QThread>
#include <algorithm>
#include <ctime>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

namespace Forkline {

namespace {
bool readOnCore(qint64 pid, const QString& tid, qint64* onCore)
{
    QFile f(QStringLiteral("/proc/%1/task/%2/schedstat").arg(pid).arg(tid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.read(128);
    const qsizetype space = text.indexOf(' ');
    bool ok = false;
    *onCore = text.left(space).toLongLong(&ok);
    return ok;
}
} // namespace

CpuSampler::CpuSampler(Collector* collector)
    : QObject(collector)
    , m_collector(collector)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &CpuSampler::sample);
    connect(collector, &Collector::finished, &m_timer, &QTimer::stop);
    if (available())
        m_timer.start();
}

bool CpuSampler::available()
{
#if defined(Q_OS_LINUX)
    return QFile::exists(QStringLiteral("/proc/self/task")) && QFile::exists(QStringLiteral("/proc/stat"));
#else
    return false;
#endif
}

bool CpuSampler::machineBusyNs(qint64* ns)
{
#if defined(Q_OS_LINUX)
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> fields = f.readLine().simplified().split(' ');
    // cpu user nice system idle iowait irq softirq steal (guest time is inside user already)
    if (fields.size() < 9 || fields[0] != "cpu")
        return false;
    qint64 ticks = 0;
    for (int i : { 1, 2, 3, 6, 7, 8 })
        ticks += fields[i].toLongLong();
    const long hz = sysconf(_SC_CLK_TCK);
    *ns = ticks * (1000000000LL / (hz > 0 ? hz : 100));
    return true;
#else
    Q_UNUSED(ns);
    return false;
#endif
}

qint64 CpuSampler::ownCpuNs()
{
#if defined(CLOCK_PROCESS_CPUTIME_ID)
    timespec ts {};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == 0)
        return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
#endif
    return 0;
}

double CpuSampler::runCores() const
{
    const qint64 wall = measuredNs();
    return wall > 0 ? double(m_runNs) / double(wall) : 0;
}

double CpuSampler::otherCores() const
{
    const qint64 wall = measuredNs();
    if (wall <= 0)
        return 0;
    // What the machine did, less the run and Forkline itself (the window drawing the run).
    const qint64 other = (m_lastMachine - m_firstMachine) - m_runNs - (m_lastOwn - m_firstOwn);
    return std::max<qint64>(other, 0) / double(wall);
}

void CpuSampler::sample()
{
    if (!m_collector->isRunning())
        return;
    const qint64 now = monotonicNs();
    takeSample(now);
    // The collector's event loop also answers the run's processes: sampling may take a fifth
    // of it at most, however many threads there are and however slow the machine is today.
    const qint64 tookMs = (monotonicNs() - now) / 1000000;
    m_timer.setInterval(int(std::clamp<qint64>(tookMs * 5, kIntervalMs, kMaxIntervalMs)));
}

void CpuSampler::takeSample(qint64 now)
{
    qint64 machine = 0;
    if (!machineBusyNs(&machine))
        return;
    const qint64 own = ownCpuNs();
    const qint64 self = QCoreApplication::applicationPid();
    const TraceModel& model = m_collector->model();
    QHash<qint64, qint64> busyByPid;
    int looked = 0;
    for (const ProcessInfo& proc : model.processes()) {
        if (proc.pid <= 0 || proc.pid == self || m_over.contains(proc.pid))
            continue;
        // A process whose lanes have all ended gets two last samples and is left alone after:
        // a run of a thousand short processes must not cost a thousand folders read every
        // 25 ms. The first is what it ran since the previous sample, which is rarely nothing
        // (it ran up to its end); the second is nothing, without a look, so that its strip
        // ends at zero instead of keeping that last rate for the rest of the run.
        if (m_ending.remove(proc.pid)) {
            m_over.insert(proc.pid);
            busyByPid.insert(proc.pid, 0);
            continue;
        }
        if (!proc.lanes.empty()
            && std::all_of(proc.lanes.begin(), proc.lanes.end(), [&](int l) { return model.lane(l).ended; }))
            m_ending.insert(proc.pid);
        qint64& busy = busyByPid[proc.pid];
        if (looked >= kMaxThreads)
            continue;
        const QStringList tids
            = QDir(QStringLiteral("/proc/%1/task").arg(proc.pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& tid : tids) {
            if (++looked > kMaxThreads)
                break;
            qint64 onCore = 0;
            if (!readOnCore(proc.pid, tid, &onCore))
                continue;
            // A thread first seen now ran all its time within the run: its processes are the run's.
            qint64& last = m_lastOnCore[qMakePair(proc.pid, tid.toLongLong())];
            busy += std::max<qint64>(onCore - last, 0);
            last = onCore;
        }
    }
    if (!m_started) {
        m_started = true;
        m_firstT = m_lastT = now;
        m_firstMachine = m_lastMachine = machine;
        m_firstOwn = m_lastOwn = own;
        return; // the baseline: what came before is not a rate over a known time
    }
    const double dt = double(now - m_lastT);
    if (dt <= 0)
        return;
    qint64 total = 0;
    const int cpus = std::max(QThread::idealThreadCount(), 1);
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::Counter;
    ev.t = now;
    ev.name = QStringLiteral("cores busy"); // not the unit: a trace keeps a unit only apart from the name
    ev.text = QStringLiteral("cores");
    for (auto it = busyByPid.constBegin(); it != busyByPid.constEnd(); ++it) {
        total += it.value();
        ev.pid = it.key();
        ev.tid = it.key();
        // A process first seen now brings all its CPU time into one sample: no more than the
        // machine has cores, or one start-up would set the strip's scale.
        ev.value = std::min(it.value() / dt, double(cpus));
        m_collector->applyLocal(ev);
    }
    ev.pid = 0;
    ev.tid = 0;
    ev.value = std::min(total / dt, double(cpus));
    m_collector->applyLocal(ev);
    m_runNs += total;
    m_lastT = now;
    m_lastMachine = machine;
    m_lastOwn = own;
}

} // namespace Forkline
