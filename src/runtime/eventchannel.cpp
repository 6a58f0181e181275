// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventchannel.h"

#include "scenario.h"

#include <QDeadlineTimer>
#include <QLocalSocket>
#include <QThread>
#include <QTimer>
#include <algorithm>

namespace Forkline {

namespace {
// The collector answers within moments, but a thousand processes asking at once on a loaded
// machine (a sanitizer build, say) queue behind each other: 30 s was seen to run out. As
// patient as connecting; only a collector that never answers is given up on.
constexpr int kScenarioWaitMs = 60000;
// A thousand processes starting at once all connect within moments, and a loaded collector
// accepts them a few at a time: a connection that waits in the collector's queue is not a
// collector that is gone, and a process that gave up would lose every event it has.
constexpr int kConnectWaitMs = 60000;
// A busy process sends a few events every few microseconds (a thousand threads starting,
// each reporting its lane, its start and its states): writing each burst at once woke this
// thread and the collector several times per thread started, and those wake-ups took the
// cores the run itself needed. Once a write has gone, what follows within this interval goes
// in the next write; after a quiet spell an event still goes at once. It is far below what
// anyone sees (the window repaints at 60 Hz) and below any sleep a lesson shows.
constexpr int kBatchMs = 1;

} // namespace

EventChannel::EventChannel(QObject* parent)
    : QObject(parent)
{
    m_ioThread.setObjectName(QStringLiteral("forkline-channel"));
    setBatchInterval(kBatchMs);
}

EventChannel::~EventChannel()
{
    close();
}

namespace {
bool connectPatiently(QLocalSocket* socket, const QString& serverName, QString* reason)
{
    QDeadlineTimer deadline(kConnectWaitMs);
    for (;;) {
        socket->connectToServer(serverName, QIODevice::ReadWrite);
        if (socket->waitForConnected(int(std::max<qint64>(1, deadline.remainingTime()))))
            return true;
        // Nobody listens (the collector has ended), or the wait ran out.
        const QLocalSocket::LocalSocketError e = socket->error();
        const bool gone = e == QLocalSocket::ServerNotFoundError || e == QLocalSocket::ConnectionRefusedError;
        if (gone || deadline.hasExpired()) {
            *reason = socket->state() == QLocalSocket::ConnectingState || e == QLocalSocket::UnknownSocketError
                ? EventChannel::tr("the collector did not accept the connection within %1 s").arg(kConnectWaitMs / 1000)
                : socket->errorString();
            socket->abort();
            return false;
        }
        // Its queue was full (the system said try again): again, shortly.
        socket->abort();
        QThread::msleep(20);
    }
}
} // namespace

bool EventChannel::open(const QString& serverName, QString* error, QByteArray* scenario)
{
    m_io = new QObject;
    m_io->moveToThread(&m_ioThread);
    m_ioThread.start();
    bool ok = false;
    QString reason;
    QMetaObject::invokeMethod(
        m_io,
        [&] {
            m_socket = new QLocalSocket;
            m_batchTimer = new QTimer(m_io);
            m_batchTimer->setSingleShot(true);
            m_batchTimer->setTimerType(Qt::PreciseTimer);
            QObject::connect(m_batchTimer, &QTimer::timeout, m_io, [this] { writePending(); });
            ok = connectPatiently(m_socket, serverName, &reason);
            if (!ok)
                return;
            if (scenario) {
                m_socket->write(scenarioRequest());
                ok = receiveScenario(scenario, &reason);
                if (!ok)
                    return;
            }
            QObject::connect(m_socket, &QLocalSocket::readyRead, m_socket, [this] {
                m_readBuffer += m_socket->readAll();
                dispatchControl();
            });
            QObject::connect(m_socket, &QLocalSocket::disconnected, m_socket, [this] {
                // The collector is gone: nobody is left to show or stop this run.
                m_disconnected = true;
                dispatchControl();
            });
        },
        // The lambda runs on the I/O thread: the socket must be created and used there.
        Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = reason;
    return ok;
}

bool EventChannel::receiveScenario(QByteArray* scenario, QString* error)
{
    QDeadlineTimer deadline(kScenarioWaitMs);
    auto readMore = [&] {
        if (!m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            *error = m_socket->state() == QLocalSocket::ConnectedState ? tr("the collector did not send the scenario")
                                                                       : m_socket->errorString();
            return false;
        }
        m_readBuffer += m_socket->readAll();
        return true;
    };
    // Control lines may come first (an abort broadcast while this process was starting): they
    // wait for the control handler.
    QByteArray before;
    qint64 size = -1;
    while (size < 0) {
        const qsizetype nl = m_readBuffer.indexOf('\n');
        if (nl < 0) {
            if (!readMore())
                return false;
            continue;
        }
        const QByteArray line = m_readBuffer.left(nl);
        m_readBuffer.remove(0, nl + 1);
        const QByteArray header = QByteArrayLiteral("scenario ");
        if (!line.startsWith(header)) {
            before += line + '\n';
            continue;
        }
        bool ok = false;
        size = line.mid(header.size()).toLongLong(&ok);
        if (!ok || size < 0 || size > kMaxScenarioFileBytes) {
            *error = tr("the collector sent a malformed scenario header");
            return false;
        }
    }
    m_readBuffer.reserve(qsizetype(size) + 1024);
    while (m_readBuffer.size() < size) {
        if (!readMore())
            return false;
    }
    *scenario = m_readBuffer.left(qsizetype(size));
    m_readBuffer.remove(0, qsizetype(size));
    m_readBuffer.prepend(before);
    return true;
}

void EventChannel::setControlHandler(std::function<void(const QByteArray&)> handler)
{
    if (!m_io) {
        m_control = std::move(handler);
        return;
    }
    // Set on the I/O thread, which is the only one to call it, and handed what is waiting.
    QMetaObject::invokeMethod(
        m_io,
        [this, handler = std::move(handler)] {
            m_control = handler;
            dispatchControl();
        },
        Qt::QueuedConnection);
}

void EventChannel::dispatchControl()
{
    if (!m_control)
        return;
    qsizetype nl;
    while ((nl = m_readBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_readBuffer.left(nl);
        m_readBuffer.remove(0, nl + 1);
        m_control(line);
    }
    if (m_disconnected) {
        m_disconnected = false;
        m_control(QByteArrayLiteral("abort"));
    }
}

void EventChannel::send(const ChannelEvent& event)
{
    const QByteArray line = event.encode();
    // A printed line is on stdout already: its mark does not wait for the batch, or a
    // terminate() within the interval would leave a line on the console that the trace lacks.
    const bool urgent = event.type == ChannelEvent::Type::Instant && event.instant == InstantKind::Print;
    bool post = false;
    bool postNow = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending += line;
        m_pending += '\n';
        if (!m_posted) {
            m_posted = true;
            post = true;
        }
        if (urgent && !m_urgentPosted) {
            m_urgentPosted = true;
            postNow = true;
        }
    }
    // One wake-up per burst, not per event.
    if (post && !postNow && m_io)
        QMetaObject::invokeMethod(
            m_io, [this] { writeSoon(); }, Qt::QueuedConnection);
    if (postNow && m_io)
        QMetaObject::invokeMethod(
            m_io, [this] { writePending(); }, Qt::QueuedConnection);
}

void EventChannel::writeSoon()
{
    const int batchMs = m_batchMs;
    const qint64 since = m_sinceWrite.isValid() ? m_sinceWrite.elapsed() : batchMs;
    if (since >= batchMs)
        writePending();
    else if (m_batchTimer && !m_batchTimer->isActive())
        m_batchTimer->start(int(batchMs - since));
}

void EventChannel::writePending()
{
    QByteArray data;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        data.swap(m_pending);
        m_posted = false;
        m_urgentPosted = false;
    }
    if (m_batchTimer)
        m_batchTimer->stop();
    if (!data.isEmpty() && m_socket && m_socket->state() == QLocalSocket::ConnectedState) {
        m_socket->write(data);
        m_sinceWrite.start();
    }
}

void EventChannel::flush()
{
    if (!m_io || !m_ioThread.isRunning())
        return;
    auto drain = [this] {
        writePending();
        while (m_socket && m_socket->state() == QLocalSocket::ConnectedState && m_socket->bytesToWrite() > 0) {
            if (!m_socket->waitForBytesWritten(2000))
                break;
        }
    };
    // A control handler (abort) flushes from the I/O thread itself.
    if (QThread::currentThread() == &m_ioThread)
        drain();
    else
        QMetaObject::invokeMethod(m_io, drain, Qt::BlockingQueuedConnection);
}

void EventChannel::close()
{
    if (!m_ioThread.isRunning())
        return;
    flush();
    QMetaObject::invokeMethod(
        m_io,
        [this] {
            if (m_socket)
                m_socket->disconnect();
            if (m_socket)
                m_socket->disconnectFromServer();
            delete m_socket;
            m_socket = nullptr;
            m_batchTimer = nullptr; // a child of m_io
            delete m_io;
            m_io = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_ioThread.quit();
    m_ioThread.wait();
}

} // namespace Forkline
