// SPDX-License-Identifier: GPL-3.0-or-later
// The icon the window and the taskbar show: there at every size a desktop asks for, and it is
// the Forkline drawing (its dark tile and green main lane), not an empty or placeholder image.
#include "window/appicon.h"

#include <QTest>

using namespace Forkline;

namespace {
bool near(const QColor& a, const QColor& b)
{
    return qAbs(a.red() - b.red()) < 24 && qAbs(a.green() - b.green()) < 24 && qAbs(a.blue() - b.blue()) < 24
        && a.alpha() > 200;
}
} // namespace

class TestAppIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hasEverySize_data()
    {
        QTest::addColumn<int>("size");
        for (int size : { 16, 24, 32, 48, 64, 128, 256 })
            QTest::addRow("%d", size) << size;
    }

    void hasEverySize()
    {
        QFETCH(int, size);
        const QIcon icon = appIcon();
        QVERIFY(!icon.isNull());
        QVERIFY2(icon.availableSizes().contains(QSize(size, size)), "a size drawn for it, not scaled from another");
        const QImage image = icon.pixmap(QSize(size, size)).toImage();
        QCOMPARE(image.size(), QSize(size, size));
    }

    void showsTheDrawing()
    {
        const QImage image = appIcon().pixmap(QSize(256, 256)).toImage().convertToFormat(QImage::Format_ARGB32);
        // The rounded tile leaves the corner transparent; inside it, the dark tile and the green
        // main lane (resources/icons/forkline.svg).
        QCOMPARE(image.pixelColor(1, 1).alpha(), 0);
        QVERIFY2(near(image.pixelColor(128, 30), QColor(0x1f, 0x29, 0x33)), "dark tile");
        QVERIFY2(near(image.pixelColor(128, 71), QColor(0x00, 0x9e, 0x73)), "green main lane");
    }
};

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
