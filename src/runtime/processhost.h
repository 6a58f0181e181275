// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channelevent.h"
#include "scenario.h"

#include <QHash>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace Forkline {

class EventChannel;
class ThreadWorker;

// Everything one scenario process (the runner, or a process worker) does: it runs its
// root flow on the calling thread (the process's real main thread), starts thread workers
// as QThreads, and reports every state change on the event channel.
class ProcessHost
{
public:
    struct Config
    {
        Scenario scenario;
        double timeScale = 1.0; // multiplies every sleep
        QString rootWorker; // empty: this process runs `main`
        qint64 forkFlowId = 0; // for a process worker: the arrow from its parent's fork
        qint64 parentPid = 0;
        qint64 parentTid = 0;
    };

    ProcessHost(Config config, EventChannel* channel);
    ~ProcessHost();

    // Runs the root flow, then Python's interpreter shutdown: waits for non-daemon workers,
    // marks daemon workers killed. Returns the process's exit code. Never returns when the
    // run is aborted (the process exits at once).
    int run();

    // A control line from the collector; called on the channel's I/O thread.
    void control(const QByteArray& line);

    // Executes one worker's steps on the calling thread (used by ThreadWorker::run).
    void runWorker(int workerIndex);

private:
    struct Flow
    {
        qint64 pid = 0;
        qint64 tid = 0;
        int worker = -1; // -1: main
        QHash<QString, QString> vars;
    };
    struct WorkerState
    {
        enum Phase { Idle, Running, Ended };
        Phase phase = Idle;
        qint64 tid = 0;
        qint64 forkFlow = 0;
        qint64 joinFlow = 0;
        qint64 parentPid = 0;
        qint64 parentTid = 0;
        bool joined = false;
        bool stopRequested = false;
        ThreadWorker* thread = nullptr;
    };

    bool runSteps(Flow& flow, const std::vector<Step>& steps);
    bool runStep(Flow& flow, const Step& step);
    bool sleepFor(Flow& flow, double seconds);
    bool startWorker(Flow& flow, const Step& step);
    bool joinWorker(Flow& flow, const Step& step);
    bool input(Flow& flow, const Step& step);
    void failFlow(Flow& flow, const QString& message);
    void finishRoot(Flow& root);
    [[noreturn]] void abortRun();

    QString expand(const Flow& flow, const QString& text) const;
    qint64 newFlowId();

    // Emitters: drop everything once the process is going down, so that no event of a
    // daemon thread can follow its `killed` mark.
    bool emitEvent(ChannelEvent ev);
    // t = 0: now.
    void emitState(const Flow& flow, State s, qint64 t = 0);
    void emitInstant(const Flow& flow, InstantKind kind, const QString& text = {}, qint32 code = 0, qint64 t = 0);
    void emitFlow(const Flow& flow, qint64 id, FlowKind kind, bool start, qint64 t = 0);
    void print(const Flow& flow, const QString& text);

    Config m_config;
    EventChannel* m_channel;
    qint64 m_pid = 0;
    qint64 m_mainTid = 0;
    std::atomic<qint64> m_flowCounter { 0 };

    std::mutex m_emitMutex; // orders stdout and events; guards m_dead
    bool m_dead = false;

    std::mutex m_mutex; // guards m_workers and m_aborting
    std::condition_variable m_wake;
    bool m_aborting = false;
    std::vector<WorkerState> m_workers; // by scenario worker index

    std::mutex m_inputMutex;
};

} // namespace Forkline
