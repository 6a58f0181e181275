// SPDX-License-Identifier: GPL-3.0-or-later
// Callouts read from the trace: the sentences a class needs beside the marks that make a
// lesson's point, on the screen and in the pictures.
#include "timelinedocument.h"
#include "timelineexport.h"
#include "tracecallouts.h"
#include "tracemodel.h"

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
