// SPDX-License-Identifier: GPL-3.0-or-later
#include "boxstrip.h"
#include "timelinestyle.h"

#include <QGuiApplication>
#include <QPainter>
#include <QTest>
#include <algorithm>

using namespace Forkline;

class TestBoxStrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boxesAsDrawnOneByOne_data();
    void boxesAsDrawnOneByOne();
    void repeatIsWholePixels();
};

namespace {

QImage blank(int width, int height, int scale)
{
    QImage image(QSize(width, height) * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    return image;
}

} // namespace

void TestBoxStrip::boxesAsDrawnOneByOne_data()
{
    QTest::addColumn<int>("scale");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("dark");
    QTest::newRow("screen") << 1 << false << false;
    QTest::newRow("screen, dark") << 1 << false << true;
    QTest::newRow("projector") << 1 << true << false;
    QTest::newRow("2x picture") << 2 << false << false;
    QTest::newRow("2x projector") << 2 << true << false;
}

// Every state's box, copied into the strip, has the pixels drawStateBox gives it on its own:
// starting at every place in its pattern's repeat, from one column wide to beyond two
// repeats, on rows of any phase, of a lane's height and of a nested band's.
void TestBoxStrip::boxesAsDrawnOneByOne()
{
    QFETCH(int, scale);
    QFETCH(bool, presentation);
    QFETCH(bool, dark);
    TimelineStyle style(QFont(), presentation);
    if (dark) {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
        palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Base, QColor(0x18, 0x19, 0x1c));
        palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        style.usePalette(palette);
    }
    int boxes = 0;
    qint64 pixels = 0;
    qint64 differ = 0;
    for (int s = 0; s < int(State::Count); ++s) {
        const State state = State(s);
        const QSize repeat = style.patternRepeat(state);
        const int period = repeat.width();
        std::vector<int> widths { 1, 2, 3, 4, 5, 6, 7, 8, period - 1, period, period + 1, 2 * period + 3 };
        widths.erase(std::remove_if(widths.begin(), widths.end(), [](int w) { return w < 1; }), widths.end());
        const int slot = 3 * period + 12; // the boxes of one image start at several phases
        const int width = 40 + slot * int(widths.size()) + 2 * period;
        for (int height : { style.laneHeight, 13 }) {
            for (int row = 0; row < repeat.height(); ++row) {
                for (int phase = 0; phase < period; ++phase) {
                    const int y = 5 + row;
                    QImage direct = blank(width, y + height + 5, scale);
                    QImage copied = direct;
                    std::vector<QRect> rects;
                    for (size_t k = 0; k < widths.size(); ++k)
                        rects.emplace_back(40 + phase + int(k) * slot, y, widths[k], height);
                    {
                        QPainter p(&direct);
                        p.setRenderHint(QPainter::Antialiasing, false);
                        for (const QRect& r : rects)
                            style.drawStateBox(&p, r, state);
                    }
                    {
                        QPainter p(&copied);
                        BoxStrip strip(&p, style, 0, width);
                        QVERIFY(strip.isActive());
                        for (const QRect& r : rects)
                            strip.add(r.left(), r.left() + r.width(), state, r.top(), r.height());
                        strip.flush();
                    }
                    for (const QRect& r : rects) {
                        // A box's own pixels; at 2x a hatch line of one drawn alone may also
                        // reach a device pixel past its edge, which the strip leaves alone.
                        const QRect device(r.topLeft() * scale, r.size() * scale);
                        for (int py = device.top(); py <= device.bottom(); ++py) {
                            for (int px = device.left(); px <= device.right(); ++px) {
                                const bool same = direct.pixel(px, py) == copied.pixel(px, py);
                                differ += !same;
                                if (!same && !presentation)
                                    QFAIL(qPrintable(QStringLiteral("state %1, height %2, row %3, box %4+%5: "
                                                                    "differs at device %6,%7")
                                                         .arg(s)
                                                         .arg(height)
                                                         .arg(y)
                                                         .arg(r.left())
                                                         .arg(r.width())
                                                         .arg(px)
                                                         .arg(py)));
                            }
                        }
                        pixels += device.width() * device.height();
                        ++boxes;
                    }
                    if (scale == 1 && !presentation)
                        QCOMPARE(copied, direct);
                }
            }
        }
    }
    // A projector's dashes are 4.5 pixels long and more: where a dash ends on a half pixel,
    // the page position's rounding decides which side takes it, for a box drawn alone too.
    // A few pixels may differ there, none elsewhere (the screen and 2x rows above).
    QVERIFY2(differ <= pixels / 1000, qPrintable(QStringLiteral("%1 of %2").arg(differ).arg(pixels)));
    QVERIFY(boxes > 1000);
}

// Patterns offset to the page repeat in whole pixels, or they could not be copied.
void TestBoxStrip::repeatIsWholePixels()
{
    for (bool presentation : { false, true }) {
        const TimelineStyle style(QFont(), presentation);
        for (int s = 0; s < int(State::Count); ++s) {
            const QSize repeat = style.patternRepeat(State(s));
            QVERIFY(repeat.width() >= 1 && repeat.width() <= 128);
            QVERIFY(repeat.height() >= 1 && repeat.height() <= 128);
        }
        // A half-pixel rhythm (a projector's dashes) takes two rounds.
        QVERIFY(style.patternRepeat(State::WaitingExit).width() % (presentation ? 45 : 15) == 0);
    }
}

QTEST_MAIN(TestBoxStrip)
#include "tst_boxstrip.moc"
