// SPDX-License-Identifier: GPL-3.0-or-later
#include "blockmasks.h"
#include "traceeventframer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Forkline;

class TestTraceEventFramer : public QObject
{
    Q_OBJECT

private:
    // Events of a trace, as (offset, length): the whole file in one call.
    static std::vector<std::pair<size_t, size_t>> framedWhole(const QByteArray& trace)
    {
        TraceEventFramer framer;
        std::vector<EventRange> ranges;
        if (framer.scan(trace.constData(), size_t(trace.size()), &ranges) == TraceEventFramer::Status::Error)
            return {};
        std::vector<std::pair<size_t, size_t>> out;
        for (const EventRange& r : ranges)
            out.emplace_back(r.offset, r.length);
        return out;
    }

    // The events found, or where and why the framer stopped, with the bytes handed over `step`
    // more at a time (the data stays in place, as in the importer's buffer).
    static QString framedInSteps(const QByteArray& trace, qsizetype step)
    {
        TraceEventFramer framer;
        std::vector<EventRange> ranges;
        QString out;
        TraceEventFramer::Status status = TraceEventFramer::Status::More;
        for (qsizetype n = 0; n < trace.size() && status == TraceEventFramer::Status::More;) {
            n = std::min(trace.size(), n + step);
            status = framer.scan(trace.constData(), size_t(n), &ranges);
        }
        if (status == TraceEventFramer::Status::More)
            status = framer.finish();
        for (const EventRange& r : ranges)
            out += QStringLiteral("%1+%2 ").arg(r.offset).arg(r.length);
        if (status == TraceEventFramer::Status::Error)
            out += QStringLiteral("error at %1: %2").arg(framer.errorPos()).arg(framer.errorText());
        return out;
    }

    // A JSON string of random text: quotes, backslashes and brackets escaped or inside it, runs
    // of backslashes, multi-byte letters, and now and then long enough to cross a block or two.
    static QByteArray randomString(QRandomGenerator& rng)
    {
        static const char* const kPieces[] = { "a", "b c", "\\\"", "\\\\", "{", "}", "[", "]", ",", ":", "\\n",
            "\\u00e9", "\xc3\xa9", "\xea\xb0\x80", "\\/", "0123456789" };
        QByteArray s = "\"";
        const int n = rng.bounded(4) == 0 ? rng.bounded(200) : rng.bounded(12);
        for (int i = 0; i < n; ++i)
            s += kPieces[rng.bounded(int(std::size(kPieces)))];
        return s + '"';
    }

    static QByteArray randomValue(QRandomGenerator& rng, int depth)
    {
        const int kind = rng.bounded(depth > 4 ? 3 : 5);
        if (kind == 0)
            return QByteArray::number(rng.bounded(100000)) + ".5";
        if (kind == 1)
            return rng.bounded(2) ? "true" : "null";
        if (kind == 2)
            return randomString(rng);
        const bool object = kind == 3;
        QByteArray v = object ? "{" : "[";
        const int n = rng.bounded(5);
        for (int i = 0; i < n; ++i) {
            if (i > 0)
                v += rng.bounded(3) == 0 ? ", " : ",";
            if (object)
                v += randomString(rng) + ':';
            v += randomValue(rng, depth + 1);
        }
        return v + (object ? "}" : "]");
    }

private Q_SLOTS:
    // The bytes arrive one more at a time, so each string, escape and bracket is cut at every
    // place a block can end: the events found are those of one call over the whole file.
    void everySplitFindsTheSameEvents()
    {
        const QByteArray trace = "{\"traceEvents\":[\n"
                                 "{\"ph\":\"X\",\"name\":\"a long name past eight bytes\",\"ts\":1,\"dur\":2},\n"
                                 "{\"ph\":\"X\",\"name\":\"quote \\\" and brace } inside\",\"ts\":3,\"dur\":1},\n"
                                 "{\"name\":\"ends on a backslash\\\\\",\"args\":{\"a\":[1,{\"b\":\"]}\"}]}},\n"
                                 "{\"name\":\"\\\\\\\"\\\\\",\"x\":\"12345678\\\\12345678\\\"\"},\n"
                                 "{\"name\":\"\"}\n"
                                 "],\"other\":{\"s\":\"}]\\\"\"}}\n";
        const std::vector<std::pair<size_t, size_t>> whole = framedWhole(trace);
        QCOMPARE(whole.size(), size_t(5));
        QCOMPARE(trace.mid(qsizetype(whole[2].first), qsizetype(whole[2].second)),
            QByteArray("{\"name\":\"ends on a backslash\\\\\",\"args\":{\"a\":[1,{\"b\":\"]}\"}]}}"));
        for (qsizetype step = 1; step <= 9; ++step) {
            TraceEventFramer framer;
            std::vector<EventRange> ranges;
            for (qsizetype n = 0; n < trace.size(); n = std::min(trace.size(), n + step))
                QVERIFY(framer.scan(trace.constData(), size_t(std::min(trace.size(), n + step)), &ranges)
                    != TraceEventFramer::Status::Error);
            QCOMPARE(framer.finish(), TraceEventFramer::Status::Done);
            std::vector<std::pair<size_t, size_t>> found;
            for (const EventRange& r : ranges)
                found.emplace_back(r.offset, r.length);
            QCOMPARE(found, whole);
        }
    }

    // The word-at-a-time masks and the SSE2 ones (where built) agree with a byte-by-byte look
    // at the block, for every byte value in every position.
    void blockMasksMarkTheRightBytes()
    {
        QRandomGenerator rng(7);
        static const char kOften[] = "\"\\{}[]a ";
        for (int round = 0; round < 20000; ++round) {
            char block[BlockMasks::kSize];
            for (char& c : block)
                c = rng.bounded(2) ? kOften[rng.bounded(int(sizeof kOften - 1))] : char(rng.bounded(256));
            if (round < 256) // every byte value, once in each of the 64 places over these rounds
                block[round % 64] = char(round);
            BlockMasks expected;
            for (size_t i = 0; i < BlockMasks::kSize; ++i) {
                const quint64 bit = quint64(1) << i;
                expected.quote |= block[i] == '"' ? bit : 0;
                expected.backslash |= block[i] == '\\' ? bit : 0;
                expected.open |= block[i] == '{' || block[i] == '[' ? bit : 0;
                expected.close |= block[i] == '}' || block[i] == ']' ? bit : 0;
            }
            const BlockMasks portable = blockMasksPortable(block);
            QCOMPARE(portable.quote, expected.quote);
            QCOMPARE(portable.backslash, expected.backslash);
            QCOMPARE(portable.open, expected.open);
            QCOMPARE(portable.close, expected.close);
            const BlockMasks used = blockMasks(block);
            QCOMPARE(used.quote, expected.quote);
            QCOMPARE(used.backslash, expected.backslash);
            QCOMPARE(used.open, expected.open);
            QCOMPARE(used.close, expected.close);
        }
        QCOMPARE(prefixXor(0b100100), quint64(0b011100));
        QCOMPARE(prefixXor(quint64(1) << 63), quint64(1) << 63);
    }

    // Random traces framed in one call (whole blocks by masks) and a few bytes at a time (byte by
    // byte): the same events, or the same error at the same byte.
    void blocksAndBytesFrameAlike()
    {
        QRandomGenerator rng(20261206);
        for (int round = 0; round < 300; ++round) {
            QByteArray trace = rng.bounded(2) ? "{\"traceEvents\":[" : "[";
            const int events = 1 + rng.bounded(40);
            for (int i = 0; i < events; ++i) {
                if (i > 0)
                    trace += rng.bounded(2) ? ",\n" : ",";
                if (rng.bounded(10) == 0) {
                    trace += randomValue(rng, 5); // not an object: counted, not framed
                    continue;
                }
                QByteArray event = "{\"ph\":\"X\",\"name\":" + randomString(rng);
                const int members = rng.bounded(4);
                for (int k = 0; k < members; ++k)
                    event += ',' + randomString(rng) + ':' + randomValue(rng, 1);
                trace += event + '}';
            }
            if (rng.bounded(8) == 0) // too deep: the byte of the 1001st bracket
                trace += ",{\"args\":" + QByteArray(1200, '[');
            trace += trace.startsWith('[') ? "]" : "],\"x\":\"}]\"}";
            const QString whole = framedInSteps(trace, trace.size());
            QVERIFY2(!whole.isEmpty(), trace.constData());
            for (const qsizetype step : { 1, 5, 63, 64, 65, 150 })
                QCOMPARE(framedInSteps(trace, step), whole);
        }
    }
};

QTEST_GUILESS_MAIN(TestTraceEventFramer)
#include "tst_traceeventframer.moc"
