// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedgil.h"

#include "platform.h"

#include <QTest>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace Forkline;

namespace {
constexpr qint64 kMs = 1000000;
constexpr qint64 kHour = 3600LL * 1000 * kMs;
constexpr int kWaitMs = 10000; // generous: the machine may be busy

// Runs on a CPU for `ns` of this thread's own time, however busy the machine is.
void spin(qint64 ns)
{
    const qint64 until = threadCpuNs() + ns;
    volatile quint64 x = 1;
    while (threadCpuNs() < until) {
        for (int i = 0; i < 10000; ++i)
            x = x * 6364136223846793005ULL + 1;
    }
}
} // namespace

class TestSimulatedGil : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freeLockIsTakenAtOnce();
    void waiterGetsItOnRelease();
    void waitersTakeTurnsInOrder();
    void handOver_data();
    void handOver();
    void shouldYield_data();
    void shouldYield();
    void restartSliceGivesAFullInterval();
    void timeOffTheCpuIsNotRun();
    void onlyTheOwnerReleases();
    void abortWakesEveryWaiter();
};

void TestSimulatedGil::freeLockIsTakenAtOnce()
{
    SimulatedGil gil(5 * kMs);
    bool waited = false;
    QVERIFY(gil.acquire(1, [&] { waited = true; }));
    QVERIFY(!waited);
    QCOMPARE(gil.switchIntervalNs(), 5 * kMs);
}

void TestSimulatedGil::waiterGetsItOnRelease()
{
    SimulatedGil gil(5 * kMs);
    QVERIFY(gil.acquire(1, {}));
    std::atomic<bool> waiting { false };
    std::atomic<int> got { -1 };
    std::thread other([&] { got = gil.acquire(2, [&] { waiting = true; }) ? 1 : 0; });
    QTRY_VERIFY_WITH_TIMEOUT(waiting, kWaitMs);
    QCOMPARE(got.load(), -1); // still waiting: thread 1 holds it
    gil.release(1);
    other.join();
    QCOMPARE(got.load(), 1);
}

void TestSimulatedGil::waitersTakeTurnsInOrder()
{
    // The lock goes to the waiter that has waited longest, as CPython's forced switch does.
    SimulatedGil gil(5 * kMs);
    QVERIFY(gil.enqueue(1));
    std::vector<qint64> order;
    std::mutex orderMutex;
    std::vector<std::thread> threads;
    for (qint64 tid : { 2, 3, 4 }) {
        QVERIFY(!gil.enqueue(tid)); // queued in this order, from this thread
        threads.emplace_back([&, tid] {
            if (!gil.waitTurn(tid))
                return;
            {
                std::lock_guard<std::mutex> lock(orderMutex);
                order.push_back(tid);
            }
            gil.release(tid);
        });
    }
    gil.release(1);
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(order, (std::vector<qint64> { 2, 3, 4 }));
}

void TestSimulatedGil::handOver_data()
{
    QTest::addColumn<bool>("waiter");
    QTest::addColumn<bool>("handedOver");
    QTest::newRow("nobody waits: the holder keeps it") << false << false;
    QTest::newRow("a waiter: it gets it, the holder queues") << true << true;
}

void TestSimulatedGil::handOver()
{
    QFETCH(bool, waiter);
    QFETCH(bool, handedOver);
    SimulatedGil gil(5 * kMs);
    QVERIFY(gil.acquire(1, {}));
    std::atomic<bool> otherHeld { false };
    std::thread other;
    if (waiter) {
        QVERIFY(!gil.enqueue(2));
        other = std::thread([&] {
            if (!gil.waitTurn(2))
                return;
            otherHeld = true;
            gil.release(2);
        });
    }
    QCOMPARE(gil.handOver(1), handedOver);
    if (handedOver) {
        // Queued behind the new owner in the same step: back as soon as it lets go.
        QVERIFY(gil.waitTurn(1));
        QVERIFY(otherHeld);
        other.join();
    }
    // Either way thread 1 holds it now: another thread must wait.
    QVERIFY(!gil.enqueue(3));
    gil.release(1);
    QVERIFY(gil.waitTurn(3));
}

void TestSimulatedGil::shouldYield_data()
{
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<bool>("waiter");
    QTest::addColumn<bool>("yield");
    QTest::newRow("slice over, a waiter") << qint64(0) << true << true;
    QTest::newRow("slice over, nobody waits") << qint64(0) << false << false;
    QTest::newRow("slice running, a waiter") << kHour << true << false;
}

void TestSimulatedGil::shouldYield()
{
    QFETCH(qint64, interval);
    QFETCH(bool, waiter);
    QFETCH(bool, yield);
    SimulatedGil gil(interval);
    QVERIFY(gil.enqueue(1));
    if (waiter)
        QVERIFY(!gil.enqueue(2));
    QCOMPARE(gil.shouldYield(), yield);
    gil.abort();
}

void TestSimulatedGil::restartSliceGivesAFullInterval()
{
    SimulatedGil gil(50 * kMs);
    QVERIFY(gil.enqueue(1));
    QVERIFY(!gil.enqueue(2));
    spin(60 * kMs);
    QVERIFY(gil.shouldYield());
    // Time spent blocked elsewhere (a sleep, a lock) is not time run: the slice starts again.
    gil.restartSlice(1);
    QVERIFY(!gil.shouldYield());
    // Only the holder's slice restarts.
    spin(60 * kMs);
    gil.restartSlice(2);
    QVERIFY(gil.shouldYield());
    gil.abort();
}

void TestSimulatedGil::timeOffTheCpuIsNotRun()
{
    // The interval passing by the clock is not enough: a holder that the OS left waiting for
    // a CPU (here: asleep) has not run its slice, so a busy machine does not move the switches.
    SimulatedGil gil(50 * kMs);
    QVERIFY(gil.enqueue(1));
    QVERIFY(!gil.enqueue(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    QVERIFY(!gil.shouldYield());
    spin(60 * kMs);
    QVERIFY(gil.shouldYield());
    gil.abort();
}

void TestSimulatedGil::onlyTheOwnerReleases()
{
    SimulatedGil gil(5 * kMs);
    QVERIFY(gil.enqueue(1));
    gil.release(2); // not the holder: nothing happens
    QVERIFY(!gil.enqueue(3));
    QVERIFY(!gil.handOver(2));
    gil.release(1);
    QVERIFY(gil.waitTurn(3));
}

void TestSimulatedGil::abortWakesEveryWaiter()
{
    SimulatedGil gil(5 * kMs);
    QVERIFY(gil.acquire(1, {}));
    std::atomic<int> waiting { 0 };
    std::atomic<int> refused { 0 };
    std::vector<std::thread> threads;
    for (qint64 tid : { 2, 3 }) {
        threads.emplace_back([&, tid] {
            if (!gil.acquire(tid, [&] { ++waiting; }))
                ++refused;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(waiting.load(), 2, kWaitMs);
    gil.abort();
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(refused.load(), 2);
    // After an abort nobody gets it, not even a free lock's first comer.
    QVERIFY(!gil.acquire(4, {}));
}

QTEST_GUILESS_MAIN(TestSimulatedGil)
#include "tst_simulatedgil.moc"
