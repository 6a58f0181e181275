// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuebroker.h"

#include "platform.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
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

QueueBroker::QueueBroker(QueueHub* hub)
    : m_hub(hub)
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
                        if (!s->canReadLine())
                            return;
                        const QList<QByteArray> parts = s->readLine().trimmed().split(' ');
                        if (parts.size() == 4 && parts[0] == "send") {
                            m_hub->send(unb64(parts[1]), { parts[2].toLongLong(), unb64(parts[3]) });
                            s->write("ok\n");
                        } else if (parts.size() == 3 && parts[0] == "recv") {
                            // A receive may wait for long: wait on a thread of its own and
                            // answer from the broker's thread.
                            const QString queue = unb64(parts[1]);
                            const qint64 timeoutMs = parts[2].toLongLong();
                            QPointer<QLocalSocket> guard(s);
                            std::thread([this, guard, queue, timeoutMs] {
                                QueueMessage m;
                                const auto r = m_hub->recv(queue, timeoutMs < 0 ? -1 : timeoutMs * 1000000, &m, {});
                                QByteArray reply = r == QueueHub::Result::Received
                                    ? "msg " + QByteArray::number(m.flowId) + ' ' + b64(m.text) + '\n'
                                    : r == QueueHub::Result::TimedOut ? QByteArray("timeout\n")
                                                                      : QByteArray("aborted\n");
                                QMetaObject::invokeMethod(m_context, [guard, reply] {
                                    if (guard)
                                        guard->write(reply);
                                });
                            }).detach();
                        } else {
                            s->write("error\n");
                        }
                    });
                }
            });
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

namespace QueueClient {

namespace {
bool request(const QString& server, const QByteArray& line, int timeoutMs, QByteArray* reply, QString* error)
{
    QLocalSocket s;
    s.connectToServer(server);
    if (!s.waitForConnected(5000)) {
        *error = s.errorString();
        return false;
    }
    s.write(line + '\n');
    s.waitForBytesWritten(5000);
    while (!s.canReadLine()) {
        if (!s.waitForReadyRead(timeoutMs)) {
            *error = s.errorString();
            return false;
        }
    }
    *reply = s.readLine().trimmed();
    return true;
}
} // namespace

bool send(const QString& server, const QString& queue, const QueueMessage& message, QString* error)
{
    QByteArray reply;
    return request(server, "send " + b64(queue) + ' ' + QByteArray::number(message.flowId) + ' ' + b64(message.text),
               10000, &reply, error)
        && reply == "ok";
}

QueueHub::Result recv(const QString& server, const QString& queue, qint64 timeoutNs, QueueMessage* out, QString* error)
{
    QByteArray reply;
    const qint64 timeoutMs = timeoutNs < 0 ? -1 : timeoutNs / 1000000;
    if (!request(server, "recv " + b64(queue) + ' ' + QByteArray::number(timeoutMs), -1, &reply, error))
        return QueueHub::Result::Aborted;
    const QList<QByteArray> parts = reply.split(' ');
    if (parts.size() == 3 && parts[0] == "msg") {
        out->flowId = parts[1].toLongLong();
        out->text = unb64(parts[2]);
        return QueueHub::Result::Received;
    }
    return reply == "timeout" ? QueueHub::Result::TimedOut : QueueHub::Result::Aborted;
}

} // namespace QueueClient

} // namespace Forkline
