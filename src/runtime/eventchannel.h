// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channelevent.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <mutex>

class QLocalSocket;

namespace Forkline {

// The sending end of the event channel, used by a runner or worker process. Any thread
// may call send(); the bytes are written by a private I/O thread that owns the local
// socket, so a flow that sleeps or computes never blocks the others on a socket.
// Control lines from the collector (abort, input, terminate ...) arrive on the same
// socket and are handed to the control callback on the I/O thread.
class EventChannel : public QObject
{
    Q_OBJECT
public:
    explicit EventChannel(QObject* parent = nullptr);
    ~EventChannel() override;

    // Connects to the collector's server; false (with a reason) when it is not there.
    bool open(const QString& serverName, QString* error);
    void send(const ChannelEvent& event);
    // Writes everything queued so far and waits until the socket took it.
    void flush();
    void close();

    // Called on the I/O thread for every control line; must be thread-safe.
    void setControlHandler(std::function<void(const QByteArray&)> handler);

private:
    void writePending();

    QThread m_ioThread;
    QObject* m_io = nullptr; // context object living in m_ioThread
    QLocalSocket* m_socket = nullptr; // lives in m_ioThread
    std::mutex m_mutex;
    QByteArray m_pending;
    bool m_posted = false;
    std::function<void(const QByteArray&)> m_control;
    QByteArray m_readBuffer;
};

} // namespace Forkline
