// SPDX-License-Identifier: GPL-3.0-or-later
// The main toolbar as a person sees it: button texts without accelerators, the whole bar in a
// 1280 px window in English and Korean, icons that follow the palette, tooltips that say what
// an icon-only button is.
#include "export/exportcontroller.h"
#include "replay/replaybar.h"
#include "replay/replaycontroller.h"
#include "toolglyphs.h"
#include "view/timelineview.h"
#include "window/actiontext.h"
#include "window/maintoolbar.h"
#include "window/mainwindow.h"
#include "zoomstate.h"

#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTranslator>

using namespace Forkline;

namespace {

// What a button shows, where a person reads it.
QString shownText(const QToolButton* button)
{
    return button->toolButtonStyle() == Qt::ToolButtonIconOnly && !button->icon().isNull() ? QString() : button->text();
}

// Pixels of the glyph close to `color`.
int inkPixels(const QImage& image, const QColor& color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor px = image.pixelColor(x, y);
            if (px.alpha() > 200 && std::abs(px.red() - color.red()) < 40 && std::abs(px.green() - color.green()) < 40
                && std::abs(px.blue() - color.blue()) < 40)
                ++n;
        }
    }
    return n;
}

} // namespace

class TestGuiToolBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void buttonText_data();
    void buttonText();
    void iconTextFollowsText();
    void glyphsFollowThePalette();
    void fitsAt1280_data();
    void fitsAt1280();
    void iconOnlyButtonsNameThemselves();
};

void TestGuiToolBar::initTestCase()
{
    // Never touch the settings of a real user.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guitoolbar"));
}

void TestGuiToolBar::buttonText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("accelerator") << QStringLiteral("&Run") << QStringLiteral("Run");
    QTest::newRow("inside a word") << QStringLiteral("F&ollow Live") << QStringLiteral("Follow Live");
    QTest::newRow("ellipsis") << QStringLiteral("Export &Image…") << QStringLiteral("Export Image");
    QTest::newRow("three dots") << QStringLiteral("Open...") << QStringLiteral("Open");
    QTest::newRow("literal ampersand") << QStringLiteral("Save && &Quit") << QStringLiteral("Save & Quit");
    QTest::newRow("Korean") << QStringLiteral("실행(&R)") << QStringLiteral("실행");
    QTest::newRow("Korean, ellipsis") << QStringLiteral("시나리오 열기(&O)…") << QStringLiteral("시나리오 열기");
    QTest::newRow("Korean, spaced") << QStringLiteral("다시 보기 (&P)") << QStringLiteral("다시 보기");
    QTest::newRow("brackets that are text") << QStringLiteral("Plan (B)") << QStringLiteral("Plan (B)");
    QTest::newRow("nothing to strip") << QStringLiteral("GIL") << QStringLiteral("GIL");
}

void TestGuiToolBar::buttonText()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(Forkline::buttonText(text), shown);
}

void TestGuiToolBar::iconTextFollowsText()
{
    QAction action(QStringLiteral("실행(&R)"));
    useButtonText(&action);
    useButtonText(&action); // a second call changes nothing
    QCOMPARE(action.iconText(), QStringLiteral("실행"));
    action.setText(QStringLiteral("다시 시작(&R)"));
    QCOMPARE(action.iconText(), QStringLiteral("다시 시작"));
    QCOMPARE(action.text(), QStringLiteral("다시 시작(&R)")); // what menus show
}

void TestGuiToolBar::glyphsFollowThePalette()
{
    const QPalette saved = QApplication::palette();
    for (const bool dark : { false, true }) {
        QPalette palette = saved;
        palette.setColor(QPalette::Active, QPalette::ButtonText, dark ? QColor(0xe6, 0xe8, 0xeb) : QColor(Qt::black));
        palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x84, 0x8a));
        QApplication::setPalette(palette);
        for (const ToolGlyph g :
            { ToolGlyph::ZoomIn, ToolGlyph::ZoomOut, ToolGlyph::FitAll, ToolGlyph::Follow, ToolGlyph::Copy }) {
            const QIcon icon = toolGlyph(g);
            QVERIFY(!icon.isNull());
            const QImage normal = icon.pixmap(QSize(20, 20), 2.0).toImage();
            QCOMPARE(normal.size(), QSize(40, 40));
            QVERIFY2(inkPixels(normal, palette.color(QPalette::Active, QPalette::ButtonText)) > 20,
                qPrintable(QStringLiteral("glyph %1, dark %2").arg(int(g)).arg(dark)));
            const QImage disabled = icon.pixmap(QSize(20, 20), 2.0, QIcon::Disabled).toImage();
            QVERIFY(inkPixels(disabled, palette.color(QPalette::Disabled, QPalette::ButtonText)) > 20);
            QCOMPARE(normal.pixelColor(0, 0).alpha(), 0); // transparent around the strokes
        }
    }
    QApplication::setPalette(saved);
}

void TestGuiToolBar::fitsAt1280_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("Korean") << QStringLiteral("ko");
}

void TestGuiToolBar::fitsAt1280()
{
    QFETCH(QString, language);
    QTranslator korean;
    if (!language.isEmpty()) {
        QVERIFY(korean.load(QStringLiteral(":/i18n/forkline_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&korean);
    }
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        MainToolBar* bar = window.toolBar();
        QVERIFY(bar->isVisible());

        // Nothing spills into the » menu: every action has its own visible widget on the bar.
        const auto* more = bar->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
        QVERIFY(more);
        QVERIFY2(!more->isVisible(), "the toolbar overflows at 1280 px");
        for (QAction* action : bar->actions()) {
            QWidget* widget = bar->widgetForAction(action);
            if (action->isSeparator() || !widget)
                continue;
            QVERIFY2(widget->isVisible(), qPrintable(action->text()));
            QVERIFY2(widget->geometry().right() < bar->width(), qPrintable(action->text()));
        }

        // Buttons read like their menu entries without the accelerator; the menus keep it.
        static const QRegularExpression accelerator(QStringLiteral("&|\\([A-Z]\\)|…$"));
        int textButtons = 0;
        for (QAction* action : bar->actions()) {
            auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action));
            if (!button)
                continue;
            const QString shown = shownText(button);
            QVERIFY2(!shown.contains(accelerator), qPrintable(shown));
            if (!shown.isEmpty()) {
                QCOMPARE(shown, Forkline::buttonText(action->text()));
                ++textButtons;
            }
            QVERIFY2(action->text().contains(QLatin1Char('&')), qPrintable(action->text()));
        }
        QVERIFY(textButtons >= 4); // Open, Run, Stop, GIL, Export Image
        auto* run = qobject_cast<QToolButton*>(bar->widgetForAction(window.runAction()));
        QCOMPARE(run->text(), language.isEmpty() ? QStringLiteral("Run") : QStringLiteral("실행"));

        // The replay bar's button under the timeline, too.
        bool found = false;
        for (auto* button : window.replay()->bar()->findChildren<QToolButton*>()) {
            if (button->toolButtonStyle() != Qt::ToolButtonTextBesideIcon)
                continue;
            found = true;
            QVERIFY2(!button->text().contains(accelerator), qPrintable(button->text()));
        }
        QVERIFY(found);
    }
    QCoreApplication::removeTranslator(&korean);
}

void TestGuiToolBar::iconOnlyButtonsNameThemselves()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MainToolBar* bar = window.toolBar();
    const ZoomState* zoom = window.timelineView()->zoom();
    for (QAction* action : { zoom->zoomInAction(), zoom->zoomOutAction(), zoom->fitAction(), zoom->followAction(),
             window.exports()->copyImageAction() }) {
        QVERIFY(bar->showsIconOnly(action));
        auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action));
        QVERIFY(button);
        QCOMPARE(button->toolButtonStyle(), Qt::ToolButtonIconOnly);
        QVERIFY(!button->icon().isNull());
        QVERIFY(button->width() < 2 * button->height());
        // The name first, then the whole tooltip with its shortcut.
        const QString tip = bar->toolTipFor(action);
        QVERIFY2(tip.contains(QStringLiteral("<b>%1</b>").arg(Forkline::buttonText(action->text()))), qPrintable(tip));
        QVERIFY2(tip.contains(action->toolTip().toHtmlEscaped()), qPrintable(tip));
    }
    QVERIFY(bar->toolTipFor(zoom->zoomInAction()).contains(QLatin1String("(+ or the mouse wheel)")));
    QVERIFY(bar->toolTipFor(window.exports()->copyImageAction())
                .contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C).toString(QKeySequence::NativeText)));

    // Hovering shows it.
    auto* zoomIn = bar->widgetForAction(zoom->zoomInAction());
    QHelpEvent help(QEvent::ToolTip, QPoint(4, 4), zoomIn->mapToGlobal(QPoint(4, 4)));
    QApplication::sendEvent(zoomIn, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().startsWith(QLatin1String("<b>Zoom In</b>")), qPrintable(QToolTip::text()));
    QToolTip::hideText();

    // Buttons with text keep the action's own tooltip: the whole sentence and the shortcut.
    QVERIFY(!bar->showsIconOnly(window.runAction()));
    QCOMPARE(bar->toolTipFor(window.runAction()), window.runAction()->toolTip());
    QVERIFY(window.runAction()->toolTip().endsWith(QLatin1String("(F5)")));
}

QTEST_MAIN(TestGuiToolBar)
#include "tst_guitoolbar.moc"
