// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuehub.h"

#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <thread>

using namespace Forkline;

namespace {
constexpr qint64 kMs = 1000000;
constexpr int kWaitMs = 10000; // generous: the machine may be busy
const QString kQueue = QStringLiteral("q");

QueueMessage message(qint64 flow, const QString& text)
{
    QueueMessage m;
    m.flowId = flow;
    m.text = text;
    return m;
}
} // namespace

class TestQueueHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstInFirstOut();
    void queuesAreSeparate();
    void timeout_data();
    void timeout();
    void receiverWakesOnSend();
    void abortWakesAForeverWait();
};

void TestQueueHub::firstInFirstOut()
{
    QueueHub hub;
    for (int i = 1; i <= 3; ++i)
        hub.send(kQueue, message(i, QStringLiteral("m%1").arg(i)));
    bool waited = false;
    for (int i = 1; i <= 3; ++i) {
        QueueMessage out;
        QCOMPARE(hub.recv(kQueue, 0, &out, [&] { waited = true; }), QueueHub::Result::Received);
        QCOMPARE(out.flowId, qint64(i)); // the send -> receive arrow travels with the message
        QCOMPARE(out.text, QStringLiteral("m%1").arg(i));
    }
    QVERIFY(!waited); // something was there each time: no waiting state
}

void TestQueueHub::queuesAreSeparate()
{
    QueueHub hub;
    hub.send(QStringLiteral("a"), message(1, QStringLiteral("for a")));
    QueueMessage out;
    QCOMPARE(hub.recv(QStringLiteral("b"), 0, &out, {}), QueueHub::Result::TimedOut);
    QCOMPARE(hub.recv(QStringLiteral("a"), 0, &out, {}), QueueHub::Result::Received);
    QCOMPARE(out.text, QStringLiteral("for a"));
}

void TestQueueHub::timeout_data()
{
    QTest::addColumn<qint64>("timeoutNs");
    QTest::newRow("no wait") << qint64(0);
    QTest::newRow("50 ms") << 50 * kMs;
}

void TestQueueHub::timeout()
{
    QFETCH(qint64, timeoutNs);
    QueueHub hub;
    QueueMessage out;
    out.text = QStringLiteral("untouched");
    bool waited = false;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(hub.recv(kQueue, timeoutNs, &out, [&] { waited = true; }), QueueHub::Result::TimedOut);
    QVERIFY(clock.nsecsElapsed() >= timeoutNs);
    QVERIFY(waited); // empty at first: the caller shows a waiting state
    QCOMPARE(out.text, QStringLiteral("untouched"));
}

void TestQueueHub::receiverWakesOnSend()
{
    QueueHub hub;
    std::atomic<bool> waiting { false };
    std::atomic<qint64> received { -1 };
    std::thread receiver([&] {
        QueueMessage out;
        if (hub.recv(kQueue, -1, &out, [&] { waiting = true; }) == QueueHub::Result::Received)
            received = out.flowId;
    });
    QTRY_VERIFY_WITH_TIMEOUT(waiting, kWaitMs);
    hub.send(kQueue, message(9, QStringLiteral("hello")));
    receiver.join();
    QCOMPARE(received.load(), qint64(9));
}

void TestQueueHub::abortWakesAForeverWait()
{
    QueueHub hub;
    std::atomic<bool> waiting { false };
    std::atomic<int> result { -1 };
    std::thread receiver([&] {
        QueueMessage out;
        result = int(hub.recv(kQueue, -1, &out, [&] { waiting = true; }));
    });
    QTRY_VERIFY_WITH_TIMEOUT(waiting, kWaitMs);
    hub.abort();
    receiver.join();
    QCOMPARE(result.load(), int(QueueHub::Result::Aborted));
    // Once aborted, even a message that is there is not handed out: the run is ending.
    hub.send(kQueue, message(1, QStringLiteral("late")));
    QueueMessage out;
    QCOMPARE(hub.recv(kQueue, 0, &out, {}), QueueHub::Result::Aborted);
}

QTEST_GUILESS_MAIN(TestQueueHub)
#include "tst_queuehub.moc"
