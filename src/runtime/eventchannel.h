// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channelevent.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <functional>
#include <mutex>

class QLocalSocket;
class QTimer;

namespace Forkline {

// The sending end of the event channel, used by a runner or worker process. Any thread
// may call send(); the bytes are written by a private I/O thread that owns the local
// socket, so a flow that sleeps or computes never blocks the others on a socket.
// Control lines from the collector (abort, input, terminate ...) arrive on the same
// socket and are handed to the control callback on the I/O thread.
//
// The channel is also how a scenario process gets its scenario: the bytes the collector read
// (and the command line checked) once, so that editing or deleting the file while a run goes
// on changes nothing in it. Of the ways a process worker could get them, this one works alike
// on Linux, macOS and Windows: every scenario process opens this socket anyway; it has no size
// limit (an environment block has 32 K characters on Windows, an argument 128 KiB on Linux);
// it needs no handle inherited past QProcess (which passes only stdin, stdout and stderr on
// Windows); it leaves stdin to the program's input(); and no temporary file can be edited.
class EventChannel : public QObject
{
    Q_OBJECT
public:
    explicit EventChannel(QObject* parent = nullptr);
    ~EventChannel() override;

    // Connects to the collector's server; false (with a reason) when it is not there. With
    // `scenario`, first asks the collector for the run's scenario and waits for its bytes.
    bool open(const QString& serverName, QString* error, QByteArray* scenario = nullptr);
    void send(const ChannelEvent& event);
    // How long events that follow a write wait to go together in the next one (see
    // kBatchMs); tests lengthen it to see what waits and what does not.
    void setBatchInterval(int ms) { m_batchMs = ms; }
    // Writes everything queued so far and waits until the socket took it.
    void flush();
    void close();

    // Called on the I/O thread for every control line; must be thread-safe. Lines that came
    // before it was set (an abort while the process was starting) are handed to it then.
    void setControlHandler(std::function<void(const QByteArray&)> handler);

    // The request a scenario process sends first, and the start of the reply: "scenario N\n"
    // followed by N bytes of scenario file.
    static QByteArray scenarioRequest() { return QByteArrayLiteral("scenario\n"); }
    static QByteArray scenarioReplyHeader(qint64 size) { return "scenario " + QByteArray::number(size) + '\n'; }

private:
    // On the I/O thread: writes at once when the channel has been quiet for a batch interval,
    // else when that interval is over (m_posted stays set till then, so senders post no more).
    void writeSoon();
    void writePending();
    bool receiveScenario(QByteArray* scenario, QString* error); // on the I/O thread
    void dispatchControl(); // on the I/O thread

    QThread m_ioThread;
    QObject* m_io = nullptr; // context object living in m_ioThread
    QLocalSocket* m_socket = nullptr; // lives in m_ioThread
    QTimer* m_batchTimer = nullptr; // lives in m_ioThread: the end of a batch interval
    QElapsedTimer m_sinceWrite; // I/O thread only
    std::atomic<int> m_batchMs;
    std::mutex m_mutex;
    QByteArray m_pending;
    bool m_posted = false;
    bool m_urgentPosted = false; // a print's write is on its way, batch or not
    std::function<void(const QByteArray&)> m_control; // used on the I/O thread only, once open
    QByteArray m_readBuffer;
    bool m_disconnected = false;
};

} // namespace Forkline
