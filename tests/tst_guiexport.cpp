// SPDX-License-Identifier: GPL-3.0-or-later
// Exports as a teacher meets them in the window: the file name the dialog suggests, the
// sizes it allows, what a failed save or a too-large picture says, and a settings file that
// cannot be written.
#include "export/exportcontroller.h"
#include "export/exportimagedialog.h"
#include "guitestutil.h"
#include "imagelimits.h"
#include "settings/settingsformat.h"
#include "tracemodel.h"
#include "window/mainwindow.h"
#include "window/messagebar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace Forkline;
using ForklineTest::onNextDialog;

namespace {

constexpr qint64 kMs = 1000000;

TraceModel modelNamed(const QString& scenario, int lanes = 2)
{
    TraceModel m;
    m.scenario = scenario;
    m.ensureProcess(100).name = QStringLiteral("p");
    for (int i = 0; i < lanes; ++i) {
        const int lane = m.ensureLane(100, 100 + i);
        m.lane(lane).name = QStringLiteral("t%1").arg(i);
        m.addInstant(lane, i * kMs, InstantKind::Start);
        m.setState(lane, i * kMs, State::Running);
        m.addInstant(lane, i * kMs + 10 * kMs, InstantKind::End);
    }
    return m;
}

} // namespace

class TestGuiExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void suggestsASafeFileName_data();
    void suggestsASafeFileName();
    void traceDialogSuggestsASafeFileName();
    void failedSaveSaysWhy();
    void widthIsLimitedByTheScale();
    void manyLanesAreLeftOutWithANote();
    void slidePresetsGiveExactSize();
    void copyImageKeepsToTheLimits();
    void settingsThatCannotBeSavedSaySo();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiExport::initTestCase()
{
    // Never touch the settings of a real user.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guiexport"));
    QSettings::setPath(SettingsFormat::format(), QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGuiExport::suggestsASafeFileName_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("plain") << QStringLiteral("buyer-seller") << QStringLiteral("buyer-seller.png");
    QTest::newRow("up and out") << QStringLiteral("../../x") << QStringLiteral("x.png");
    QTest::newRow("separators") << QStringLiteral("a/b\\c") << QStringLiteral("a-b-c.png");
    QTest::newRow("newline") << QStringLiteral("two\nlines") << QStringLiteral("two-lines.png");
    QTest::newRow("empty") << QString() << QStringLiteral("forkline.png");
    QTest::newRow("300 characters") << QString(300, u'a') << QString(60, u'a') + QStringLiteral(".png");
    QTest::newRow("Korean") << QStringLiteral("매수자와 매도자") << QStringLiteral("매수자와 매도자.png");
}

void TestGuiExport::suggestsASafeFileName()
{
    QFETCH(QString, scenario);
    QFETCH(QString, fileName);
    QVERIFY(m_window->showModel(modelNamed(scenario), QStringLiteral("A title")));
    QString suggested;
    onNextDialog([&suggested](QWidget* modal) {
        if (auto* dialog = qobject_cast<ExportImageDialog*>(modal))
            suggested = dialog->path();
    });
    m_window->exports()->exportImageAction()->trigger();
    QCOMPARE(QFileInfo(suggested).fileName(), fileName);
    // In the export folder (home at first), not above it.
    QCOMPARE(QFileInfo(suggested).absolutePath(), QFileInfo(QDir::homePath()).absoluteFilePath());
}

void TestGuiExport::traceDialogSuggestsASafeFileName()
{
    QVERIFY(m_window->showModel(modelNamed(QStringLiteral("../../etc/x")), QStringLiteral("A title")));
    QString suggested;
    onNextDialog([&suggested](QWidget* modal) {
        if (auto* dialog = qobject_cast<QFileDialog*>(modal); dialog && !dialog->selectedFiles().isEmpty())
            suggested = dialog->selectedFiles().first();
    });
    m_window->exports()->exportTraceAction()->trigger();
    QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("etc-x.json"));
}

void TestGuiExport::failedSaveSaysWhy()
{
    QVERIFY(m_window->showModel(modelNamed(QStringLiteral("lesson")), QStringLiteral("A title")));
    const QString plain = m_dir.filePath(QStringLiteral("plain"));
    QVERIFY(QFile(plain).open(QIODevice::WriteOnly));
    const QString path = plain + QStringLiteral("/lesson.png");
    onNextDialog([&path](QWidget* modal) {
        if (auto* dialog = qobject_cast<ExportImageDialog*>(modal)) {
            dialog->findChild<QLineEdit*>()->setText(path);
            dialog->accept();
        }
    });
    m_window->exports()->exportImageAction()->trigger();
    const QString expected = QStringLiteral("cannot write %1: Not a directory").arg(path);
    QTRY_COMPARE(m_window->messageBar()->text(), expected);
    QVERIFY(m_window->messageBar()->isVisible());
}

void TestGuiExport::widthIsLimitedByTheScale()
{
    const TraceModel model = modelNamed(QStringLiteral("lesson"));
    ExportImageDialog dialog(model, m_dir.filePath(QStringLiteral("x.png")));
    auto* width = dialog.findChild<QSpinBox*>(QStringLiteral("width"));
    QVERIFY(width);
    auto* format = dialog.findChild<QComboBox*>(QStringLiteral("format"));
    auto* scale = dialog.findChild<QComboBox*>(QStringLiteral("scale"));
    QVERIFY(format && scale);
    QCOMPARE(scale->currentData().toDouble(), 2.0);
    QCOMPARE(width->maximum(), 16384);
    scale->setCurrentIndex(scale->findData(3.0));
    QCOMPARE(width->maximum(), 10922);
    QVERIFY2(width->toolTip().contains(QLocale().toString(ImageLimits::kMaxSide)), qPrintable(width->toolTip()));
    QVERIFY(width->toolTip().contains(QLatin1String("10922")));
    width->setValue(20000);
    QCOMPARE(width->value(), 10922);
    QCOMPARE(dialog.options().width, 10922);
    // SVG is measured in points: the full side.
    format->setCurrentIndex(format->findData(QStringLiteral("svg")));
    QCOMPARE(width->maximum(), ImageLimits::kMaxSide);
}

void TestGuiExport::manyLanesAreLeftOutWithANote()
{
    const TraceModel model = modelNamed(QStringLiteral("many"), 20000);
    ExportImageDialog dialog(model, m_dir.filePath(QStringLiteral("many.png")));
    auto* size = dialog.findChild<QLabel*>(QStringLiteral("size"));
    QVERIFY(size);
    QVERIFY2(size->text().contains(QLatin1String("not drawn")), qPrintable(size->text()));
    QVERIFY2(size->text().contains(QLocale().toString(20000)), qPrintable(size->text()));
}

// A 20 s run drawn for a 16:9 slide: exactly 1920 × 1080 pixels, larger text, the width box
// off while a slide decides it; back to as tall as the lanes need when the slide is none.
void TestGuiExport::slidePresetsGiveExactSize()
{
    const TraceModel model = modelNamed(QStringLiteral("lesson"), 3);
    ExportImageDialog dialog(model, m_dir.filePath(QStringLiteral("slide.png")));
    auto* slide = dialog.findChild<QComboBox*>(QStringLiteral("slide"));
    auto* width = dialog.findChild<QSpinBox*>(QStringLiteral("width"));
    auto* size = dialog.findChild<QLabel*>(QStringLiteral("size"));
    QVERIFY(slide && width && size);
    QCOMPARE(slide->count(), 3);
    slide->setCurrentIndex(slide->findData(QSize(1920, 1080)));
    ImageExportOptions o = dialog.options();
    QCOMPARE(o.width, 1920);
    QCOMPARE(o.height, 1080);
    QCOMPARE(o.scale, 1.0);
    QVERIFY(o.presentation);
    QVERIFY(!width->isEnabled());
    QVERIFY2(size->text().contains(QStringLiteral("1920 × 1080")), qPrintable(size->text()));
    QString error;
    QVERIFY2(exportTimeline(model, dialog.path(), o, &error), qPrintable(error));
    QCOMPARE(QImage(dialog.path()).size(), QSize(1920, 1080));
    slide->setCurrentIndex(slide->findData(QSize(1280, 720)));
    QVERIFY2(size->text().contains(QStringLiteral("1280 × 720")), qPrintable(size->text()));
    slide->setCurrentIndex(0);
    QVERIFY(width->isEnabled());
    QCOMPARE(dialog.options().height, 0);
}

void TestGuiExport::copyImageKeepsToTheLimits()
{
    QVERIFY(m_window->showModel(modelNamed(QStringLiteral("many"), 20000), QStringLiteral("Many")));
    QSignalSpy messages(m_window->exports(), &ExportController::message);
    m_window->exports()->copyImageAction()->trigger();
    QCOMPARE(messages.count(), 1);
    QVERIFY2(messages.first().first().toString().contains(QLatin1String("not drawn")),
        qPrintable(messages.first().first().toString()));
    const QImage image = QApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QVERIFY(image.height() <= ImageLimits::kMaxSide);
    QVERIFY(qint64(image.width()) * image.height() <= ImageLimits::kMaxPixels);
}

void TestGuiExport::settingsThatCannotBeSavedSaySo()
{
    // A settings folder that cannot be: its parent is a file. Root cannot write there either.
    const QString plain = m_dir.filePath(QStringLiteral("not-a-folder"));
    QVERIFY(QFile(plain).open(QIODevice::WriteOnly));
    QSettings::setPath(SettingsFormat::format(), QSettings::UserScope, plain);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setTimeScale(window.timeScale() == 0.5 ? 0.25 : 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(window.messageBar()->text().endsWith(QLatin1String(": Not a directory")), 10000);
    QVERIFY2(window.messageBar()->text().startsWith(QStringLiteral("cannot write ") + plain),
        qPrintable(window.messageBar()->text()));
    QSettings::setPath(SettingsFormat::format(), QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
}

QTEST_MAIN(TestGuiExport)
#include "tst_guiexport.moc"
