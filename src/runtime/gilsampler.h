// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPair>
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

    // Lane index -> [from, to) stretches of `waiting:gil`, sorted.
    using Stretches = QHash<int, std::vector<std::pair<qint64, qint64>>>;
    // The GIL waits seen so far while the run is on, for a live view to draw over the
    // collector's model (which stays as the threads reported it: a state that arrives late
    // must still find its place). apply() infers them again from every sample once the run
    // has ended, against the model as it is then.
    const Stretches& liveStretches() const { return m_live.stretches; }
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
    // Turns ticks of samples (one time for every thread) into GIL stretches, one tick after
    // another: at the end of the run over all of them, and while it runs over each new one.
    struct StretchFinder
    {
        // The samples of one tick, [begin, end), against `model` as it is.
        void tick(const Sample* begin, const Sample* end, const TraceModel& model);
        QHash<QPair<qint64, qint64>, Sample> last; // pid, tid -> its previous sample
        Stretches stretches;
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
    StretchFinder m_live;
};

} // namespace Forkline
