// SPDX-License-Identifier: GPL-3.0-or-later
// ImageLimits and the picture that keeps to them: no side over 32,768 pixels, no more than
// 256 Mi pixels in all, and a run with more lanes than fit says how many it left out.
#include "imagelimits.h"
#include "timelinedocument.h"
#include "timelineexport.h"
#include "tracemodel.h"

#include <QImage>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Forkline;

namespace {

constexpr qint64 kMs = 1000000;

// One process with `lanes` threads, each running for a while.
TraceModel manyLanes(int lanes)
{
    TraceModel m;
    m.title = QStringLiteral("Many threads");
    m.ensureProcess(100).name = QStringLiteral("many");
    for (int i = 0; i < lanes; ++i) {
        const int lane = m.ensureLane(100, 100 + i);
        m.lane(lane).name = QStringLiteral("t%1").arg(i);
        m.addInstant(lane, i * kMs / 10, InstantKind::Start);
        m.setState(lane, i * kMs / 10, State::Running);
        m.addInstant(lane, i * kMs / 10 + 5 * kMs, InstantKind::End);
    }
    return m;
}

bool withinLimits(const QSize& pixels)
{
    return pixels.width() <= ImageLimits::kMaxSide && pixels.height() <= ImageLimits::kMaxSide
        && qint64(pixels.width()) * pixels.height() <= ImageLimits::kMaxPixels;
}

} // namespace

class TestImageLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limits_data();
    void limits();
    void tooWideIsRefusedBeforeDrawing();
    void manyLanesAreCutWithANote_data();
    void manyLanesAreCutWithANote();
    void fewLanesAreAllDrawn();
};

void TestImageLimits::limits_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("maxWidth");
    QTest::addColumn<int>("maxHeight");
    QTest::newRow("1x") << 1600 << 1.0 << 32768 << 32768;
    QTest::newRow("2x") << 1600 << 2.0 << 16384 << 16384;
    QTest::newRow("3x") << 1600 << 3.0 << 10922 << 10922;
    // 32,768 pixels wide leaves 8,192 rows of the 256 Mi pixels.
    QTest::newRow("widest at 2x") << 16384 << 2.0 << 16384 << 4096;
    QTest::newRow("8x") << 4096 << 8.0 << 4096 << 1024;
    QTest::newRow("half") << 1600 << 0.5 << 65536 << 65536;
}

void TestImageLimits::limits()
{
    QFETCH(int, width);
    QFETCH(double, scale);
    QFETCH(int, maxWidth);
    QFETCH(int, maxHeight);
    QCOMPARE(ImageLimits::maxWidth(scale), maxWidth);
    QCOMPARE(ImageLimits::maxHeight(width, scale), maxHeight);
    QVERIFY(ImageLimits::fits(QSize(width, maxHeight), scale));
    QVERIFY(!ImageLimits::fits(QSize(width, maxHeight + 1), scale));
}

void TestImageLimits::tooWideIsRefusedBeforeDrawing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("wide.png"));
    QString error;
    QVERIFY(!exportTimeline(manyLanes(3), path, { 16384, 8.0, false }, &error));
    QVERIFY2(error.contains(QLatin1String("131072")) && error.contains(QLatin1String("32768"))
            && error.contains(QLatin1String("--scale")),
        qPrintable(error));
    QVERIFY(!QFile::exists(path));
    // The same width as SVG, measured in points, is fine.
    QVERIFY2(exportTimeline(manyLanes(3), dir.filePath(QStringLiteral("wide.svg")), { 16384, 8.0, false }, &error),
        qPrintable(error));
}

void TestImageLimits::manyLanesAreCutWithANote_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("scale");
    // Which bound stops the picture: what a slide holds (kMaxPictureHeight), or, at a scale
    // where that is more pixels than a picture may have, the side or the total.
    QTest::addColumn<bool>("slide");
    QTest::newRow("1600 at 2x: a slide's height") << 1600 << 2.0 << true;
    QTest::newRow("16384 at 2x: a slide's height") << 16384 << 2.0 << true;
    QTest::newRow("1600 at 8x: a slide's height") << 1600 << 8.0 << true;
    QTest::newRow("1600 at 16x: the side") << 1600 << 16.0 << false;
    QTest::newRow("8192 at 4x: the total") << 8192 << 4.0 << false;
}

void TestImageLimits::manyLanesAreCutWithANote()
{
    QFETCH(int, width);
    QFETCH(double, scale);
    QFETCH(bool, slide);
    const TraceModel model = manyLanes(20000);
    const TimelineDocument doc(model, width, false, scale);
    const QSize pixels(
        int(ImageLimits::pixels(doc.size().width(), scale)), int(ImageLimits::pixels(doc.size().height(), scale)));
    QVERIFY2(withinLimits(pixels), qPrintable(QStringLiteral("%1 x %2").arg(pixels.width()).arg(pixels.height())));
    QVERIFY(doc.size().height() <= ImageLimits::kMaxPictureHeight);
    QCOMPARE(doc.laneCount(), 20000);
    QVERIFY(doc.lanesLeftOut() > 0);
    QVERIFY(doc.lanesLeftOut() < 20000); // the first lanes are there
    // Room is used: the picture is close to the bound, not a sliver.
    const int bound = std::min(ImageLimits::kMaxPictureHeight, ImageLimits::maxHeight(width, scale));
    QVERIFY(doc.size().height() > bound * 0.9);
    const QString note = doc.leftOutNote();
    const QLocale locale;
    QVERIFY2(
        note.contains(locale.toString(doc.lanesLeftOut())) && note.contains(locale.toString(20000)), qPrintable(note));
    if (slide)
        QVERIFY2(note.startsWith(QStringLiteral("%1 more threads not drawn").arg(locale.toString(doc.lanesLeftOut())))
                && note.contains(locale.toString(ImageLimits::kMaxPictureHeight)),
            qPrintable(note));
    else
        QVERIFY2(note.contains(locale.toString(ImageLimits::kMaxSide)), qPrintable(note));
}

void TestImageLimits::fewLanesAreAllDrawn()
{
    const TraceModel model = manyLanes(40);
    const TimelineDocument doc(model, 0, false, 2.0);
    QCOMPARE(doc.laneCount(), 40);
    QCOMPARE(doc.lanesLeftOut(), 0);
    QVERIFY(doc.leftOutNote().isEmpty());
    const QImage image = doc.toImage();
    QCOMPARE(image.size(), QSize(3200, int(ImageLimits::pixels(doc.size().height(), 2.0))));
}

QTEST_MAIN(TestImageLimits)
#include "tst_imagelimits.moc"
