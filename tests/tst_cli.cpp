// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a teacher's script sees it: output, files and exit codes.
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using ForklineTest::runCli;

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void list();
    void helpAndVersion();
    void runPrintsInOrder();
    void runWritesTrace();
    void badInput_data();
    void badInput();
    void badScenarioFileNamesLineAndColumn();
};

void TestCli::list()
{
    const auto r = runCli({ QStringLiteral("list") });
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 4);
    QStringList names;
    for (const QByteArray& line : lines) {
        const QList<QByteArray> cols = line.split('\t');
        QCOMPARE(cols.size(), 2);
        QVERIFY(!cols[1].isEmpty());
        names << QString::fromUtf8(cols[0]);
    }
    for (const char* n : { "thread-ids", "three-threads", "foo-bar-baz", "buyer-seller" })
        QVERIFY2(names.contains(QLatin1String(n)), n);
}

void TestCli::helpAndVersion()
{
    const auto help = runCli({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--time-scale"));
    QVERIFY(help.out.contains("--trace"));
    QVERIFY(help.out.contains("at most 32768 pixels a side and 268435456 pixels in all"));
    const auto version = runCli({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("forkline "));
}

void TestCli::runPrintsInOrder()
{
    const auto r = runCli({ QStringLiteral("run"), QStringLiteral("foo-bar-baz") });
    QCOMPARE(r.exitCode, 0);
    // Each thread prints one line; whatever the order, all three arrive once each.
    QList<QByteArray> lines = r.out.trimmed().split('\n');
    std::sort(lines.begin(), lines.end());
    QCOMPARE(lines, QList<QByteArray>({ "This is bar", "This is baz", "This is foo" }));

    const auto bs = runCli({ QStringLiteral("run"), QStringLiteral("buyer-seller"), QStringLiteral("--time-scale"),
        QStringLiteral("0.01") });
    QCOMPARE(bs.exitCode, 0);
    const QList<QByteArray> out = bs.out.trimmed().split('\n');
    QCOMPARE(out.size(), 42);
    QCOMPARE(QString::fromUtf8(out.first()), QStringLiteral("[메인] start"));
    QCOMPARE(QString::fromUtf8(out.last()), QStringLiteral("[메인] 장 종료"));
}

void TestCli::runWritesTrace()
{
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("t.json"));
    const QString csv = dir.filePath(QStringLiteral("t.csv"));
    const auto r = runCli({ QStringLiteral("run"), QStringLiteral("three-threads"), QStringLiteral("--trace"), trace,
        QStringLiteral("--csv"), csv });
    QCOMPARE(r.exitCode, 0);
    QFile f(trace);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    const QJsonArray events = doc.object().value(QLatin1String("traceEvents")).toArray();
    QVERIFY(!events.isEmpty());
    QSet<QString> threadNames;
    QSet<qint64> pids;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("name")).toString() == QLatin1String("thread_name"))
            threadNames << e.value(QLatin1String("args")).toObject().value(QLatin1String("name")).toString();
        if (e.value(QLatin1String("ph")).toString() == QLatin1String("X"))
            pids << qint64(e.value(QLatin1String("pid")).toDouble());
    }
    QCOMPARE(threadNames,
        QSet<QString>({ QStringLiteral("MainThread"), QStringLiteral("thread1"), QStringLiteral("thread2"),
            QStringLiteral("thread3") }));
    QCOMPARE(pids.size(), 1);
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QVERIFY(c.readLine().startsWith("pid,tid,worker,state"));
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown scenario") << QStringList { QStringLiteral("run"), QStringLiteral("no-such-thing") }
                                      << QStringLiteral("no built-in scenario");
    QTest::newRow("missing file") << QStringList { QStringLiteral("run"), QStringLiteral("/nonexistent/x.json") }
                                  << QStringLiteral("cannot open");
    QTest::newRow("no scenario") << QStringList { QStringLiteral("run") } << QStringLiteral("run needs a scenario");
    QTest::newRow("bad time scale") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--time-scale"), QStringLiteral("fast") }
                                    << QStringLiteral("--time-scale");
    QTest::newRow("bad daemon") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--daemon"), QStringLiteral("buyer") }
                                << QStringLiteral("--daemon");
    QTest::newRow("unknown daemon worker") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--daemon"), QStringLiteral("nobody=on") }
                                           << QStringLiteral("unknown worker");
    QTest::newRow("unknown option") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--frobnicate") }
                                    << QStringLiteral("unknown option");
}

void TestCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err)); // one line
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestCli::badScenarioFileNamesLineAndColumn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"main\": [\n    {\"print\": \"hi\"},\n    {\"slep\": 1}\n  ]\n}\n");
    f.close();
    const auto r = runCli({ QStringLiteral("run"), path });
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(err.startsWith(path + QStringLiteral(":4:14: ")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("unknown step \"slep\"")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
