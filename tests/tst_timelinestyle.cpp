// SPDX-License-Identifier: GPL-3.0-or-later
#include "textfit.h"
#include "timelinestyle.h"

#include <QGuiApplication>
#include <QPainter>
#include <QTest>

using namespace Forkline;

class TestTimelineStyle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boxWordsAsDrawText_data();
    void boxWordsAsDrawText();
};

void TestTimelineStyle::boxWordsAsDrawText_data()
{
    QTest::addColumn<int>("scale");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::newRow("screen") << 1 << false << Qt::LayoutDirectionAuto;
    QTest::newRow("screen, left to right") << 1 << false << Qt::LeftToRight;
    QTest::newRow("screen, right to left") << 1 << false << Qt::RightToLeft;
    QTest::newRow("projector") << 1 << true << Qt::LayoutDirectionAuto;
    QTest::newRow("2x picture") << 2 << false << Qt::LayoutDirectionAuto;
}

// The words on a box, laid out once and kept, land on the pixels drawText gives the same
// words in the same box: any script, any width that shortens them, any height.
void TestTimelineStyle::boxWordsAsDrawText()
{
    QFETCH(int, scale);
    QFETCH(bool, presentation);
    QFETCH(Qt::LayoutDirection, direction);
    const TimelineStyle style(QFont(), presentation);
    const QFontMetrics fm(style.smallFont);
    const QStringList texts { QStringLiteral("sleep 1 s"), QStringLiteral("ExecuteCompiler frontend"),
        QStringLiteral("매수 주문을 기다림"), QStringLiteral("שלום עולם and more"), QStringLiteral("join th1"),
        QStringLiteral("compute 0..5e7") };
    int drawn = 0;
    for (const QString& text : texts) {
        for (int height : { fm.height() - 3, fm.height(), style.laneHeight - 1, style.laneHeight, 31 }) {
            for (int width = 4; width < fm.horizontalAdvance(text) + 30; width += 5) {
                const QRect box(7, 3, width, height);
                QImage ours(QSize(width + 20, height + 10) * scale, QImage::Format_ARGB32_Premultiplied);
                ours.setDevicePixelRatio(scale);
                ours.fill(style.laneBackground());
                QImage theirs = ours;
                {
                    QPainter p(&ours);
                    p.setLayoutDirection(direction);
                    p.setFont(style.smallFont);
                    p.setPen(style.textColor());
                    style.drawBoxWords(&p, box, text, fm);
                }
                {
                    QPainter p(&theirs);
                    p.setLayoutDirection(direction);
                    p.setFont(style.smallFont);
                    p.setPen(style.textColor());
                    const TextFit::Words words = TextFit::elided(style.smallFont, text, box.width());
                    if (!words.text.isEmpty() && words.text != QStringLiteral("…")) {
                        const QColor backing = style.laneBackground();
                        const int w = std::min(box.width(), words.advance + 2);
                        const int th = std::min(box.height(), fm.height());
                        p.fillRect(QRect(box.x() - 1, box.y() + (box.height() - th) / 2, w + 1, th), backing);
                        p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft, words.text);
                        ++drawn;
                    }
                }
                QVERIFY2(ours == theirs,
                    qPrintable(QStringLiteral("%1 in %2x%3").arg(text).arg(box.width()).arg(box.height())));
            }
        }
    }
    QVERIFY(drawn > 100);
}

QTEST_MAIN(TestTimelineStyle)
#include "tst_timelinestyle.moc"
