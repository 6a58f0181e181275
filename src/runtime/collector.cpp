// SPDX-License-Identifier: GPL-3.0-or-later
#include "collector.h"

#include "channelevent.h"
#include "eventchannel.h"
#include "platform.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <algorithm>

#if defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX // the SDK's min and max macros break std::max and numeric_limits<T>::max()
#endif
#include <windows.h>
#elif defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace Forkline {

namespace {
constexpr int kStopGraceMs = 2000;
// The lowest: at +10 each of a run's threads still weighs a tenth of the window's thread, and
// 64 busy ones outweigh it several times over; at +19 they weigh about as much as it together.
constexpr int kLowerPriorityNice = 19;
// Time for applying events per turn of the event loop, and how many lines go between looks
// at the clock (few: a line may grow a lane's vectors, and all lanes of a run grow alike).
constexpr int kIngestBudgetMs = 4;
constexpr int kLinesPerClockLook = 8;
// Passes over the received lines are at least this far apart: a busy run's events come in
// many small reads, and one pass over a few milliseconds' worth costs less than a pass per
// read. A read after a quiet spell is applied at once (a print reaches the window sooner).
constexpr int kIngestDelayMs = 4;
} // namespace

Collector::Collector(QObject* parent)
    : QObject(parent)
{
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, &Collector::killTree);
    // After the runner exits, give its sockets a moment to deliver what is still in flight.
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(kStopGraceMs);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        for (QLocalSocket* s : m_sockets)
            s->abort();
        maybeFinish();
    });
    m_ingestTimer.setSingleShot(true);
    connect(&m_ingestTimer, &QTimer::timeout, this, &Collector::ingest);
    m_sinceIngest.start();
}

Collector::~Collector()
{
    if (m_runner && m_runner->state() != QProcess::NotRunning) {
        m_runner->disconnect(this);
        for (QLocalSocket* s : m_sockets)
            s->write("abort\n");
        for (QLocalSocket* s : m_sockets)
            s->flush();
        if (!m_runner->waitForFinished(kStopGraceMs)) {
            m_runner->kill();
            m_runner->waitForFinished(kStopGraceMs);
        }
    }
}

qint64 Collector::elapsed() const
{
    return m_t0 ? monotonicNs() - m_t0 : 0;
}

TraceModel Collector::takeModel()
{
    TraceModel m = std::move(m_model);
    m_model = TraceModel();
    return m;
}

// Over 80 lines on purpose: a run's start in the order it must happen (server, runner process,
// its priority, its output, its end), each wired to the run before the runner starts.
bool Collector::start(const Launch& launch, QString* error)
{
    if (m_running) {
        *error = tr("a run is already in progress");
        return false;
    }
    // The sockets are the old server's children: let go of them before the server.
    for (QLocalSocket* s : m_sockets) {
        s->disconnect(this);
        delete s;
    }
    m_sockets.clear();
    delete m_server;
    m_server = nullptr;
    if (m_runner)
        m_runner->disconnect(this);
    delete m_runner;
    m_runner = nullptr;
    m_inboxes.clear();
    m_nextInbox = 0;
    m_ingestTimer.stop();
    m_model = TraceModel();
    m_runnerDone = false;
    m_stopping = false;
    m_exitCode = 0;
    m_error.clear();
    m_scenarioData = launch.scenarioData;
    // Another producer (launch.arguments) reads no scenario.
    if (m_scenarioData.isEmpty() && launch.arguments.isEmpty()) {
        ScenarioError readError;
        if (!readScenarioFile(launch.scenario, &m_scenarioData, &readError)) {
            *error = readError.toString();
            return false;
        }
    }

    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    const QString name
        = QStringLiteral("forkline-%1-%2").arg(currentPid()).arg(QRandomGenerator::global()->generate64(), 0, 16);
    // Every process of the run connects, and a thousand may start at once: the system's
    // queue of connections not yet accepted holds them all (Linux caps it at somaxconn).
    m_server->setListenBacklogSize(std::max(m_server->listenBacklogSize(), 4096));
    if (!m_server->listen(name)) {
        *error = tr("cannot open the event channel: %1").arg(m_server->errorString());
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &Collector::onNewConnection);

    m_runner = new QProcess(this);
    m_stopGraceMs = launch.stopGraceMs;
    QStringList args { QStringLiteral("--fl-runner"), channelArgument(), m_server->fullServerName(),
        QStringLiteral("--scenario"), launch.scenario, QStringLiteral("--time-scale"),
        QString::number(launch.options.timeScale, 'g', 17), QStringLiteral("--work-scale"),
        QString::number(launch.options.workScale, 'g', 17) };
    if (launch.options.gil >= 0)
        args << QStringLiteral("--gil") << (launch.options.gil ? QStringLiteral("on") : QStringLiteral("off"));
    if (launch.options.switchInterval > 0)
        args << QStringLiteral("--switch-interval") << QString::number(launch.options.switchInterval, 'g', 17);
    for (auto it = launch.options.daemon.constBegin(); it != launch.options.daemon.constEnd(); ++it)
        args << QStringLiteral("--daemon") << it.key() + (it.value() ? QLatin1String("=on") : QLatin1String("=off"));
    if (!launch.arguments.isEmpty()) {
        args = launch.arguments;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& kv : launch.environment) {
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            if (eq > 0)
                env.insert(kv.left(eq), kv.mid(eq + 1));
        }
        env.insert(QStringLiteral("FORKLINE_CHANNEL"), m_server->fullServerName());
        m_runner->setProcessEnvironment(env);
        if (!launch.workingDirectory.isEmpty())
            m_runner->setWorkingDirectory(launch.workingDirectory);
    }
    if (launch.forwardStdio) {
        m_runner->setProcessChannelMode(QProcess::ForwardedChannels);
        m_runner->setInputChannelMode(QProcess::ForwardedInputChannel);
        // The runner gets our stdin, the null device if it was closed: say it was, so that
        // input() fails as Python's does then.
        if (standardInputWasClosed() && launch.arguments.isEmpty())
            args << QStringLiteral("--fl-stdin-closed");
    } else {
        m_runner->setProcessChannelMode(QProcess::SeparateChannels);
        connect(m_runner, &QProcess::readyReadStandardError, this, [this] {
            const QString text = QString::fromUtf8(m_runner->readAllStandardError());
            if (!text.isEmpty())
                Q_EMIT stderrText(text);
        });
        // The program's printed lines also arrive as print events, tagged with their thread:
        // the raw stdout copy goes nowhere, rather than through this thread to be dropped (a
        // busy run prints tens of thousands of lines a second).
        m_runner->setStandardOutputFile(QProcess::nullDevice());
    }
    if (launch.lowerPriority) {
#if defined(Q_OS_WIN)
        m_runner->setCreateProcessArgumentsModifier(
            [](QProcess::CreateProcessArguments* args) { args->flags |= BELOW_NORMAL_PRIORITY_CLASS; });
#elif defined(Q_OS_UNIX)
        // In the child before exec: the runner, its threads and its processes all inherit it.
        m_runner->setChildProcessModifier([] { [[maybe_unused]] const int niceness = ::nice(kLowerPriorityNice); });
#endif
    }
    connect(m_runner, &QProcess::finished, this, &Collector::onRunnerFinished);
    connect(m_runner, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_error = tr("cannot start the runner: %1").arg(m_runner->errorString());
        m_exitCode = 1;
        m_runnerDone = true;
        maybeFinish();
    });
    const QString program = launch.program.isEmpty() ? QCoreApplication::applicationFilePath() : launch.program;
    m_t0 = monotonicNs();
    m_running = true;
    m_runner->start(program, args);
    m_runnerPid = m_runner->processId();
    return true;
}

void Collector::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    broadcast("abort");
    if (m_runner && m_runner->state() != QProcess::NotRunning)
        m_killTimer.start(m_stopGraceMs);
}

void Collector::killTree()
{
    // Whatever of the run has not gone by itself: the runner or interpreter, every process
    // that reported on the channel, and (where the system can tell) their descendants that
    // never did, such as a program a Python run started.
    QList<qint64> pids;
    if (m_runner && m_runner->state() != QProcess::NotRunning && m_runnerPid > 0) {
        pids << m_runnerPid;
        pids << descendantProcesses(m_runnerPid);
    }
    for (const ProcessInfo& p : m_model.processes()) {
        // A process whose lanes all ended is gone; its pid may already be another's.
        const bool live
            = std::any_of(p.lanes.begin(), p.lanes.end(), [this](int li) { return !m_model.lane(li).ended; });
        if (live && p.pid > 0 && !pids.contains(p.pid)) {
            pids << p.pid;
            pids << descendantProcesses(p.pid);
        }
    }
    for (qint64 pid : std::as_const(pids))
        killProcess(pid);
    if (m_runner && m_runner->state() != QProcess::NotRunning)
        m_runner->kill();
}

void Collector::broadcast(const QByteArray& line)
{
    // Every process of the run hears it; only the one that started the worker acts.
    for (QLocalSocket* s : m_sockets) {
        // A process that has ended but whose end this thread has not seen yet: a write to it
        // fails, and Qt then closes the socket at once, dropping what it had not read (the
        // process's last events). Take those in first; seeing its end, the socket closes.
        if (s->state() == QLocalSocket::ConnectedState)
            s->waitForReadyRead(0);
        if (s->state() == QLocalSocket::ConnectedState) {
            s->write(line + '\n');
            s->flush();
        }
    }
}

void Collector::terminateWorker(const QString& worker)
{
    if (m_running)
        broadcast("terminate " + worker.toUtf8());
}

void Collector::requestStop(const QString& worker)
{
    if (m_running)
        broadcast("stop " + worker.toUtf8());
}

void Collector::sendInput(const QString& line)
{
    if (m_runner && m_runner->state() == QProcess::Running)
        m_runner->write(line.toUtf8() + '\n');
}

void Collector::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        m_sockets.push_back(socket);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            onReadyRead(socket);
            Inbox& inbox = m_inboxes[socket];
            inbox.closedAt = monotonicNs();
            noteClosed(inbox);
            maybeFinish();
        });
        if (m_stopping) {
            socket->write("abort\n");
            socket->flush();
        }
    }
}

void Collector::onReadyRead(QLocalSocket* socket)
{
    // Nothing new, as when Qt closed the socket after a failed write (reading it then warns).
    if (socket->bytesAvailable() <= 0)
        return;
    Inbox& inbox = m_inboxes[socket];
    inbox.data += socket->readAll();
    if (!inbox.greeted)
        answerScenarioRequest(socket, inbox);
    if (!m_ingestTimer.isActive())
        m_ingestTimer.start(int(std::max<qint64>(0, kIngestDelayMs - m_sinceIngest.elapsed())));
}

void Collector::answerScenarioRequest(QLocalSocket* socket, Inbox& inbox)
{
    const QByteArray request = EventChannel::scenarioRequest();
    if (inbox.data.size() < request.size() && request.startsWith(inbox.data))
        return; // the rest of the request is on its way
    inbox.greeted = true;
    // Events are JSON objects: a producer that asks for nothing starts with one.
    if (!inbox.data.startsWith(request))
        return;
    inbox.data.remove(0, request.size());
    socket->write(EventChannel::scenarioReplyHeader(m_scenarioData.size()));
    socket->write(m_scenarioData);
}

void Collector::ingest()
{
    m_ingestTimer.stop();
    QElapsedTimer clock;
    clock.start();
    bool any = false;
    bool more = false;
    int lines = 0;
    // Socket by socket, each in its own order; the model merges them by time. A turn that
    // runs out of time ends at a socket; the next turn starts with the one after it, so a
    // flood from one process does not hold up the others.
    const size_t count = m_sockets.size();
    for (size_t k = 0; k < count && !more; ++k) {
        const size_t index = (m_nextInbox + k) % count;
        auto it = m_inboxes.find(m_sockets[index]);
        if (it == m_inboxes.end())
            continue;
        Inbox& inbox = *it;
        qsizetype nl;
        while ((nl = inbox.data.indexOf('\n', inbox.from)) >= 0) {
            if (++lines % kLinesPerClockLook == 0 && clock.elapsed() >= kIngestBudgetMs) {
                more = true;
                break;
            }
            processLine(QByteArray::fromRawData(inbox.data.constData() + inbox.from, nl - inbox.from), inbox);
            inbox.from = nl + 1;
            any = true;
        }
        // Drop what was applied, but not a line at a time: that would copy the rest each time.
        if (inbox.from > 0 && (inbox.from == inbox.data.size() || inbox.from > inbox.data.size() / 2)) {
            inbox.data.remove(0, inbox.from);
            inbox.from = 0;
        }
        if (more)
            m_nextInbox = (index + 1) % count;
    }
    m_sinceIngest.start();
    if (more)
        m_ingestTimer.start(0);
    if (any)
        Q_EMIT modelUpdated();
    if (!more)
        maybeFinish();
}

void Collector::noteClosed(Inbox& inbox)
{
    if (inbox.pid == 0) {
        // Nothing of it applied yet: its first line says whose it is.
        const qsizetype nl = inbox.data.indexOf('\n', inbox.from);
        ChannelEvent first;
        if (nl < 0 || !ChannelEvent::decode(inbox.data.mid(inbox.from, nl - inbox.from), &first) || first.pid <= 0)
            return;
        inbox.pid = first.pid;
    }
    if (inbox.closedAt < 0)
        return;
    // A socket also closes when its process runs another program (exec) and goes on: only a
    // process that is gone, or a zombie waiting for its parent, ended then. Its files close
    // before it becomes a zombie, so one still on its way out is looked at again shortly.
    const qint64 pid = inbox.pid;
    const qint64 closedAt = inbox.closedAt;
    const auto ended = [this, pid, closedAt] {
        if (!processHasEnded(pid))
            return false;
        if (!m_goneAt.contains(pid))
            m_goneAt.insert(pid, closedAt);
        return true;
    };
    if (ended())
        return;
    for (int ms : { 5, 25, 100, 400, 1000 })
        QTimer::singleShot(ms, this, [ended] { ended(); });
}

void Collector::processLine(const QByteArray& line, Inbox& inbox)
{
    ChannelEvent ev;
    if (!ChannelEvent::decode(line, &ev))
        return; // a torn line from a process that died mid-write
    if (inbox.pid == 0 && ev.pid > 0) {
        inbox.pid = ev.pid;
        m_goneAt.remove(ev.pid); // its pid again, in a new program that reports for itself
    }
    // A process killed by a signal cannot say when it died; its parent says so once it
    // notices (a join, a poll), which may be seconds later. Its socket closed when it died:
    // what others report of it afterwards happened no later than that.
    if (ev.pid != inbox.pid) {
        const auto gone = m_goneAt.constFind(ev.pid);
        if (gone != m_goneAt.constEnd() && ev.t > *gone)
            ev.t = *gone;
    }
    applyEvent(m_model, ev, m_t0);
    if (ev.type == ChannelEvent::Type::Instant && ev.instant == InstantKind::Print) {
        const int lane = m_model.laneIndex(ev.pid, ev.tid);
        Q_EMIT printed(lane, ev.text);
    }
    if (ev.type == ChannelEvent::Type::Instant && ev.instant == InstantKind::Deadlocked)
        Q_EMIT deadlocked(ev.text);
}

void Collector::applyLocal(const ChannelEvent& event)
{
    if (!m_running)
        return;
    applyEvent(m_model, event, m_t0);
    Q_EMIT modelUpdated();
}

void Collector::onRunnerFinished(int exitCode, QProcess::ExitStatus status)
{
    m_runnerDone = true;
    m_exitCode = exitCode;
    m_exitStatus = status;
    if (m_runner) {
        const QString rest = QString::fromUtf8(m_runner->readAllStandardError());
        if (!rest.isEmpty())
            Q_EMIT stderrText(rest);
    }
    m_killTimer.stop();
    // Killed or crashed: the processes it started are still there, and nobody else would end
    // them. They end themselves at once, each marking its own lanes aborted.
    if (status == QProcess::CrashExit && !m_stopping)
        broadcast("abort");
    m_drainTimer.start();
    maybeFinish();
}

void Collector::maybeFinish()
{
    if (!m_running || !m_runnerDone || m_ingestTimer.isActive())
        return;
    for (QLocalSocket* s : m_sockets) {
        if (s->state() != QLocalSocket::UnconnectedState)
            return;
    }
    m_drainTimer.stop();
    m_running = false;
    const qint64 end = std::max(elapsed(), m_model.endTime());
    // Whatever is still open ended with the process: killed by a signal, or stopped. When the
    // runner died by a signal, only its own lanes crashed; those of the processes it started
    // were cut short (a child that crashed by itself was seen, and marked, by the runner).
    for (int i = 0; i < m_model.laneCount(); ++i) {
        const Lane& l = m_model.lane(i);
        if (l.ended)
            continue;
        if (m_exitStatus == QProcess::CrashExit && !m_stopping && l.pid == m_runnerPid)
            m_model.addInstant(i, end, InstantKind::Crashed, {}, m_exitCode);
        else if (m_stopping || m_exitStatus == QProcess::CrashExit)
            m_model.addInstant(i, end, InstantKind::Aborted);
        else // the first process's own exit code is known here, whoever left its lane open
            m_model.addInstant(i, end, InstantKind::End, {}, l.pid == m_runnerPid ? m_exitCode : 0);
    }
    m_model.closeAll(m_model.endTime());
    if (m_exitStatus == QProcess::CrashExit && !m_stopping) {
        m_error = tr("the runner crashed (signal %1)").arg(m_exitCode);
        m_exitCode = 1;
    } else if (m_stopping) {
        m_exitCode = 130;
    }
    Q_EMIT modelUpdated();
    Q_EMIT finished(m_exitCode);
}

} // namespace Forkline
