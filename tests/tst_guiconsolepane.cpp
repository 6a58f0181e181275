// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolepane.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using Forkline::ConsolePane;

class TestConsolePane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsAreTaggedInOrder();
    void stderrWaitsForWholeLines();
    void inputIsSubmittedAndEchoed();
};

void TestConsolePane::printsAreTaggedInOrder()
{
    ConsolePane pane;
    pane.appendPrint(1000000, QStringLiteral("MainThread"), 40, 40, QStringLiteral("[메인] start"));
    pane.appendPrint(2000000, QStringLiteral("매수 (buyer)"), 40, 42, QStringLiteral("[매수] <b>not bold</b>"));
    const QStringList lines = pane.plainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains(QStringLiteral("MainThread · tid 40 · pid 40")), qPrintable(lines[0]));
    QVERIFY(lines[0].endsWith(QStringLiteral("[메인] start")));
    QVERIFY(lines[1].contains(QStringLiteral("매수 (buyer) · tid 42 · pid 40")));
    // The program's text is shown as text, never interpreted as markup.
    QVERIFY(lines[1].endsWith(QStringLiteral("[매수] <b>not bold</b>")));
    QVERIFY(lines[1].startsWith(QStringLiteral("0.002 s")));
    pane.clear();
    QVERIFY(pane.plainText().isEmpty());
}

void TestConsolePane::stderrWaitsForWholeLines()
{
    ConsolePane pane;
    pane.appendStderr(QStringLiteral("Traceback: first"));
    QVERIFY(pane.plainText().isEmpty());
    pane.appendStderr(QStringLiteral(" line\nsecond\n"));
    const QStringList lines = pane.plainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QStringLiteral("stderr Traceback: first line"));
    QCOMPARE(lines[1], QStringLiteral("stderr second"));
}

void TestConsolePane::inputIsSubmittedAndEchoed()
{
    ConsolePane pane;
    QLineEdit* input = pane.inputLine();
    QVERIFY(!input->isEnabled()); // nothing runs yet
    pane.setInputEnabled(true);
    QSignalSpy submitted(&pane, &ConsolePane::inputSubmitted);
    input->setText(QStringLiteral("안녕"));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.constFirst().constFirst().toString(), QStringLiteral("안녕"));
    QVERIFY(input->text().isEmpty());
    QCOMPARE(pane.plainText(), QStringLiteral("> 안녕"));
}

QTEST_MAIN(TestConsolePane)
#include "tst_guiconsolepane.moc"
