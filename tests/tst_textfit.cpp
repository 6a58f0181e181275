// SPDX-License-Identifier: GPL-3.0-or-later
#include "textfit.h"

#include <QFontMetrics>
#include <QGuiApplication>
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

QTEST_MAIN(TestTextFit)
#include "tst_textfit.moc"
