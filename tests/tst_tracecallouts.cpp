// SPDX-License-Identifier: GPL-3.0-or-later
// Callouts read from the trace: the sentences a class needs beside the marks that make a
// lesson's point, on the screen and in the pictures.
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "expectoutcome.h"
#include "testutil.h"
#include "timelinedocument.h"
#include "timelineexport.h"
#include "tracecallouts.h"
#include "tracemodel.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;

namespace {

constexpr qint64 kMs = 1000000;

// A runner (pid 1) whose main thread exits at 1 s and waits for a non-daemon thread until
// 4 s; a daemon thread killed at 4 s; a child process (pid 2) terminated at 0.5 s.
TraceModel lesson()
{
    TraceModel m;
    const int main = m.ensureMainLane(1, 1);
    m.lane(main).name = QStringLiteral("MainThread");
    m.setState(main, 0, State::Running);
    const int worker = m.ensureLane(1, 2);
    m.lane(worker).name = QStringLiteral("th1");
    m.lane(worker).parent = main;
    m.setState(worker, 10 * kMs, State::Sleeping);
    const int daemon = m.ensureLane(1, 3);
    m.lane(daemon).name = QStringLiteral("th2");
    m.lane(daemon).daemon = true;
    m.lane(daemon).parent = main;
    m.setState(daemon, 10 * kMs, State::Sleeping);
    const int child = m.ensureMainLane(2, 2);
    m.lane(child).name = QStringLiteral("sub");
    m.lane(child).parent = main;
    m.ensureProcess(2).ppid = 1;
    m.setState(child, 20 * kMs, State::Computing);
    m.addInstant(child, 500 * kMs, InstantKind::Terminated, {}, 15);
    m.setState(main, 1000 * kMs, State::WaitingJoin);
    m.addInstant(main, 1000 * kMs, InstantKind::MainExit);
    m.addInstant(worker, 4000 * kMs, InstantKind::End);
    m.addInstant(daemon, 4000 * kMs, InstantKind::Killed);
    m.addInstant(main, 4000 * kMs, InstantKind::End);
    return m;
}

// A main thread that started four threads, joined them, and whose `expect` outcome came out
// as given, as the runner reports it.
TraceModel withOutcome(const ExpectOutcome& outcome)
{
    TraceModel m;
    const int main = m.ensureMainLane(1, 1);
    m.lane(main).name = QStringLiteral("MainThread");
    m.setState(main, 0, State::Running);
    for (int t = 0; t < 4; ++t) {
        const int worker = m.ensureLane(1, 2 + t);
        m.lane(worker).name = QStringLiteral("t%1").arg(t + 1);
        m.lane(worker).parent = main;
        m.setState(worker, 10 * kMs, State::Running);
        m.addInstant(worker, 900 * kMs, InstantKind::End);
    }
    m.setState(main, 10 * kMs, State::WaitingJoin);
    m.setState(main, 900 * kMs, State::Running);
    m.addInstant(main, 950 * kMs, InstantKind::MainExit);
    m.addInstant(main, 960 * kMs, InstantKind::Other, {}, 0, m.internName(QStringLiteral("expect")));
    m.addInstantArgs(main, qint32(m.lane(main).instants.size() - 1), outcome.toArgs().toStdString());
    m.addInstant(main, 961 * kMs, InstantKind::End);
    return m;
}

// The box around the pixels that differ between two pictures of one size; empty when none do.
QRect difference(const QImage& a, const QImage& b)
{
    QRect box;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y))
                box |= QRect(x, y, 1, 1);
        }
    }
    return box;
}

// What the picture of `m` gains with its callouts: one label as wide as `text`, one line tall,
// not cut off, left of the picture's right edge. `scale`: pixels per point of the picture.
void checkLabelDrawn(const QImage& on, const QImage& off, const QString& text, double scale)
{
    QCOMPARE(on.size(), off.size());
    const QRect box = difference(on, off);
    QVERIFY2(!box.isEmpty(), "the callout changed nothing");
    QFont small;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics fm(small);
    const double textWidth = fm.horizontalAdvance(text) * scale;
    QVERIFY2(box.width() >= textWidth && box.width() <= textWidth + 40 * scale,
        qPrintable(QStringLiteral("label %1 px wide for text %2 px").arg(box.width()).arg(textWidth)));
    QVERIFY2(box.height() <= 3 * fm.height() * scale, qPrintable(QString::number(box.height())));
    QVERIFY(box.right() < on.width() - 1);
}

} // namespace

class TestTraceCallouts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentencesFromTheTrace()
    {
        const std::vector<Callout> found = TraceCallouts::find(lesson());
        QStringList texts;
        for (const Callout& c : found)
            texts << c.text;
        QVERIFY2(texts.contains(QStringLiteral("MainThread waited 3.00 s for non-daemon threads")),
            qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("th2 killed when the main thread ended (daemon)")));
        QVERIFY(texts.contains(QStringLiteral("MainThread terminated sub (SIGTERM)")));
        QCOMPARE(texts.size(), 3);
    }

    void nothingToSayAboutAQuietRun()
    {
        TraceModel m;
        const int main = m.ensureMainLane(1, 1);
        m.setState(main, 0, State::Running);
        m.addInstant(main, 100 * kMs, InstantKind::MainExit);
        m.addInstant(main, 101 * kMs, InstantKind::End); // no one to wait for
        QVERIFY(TraceCallouts::find(m).empty());
    }

    // The picture carries them, and leaves them out when they are switched off.
    void calloutsInThePicture()
    {
        const TraceModel m = lesson();
        TimelineDocument with(m, 1200, false);
        TimelineDocument without(m, 1200, false);
        without.setCallouts(false);
        const QImage a = with.toImage();
        const QImage b = without.toImage();
        QCOMPARE(a.size(), b.size());
        int differing = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x)
                differing += a.pixel(x, y) != b.pixel(x, y);
        }
        QVERIFY2(differing > 500, qPrintable(QString::number(differing)));
    }

    void outcomeSentences_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("warning");
        QTest::newRow("lost updates") << qint64(1005) << QStringLiteral("counter = 1005, expected 4000: 2,995 short")
                                      << true;
        QTest::newRow("exact") << qint64(4000) << QStringLiteral("counter = 4000, as expected") << false;
        QTest::newRow("too many") << qint64(4012) << QStringLiteral("counter = 4012, expected 4000: 12 over") << true;
    }

    // Said beside the main thread's end, whichever way the value came out.
    void outcomeSentences()
    {
        QFETCH(qint64, value);
        QFETCH(QString, text);
        QFETCH(bool, warning);
        const TraceModel m = withOutcome({ QStringLiteral("counter"), value, 4000 });
        const std::vector<Callout> found = TraceCallouts::find(m);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().text, text);
        QCOMPARE(found.front().warning, warning);
        QCOMPARE(found.front().lane, m.laneIndex(1, 1));
        QCOMPARE(found.front().t, 960 * kMs);
    }

    // An `expect` instant of another tool's trace, without our args, says nothing.
    void foreignExpectIsSilent()
    {
        TraceModel m;
        const int main = m.ensureMainLane(1, 1);
        m.setState(main, 0, State::Running);
        m.addInstant(main, 10 * kMs, InstantKind::Other, {}, 0, m.internName(QStringLiteral("expect")));
        m.addInstantArgs(main, 0, "\"shared\":\"x\",\"value\":\"many\",\"expected\":1");
        m.addInstant(main, 20 * kMs, InstantKind::End);
        QVERIFY(TraceCallouts::find(m).empty());
    }

    // Drawn whole, one line, beside its mark, and only with callouts on.
    void outcomeInThePicture()
    {
        const TraceModel m = withOutcome({ QStringLiteral("counter"), 1005, 4000 });
        TimelineDocument with(m, 1200, false);
        TimelineDocument without(m, 1200, false);
        without.setCallouts(false);
        checkLabelDrawn(
            with.toImage(), without.toImage(), QStringLiteral("counter = 1005, expected 4000: 2,995 short"), 1.0);
    }

    // A saved trace keeps the outcome: read back, it says the same and writes the same bytes.
    void outcomeSurvivesTheRoundTrip()
    {
        const TraceModel m = withOutcome({ QStringLiteral("counter"), 1005, 4000 });
        const QByteArray first = chromeTrace(m);
        QVERIFY2(first.contains("\"name\":\"expect\""), first.constData());
        QVERIFY2(
            first.contains("\"args\":{\"shared\":\"counter\",\"value\":1005,\"expected\":4000}"), first.constData());
        const ChromeTraceImportResult back = importChromeTraceData(first, QStringLiteral("run.json"));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(chromeTrace(back.model), first);
        const std::vector<Callout> found = TraceCallouts::find(back.model);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().text, QStringLiteral("counter = 1005, expected 4000: 2,995 short"));
    }

    // The lesson itself: a real run of counter-race writes the outcome into its trace, and the
    // trace drawn again (forkline render) shows it.
    void counterRaceRun()
    {
        QTemporaryDir dir;
        const QString trace = dir.filePath(QStringLiteral("race.json"));
        const QString png = dir.filePath(QStringLiteral("race.png"));
        const auto run = ForklineTest::runCli({ QStringLiteral("run"), QStringLiteral("counter-race"),
            QStringLiteral("--trace"), trace, QStringLiteral("--png"), png });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const ChromeTraceImportResult back = importChromeTrace(trace);
        QVERIFY2(back.ok(), qPrintable(back.error));
        const TraceModel& m = back.model;
        const int main = ForklineTest::laneNamed(m, QStringLiteral("MainThread"));
        QVERIFY(main >= 0);
        std::vector<ExpectOutcome> outcomes;
        const Lane& lane = m.lane(main);
        for (size_t k = 0; k < lane.instants.size(); ++k) {
            ExpectOutcome o;
            if (m.nameOf(lane.instants[k]) == QLatin1String("expect")
                && ExpectOutcome::fromArgs(m.instantArgs(lane, k), &o))
                outcomes.push_back(o);
        }
        QCOMPARE(outcomes.size(), size_t(1));
        const ExpectOutcome& outcome = outcomes.front();
        QCOMPARE(outcome.shared, QStringLiteral("counter"));
        QCOMPARE(outcome.expected, qint64(4000));
        // What the program printed is the value the trace keeps.
        QVERIFY2(run.out.contains(QByteArray("counter = " + QByteArray::number(outcome.value) + " (expected 4000)")),
            run.out.constData());
        const std::vector<Callout> found = TraceCallouts::find(m);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().text, TraceCallouts::outcomeText(outcome));
        QCOMPARE(found.front().lane, main);

        const QString again = dir.filePath(QStringLiteral("again.png"));
        const auto render = ForklineTest::runCli({ QStringLiteral("render"), trace, QStringLiteral("--png"), again });
        QVERIFY2(render.exitCode == 0, render.err.constData());
        ImageExportOptions options;
        options.callouts = false;
        QString error;
        const QString off = dir.filePath(QStringLiteral("off.png"));
        QVERIFY2(exportTimeline(m, off, options, &error), qPrintable(error));
        const QImage without(off);
        checkLabelDrawn(QImage(again), without, found.front().text, options.scale);
        checkLabelDrawn(QImage(png), without, found.front().text, options.scale);
    }

    // An exported picture follows the switch too.
    void exportFollowsTheSwitch()
    {
        QTemporaryDir dir;
        const TraceModel m = lesson();
        ImageExportOptions options;
        options.width = 1000;
        options.scale = 1;
        QString error;
        QVERIFY2(exportTimeline(m, dir.filePath(QStringLiteral("on.png")), options, &error), qPrintable(error));
        options.callouts = false;
        QVERIFY2(exportTimeline(m, dir.filePath(QStringLiteral("off.png")), options, &error), qPrintable(error));
        const QImage on(dir.filePath(QStringLiteral("on.png")));
        const QImage off(dir.filePath(QStringLiteral("off.png")));
        QCOMPARE(on.size(), off.size());
        QVERIFY(on != off);
    }
};

QTEST_MAIN(TestTraceCallouts)
#include "tst_tracecallouts.moc"
