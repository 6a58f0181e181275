// SPDX-License-Identifier: GPL-3.0-or-later
// The args of a foreign trace event that Forkline keeps and writes back: compact, strict JSON,
// and nothing a loose parser let through that would not read again.
#include "traceargs.h"

#include <QTest>

using namespace Forkline;

class TestTraceArgs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kept_data();
    void kept();
    void droppedKeys();
};

void TestTraceArgs::kept_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("members");
    QTest::newRow("compact") << QByteArray(
        R"({"ph":"X","args":{ "detail" : "main.cpp", "n" : [1, 2.5e3, true, null] }})")
                             << QByteArray(R"("detail":"main.cpp","n":[1,2.5e3,true,null])");
    QTest::newRow("numbers past a double stay as written")
        << QByteArray(R"({"args":{"big":123456789012345678901234567890,"huge":1e400,"neg":-0.5E-7}})")
        << QByteArray(R"("big":123456789012345678901234567890,"huge":1e400,"neg":-0.5E-7)");
    QTest::newRow("a value that is no number is left out")
        << QByteArray(R"({"args":{"cod":e99999,"kept":7}})") << QByteArray(R"("kept":7)");
    // "1." and "-" are no numbers; "01" is 0 followed by a stray 1.
    QTest::newRow("numbers JSON does not allow")
        << QByteArray(R"({"args":{"a":1.,"b":-,"c":01,"d":2}})") << QByteArray(R"("d":2)");
    QTest::newRow("an object that is no JSON is left out")
        << QByteArray(R"({"args":{"nested":{"n"x"":1e999},"ok":{"n":[{}]}}})") << QByteArray(R"("ok":{"n":[{}]})");
    QTest::newRow("a number with letters")
        << QByteArray(R"({"args":{"huge":1e4k0,"t":"x"}})") << QByteArray(R"("t":"x")");
    QTest::newRow("strings made strict") << QByteArray("{\"args\":{\"t\":\"a\tb\\q\"}}")
                                         << QByteArray(R"("t":"a\u0009b\\q")");
    QTest::newRow("no args") << QByteArray(R"({"ph":"X"})") << QByteArray();
}

void TestTraceArgs::kept()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, members);
    const std::string out = otherArgs(std::string_view(event.constData(), size_t(event.size())), {});
    QCOMPARE(QByteArray::fromStdString(out), members);
}

void TestTraceArgs::droppedKeys()
{
    const std::string out = otherArgs(R"({"args":{"worker":"t1","file":"a.py","x":1}})",
        [](std::string_view key) { return key == "worker" || key == "file"; });
    QCOMPARE(QByteArray::fromStdString(out), QByteArray(R"("x":1)"));
}

QTEST_GUILESS_MAIN(TestTraceArgs)
#include "tst_traceargs.moc"
