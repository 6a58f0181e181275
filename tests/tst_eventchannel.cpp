// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelevent.h"
#include "eventchannel.h"
#include "platform.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTest>
#include <QUuid>
#include <thread>
#if defined(Q_OS_UNIX)
#include <poll.h>
#include <unistd.h>
#endif

using namespace Forkline;

namespace {
constexpr int kWaitMs = 20000; // generous: the machine may be busy

// The collector's side: every byte received, and in how many reads it came.
struct Receiver
{
    QLocalServer server;
    QLocalSocket* socket = nullptr;
    QByteArray data;
    int reads = 0;

    bool listen()
    {
        if (!server.listen(QStringLiteral("forkline-tst-eventchannel-") + QUuid::createUuid().toString(QUuid::Id128)))
            return false;
        QObject::connect(&server, &QLocalServer::newConnection, &server, [this] {
            socket = server.nextPendingConnection();
            QObject::connect(socket, &QLocalSocket::readyRead, socket, [this] {
                data += socket->readAll();
                ++reads;
            });
        });
        return true;
    }
    // Opens `channel` to this receiver's server.
    bool connect(EventChannel& channel)
    {
        QString error;
        if (!listen() || !channel.open(server.fullServerName(), &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }
    int lines() const { return int(data.count('\n')); }
};

ChannelEvent runningAt(qint64 t)
{
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::State;
    ev.t = t;
    ev.pid = 1;
    ev.tid = 2;
    ev.state = State::Running;
    return ev;
}
} // namespace

class TestEventChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
#if !defined(Q_OS_UNIX)
    void busyBurstsAreGathered()
    {
        QSKIP("reads the socket's descriptor directly");
    }
#else
    // A thousand threads starting send a few events every few microseconds. Each of those
    // bursts written at once cost the sender's I/O thread and the collector a wake-up each;
    // gathered, a few hundred bursts reach the collector in far fewer reads, all in order.
    void busyBurstsAreGathered()
    {
        Receiver rx;
        EventChannel channel;
        QVERIFY(rx.connect(channel));
        QTRY_VERIFY_WITH_TIMEOUT(rx.socket != nullptr, kWaitMs);
        // The collector reads as soon as anything arrives (a blocked reader of its own, as an
        // idle collector is): each write the sender makes is one read here.
        QObject::disconnect(rx.socket, &QLocalSocket::readyRead, nullptr, nullptr);
        const int fd = int(rx.socket->socketDescriptor());
        constexpr int kBursts = 400;
        std::thread reader([&] {
            char buffer[65536];
            while (rx.lines() < kBursts) {
                pollfd p { fd, POLLIN, 0 };
                if (::poll(&p, 1, kWaitMs) <= 0)
                    break; // nothing came: the comparison below says how much did
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                rx.data.append(buffer, n);
                ++rx.reads;
            }
        });
        std::thread sender([&] {
            for (int i = 0; i < kBursts; ++i) {
                channel.send(runningAt(i + 1));
                // A gap between bursts long enough for the I/O thread to write each one.
                const qint64 until = monotonicNs() + 50000;
                while (monotonicNs() < until) { }
            }
        });
        sender.join();
        reader.join();
        QCOMPARE(rx.lines(), kBursts);
        qsizetype from = 0;
        for (int i = 0; i < kBursts; ++i) {
            const qsizetype nl = rx.data.indexOf('\n', from);
            ChannelEvent ev;
            QVERIFY(ChannelEvent::decode(rx.data.mid(from, nl - from), &ev));
            QCOMPARE(ev.t, qint64(i + 1));
            from = nl + 1;
        }
        QVERIFY2(rx.reads < kBursts / 4, qPrintable(QStringLiteral("%1 reads").arg(rx.reads)));
        channel.close();
    }
#endif

    // After a quiet spell an event is not held back: it goes at once, not at the end of a
    // batch interval (a print a second after the last one shows when it happens).
    void eventAfterQuietGoesAtOnce()
    {
        Receiver rx;
        EventChannel channel;
        QVERIFY(rx.connect(channel));
        channel.send(runningAt(1));
        QTRY_COMPARE_WITH_TIMEOUT(rx.lines(), 1, kWaitMs);
        QTest::qSleep(20); // well past the batch interval
        channel.send(runningAt(2));
        QTRY_COMPARE_WITH_TIMEOUT(rx.lines(), 2, kWaitMs);
        channel.close();
    }

    // What follows a write waits for the batch; a print does not, and takes the rest with it:
    // its line is on stdout already, and a terminate() must not leave the trace without it.
    void printsDoNotWaitForTheBatch()
    {
        Receiver rx;
        EventChannel channel;
        channel.setBatchInterval(3000); // long enough to tell held from sent on a busy machine
        QVERIFY(rx.connect(channel));
        channel.send(runningAt(1)); // after a quiet spell: at once
        QTRY_COMPARE_WITH_TIMEOUT(rx.lines(), 1, kWaitMs);
        QElapsedTimer clock;
        clock.start();
        channel.send(runningAt(2)); // held for the batch: it has not come 300 ms later
        QVERIFY(!QTest::qWaitFor([&rx] { return rx.lines() > 1; }, 300));
        ChannelEvent print = runningAt(3);
        print.type = ChannelEvent::Type::Instant;
        print.instant = InstantKind::Print;
        print.text = QStringLiteral("a line");
        channel.send(print);
        QTRY_COMPARE_WITH_TIMEOUT(rx.lines(), 3, kWaitMs);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        channel.close();
    }
};

QTEST_GUILESS_MAIN(TestEventChannel)
#include "tst_eventchannel.moc"
