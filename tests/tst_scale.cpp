// SPDX-License-Identifier: GPL-3.0-or-later
// Scenarios at the size issue 13 asks for: 10,000 threads, and hundreds of processes, run by
// the real binary from the command line; the trace holds every lane, start and join, and the
// picture stops at what a slide can hold and says how much it left out.
#include "chrometraceimport.h"
#include "imagelimits.h"
#include "testutil.h"
#include "timelinedocument.h"

#include <QImage>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace ForklineTest;

namespace {

struct Counts
{
    int threadLanes = 0;
    int processLanes = 0;
    int ended = 0; // lanes with an end mark
    int mainJoins = 0;
    int mainForks = 0;
};

Counts countTrace(const TraceModel& m, const QString& group)
{
    Counts c;
    for (const Lane& lane : m.lanes()) {
        const bool member = lane.name.startsWith(group + QLatin1Char('-'));
        if (member && lane.kind == LaneKind::Process)
            ++c.processLanes;
        else if (member)
            ++c.threadLanes;
        int joins = 0, forks = 0;
        for (const Instant& i : lane.instants) {
            c.ended += member && i.kind == InstantKind::End;
            joins += i.kind == InstantKind::Join;
            forks += i.kind == InstantKind::Fork;
        }
        if (!member) {
            c.mainJoins = std::max(c.mainJoins, joins);
            c.mainForks = std::max(c.mainForks, forks);
        }
    }
    return c;
}

} // namespace

class TestScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tenThousandThreads();
    void thousandProcesses();

private:
    QTemporaryDir m_dir;
};

void TestScale::tenThousandThreads()
{
    constexpr int kThreads = 10000;
    const QString scenario = writeFile(m_dir, QStringLiteral("threads.json"),
        QStringLiteral(
            "{\"main\": [{\"start\": \"t\"}, {\"join\": \"t\"}, {\"print\": \"all joined: {n}\"}],"
            " \"workers\": [{\"name\": \"t\", \"count\": %1, \"steps\": [{\"add\": \"n\", \"value\": \"1\"}]}],"
            " \"shared\": {\"n\": 0}, \"expect\": {\"n\": %1}}")
            .arg(kThreads)
            .toUtf8());
    const QString trace = m_dir.filePath(QStringLiteral("threads.trace.json"));
    const QString png = m_dir.filePath(QStringLiteral("threads.png"));
    const CliResult r
        = runCli({ QStringLiteral("run"), scenario, QStringLiteral("--trace"), trace, QStringLiteral("--png"), png },
            {}, 280000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("all joined: 10000"), r.out.right(200).constData());

    const ChromeTraceImportResult imported = importChromeTrace(trace);
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    const Counts c = countTrace(imported.model, QStringLiteral("t"));
    QCOMPARE(c.threadLanes, kThreads);
    QCOMPARE(c.ended, kThreads);
    QCOMPARE(c.mainForks, kThreads);
    QCOMPARE(c.mainJoins, kThreads);

    // The picture: no taller than a slide holds, and a line that says what it left out.
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY2(image.height() <= ImageLimits::kMaxPictureHeight * 2, qPrintable(QString::number(image.height())));
    const TimelineDocument doc(imported.model, 0, false, 2.0);
    QCOMPARE(doc.laneCount(), kThreads + 1);
    QVERIFY(doc.lanesLeftOut() > kThreads - 200);
    QCOMPARE(image.size(), doc.size() * 2);
    const QString note = QStringLiteral("%1 more threads not drawn").arg(QLocale().toString(doc.lanesLeftOut()));
    QVERIFY2(doc.leftOutNote().startsWith(note), qPrintable(doc.leftOutNote()));
    QVERIFY2(QString::fromUtf8(r.err).contains(note), r.err.constData());
}

void TestScale::thousandProcesses()
{
    // As many as a scenario may hold: forked by the runner's fork server, each starts in well
    // under a millisecond, and a thousand connect to the collector at once without one lost.
    constexpr int kProcesses = 1000;
    const QString scenario = writeFile(m_dir, QStringLiteral("processes.json"),
        QStringLiteral("{\"main\": [{\"start\": \"p\"}, {\"join\": \"p\"}, {\"print\": \"all joined\"}],"
                       " \"workers\": [{\"name\": \"p\", \"kind\": \"process\", \"count\": %1,"
                       " \"steps\": [{\"print\": \"{name}\"}]}]}")
            .arg(kProcesses)
            .toUtf8());
    const QString trace = m_dir.filePath(QStringLiteral("processes.trace.json"));
    const CliResult r = runCli({ QStringLiteral("run"), scenario, QStringLiteral("--trace"), trace }, {}, 280000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("all joined"));
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(std::count_if(lines.begin(), lines.end(), [](const QByteArray& l) { return l.startsWith("p-"); }),
        qsizetype(kProcesses));

    const ChromeTraceImportResult imported = importChromeTrace(trace);
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    const Counts c = countTrace(imported.model, QStringLiteral("p"));
    QCOMPARE(c.processLanes, kProcesses);
    QCOMPARE(int(imported.model.processes().size()), kProcesses + 1);
    QCOMPARE(c.ended, kProcesses);
    QCOMPARE(c.mainJoins, kProcesses);
}

QTEST_MAIN(TestScale)
#include "tst_scale.moc"
