// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventchannel.h"

#include <QLocalSocket>

namespace Forkline {

EventChannel::EventChannel(QObject* parent)
    : QObject(parent)
{
    m_ioThread.setObjectName(QStringLiteral("forkline-channel"));
}

EventChannel::~EventChannel()
{
    close();
}

bool EventChannel::open(const QString& serverName, QString* error)
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
            m_socket->connectToServer(serverName, QIODevice::ReadWrite);
            ok = m_socket->waitForConnected(10000);
            if (!ok) {
                reason = m_socket->errorString();
                return;
            }
            QObject::connect(m_socket, &QLocalSocket::readyRead, m_socket, [this] {
                m_readBuffer += m_socket->readAll();
                int nl;
                while ((nl = m_readBuffer.indexOf('\n')) >= 0) {
                    const QByteArray line = m_readBuffer.left(nl);
                    m_readBuffer.remove(0, nl + 1);
                    if (m_control)
                        m_control(line);
                }
            });
            QObject::connect(m_socket, &QLocalSocket::disconnected, m_socket, [this] {
                // The collector is gone: nobody is left to show or stop this run.
                if (m_control)
                    m_control(QByteArrayLiteral("abort"));
            });
        },
        // The lambda runs on the I/O thread: the socket must be created and used there.
        Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = reason;
    return ok;
}

void EventChannel::setControlHandler(std::function<void(const QByteArray&)> handler)
{
    m_control = std::move(handler);
}

void EventChannel::send(const ChannelEvent& event)
{
    const QByteArray line = event.encode();
    bool post = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending += line;
        m_pending += '\n';
        if (!m_posted) {
            m_posted = true;
            post = true;
        }
    }
    // One wake-up per burst, not per event.
    if (post && m_io)
        QMetaObject::invokeMethod(
            m_io, [this] { writePending(); }, Qt::QueuedConnection);
}

void EventChannel::writePending()
{
    QByteArray data;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        data.swap(m_pending);
        m_posted = false;
    }
    if (!data.isEmpty() && m_socket && m_socket->state() == QLocalSocket::ConnectedState)
        m_socket->write(data);
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
            delete m_io;
            m_io = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_ioThread.quit();
    m_ioThread.wait();
}

} // namespace Forkline
