// SPDX-License-Identifier: GPL-3.0-or-later
#include "locktable.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace Forkline;

namespace {
constexpr int kWaitMs = 10000; // generous: the machine may be busy
const QString kLock = QStringLiteral("lock");
} // namespace

class TestLockTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freeLockIsTakenAtOnce();
    void releaseWithoutHolding_data();
    void releaseWithoutHolding();
    void releaseHandsOverWithAnArrow();
    void namesAreSeparateLocks();
    void oneHolderAtATime();
    void abortWakesWaiters();
};

void TestLockTable::freeLockIsTakenAtOnce()
{
    LockTable locks;
    bool waited = false;
    qint64 flow = -1;
    QCOMPARE(locks.acquire(
                 kLock, 1, [&] { waited = true; }, &flow),
        LockTable::Result::Acquired);
    QVERIFY(!waited);
    QCOMPARE(flow, qint64(0)); // nobody held it: no arrow
    bool handedOver = true;
    QVERIFY(locks.release(kLock, 7, &handedOver));
    QVERIFY(!handedOver);
}

void TestLockTable::releaseWithoutHolding_data()
{
    QTest::addColumn<bool>("usedBefore");
    QTest::newRow("never taken") << false;
    QTest::newRow("already released") << true;
}

void TestLockTable::releaseWithoutHolding()
{
    // Python: RuntimeError: release unlocked lock.
    QFETCH(bool, usedBefore);
    LockTable locks;
    bool handedOver = false;
    qint64 flow = 0;
    if (usedBefore) {
        QCOMPARE(locks.acquire(kLock, 1, {}, &flow), LockTable::Result::Acquired);
        QVERIFY(locks.release(kLock, 1, &handedOver));
    }
    QVERIFY(!locks.release(kLock, 2, &handedOver));
    QVERIFY(!handedOver);
}

void TestLockTable::releaseHandsOverWithAnArrow()
{
    LockTable locks;
    qint64 flow = 0;
    QCOMPARE(locks.acquire(kLock, 1, {}, &flow), LockTable::Result::Acquired);
    std::atomic<bool> waiting { false };
    std::atomic<qint64> otherFlow { -1 };
    std::thread other([&] {
        qint64 f = -1;
        if (locks.acquire(
                kLock, 2, [&] { waiting = true; }, &f)
            == LockTable::Result::Acquired)
            otherFlow = f;
    });
    QTRY_VERIFY_WITH_TIMEOUT(waiting, kWaitMs);
    bool handedOver = false;
    QVERIFY(locks.release(kLock, 42, &handedOver));
    QVERIFY(handedOver);
    other.join();
    // The waiter learns the arrow's id, so release -> acquire is drawn as one flow.
    QCOMPARE(otherFlow.load(), qint64(42));
    // Thread 2 holds it now.
    QVERIFY(locks.release(kLock, 0, &handedOver));
    QVERIFY(!locks.release(kLock, 0, &handedOver));
}

void TestLockTable::namesAreSeparateLocks()
{
    LockTable locks;
    qint64 flow = 0;
    bool waited = false;
    QCOMPARE(locks.acquire(QStringLiteral("a"), 1, {}, &flow), LockTable::Result::Acquired);
    QCOMPARE(locks.acquire(
                 QStringLiteral("b"), 2, [&] { waited = true; }, &flow),
        LockTable::Result::Acquired);
    QVERIFY(!waited);
}

void TestLockTable::oneHolderAtATime()
{
    LockTable locks;
    constexpr int kThreads = 4;
    constexpr int kRounds = 500;
    int counter = 0; // guarded by the lock alone
    std::atomic<int> inside { 0 };
    std::atomic<int> overlaps { 0 };
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, tid = qint64(i + 1)] {
            for (int k = 0; k < kRounds; ++k) {
                qint64 flow = 0;
                if (locks.acquire(kLock, tid, {}, &flow) != LockTable::Result::Acquired)
                    return;
                if (++inside != 1)
                    ++overlaps;
                ++counter;
                --inside;
                bool handedOver = false;
                locks.release(kLock, tid * 100000 + k, &handedOver);
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(overlaps.load(), 0);
    QCOMPARE(counter, kThreads * kRounds);
}

void TestLockTable::abortWakesWaiters()
{
    LockTable locks;
    qint64 flow = 0;
    QCOMPARE(locks.acquire(kLock, 1, {}, &flow), LockTable::Result::Acquired);
    std::atomic<int> waiting { 0 };
    std::atomic<int> aborted { 0 };
    std::vector<std::thread> threads;
    for (qint64 tid : { 2, 3 }) {
        threads.emplace_back([&, tid] {
            qint64 f = 0;
            if (locks.acquire(
                    kLock, tid, [&] { ++waiting; }, &f)
                == LockTable::Result::Aborted)
                ++aborted;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(waiting.load(), 2, kWaitMs);
    locks.abort();
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(aborted.load(), 2);
    QCOMPARE(locks.acquire(QStringLiteral("other"), 4, {}, &flow), LockTable::Result::Aborted);
}

QTEST_GUILESS_MAIN(TestLockTable)
#include "tst_locktable.moc"
