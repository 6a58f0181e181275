// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "locktable.h"
#include "queuehub.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <functional>

class QLocalServer;
class QLocalSocket;

namespace Forkline {

// Serves the runner's QueueHub (queues and pipes) and its multiprocessing locks to the run's
// process workers over a local socket (a real pipe between processes, as multiprocessing uses
// one). Each request is one short connection, its words in base64 where they are names or text:
//   "send QUEUE FLOW TEXT"                  -> "ok"
//   "recv QUEUE TIMEOUT_MS PID TID WHO NAME" -> "msg FLOW TEXT", "timeout" or "aborted"
//   "acquire LOCK PID TID WHO"              -> ["wait"], then "got PID TID T" (the release that
//                                              freed it; 0 0 0: none) or "aborted"
//   "release LOCK PID TID"                  -> "ok" or "notheld"
//   "waits PID TID WHO SEQ WHY NAMES"       -> "ok" (a wait of the worker's own, WaitForwarder;
//                                              NAMES: whom it waits for, one a line)
//   "unwait TID SEQ"                        -> "ok"
class QueueBroker : public QObject
{
    Q_OBJECT
public:
    // A process worker's flow that blocks in the runner (a recv, an acquire): the runner's wait
    // graph learns of it, so that cycles across processes are found where every such wait is seen.
    struct RemoteWait
    {
        qint64 pid = 0;
        qint64 tid = 0;
        QString who;
        QString queue; // recv: the queue or pipe end, as the scenario names it
        QString lock; // acquire
    };
    // A wait that a process worker's flow waits inside its own process (a join, a lock of its
    // threads, its exit) and that has lasted: whom it waits for, by name, and why. `seq` tells
    // one such report from the next of the same flow.
    struct ForwardedWait
    {
        qint64 pid = 0;
        qint64 tid = 0;
        QString who;
        qint64 seq = 0;
        QString why;
        QStringList waitsFor;
    };
    struct WaitHooks
    {
        std::function<void(const RemoteWait&)> begin;
        std::function<void(qint64 tid)> end;
        std::function<void(const ForwardedWait&)> forwarded;
        std::function<void(qint64 tid, qint64 seq)> unforwarded;
    };

    QueueBroker(QueueHub* hub, LockTable* locks, WaitHooks hooks);
    ~QueueBroker() override;
    bool listen(QString* error);
    QString serverName() const { return m_name; }

private:
    void serve(QLocalSocket* s, const QList<QByteArray>& parts);
    // A receive or an acquire may wait for long: each waits on a thread of its own.
    void receive(QPointer<QLocalSocket> s, const QList<QByteArray>& parts);
    void acquire(QPointer<QLocalSocket> s, const QList<QByteArray>& parts);
    // Writes `reply` to the socket from the broker's thread, if it is still open.
    void answer(QPointer<QLocalSocket> s, const QByteArray& reply);

    QueueHub* m_hub;
    LockTable* m_locks;
    WaitHooks m_hooks;
    QThread m_thread;
    QObject* m_context = nullptr;
    QLocalServer* m_server = nullptr;
    QString m_name;
};

// The process worker's end: blocking calls, usable from any flow thread.
namespace QueueClient {
// Who asks: the flow's process, thread and name, for the runner's wait graph.
struct Caller
{
    qint64 pid = 0;
    qint64 tid = 0;
    QString who;
};
bool send(const QString& server, const QString& queue, const QueueMessage& message, QString* error);
// Tells the runner's wait graph of a wait of this process's own, or that it is over.
bool forwardWait(const QString& server, const Caller& caller, qint64 seq, const QString& why,
    const QStringList& waitsFor, QString* error);
bool forwardUnwait(const QString& server, qint64 tid, qint64 seq, QString* error);
// `name` is what the scenario calls the queue (a pipe end's name, where `queue` is its buffer).
QueueHub::Result recv(const QString& server, const QString& queue, const QString& name, const Caller& caller,
    qint64 timeoutNs, QueueMessage* out, QString* error);
// Takes the multiprocessing lock; `onWait` runs when it is held by another. `*last` is the
// release that freed it. False when the run is stopped or the runner is gone.
bool acquire(const QString& server, const QString& lock, const Caller& caller, const std::function<void()>& onWait,
    LockTable::Release* last, QString* error);
// False (with *held false) when the lock was not held; false with an error when unreachable.
bool release(const QString& server, const QString& lock, const Caller& caller, bool* held, QString* error);
} // namespace QueueClient

} // namespace Forkline
