// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queuehub.h"

#include <QObject>
#include <QString>
#include <QThread>

class QLocalServer;

namespace Forkline {

// Serves the runner's QueueHub to the run's process workers over a local socket (a real
// pipe between processes, as multiprocessing.Queue uses one). Each request is one short
// connection: "send QUEUE FLOW TEXT" or "recv QUEUE TIMEOUT_MS" (QUEUE and TEXT in base64),
// answered by "ok", "msg FLOW TEXT", "timeout" or "aborted".
class QueueBroker : public QObject
{
    Q_OBJECT
public:
    explicit QueueBroker(QueueHub* hub);
    ~QueueBroker() override;
    bool listen(QString* error);
    QString serverName() const { return m_name; }

private:
    QueueHub* m_hub;
    QThread m_thread;
    QObject* m_context = nullptr;
    QLocalServer* m_server = nullptr;
    QString m_name;
};

// The process worker's end: blocking calls, usable from any flow thread.
namespace QueueClient {
bool send(const QString& server, const QString& queue, const QueueMessage& message, QString* error);
QueueHub::Result recv(const QString& server, const QString& queue, qint64 timeoutNs, QueueMessage* out, QString* error);
} // namespace QueueClient

} // namespace Forkline
