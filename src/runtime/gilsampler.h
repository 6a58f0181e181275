// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>
#include <vector>

namespace Forkline {

class Collector;
class TraceModel;

// The GIL of a Python run, measured rather than modelled: every few milliseconds it reads how
// long each of the run's threads was on a core and how long it waited for one (Linux:
// /proc/PID/task/TID/schedstat). A thread that its tracer reports running Python code but that
// spent most of a sample asleep (neither on a core nor queued for one) while another thread
// of its process ran was waiting for the GIL: at the end of the run those stretches become
// `waiting:gil`. A thread queued for a busy core is not counted: that is the machine, not the
// GIL. Where the system offers no such view (macOS, Windows) it samples nothing.
// docs/python.md says where the inference can be wrong.
class GilSampler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5;
    // Threads looked at per sample at most: a run with thousands of threads is not sampled
    // beyond them, so the window never spends long on it.
    static constexpr int kMaxThreads = 64;

    // Samples `collector`'s run while it runs; a child of it.
    explicit GilSampler(Collector* collector);

    static bool available();
    // Turns the samples into `waiting:gil` stretches of `model` (the collector's, once the run
    // ended), and adds each process's resident memory as its `memory` track (MiB), the strip
    // scenario runs draw. Returns how many stretches it marked.
    int apply(TraceModel* model) const;
    // False for an interpreter without a GIL (free-threaded): apply() infers no GIL waits.
    void setInferGil(bool infer) { m_inferGil = infer; }
    // Resident memory is read every this many samples (20 ms, as the runner's).
    static constexpr int kMemoryEvery = 4;

private:
    void sample();

    struct Sample
    {
        qint64 t = 0;
        qint64 pid = 0;
        qint64 tid = 0;
        qint64 onCore = 0; // ns, since the thread started
        qint64 queued = 0; // ns runnable but waiting for a core
    };
    struct MemorySample
    {
        qint64 t = 0;
        qint64 pid = 0;
        double mib = 0;
    };
    Collector* m_collector = nullptr;
    QTimer m_timer;
    std::vector<Sample> m_samples;
    std::vector<MemorySample> m_memory;
    int m_ticks = 0;
    bool m_inferGil = true;
};

} // namespace Forkline
