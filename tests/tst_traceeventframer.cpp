// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceeventframer.h"

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
};

QTEST_GUILESS_MAIN(TestTraceEventFramer)
#include "tst_traceeventframer.moc"
