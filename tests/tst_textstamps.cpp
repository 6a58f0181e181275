// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanetotals.h"
#include "textfit.h"
#include "textstamps.h"
#include "timelinestyle.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QTest>

using namespace Forkline;

class TestTextStamps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameAsDrawing_data();
    void sameAsDrawing();
    void inkBeyondTheAreaIsDrawnInstead();
    void declinedWhereCopiesCouldDiffer();
    void keptAcrossFrames();
    void laneTotalsAsDrawText_data();
    void laneTotalsAsDrawText();
};

namespace {

// Boxes' patterns under the words: what a stamp covers must cover them exactly.
QImage patterned(QSize size, int scale, QImage::Format format)
{
    QImage image(size * scale, format);
    image.setDevicePixelRatio(scale);
    image.fill(QColor(120, 160, 210));
    QPainter p(&image);
    p.setPen(QPen(QColor(40, 70, 130), 1));
    for (int x = -size.height(); x < size.width(); x += 4)
        p.drawLine(x, 0, x + size.height(), size.height());
    return image;
}

void addFormats()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("scale");
    QTest::newRow("premultiplied") << int(QImage::Format_ARGB32_Premultiplied) << 1;
    QTest::newRow("premultiplied, 2x") << int(QImage::Format_ARGB32_Premultiplied) << 2;
    QTest::newRow("rgb32 (a window)") << int(QImage::Format_RGB32) << 1;
}

} // namespace

void TestTextStamps::sameAsDrawing_data()
{
    addFormats();
}

// Copied words land on the pixels drawing them gives, over any pattern, at any fraction of a
// pixel, in any script the painter draws itself.
void TestTextStamps::sameAsDrawing()
{
    QFETCH(int, format);
    QFETCH(int, scale);
    const TimelineStyle style(QFont(), false);
    const QFontMetrics fm(style.smallFont);
    const QColor background = style.laneBackground();
    int stamped = 0;
    for (const QString& text : { QStringLiteral("sleep 1 s"), QStringLiteral("매수 주문을 기다림"),
             QStringLiteral("computing 2.7 s · waiting: GIL 2.7 s"), QStringLiteral("ExecuteCompiler") }) {
        const TextFit::Words words = TextFit::elided(style.smallFont, text, INT_MAX);
        for (int height : { fm.height(), fm.height() + 3, 31 }) {
            for (int nudge = 0; nudge < 4; ++nudge) {
                const QRect box(6 + nudge, 5, words.advance + 4, height + nudge % 2);
                const QRect area(box.x() - 1, box.y(), words.advance + 3, box.height());
                QImage ours = patterned(QSize(box.right() + 12, box.bottom() + 12), scale, QImage::Format(format));
                QImage theirs = ours;
                QPointF at;
                {
                    QPainter p(&ours);
                    p.setPen(style.textColor());
                    // Words taller than the box go by drawText, which clips them.
                    bool clipped = false;
                    if (!TextFit::place(&p, box, words, Qt::AlignLeft, &at, &clipped) || clipped)
                        continue;
                    QVERIFY2(TextStamps::draw(&p, area, background, words, at), qPrintable(text));
                    ++stamped;
                }
                {
                    QPainter p(&theirs);
                    p.setPen(style.textColor());
                    p.fillRect(area, background);
                    words.laidOut->lineAt(0).draw(&p, at);
                }
                QVERIFY2(
                    ours == theirs, qPrintable(QStringLiteral("%1 in %2x%3").arg(text).arg(box.width()).arg(height)));
            }
        }
    }
    QVERIFY(stamped >= 4 * 2 * 4);
}

// Letters that reach past the backing (stacked accents in a tight box) are not cut off: the
// caller draws them.
void TestTextStamps::inkBeyondTheAreaIsDrawnInstead()
{
    QFont font;
    font.setPixelSize(14);
    QString tall = QStringLiteral("a");
    for (int i = 0; i < 12; ++i)
        tall += QChar(0x0301);
    const TextFit::Words words = TextFit::elided(font, tall, INT_MAX);
    QImage image = patterned(QSize(60, 40), 1, QImage::Format_ARGB32_Premultiplied);
    const QImage before = image;
    QPainter p(&image);
    const QRect area(10, 15, words.advance + 4, QFontMetrics(font).height());
    QVERIFY(!TextStamps::draw(&p, area, Qt::white, words, QPointF(12, 15)));
    p.end();
    QCOMPARE(image, before);
}

void TestTextStamps::declinedWhereCopiesCouldDiffer()
{
    const QFont font;
    const TextFit::Words words = TextFit::elided(font, QStringLiteral("join th1"), INT_MAX);
    const QRect area(0, 0, words.advance + 4, QFontMetrics(font).height() + 2);
    // Not pixels: a recording is drawn glyph by glyph.
    QPicture picture;
    {
        QPainter p(&picture);
        QVERIFY(!TextStamps::draw(&p, area, Qt::white, words, QPointF(1, 1)));
    }
    QImage image = patterned(QSize(100, 40), 1, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    // A translucent backing shows what is under it, which differs from box to box.
    QVERIFY(!TextStamps::draw(&p, area, QColor(255, 255, 255, 200), words, QPointF(1, 1)));
    // A fractional scale puts letters between the pixels of a copy.
    p.scale(1.5, 1.5);
    QVERIFY(!TextStamps::draw(&p, area, Qt::white, words, QPointF(1, 1)));
    p.resetTransform();
    p.setOpacity(0.5);
    QVERIFY(!TextStamps::draw(&p, area, Qt::white, words, QPointF(1, 1)));
    p.setOpacity(1);
    QVERIFY(TextStamps::draw(&p, area, Qt::white, words, QPointF(1, 1)));
}

// The next frame copies what this one drew: no new image for the same words in the same place
// of their backing, wherever the backing is.
void TestTextStamps::keptAcrossFrames()
{
    const QFont font;
    const TextFit::Words words = TextFit::elided(font, QStringLiteral("compute 0..5e7"), INT_MAX);
    const QRect area(0, 0, words.advance + 4, QFontMetrics(font).height() + 2);
    QImage image = patterned(QSize(400, 200), 1, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    QVERIFY(TextStamps::draw(&p, area, Qt::white, words, QPointF(1, 0.5)));
    const int kept = TextStamps::kept();
    for (int i = 1; i < 20; ++i)
        QVERIFY(TextStamps::draw(&p, area.translated(i * 7, i * 3), Qt::white, words, QPointF(1 + i * 7, 0.5 + i * 3)));
    QCOMPARE(TextStamps::kept(), kept);
    QVERIFY(TextStamps::draw(&p, area, Qt::white, words, QPointF(1, 0.25)));
    QCOMPARE(TextStamps::kept(), kept + 1);
}

void TestTextStamps::laneTotalsAsDrawText_data()
{
    addFormats();
}

// A lane's totals look as they did when drawText wrote them on the chip.
void TestTextStamps::laneTotalsAsDrawText()
{
    QFETCH(int, format);
    QFETCH(int, scale);
    for (bool presentation : { false, true }) {
        const TimelineStyle style(QFont(), presentation);
        const QFontMetrics fm(style.smallFont);
        // Images are kept for one font: the first chip drawn in this one starts the count.
        int kept = -1;
        for (const QString& label : { QStringLiteral("computing 2.7 s · waiting: GIL 2.7 s"),
                 QStringLiteral("대기 1.5 s · 실행 0.5 s"), QStringLiteral("sleeping 10 s · running 2 ms") }) {
            const int width
                = TextFit::elided(style.smallFont, label, INT_MAX).advance + 2 * std::max(2, style.padding / 2);
            for (int y = 3; y < 6; ++y) {
                const QRect box(9, y, width, fm.height());
                QImage ours = patterned(QSize(width + 20, fm.height() + 12), scale, QImage::Format(format));
                QImage theirs = ours;
                {
                    QPainter p(&ours);
                    LaneTotals::paint(&p, box, label, style);
                }
                if (kept < 0)
                    kept = TextStamps::kept();
                {
                    QPainter p(&theirs);
                    p.setRenderHint(QPainter::Antialiasing, true);
                    p.setPen(Qt::NoPen);
                    p.setBrush(style.laneBackground());
                    p.drawRoundedRect(QRectF(box), 3, 3);
                    p.setFont(style.smallFont);
                    p.setPen(style.textColor());
                    p.drawText(box, Qt::AlignCenter, label);
                }
                QVERIFY2(ours == theirs, qPrintable(label));
            }
        }
        // Copied, not drawn: the two other labels have their images too.
        QVERIFY(TextStamps::kept() >= kept + 2);
    }
}

QTEST_MAIN(TestTextStamps)
#include "tst_textstamps.moc"
