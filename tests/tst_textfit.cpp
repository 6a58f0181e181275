// SPDX-License-Identifier: GPL-3.0-or-later
#include "textfit.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <algorithm>
#include <numeric>
#include <random>

using namespace Forkline;

class TestTextFit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameAsElidedText_data();
    void sameAsElidedText();
    void followsTheFont();
    void drawnWhereDrawTextPutsThem_data();
    void drawnWhereDrawTextPutsThem();
};

void TestTextFit::sameAsElidedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("slice") << QStringLiteral("ExecuteCompiler frontend of a long file");
    QTest::newRow("state") << QStringLiteral("sleep 0.5 s");
    QTest::newRow("hangul") << QStringLiteral("매수 주문을 기다림");
    QTest::newRow("one letter") << QStringLiteral("x");
    QTest::newRow("variants") << QStringLiteral("a long variant of the words") + QChar(0x9c) + QStringLiteral("short");
}

// Whatever widths were asked before, in whatever order, each answer is what elidedText and
// horizontalAdvance give for that width alone.
void TestTextFit::sameAsElidedText()
{
    QFETCH(QString, text);
    const QFont font;
    const QFontMetrics fm(font);
    std::vector<int> widths(400);
    std::iota(widths.begin(), widths.end(), -5);
    std::shuffle(widths.begin(), widths.end(), std::mt19937(7));
    for (int round = 0; round < 2; ++round) {
        for (int width : widths) {
            const TextFit::Words words = TextFit::elided(font, text, width);
            const QString expected = fm.elidedText(text, Qt::ElideRight, width);
            QCOMPARE(words.text, expected);
            QCOMPARE(words.advance, fm.horizontalAdvance(expected));
            // Laid out once, with the words: a box drawn with them does not shape them again.
            QCOMPARE(words.laidOut->text(), expected);
        }
    }
}

// Another font measures again: the words kept for one are not the other's.
void TestTextFit::followsTheFont()
{
    const QString text = QStringLiteral("compute 0..5e7 on a long lane");
    QFont small;
    small.setPixelSize(9);
    QFont big;
    big.setPixelSize(30);
    const int width = QFontMetrics(small).horizontalAdvance(text) + 1;
    QCOMPARE(TextFit::elided(small, text, width).text, text);
    QCOMPARE(TextFit::elided(big, text, width).text, QFontMetrics(big).elidedText(text, Qt::ElideRight, width));
    QVERIFY(TextFit::elided(big, text, width).text != text);
    QCOMPARE(TextFit::elided(small, text, width).advance, QFontMetrics(small).horizontalAdvance(text));
}

void TestTextFit::drawnWhereDrawTextPutsThem_data()
{
    QTest::addColumn<int>("alignment");
    QTest::addColumn<int>("scale");
    QTest::newRow("left") << int(Qt::AlignLeft) << 1;
    QTest::newRow("centred") << int(Qt::AlignHCenter) << 1;
    QTest::newRow("centred, 2x picture") << int(Qt::AlignHCenter) << 2;
}

// The kept line lands on the pixels drawText gives the same words in the same box, left or
// centred (a lane's totals), at any box size that holds them or not, in any script.
void TestTextFit::drawnWhereDrawTextPutsThem()
{
    QFETCH(int, alignment);
    QFETCH(int, scale);
    const Qt::Alignment horizontal = Qt::Alignment(alignment);
    QFont font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics fm(font);
    const QStringList texts { QStringLiteral("computing 2.7 s · waiting: GIL 2.7 s"), QStringLiteral("sleep 1 s"),
        QStringLiteral("매수 주문을 기다림 1.2 s"), QStringLiteral("שלום עולם and more") };
    int fast = 0;
    for (const QString& text : texts) {
        const TextFit::Words words = TextFit::elided(font, text, INT_MAX);
        for (int height : { fm.height() - 3, fm.height(), fm.height() + 1, fm.height() + 6, 31 }) {
            for (int width = words.advance - 6; width < words.advance + 30; width += 3) {
                const QRect box(5, 4, width, height);
                QImage ours(QSize(width + 14, height + 10) * scale, QImage::Format_ARGB32_Premultiplied);
                ours.setDevicePixelRatio(scale);
                ours.fill(QColor(238, 241, 246));
                QImage theirs = ours;
                for (QImage* image : { &ours, &theirs }) {
                    QPainter p(image);
                    p.setFont(font);
                    p.setPen(QColor(30, 34, 40));
                    if (image == &ours)
                        TextFit::draw(&p, box, words, horizontal);
                    else
                        p.drawText(box, Qt::AlignVCenter | horizontal, words.text);
                }
                QVERIFY2(ours == theirs, qPrintable(QStringLiteral("%1 in %2x%3").arg(text).arg(width).arg(height)));
                if (width >= words.advance && height >= fm.height())
                    ++fast;
            }
        }
    }
    QVERIFY(fast > 20);
}

QTEST_MAIN(TestTextFit)
#include "tst_textfit.moc"
