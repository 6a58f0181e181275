// SPDX-License-Identifier: GPL-3.0-or-later
// Slides: a picture of exactly the size asked (1920 × 1080, 1280 × 720), the whole run fitted
// to its width and its lanes fitted to its height.
#include "imagelimits.h"
#include "timelinedocument.h"
#include "timelineexport.h"
#include "tracemodel.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;

namespace {

constexpr qint64 kMs = 1000000;

// One process with `lanes` threads; the run lasts `seconds`.
TraceModel run(int lanes, int seconds)
{
    TraceModel m;
    m.title = QStringLiteral("A run");
    m.ensureProcess(100).name = QStringLiteral("run");
    for (int i = 0; i < lanes; ++i) {
        const int lane = m.ensureLane(100, 100 + i);
        m.lane(lane).name = QStringLiteral("t%1").arg(i);
        m.addInstant(lane, 0, InstantKind::Start);
        m.setState(lane, 0, State::Running);
        m.setState(lane, kMs, State::Sleeping);
        m.addInstant(lane, seconds * 1000 * kMs, InstantKind::End);
    }
    return m;
}

} // namespace

class TestSlide : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactSize_data();
    void exactSize();
    void fewLanesGrowManyShrink();
    void tooManyLanesAreLeftOutWithANote();
    void exportWritesTheSlide();
    void slideNeedsBothSides();
};

void TestSlide::exactSize_data()
{
    QTest::addColumn<QSize>("slide");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<double>("scale");
    QTest::newRow("1080, 2 lanes, 1 s") << QSize(1920, 1080) << 2 << 1 << 1.0;
    QTest::newRow("1080, 12 lanes, 20 s") << QSize(1920, 1080) << 12 << 20 << 1.0;
    QTest::newRow("720, 12 lanes, 600 s") << QSize(1280, 720) << 12 << 600 << 1.0;
    QTest::newRow("720 at 2x, 200 lanes") << QSize(1280, 720) << 200 << 3 << 2.0;
}

void TestSlide::exactSize()
{
    QFETCH(QSize, slide);
    QFETCH(int, lanes);
    QFETCH(int, seconds);
    QFETCH(double, scale);
    const TraceModel model = run(lanes, seconds);
    const TimelineDocument doc(model, slide, true, scale);
    QCOMPARE(doc.size(), slide);
    QCOMPARE(doc.toImage().size(), slide * scale);
}

void TestSlide::fewLanesGrowManyShrink()
{
    const TraceModel few = run(3, 5);
    const TimelineDocument natural(few, 1920, true);
    const TimelineDocument slide(few, QSize(1920, 1080), true);
    QVERIFY2(slide.rowsHeight() > natural.rowsHeight() * 3 / 2,
        qPrintable(QStringLiteral("%1 vs %2").arg(slide.rowsHeight()).arg(natural.rowsHeight())));

    const TraceModel many = run(14, 5);
    const TimelineDocument tall(many, 1280, true);
    const TimelineDocument fitted(many, QSize(1280, 720), true);
    QVERIFY(tall.size().height() > 720); // it would not fit as it is
    QCOMPARE(fitted.lanesLeftOut(), 0);
    QVERIFY(fitted.rowsHeight() < tall.rowsHeight());
}

void TestSlide::tooManyLanesAreLeftOutWithANote()
{
    const TraceModel model = run(300, 5);
    const TimelineDocument doc(model, QSize(1280, 720), true);
    QCOMPARE(doc.size(), QSize(1280, 720));
    QVERIFY(doc.lanesLeftOut() > 0);
    QVERIFY(doc.lanesLeftOut() < 300);
    QVERIFY(!doc.leftOutNote().isEmpty());
}

void TestSlide::exportWritesTheSlide()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ImageExportOptions o;
    o.width = 1280;
    o.height = 720;
    o.scale = 1.0;
    o.presentation = true;
    QString error;
    const QString png = dir.filePath(QStringLiteral("slide.png"));
    QVERIFY2(exportTimeline(run(4, 10), png, o, &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1280, 720));
    // Something was drawn across the slide: the run's lanes reach its right half.
    int coloured = 0;
    for (int x = 640; x < 1280; x += 8) {
        for (int y = 0; y < 720; y += 8) {
            const QColor c = image.pixelColor(x, y);
            coloured += c.saturation() > 60 ? 1 : 0;
        }
    }
    QVERIFY2(coloured > 100, qPrintable(QString::number(coloured)));
}

void TestSlide::slideNeedsBothSides()
{
    QTemporaryDir dir;
    ImageExportOptions o;
    o.height = 720; // no width
    QString error;
    QVERIFY(!exportTimeline(run(2, 1), dir.filePath(QStringLiteral("x.png")), o, &error));
    QVERIFY(!error.isEmpty());
    o.width = 30000;
    o.height = 30000;
    QVERIFY(!exportTimeline(run(2, 1), dir.filePath(QStringLiteral("x.png")), o, &error));
    QVERIFY(error.contains(QLatin1String("--slide 30000x30000")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));
}

QTEST_MAIN(TestSlide)
#include "tst_slide.moc"
