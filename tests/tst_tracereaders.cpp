// SPDX-License-Identifier: GPL-3.0-or-later
// What outside readers make of Forkline's Chrome traces, checked on the exported file of every
// built-in lesson with the readers' own rules, not with Forkline's importer:
// - Perfetto binds a flow's start to the slice open on its thread at its ts, and its end
//   (bp:"e") to the enclosing slice; flow events with no slice there are dropped;
// - Chrome DevTools binds a flow event to the event with the same cat, pid, tid and ts, and
//   pairs the events of one flow by id, cat and name;
// - JavaScript readers add ts + dur in doubles: a slice that ends where the next begins must
//   add up to exactly the next one's ts, or it is taken to overlap it.
#include "scenario.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace ForklineTest;

namespace {

struct Slice
{
    double ts = 0;
    double dur = 0;
    QString cat;
};

using ThreadKey = std::pair<qint64, qint64>;

ThreadKey threadOf(const QJsonObject& e)
{
    return { e.value(QLatin1String("pid")).toInteger(), e.value(QLatin1String("tid")).toInteger() };
}

// Every problem an outside reader would have with the file, one line each (empty: none).
QStringList readerProblems(const QJsonArray& events)
{
    QStringList problems;
    std::map<ThreadKey, std::vector<Slice>> slices;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("ph")).toString() == QLatin1String("X"))
            slices[threadOf(e)].push_back({ e.value(QLatin1String("ts")).toDouble(),
                e.value(QLatin1String("dur")).toDouble(), e.value(QLatin1String("cat")).toString() });
    }
    for (const auto& [thread, list] : slices) {
        for (size_t i = 1; i < list.size(); ++i) {
            const double end = list[i - 1].ts + list[i - 1].dur;
            if (end > list[i].ts)
                problems << QStringLiteral("%1/%2: a slice ends at %3, after the next begins at %4")
                                .arg(thread.first)
                                .arg(thread.second)
                                .arg(end, 0, 'g', 17)
                                .arg(list[i].ts, 0, 'g', 17);
        }
    }
    QHash<QString, int> starts;
    QHash<QString, int> ends;
    QHash<qint64, int> idUses;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e.value(QLatin1String("ph")).toString();
        if (ph != QLatin1String("s") && ph != QLatin1String("f"))
            continue;
        const qint64 id = e.value(QLatin1String("id")).toInteger();
        const QString cat = e.value(QLatin1String("cat")).toString();
        const QString flow = QStringLiteral("%1 %2 %3").arg(id).arg(cat, e.value(QLatin1String("name")).toString());
        (ph == QLatin1String("s") ? starts : ends)[flow] += 1;
        ++idUses[id];
        const double ts = e.value(QLatin1String("ts")).toDouble();
        if (ph == QLatin1String("f") && e.value(QLatin1String("bp")).toString() != QLatin1String("e"))
            problems << flow + QStringLiteral(": an f without bp:\"e\"");
        bool open = false; // Perfetto
        bool same = false; // DevTools
        for (const Slice& s : slices[threadOf(e)]) {
            open = open || (s.ts <= ts && ts < s.ts + s.dur);
            same = same || (s.ts == ts && s.cat == cat);
        }
        if (!open)
            problems << QStringLiteral("%1 (%2 at %3): no slice open on its thread").arg(flow, ph).arg(ts, 0, 'g', 17);
        if (!same)
            problems
                << QStringLiteral("%1 (%2 at %3): no slice of its cat begins there").arg(flow, ph).arg(ts, 0, 'g', 17);
    }
    for (auto it = idUses.cbegin(); it != idUses.cend(); ++it) {
        if (it.value() != 2)
            problems << QStringLiteral("id %1 is used by %2 flow events, not 2").arg(it.key()).arg(it.value());
    }
    for (auto it = starts.cbegin(); it != starts.cend(); ++it) {
        if (ends.value(it.key()) != it.value())
            problems << it.key() + QStringLiteral(": a start without its end");
    }
    return problems;
}

} // namespace

class TestTraceReaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinLessons_data();
    void builtinLessons();
    void rulesCatchUnboundFlows();
};

void TestTraceReaders::builtinLessons_data()
{
    QTest::addColumn<QString>("scenario");
    for (const BuiltinScenario& s : builtinScenarios()) {
        // The Python lessons need an interpreter and export through the same writer.
        if (!s.name.startsWith(QLatin1String("py-")))
            QTest::newRow(qPrintable(s.name)) << s.name;
    }
    // A child that dies before it reports anything: its parent alone draws its lane, and the
    // signal and join arrows must still have a slice to bind to.
    QTest::newRow("terminated-before-it-reports") << QStringLiteral(FORKLINE_TEST_DATA "/runs/terminate-at-once.json");
}

void TestTraceReaders::builtinLessons()
{
    QFETCH(QString, scenario);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString trace = dir.filePath(QStringLiteral("trace.json"));
    // Short sleeps and small sums: the shape of the run, not its length, is what is checked.
    const CliResult r
        = runCli({ QStringLiteral("run"), scenario, QStringLiteral("--time-scale"), QStringLiteral("0.05"),
                     QStringLiteral("--work-scale"), QStringLiteral("0.02"), QStringLiteral("--trace"), trace },
            "hello\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile file(trace);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonArray events
        = QJsonDocument::fromJson(file.readAll(), &error).object().value(QLatin1String("traceEvents")).toArray();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(!events.isEmpty());
    const QStringList problems = readerProblems(events);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// The checker itself: a flow written after its thread's last slice ended, with a cat of its
// own, is caught; so are times that do not add up.
void TestTraceReaders::rulesCatchUnboundFlows()
{
    const QByteArray bad = R"([
        {"ph":"X","cat":"state","name":"running","pid":1,"tid":1,"ts":40780.402,"dur":12283.933},
        {"ph":"X","cat":"state","name":"sleeping","pid":1,"tid":1,"ts":53064.335,"dur":1},
        {"ph":"X","cat":"state","name":"running","pid":1,"tid":2,"ts":0,"dur":100000},
        {"ph":"s","cat":"flow","name":"join","id":1,"pid":1,"tid":1,"ts":53070},
        {"ph":"f","bp":"e","cat":"flow","name":"join","id":1,"pid":1,"tid":2,"ts":53070}
    ])";
    const QStringList problems = readerProblems(QJsonDocument::fromJson(bad).array());
    QCOMPARE(problems.size(), 4);
    QVERIFY(problems[0].contains(QLatin1String("after the next begins")));
    QVERIFY(problems[1].contains(QLatin1String("no slice open")));
    QVERIFY(problems[2].contains(QLatin1String("no slice of its cat")));
    QVERIFY(problems[3].contains(QLatin1String("no slice of its cat")));
}

QTEST_GUILESS_MAIN(TestTraceReaders)
#include "tst_tracereaders.moc"
