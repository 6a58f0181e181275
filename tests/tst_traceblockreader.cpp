// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceblockreader.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <cstring>

using namespace Forkline;

namespace {

// What a reader hands over, block by block: each event's file offset and bytes, the framer's
// verdict, and how the input ended.
struct Read
{
    QStringList events;
    QString end;
    qint64 elements = 0;
    qint64 nonObjects = 0;
    bool ahead = false; // a thread read ahead
};

// Reads `trace` through a source that gives at most `chunk` bytes a call (a pipe gives what it
// has), failing at byte `failAt` (-1: never).
Read readAll(const QByteArray& trace, bool ahead, qint64 chunk, qint64 failAt = -1, qint64 maxSize = 1 << 30,
    qint64 expected = -1)
{
    qint64 at = 0;
    TraceBlockReader reader(
        [&](char* to, qint64 max) -> qint64 {
            if (failAt >= 0 && at >= failAt)
                return -1;
            const qint64 n = std::min({ max, chunk, qint64(trace.size()) - at });
            std::memcpy(to, trace.constData() + at, size_t(n));
            at += n;
            return n;
        },
        [] { return QStringLiteral("disk on fire"); }, {}, expected < 0 ? trace.size() : expected, maxSize, ahead);
    Read out;
    for (;;) {
        const TraceBlockReader::Block& b = reader.next();
        for (const EventRange& r : b.ranges) {
            const QByteArrayView bytes(b.data + r.offset, qsizetype(r.length));
            out.events << QStringLiteral("%1 %2 %3 %4")
                              .arg(b.offset + qint64(r.offset))
                              .arg(r.length)
                              .arg(qHash(bytes))
                              .arg(QString::fromUtf8(bytes.first(std::min<qsizetype>(24, bytes.size()))));
        }
        if (b.readFailed)
            out.end = QStringLiteral("read failed: ") + b.readError;
        else if (b.tooLarge)
            out.end = QStringLiteral("too large");
        else if (b.status == TraceEventFramer::Status::Error)
            out.end = QStringLiteral("error at %1: %2").arg(b.offset + qint64(b.errorPos)).arg(b.errorText);
        else if (b.bytes == 0)
            out.end = QStringLiteral("end");
        if (b.last())
            break;
    }
    out.ahead = reader.readsAhead();
    out.elements = reader.elements();
    out.nonObjects = reader.nonObjects();
    return out;
}

QByteArray trace(int events, int seed)
{
    QRandomGenerator rng(seed);
    QByteArray t = "{\"traceEvents\":[";
    for (int i = 0; i < events; ++i) {
        if (i)
            t += ",\n";
        // Two events longer than a block, so a buffer grows and a long cut event is carried.
        const bool huge = i == events / 3 || i == events / 2;
        if (!huge && rng.bounded(50) == 0) {
            t += "17"; // not an object
            continue;
        }
        const int pad = huge ? 5000000 : rng.bounded(60);
        t += "{\"ph\":\"X\",\"name\":\"e" + QByteArray::number(i) + " \\\"" + QByteArray(pad, 'x')
            + "\\\"\",\"ts\":" + QByteArray::number(i) + ",\"dur\":1}";
    }
    return t + "],\"other\":{\"k\":[1,2]}}";
}

} // namespace

class TestTraceBlockReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Read ahead on a thread or on the caller's, in blocks cut anywhere by the source: the same
    // events at the same offsets, the same counts, the same end.
    void aheadReadsWhatInlineReads()
    {
        const QByteArray t = trace(3000, 3);
        QVERIFY(t.size() > 2 * (4 << 20)); // several blocks, and events longer than one
        const Read expected = readAll(t, false, t.size());
        QCOMPARE(expected.end, QStringLiteral("end"));
        QCOMPARE(expected.events.size() + expected.nonObjects, qint64(3000));
        QCOMPARE(expected.elements, qint64(3000));
        QVERIFY(expected.events.first().startsWith(QStringLiteral("16 ")));
        QVERIFY(expected.events.first().contains(QStringLiteral(" {\"ph\":\"X\",\"name\":\"e0 ")));
        for (const bool ahead : { false, true }) {
            for (const qint64 chunk : { qint64(1) << 30, qint64(65536), qint64(4093) }) {
                const Read got = readAll(t, ahead, chunk);
                QCOMPARE(got.ahead, ahead);
                QCOMPARE(got.events, expected.events);
                QCOMPARE(got.end, expected.end);
                QCOMPARE(got.elements, expected.elements);
                QCOMPARE(got.nonObjects, expected.nonObjects);
            }
        }
        // A size not known beforehand (a pipe): blocks of the full size from the start.
        const Read pipe = readAll(t, true, 100000, -1, 1 << 30, 0);
        QVERIFY(pipe.ahead);
        QCOMPARE(pipe.events, expected.events);
        // A file that fits in one block is read without a thread.
        const QByteArray small = "[{\"ph\":\"i\",\"ts\":1},{\"ph\":\"i\",\"ts\":2}]";
        const Read one = readAll(small, true, small.size());
        QCOMPARE(one.ahead, false);
        QCOMPARE(one.events.size(), 2);
        QCOMPARE(one.end, QStringLiteral("end"));
    }

    // How a read ends early is told with the block it happened in, after the blocks before.
    void endsAsInline()
    {
        const QByteArray t = trace(2000, 4);
        QVERIFY(t.size() > 8000000);
        const QByteArray cut = t.left(t.size() - 40); // ends inside an event: truncated
        const QByteArray garbage = t + " x";
        for (const bool ahead : { false, true }) {
            const Read failed = readAll(t, ahead, 70000, 5000000);
            QCOMPARE(failed.end, QStringLiteral("read failed: disk on fire"));
            QCOMPARE(failed.events, readAll(t, false, 70000, 5000000).events);
            QVERIFY(!failed.events.isEmpty());
            QCOMPARE(readAll(t, ahead, 70000, -1, 6000000).end, QStringLiteral("too large"));
            const Read truncated = readAll(cut, ahead, 70000);
            QVERIFY(truncated.end.contains(QStringLiteral("truncated")));
            QCOMPARE(truncated.end, readAll(cut, false, cut.size()).end);
            const Read trailing = readAll(garbage, ahead, 70000);
            QCOMPARE(trailing.end,
                QStringLiteral("error at %1: not valid JSON (there is more text after the end of the trace)")
                    .arg(t.size() + 1));
        }
    }
};

QTEST_GUILESS_MAIN(TestTraceBlockReader)
#include "tst_traceblockreader.moc"
