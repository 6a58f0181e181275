// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Forkline {

class Collector;

// How many cores a run kept busy, and how many other programs took meanwhile, read from the
// CPU time the OS reports for each of the run's threads (Linux: /proc/PID/task/TID/schedstat)
// and for the whole machine (/proc/stat). Lanes say what a thread meant to do ("computing");
// this says what the cores did: with the GIL on, two computing threads share one core.
//
// Every sample becomes a `cores` counter (unit `cores`) per process and one for the whole run
// (pid 0), applied to the collector's model as channel events, so the timeline, the trace
// and its exports carry them like any other counter. The machine's other load is kept as a
// total: a run measured while other programs took the cores has timings nobody should trust.
// Where the system offers no such view it samples nothing and reports no contention.
class CpuSampler : public QObject
{
    Q_OBJECT
public:
    // Fine enough to show a GIL hand-over pattern of a few switch intervals, coarse enough that
    // the kernel's tick-granular accounting of a running thread (up to 4 ms late) stays noise.
    static constexpr int kIntervalMs = 25;
    // Other programs busy for more than this share of one core over the run make its timings
    // unreliable.
    static constexpr double kContendedCores = 0.10;
    static constexpr int kMaxThreads = 256;
    // The longest interval sampling stretches to when a sample itself takes long.
    static constexpr int kMaxIntervalMs = 500;

    // Samples `collector`'s run while it runs; a child of it.
    explicit CpuSampler(Collector* collector);

    static bool available();
    // Averages over the run so far, in cores (1.0: one core busy all the time).
    double runCores() const;
    double otherCores() const;
    bool contended() const { return otherCores() > kContendedCores; }
    // Wall time covered by samples, ns; 0 when nothing was measured.
    qint64 measuredNs() const { return m_lastT - m_firstT; }

    // The machine's busy CPU time (every core, all programs), ns; false where unknown.
    static bool machineBusyNs(qint64* ns);
    // CPU time this process took (all its threads), ns.
    static qint64 ownCpuNs();

private:
    void sample();
    void takeSample(qint64 now);

    Collector* m_collector = nullptr;
    QTimer m_timer;
    QHash<QPair<qint64, qint64>, qint64> m_lastOnCore; // (pid, tid) -> ns on a core
    QSet<qint64> m_ending; // processes whose lanes have all ended: one more sample, of nothing
    QSet<qint64> m_over; // processes whose lanes have all ended, sampled for the last time
    qint64 m_firstT = 0;
    qint64 m_lastT = 0;
    qint64 m_firstMachine = 0;
    qint64 m_lastMachine = 0;
    qint64 m_firstOwn = 0;
    qint64 m_lastOwn = 0;
    qint64 m_runNs = 0; // CPU time of the run's threads since the first sample
    bool m_started = false;
};

} // namespace Forkline
