// SPDX-License-Identifier: GPL-3.0-or-later
// Help and language: About says version and license and links to the documentation, F1 shows
// the documentation that came with the program, and View > Language changes the whole window
// at once and is remembered.
#include "settings/settings.h"
#include "settings/settingsformat.h"
#include "translations.h"
#include "window/aboutdialog.h"
#include "window/documentation.h"
#include "window/documentationwindow.h"
#include "window/helpmenu.h"
#include "window/languagemenu.h"
#include "window/mainwindow.h"
#include "window/windowhost.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Forkline;

class TestGuiHelp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void documentationIsFoundBesideTheProgram();
    void aboutSaysVersionLicenseAndWhereTheDocumentationIs();
    void f1ShowsTheDocumentation();
    void languageSwitchesAtOnceAndIsRemembered();

private:
    QTemporaryDir m_settingsDir;
};

void TestGuiHelp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guihelp"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    QSettings::setPath(SettingsFormat::format(), QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestGuiHelp::documentationIsFoundBesideTheProgram()
{
    // The build copies it beside the program (build/share/doc/forkline); this test runs from
    // build/tests, as an installed program runs from PREFIX/bin.
    const QString readme = Documentation::readme();
    QVERIFY2(!readme.isEmpty(), qPrintable(QCoreApplication::applicationDirPath()));
    QVERIFY(QFileInfo(QFileInfo(readme).dir().filePath(QStringLiteral("docs/scenarios.md"))).isFile());
    // And from the program's own folder in the build tree.
    const QString program = QFileInfo(QStringLiteral(FORKLINE_BIN)).absolutePath();
    QCOMPARE(Documentation::readme(program), readme);
    QTemporaryDir nowhere;
    QCOMPARE(Documentation::readme(nowhere.path()), QString());
}

void TestGuiHelp::aboutSaysVersionLicenseAndWhereTheDocumentationIs()
{
    const QString readme = Documentation::readme();
    AboutDialog about(readme);
    const QString text = about.textLabel()->text();
    QVERIFY2(text.contains(QLatin1String("Forkline 9.8.7")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("GPL-3.0-or-later")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("https://www.gnu.org/licenses/gpl-3.0.html")), qPrintable(text));
    QVERIFY2(text.contains(QUrl::fromLocalFile(readme).toString()), qPrintable(text));
    QVERIFY(about.aboutQtButton());
    QCOMPARE(about.aboutQtButton()->text(), QStringLiteral("About &Qt"));
    // Without its files, About points at the project's site.
    AboutDialog bare(QString {});
    QVERIFY(bare.textLabel()->text().contains(Documentation::onlineReadme()));
}

void TestGuiHelp::f1ShowsTheDocumentation()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.help()->documentationAction()->shortcut(), QKeySequence(QKeySequence::HelpContents));
    QVERIFY(window.help()->menu()->actions().contains(window.help()->aboutQtAction()));
    QTest::keyClick(&window, Qt::Key_F1);
    QTRY_VERIFY(window.help()->documentationWindow() && window.help()->documentationWindow()->isVisible());
    QTextBrowser* browser = window.help()->documentationWindow()->browser();
    QVERIFY(browser->source().toLocalFile().endsWith(QLatin1String("/README.md")));
    QVERIFY2(browser->toPlainText().contains(QLatin1String("Using it")), qPrintable(browser->toPlainText().left(300)));
    // The README's links to docs/ lead to the copies beside it.
    browser->setSource(browser->source().resolved(QUrl(QStringLiteral("docs/scenarios.md"))));
    QVERIFY(browser->source().toLocalFile().endsWith(QLatin1String("/docs/scenarios.md")));
    QVERIFY(browser->toPlainText().size() > 1000);
}

void TestGuiHelp::languageSwitchesAtOnceAndIsRemembered()
{
    const QString fileEnglish = QStringLiteral("&File");
    WindowHost host;
    host.window()->show();
    QVERIFY(host.window()->selectScenario(QStringLiteral("three-threads")));
    host.window()->setSessionTimeScale(0.25);
    QCOMPARE(host.window()->menuBar()->actions().constFirst()->text(), fileEnglish);

    MainWindow* english = host.window();
    host.window()->languageMenu()->action(QStringLiteral("ko"))->trigger();
    QTRY_VERIFY(host.window() != english);
    const QString fileKorean = host.window()->menuBar()->actions().constFirst()->text();
    QVERIFY2(fileKorean != fileEnglish, qPrintable(fileKorean));
    QCOMPARE(fileKorean, QCoreApplication::translate("Forkline::MainWindow", "&File"));
    // Every panel speaks it, not only the menus: the run button of the toolbar, say.
    QCOMPARE(host.window()->runAction()->text(), QCoreApplication::translate("Forkline::MainWindow", "&Run"));
    // What the window showed went over.
    QCOMPARE(host.window()->currentScenario(), QStringLiteral("three-threads"));
    QCOMPARE(host.window()->timeScale(), 0.25);
    QVERIFY(host.window()->languageMenu()->action(QStringLiteral("ko"))->isChecked());
    QCOMPARE(Settings().language(), QStringLiteral("ko"));

    MainWindow* korean = host.window();
    host.window()->languageMenu()->action(QStringLiteral("en"))->trigger();
    QTRY_VERIFY(host.window() != korean);
    QCOMPARE(host.window()->menuBar()->actions().constFirst()->text(), fileEnglish);
    QCOMPARE(Settings().language(), QStringLiteral("en"));
}

QTEST_MAIN(TestGuiHelp)
#include "tst_guihelp.moc"
