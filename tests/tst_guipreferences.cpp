// SPDX-License-Identifier: GPL-3.0-or-later
// Edit > Preferences…: shows what Settings holds, OK writes what was changed, Cancel writes
// nothing, Restore Defaults shows the defaults, the boxes take only what the command line
// does, and the window follows what OK wrote.
#include "explore/explorecontroller.h"
#include "guitestutil.h"
#include "optionranges.h"
#include "settings/preferencesaction.h"
#include "settings/preferencesdialog.h"
#include "settings/settings.h"
#include "settings/settingsformat.h"
#include "window/languagemenu.h"
#include "window/mainwindow.h"
#include "window/windowhost.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace Forkline;
using ForklineTest::onNextDialog;

namespace {

struct Values
{
    QString python;
    double timeScale = 1.0;
    double workScale = 1.0;
    QString language;
    bool presentation = false;
};

void store(Settings& settings, const Values& v)
{
    settings.setPythonInterpreter(v.python);
    settings.setTimeScale(v.timeScale);
    settings.setWorkScale(v.workScale);
    settings.setLanguage(v.language);
    settings.setPresentationMode(v.presentation);
}

template <typename T> T* field(const QDialog& dialog, const char* name)
{
    return dialog.findChild<T*>(QString::fromLatin1(name));
}

} // namespace

class TestGuiPreferences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void showsWhatSettingsHold();
    void okWritesTheChanges();
    void cancelWritesNothing();
    void restoreDefaults();
    void boxesTakeWhatTheCommandLineTakes();
    void missingInterpreterIsSaid();
    void windowFollowsPreferences();
    void languageSwitchesTheWindow();

private:
    QTemporaryDir m_settingsDir;
};

void TestGuiPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guipreferences"));
    QSettings::setPath(SettingsFormat::format(), QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestGuiPreferences::init()
{
    // Each test starts from the defaults.
    Settings settings;
    store(settings, Values {});
    QVERIFY(settings.sync().isEmpty());
}

void TestGuiPreferences::showsWhatSettingsHold()
{
    Settings settings;
    store(settings, { QStringLiteral("python3"), 0.25, 0.01, QStringLiteral("ko"), true });
    PreferencesDialog dialog(&settings);
    QCOMPARE(field<QLineEdit>(dialog, "pythonInterpreter")->text(), QStringLiteral("python3"));
    QCOMPARE(field<QDoubleSpinBox>(dialog, "timeScale")->value(), 0.25);
    QCOMPARE(field<QDoubleSpinBox>(dialog, "workScale")->value(), 0.01);
    QCOMPARE(field<QComboBox>(dialog, "language")->currentData().toString(), QStringLiteral("ko"));
    QCOMPARE(dialog.language(), QStringLiteral("ko"));
    QVERIFY(field<QCheckBox>(dialog, "presentation")->isChecked());
    // Every box has a label a screen reader reads, and a tooltip.
    for (const char* name : { "pythonInterpreter", "timeScale", "workScale", "language", "presentation" }) {
        QWidget* w = field<QWidget>(dialog, name);
        QVERIFY2(w, name);
        QVERIFY2(!w->toolTip().isEmpty(), name);
    }
    QCOMPARE(field<QLabel>(dialog, "timeScaleLabel")->buddy(), field<QWidget>(dialog, "timeScale"));
}

void TestGuiPreferences::okWritesTheChanges()
{
    Settings settings;
    PreferencesDialog dialog(&settings);
    field<QLineEdit>(dialog, "pythonInterpreter")->setText(QStringLiteral("  /opt/python/bin/python3.12 "));
    field<QDoubleSpinBox>(dialog, "timeScale")->setValue(0.5);
    field<QDoubleSpinBox>(dialog, "workScale")->setValue(0.02);
    field<QCheckBox>(dialog, "presentation")->setChecked(true);
    // Nothing is written before OK.
    QCOMPARE(settings.timeScale(), 1.0);
    QTest::mouseClick(field<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(settings.pythonInterpreter(), QStringLiteral("/opt/python/bin/python3.12"));
    QCOMPARE(settings.timeScale(), 0.5);
    QCOMPARE(settings.workScale(), 0.02);
    QVERIFY(settings.presentationMode());
    // And it is what the next start reads.
    QVERIFY(settings.sync().isEmpty());
    QCOMPARE(Settings().timeScale(), 0.5);
}

void TestGuiPreferences::cancelWritesNothing()
{
    Settings settings;
    settings.setTimeScale(2.0);
    PreferencesDialog dialog(&settings);
    field<QDoubleSpinBox>(dialog, "timeScale")->setValue(0.1);
    field<QDoubleSpinBox>(dialog, "workScale")->setValue(0.5);
    field<QLineEdit>(dialog, "pythonInterpreter")->setText(QStringLiteral("python3.11"));
    field<QComboBox>(dialog, "language")
        ->setCurrentIndex(field<QComboBox>(dialog, "language")->findData(QStringLiteral("en")));
    field<QCheckBox>(dialog, "presentation")->setChecked(true);
    QTest::mouseClick(field<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(settings.timeScale(), 2.0);
    QCOMPARE(settings.workScale(), 1.0);
    QCOMPARE(settings.pythonInterpreter(), QString());
    QCOMPARE(settings.language(), QString());
    QVERIFY(!settings.presentationMode());
}

void TestGuiPreferences::restoreDefaults()
{
    Settings settings;
    store(settings, { QStringLiteral("python3.11"), 3.0, 0.05, QStringLiteral("en"), true });
    PreferencesDialog dialog(&settings);
    dialog.show();
    QPushButton* restore = field<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::RestoreDefaults);
    QVERIFY(restore);
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(field<QLineEdit>(dialog, "pythonInterpreter")->text(), QString());
    QCOMPARE(field<QDoubleSpinBox>(dialog, "timeScale")->value(), OptionRanges::timeScale.defaultValue);
    QCOMPARE(field<QDoubleSpinBox>(dialog, "workScale")->value(), OptionRanges::workScale.defaultValue);
    QCOMPARE(dialog.language(), QString());
    QVERIFY(!field<QCheckBox>(dialog, "presentation")->isChecked());
    QVERIFY(dialog.isVisible()); // the button fills the boxes and closes nothing
    // Not written until OK.
    QCOMPARE(settings.timeScale(), 3.0);
    dialog.accept();
    QCOMPARE(settings.pythonInterpreter(), QString());
    QCOMPARE(settings.timeScale(), 1.0);
    QCOMPARE(settings.workScale(), 1.0);
    QCOMPARE(settings.language(), QString());
    QVERIFY(!settings.presentationMode());
}

void TestGuiPreferences::boxesTakeWhatTheCommandLineTakes()
{
    Settings settings;
    PreferencesDialog dialog(&settings);
    auto* time = field<QDoubleSpinBox>(dialog, "timeScale");
    auto* work = field<QDoubleSpinBox>(dialog, "workScale");
    QCOMPARE(time->minimum(), OptionRanges::timeScale.boxMinimum());
    QCOMPARE(time->maximum(), OptionRanges::timeScale.high);
    QCOMPARE(time->decimals(), OptionRanges::timeScale.decimals);
    QCOMPARE(work->minimum(), OptionRanges::workScale.boxMinimum());
    QCOMPARE(work->maximum(), OptionRanges::workScale.high);
    time->setValue(5000);
    work->setValue(0.0);
    dialog.accept();
    QCOMPARE(settings.timeScale(), OptionRanges::timeScale.high);
    QVERIFY(OptionRanges::workScale.contains(settings.workScale()));
    QCOMPARE(settings.workScale(), OptionRanges::workScale.boxMinimum());
}

void TestGuiPreferences::missingInterpreterIsSaid()
{
    Settings settings;
    PreferencesDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* note = field<QLabel>(dialog, "pythonNote");
    QVERIFY(!note->isVisible());
    field<QLineEdit>(dialog, "pythonInterpreter")->setText(QStringLiteral("/no/such/python3"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("/no/such/python3")), qPrintable(note->text()));
    // Said, not refused: the interpreter may come before the next run.
    dialog.accept();
    QCOMPARE(settings.pythonInterpreter(), QStringLiteral("/no/such/python3"));
}

void TestGuiPreferences::windowFollowsPreferences()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* action = window.findChild<PreferencesAction*>();
    QVERIFY(action);
    QVERIFY(!action->shortcuts().isEmpty());
    QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
        qPrintable(action->toolTip()));
    QCOMPARE(action->menuRole(), QAction::PreferencesRole);
    QMenu* edit = window.menuBar()->actions().at(1)->menu();
    QVERIFY(edit && edit->actions().contains(action));

    onNextDialog([](QWidget* modal) {
        auto* dialog = qobject_cast<QDialog*>(modal);
        QVERIFY(dialog);
        field<QDoubleSpinBox>(*dialog, "timeScale")->setValue(0.3);
        field<QDoubleSpinBox>(*dialog, "workScale")->setValue(0.05);
        field<QCheckBox>(*dialog, "presentation")->setChecked(true);
        dialog->accept();
    });
    action->trigger();
    QCOMPARE(window.timeScale(), 0.3);
    QCOMPARE(window.settings()->workScale(), 0.05);
    QDoubleSpinBox* workBox = nullptr;
    const QList<QDoubleSpinBox*> boxes = window.findChildren<QDoubleSpinBox*>();
    for (QDoubleSpinBox* box : boxes) {
        if (box->accessibleName() == QLatin1String("Work scale"))
            workBox = box;
    }
    QVERIFY(workBox);
    QCOMPARE(workBox->value(), 0.05);
    QVERIFY(window.explore()->presentationAction()->isChecked());
    QVERIFY(window.explore()->isPresentation());

    // The toolbar box still writes to the settings, and the dialog shows it next time.
    workBox->setValue(0.5);
    onNextDialog([](QWidget* modal) {
        auto* dialog = qobject_cast<QDialog*>(modal);
        QVERIFY(dialog);
        QCOMPARE(field<QDoubleSpinBox>(*dialog, "workScale")->value(), 0.5);
        field<QCheckBox>(*dialog, "presentation")->setChecked(false);
        dialog->accept();
    });
    action->trigger();
    QVERIFY(!window.explore()->presentationAction()->isChecked());
}

void TestGuiPreferences::languageSwitchesTheWindow()
{
    WindowHost host;
    host.window()->show();
    MainWindow* first = host.window();
    onNextDialog([](QWidget* modal) {
        auto* dialog = qobject_cast<QDialog*>(modal);
        QVERIFY(dialog);
        auto* language = field<QComboBox>(*dialog, "language");
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        dialog->accept();
    });
    first->findChild<PreferencesAction*>()->trigger();
    QTRY_VERIFY(host.window() != first);
    QCOMPARE(Settings().language(), QStringLiteral("en"));
    QVERIFY(host.window()->languageMenu()->action(QStringLiteral("en"))->isChecked());

    // Cancelled, the window stays as it is.
    MainWindow* second = host.window();
    onNextDialog([](QWidget* modal) {
        auto* dialog = qobject_cast<QDialog*>(modal);
        QVERIFY(dialog);
        auto* language = field<QComboBox>(*dialog, "language");
        language->setCurrentIndex(language->findData(QStringLiteral("ko")));
        dialog->reject();
    });
    second->findChild<PreferencesAction*>()->trigger();
    // A switch would come queued: let it come if it were sent.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(host.window(), second);
    QCOMPARE(Settings().language(), QStringLiteral("en"));
}

QTEST_MAIN(TestGuiPreferences)
#include "tst_guipreferences.moc"
