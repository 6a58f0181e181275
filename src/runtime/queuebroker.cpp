// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuebroker.h"

#include "platform.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <thread>

namespace Forkline {

namespace {
QByteArray b64(const QString& s)
{
    return s.toUtf8().toBase64();
}
QString unb64(const QByteArray& b)
{
    return QString::fromUtf8(QByteArray::fromBase64(b));
}
} // namespace

QueueBroker::QueueBroker(QueueHub* hub, LockTable* locks, WaitHooks hooks)
    : m_hub(hub)
    , m_locks(locks)
    , m_hooks(std::move(hooks))
{
    m_thread.setObjectName(QStringLiteral("forkline-queues"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

QueueBroker::~QueueBroker()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool QueueBroker::listen(QString* error)
{
    bool ok = false;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            m_server = new QLocalServer(m_context);
            m_server->setSocketOptions(QLocalServer::UserAccessOption);
            const QString name = QStringLiteral("forkline-q-%1-%2")
                                     .arg(currentPid())
                                     .arg(QRandomGenerator::global()->generate64(), 0, 16);
            ok = m_server->listen(name);
            if (!ok) {
                *error = m_server->errorString();
                return;
            }
            m_name = m_server->fullServerName();
            QObject::connect(m_server, &QLocalServer::newConnection, m_context, [this] {
                while (QLocalSocket* s = m_server->nextPendingConnection()) {
                    QObject::connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
                    QObject::connect(s, &QLocalSocket::readyRead, s, [this, s] {
                        if (s->canReadLine())
                            serve(s, s->readLine().trimmed().split(' '));
                    });
                }
            });
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

void QueueBroker::serve(QLocalSocket* s, const QList<QByteArray>& parts)
{
    if (parts.size() == 4 && parts[0] == "send") {
        m_hub->send(unb64(parts[1]), { parts[2].toLongLong(), unb64(parts[3]) });
        s->write("ok\n");
    } else if (parts.size() == 7 && parts[0] == "recv") {
        receive(s, parts);
    } else if (parts.size() == 5 && parts[0] == "acquire") {
        acquire(s, parts);
    } else if (parts.size() == 4 && parts[0] == "release") {
        const auto r
            = m_locks->releaseChecked(unb64(parts[1]), parts[3].toLongLong(), monotonicNs(), parts[2].toLongLong());
        s->write(r == LockTable::Result::Released ? "ok\n" : "notheld\n");
    } else if (parts.size() == 7 && parts[0] == "waits") {
        ForwardedWait w { parts[1].toLongLong(), parts[2].toLongLong(), unb64(parts[3]), parts[4].toLongLong(),
            unb64(parts[5]), {} };
        const QString names = parts[6] == "-" ? QString() : unb64(parts[6]);
        if (!names.isEmpty())
            w.waitsFor = names.split(QLatin1Char('\n'));
        if (m_hooks.forwarded)
            m_hooks.forwarded(w);
        s->write("ok\n");
    } else if (parts.size() == 3 && parts[0] == "unwait") {
        if (m_hooks.unforwarded)
            m_hooks.unforwarded(parts[1].toLongLong(), parts[2].toLongLong());
        s->write("ok\n");
    } else {
        s->write("error\n");
    }
}

void QueueBroker::answer(QPointer<QLocalSocket> s, const QByteArray& reply)
{
    QMetaObject::invokeMethod(m_context, [s, reply] {
        if (s)
            s->write(reply);
    });
}

void QueueBroker::receive(QPointer<QLocalSocket> s, const QList<QByteArray>& parts)
{
    const QString queue = unb64(parts[1]);
    const qint64 timeoutMs = parts[2].toLongLong();
    RemoteWait wait { parts[3].toLongLong(), parts[4].toLongLong(), unb64(parts[5]), unb64(parts[6]), {} };
    std::thread([this, s, queue, timeoutMs, wait] {
        QueueMessage m;
        // A receive with a timeout ends by itself: never part of a deadlock.
        const bool graph = timeoutMs < 0 && m_hooks.begin;
        const auto onWait = [&] {
            if (graph)
                m_hooks.begin(wait);
        };
        const auto r = m_hub->recv(queue, timeoutMs < 0 ? -1 : timeoutMs * 1000000, &m, onWait, wait.tid);
        if (graph)
            m_hooks.end(wait.tid);
        answer(s,
            r == QueueHub::Result::Received       ? "msg " + QByteArray::number(m.flowId) + ' ' + b64(m.text) + '\n'
                : r == QueueHub::Result::TimedOut ? QByteArray("timeout\n")
                                                  : QByteArray("aborted\n"));
    }).detach();
}

void QueueBroker::acquire(QPointer<QLocalSocket> s, const QList<QByteArray>& parts)
{
    const QString lock = unb64(parts[1]);
    RemoteWait wait { parts[2].toLongLong(), parts[3].toLongLong(), unb64(parts[4]), {}, lock };
    std::thread([this, s, wait] {
        quint64 generation = 0;
        LockTable::Release last;
        bool waited = false;
        // Whoever asks first after a release gets it, as with the POSIX semaphore behind a
        // multiprocessing.Lock: no queue of waiters, no hand-over.
        while (!m_locks->tryAcquire(wait.lock, wait.tid, &generation, &last)) {
            if (!waited) {
                waited = true;
                answer(s, "wait\n");
                if (m_hooks.begin)
                    m_hooks.begin(wait);
            }
            if (!m_locks->waitRelease(wait.lock, generation)) {
                if (m_hooks.end)
                    m_hooks.end(wait.tid);
                answer(s, "aborted\n");
                return;
            }
        }
        if (waited && m_hooks.end)
            m_hooks.end(wait.tid);
        const qint64 pid = last.tid == 0 ? 0 : last.pid != 0 ? last.pid : currentPid();
        answer(s,
            "got " + QByteArray::number(pid) + ' ' + QByteArray::number(last.tid) + ' ' + QByteArray::number(last.t)
                + '\n');
    }).detach();
}

namespace QueueClient {

namespace {
bool connectAndWrite(QLocalSocket& s, const QString& server, const QByteArray& line, QString* error)
{
    s.connectToServer(server);
    if (!s.waitForConnected(5000)) {
        *error = s.errorString();
        return false;
    }
    s.write(line + '\n');
    s.waitForBytesWritten(5000);
    return true;
}

bool readReply(QLocalSocket& s, int timeoutMs, QByteArray* reply, QString* error)
{
    while (!s.canReadLine()) {
        if (!s.waitForReadyRead(timeoutMs)) {
            *error = s.errorString();
            return false;
        }
    }
    *reply = s.readLine().trimmed();
    return true;
}

bool request(const QString& server, const QByteArray& line, int timeoutMs, QByteArray* reply, QString* error)
{
    QLocalSocket s;
    return connectAndWrite(s, server, line, error) && readReply(s, timeoutMs, reply, error);
}

QByteArray callerWords(const Caller& c)
{
    return QByteArray::number(c.pid) + ' ' + QByteArray::number(c.tid) + ' ' + b64(c.who);
}
} // namespace

bool send(const QString& server, const QString& queue, const QueueMessage& message, QString* error)
{
    QByteArray reply;
    return request(server, "send " + b64(queue) + ' ' + QByteArray::number(message.flowId) + ' ' + b64(message.text),
               10000, &reply, error)
        && reply == "ok";
}

QueueHub::Result recv(const QString& server, const QString& queue, const QString& name, const Caller& caller,
    qint64 timeoutNs, QueueMessage* out, QString* error)
{
    QByteArray reply;
    const qint64 timeoutMs = timeoutNs < 0 ? -1 : timeoutNs / 1000000;
    if (!request(server,
            "recv " + b64(queue) + ' ' + QByteArray::number(timeoutMs) + ' ' + callerWords(caller) + ' ' + b64(name),
            -1, &reply, error))
        return QueueHub::Result::Aborted;
    const QList<QByteArray> parts = reply.split(' ');
    if (parts.size() == 3 && parts[0] == "msg") {
        out->flowId = parts[1].toLongLong();
        out->text = unb64(parts[2]);
        return QueueHub::Result::Received;
    }
    return reply == "timeout" ? QueueHub::Result::TimedOut : QueueHub::Result::Aborted;
}

bool acquire(const QString& server, const QString& lock, const Caller& caller, const std::function<void()>& onWait,
    LockTable::Release* last, QString* error)
{
    QLocalSocket s;
    QByteArray reply;
    if (!connectAndWrite(s, server, "acquire " + b64(lock) + ' ' + callerWords(caller), error)
        || !readReply(s, -1, &reply, error))
        return false;
    if (reply == "wait") {
        if (onWait)
            onWait();
        if (!readReply(s, -1, &reply, error))
            return false;
    }
    const QList<QByteArray> parts = reply.split(' ');
    if (parts.size() != 4 || parts[0] != "got")
        return false;
    *last = { parts[2].toLongLong(), parts[3].toLongLong(), parts[1].toLongLong() };
    return true;
}

bool forwardWait(const QString& server, const Caller& caller, qint64 seq, const QString& why,
    const QStringList& waitsFor, QString* error)
{
    QByteArray reply;
    // No word of a request may be empty: the line is split at its spaces.
    const QByteArray names = waitsFor.isEmpty() ? QByteArrayLiteral("-") : b64(waitsFor.join(QLatin1Char('\n')));
    return request(server,
               "waits " + callerWords(caller) + ' ' + QByteArray::number(seq) + ' ' + b64(why) + ' ' + names, 10000,
               &reply, error)
        && reply == "ok";
}

bool forwardUnwait(const QString& server, qint64 tid, qint64 seq, QString* error)
{
    QByteArray reply;
    return request(server, "unwait " + QByteArray::number(tid) + ' ' + QByteArray::number(seq), 10000, &reply, error)
        && reply == "ok";
}

bool release(const QString& server, const QString& lock, const Caller& caller, bool* held, QString* error)
{
    QByteArray reply;
    *held = true;
    if (!request(server,
            "release " + b64(lock) + ' ' + QByteArray::number(caller.pid) + ' ' + QByteArray::number(caller.tid), 10000,
            &reply, error))
        return false;
    *held = reply == "ok";
    return *held;
}

} // namespace QueueClient

} // namespace Forkline
