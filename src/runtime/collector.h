// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"
#include "tracemodel.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <memory>
#include <vector>

class QLocalServer;
class QLocalSocket;

namespace Forkline {
struct ChannelEvent;
}

namespace Forkline {

// The receiving end of a run: starts the runner process (this program in runner mode),
// accepts an event-channel connection from it and from every process it starts, and merges
// their events into one TraceModel. Lives on the GUI (or CLI) thread.
class Collector : public QObject
{
    Q_OBJECT
public:
    // The runner's process id once started (0 before): what a test kills to play a crash.
    qint64 runnerPid() const { return m_runnerPid; }
    struct Launch
    {
        QString scenario; // built-in name or .json path
        // The scenario's bytes as the caller checked them; empty: start() reads `scenario`.
        // Every process of the run gets them from here, never from the file (EventChannel).
        QByteArray scenarioData;
        RunOptions options;
        // CLI: the runner's stdin/stdout/stderr are this process's own. GUI: captured.
        bool forwardStdio = false;
        QString program; // defaults to this executable
        // The run's processes at a lower scheduling priority than this one (nice +19; below
        // normal on Windows), so that a run keeping every core busy cannot starve the window
        // that draws it. Off where the run is measured against the machine (compare).
        bool lowerPriority = false;
        // Another producer of channel events in place of the runner (a Python interpreter
        // with the tracer): when set, `program` is started with exactly these arguments, in
        // `workingDirectory` (empty: this process's), with `environment` ("NAME=value") added
        // to this process's own and the channel's name in FORKLINE_CHANNEL.
        QStringList arguments;
        QStringList environment;
        QString workingDirectory;
        // After Stop, how long the run's processes get to end themselves before every one of
        // them still alive is killed. A producer that does not listen for `abort` needs none.
        int stopGraceMs = 2000;
    };

    explicit Collector(QObject* parent = nullptr);
    ~Collector() override;

    bool start(const Launch& launch, QString* error);
    // Ends the run: every lane still open ends `aborted`, every process goes within 2 s.
    void stop();
    // A line typed by the user for a worker waiting in `input`.
    void sendInput(const QString& line);
    // Terminates a running process worker (SIGTERM, SIGKILL after 2 s), as its step would.
    void terminateWorker(const QString& worker);
    // Asks a thread worker to stop at its next step boundary (threads cannot be killed).
    void requestStop(const QString& worker);

    bool isRunning() const { return m_running; }
    const TraceModel& model() const { return m_model; }
    TraceModel takeModel();
    // Nanoseconds since the run started (for drawing spans that are still open).
    qint64 elapsed() const;
    int exitCode() const { return m_exitCode; }
    QString errorText() const { return m_error; }

    // An event measured by the collector itself (the OS's view of the run's threads), applied
    // as if a process had sent it on the channel. Only while the run is on.
    void applyLocal(const ChannelEvent& event);

    static QString channelArgument() { return QStringLiteral("--fl-channel"); }

Q_SIGNALS:
    // A batch of events was applied to model(). Emitted at most once per slice of work; a
    // view should coalesce repaints on a timer.
    void modelUpdated();
    void printed(int lane, const QString& text);
    void stderrText(const QString& text);
    void finished(int exitCode);
    // A cycle of waits was found in the run; `cycle` names it. The run goes on (its lanes
    // blocked for good) until stopped, so that it can be looked at.
    void deadlocked(const QString& cycle);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket* socket);
    // Applies received lines for a few milliseconds; what is left waits for the next turn
    // of the event loop, so a flood of events never freezes the window that shows them.
    void ingest();
    struct Inbox;
    void processLine(const QByteArray& line, Inbox& inbox);
    // A socket closed: when the process that wrote on it has ended (it died, and could not
    // say when), what others report of its end is placed at that moment (see processLine).
    void noteClosed(Inbox& inbox);
    void onRunnerFinished(int exitCode, QProcess::ExitStatus status);
    void maybeFinish();
    void broadcast(const QByteArray& line);
    // Kills the run's first process and everything it started that is still there.
    void killTree();

    QLocalServer* m_server = nullptr;
    QByteArray m_scenarioData;
    QProcess* m_runner = nullptr;
    qint64 m_runnerPid = 0; // kept after the process object has gone, to tell its lanes apart
    std::vector<QLocalSocket*> m_sockets;
    // Bytes received from one socket; everything before `from` has been applied.
    struct Inbox
    {
        QByteArray data;
        qsizetype from = 0;
        bool greeted = false; // past the first bytes, where a scenario request can be
        qint64 pid = 0; // of the process writing on it: its first event's
        qint64 closedAt = -1; // monotonic ns when the socket closed
    };
    // Answers a scenario process's request for the run's scenario, which comes first.
    void answerScenarioRequest(QLocalSocket* socket, Inbox& inbox);
    QHash<QLocalSocket*, Inbox> m_inboxes;
    // Processes whose socket closed as they died: pid -> monotonic ns of that moment.
    QHash<qint64, qint64> m_goneAt;
    size_t m_nextInbox = 0; // index into m_sockets where the next turn starts
    QTimer m_ingestTimer;
    QElapsedTimer m_sinceIngest; // since the last pass ended: a read after a quiet spell goes at once
    TraceModel m_model;
    qint64 m_t0 = 0;
    bool m_running = false;
    bool m_runnerDone = false;
    bool m_stopping = false;
    int m_exitCode = 0;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
    QString m_error;
    QTimer m_killTimer;
    QTimer m_drainTimer;
    int m_stopGraceMs = 2000;
};

} // namespace Forkline
