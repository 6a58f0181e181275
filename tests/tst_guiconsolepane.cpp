// SPDX-License-Identifier: GPL-3.0-or-later
#include "console/consolepane.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using Forkline::ConsolePane;

class TestConsolePane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsAreTaggedInOrder();
    void stderrWaitsForWholeLines();
    void inputIsSubmittedAndEchoed();
    void aPrintWithLineBreaksIsOneLine();
    void aBacklogIsWrittenInSlices();
    void aHugeBacklogKeepsTheLatestLines();
    void trimmedLinesAreCountedInANote();
    void aFloodIsSkippedWithANote();
    void aReaderScrolledUpStaysPut();
};

namespace {
QString printText(int i)
{
    return QStringLiteral("line %1").arg(i);
}

void appendNumbered(ConsolePane* pane, int from, int to)
{
    for (int i = from; i < to; ++i)
        pane->appendPrint(qint64(i) * 1000, QStringLiteral("worker"), 10, 11, printText(i), i);
}
} // namespace

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

void TestConsolePane::aPrintWithLineBreaksIsOneLine()
{
    ConsolePane pane;
    pane.appendPrint(1000, QStringLiteral("worker"), 10, 11, QStringLiteral("first\nsecond\r\nthird"), 0);
    pane.appendPrint(2000, QStringLiteral("worker"), 10, 11, QStringLiteral("next"), 1);
    const QStringList lines = pane.visibleLines();
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].endsWith(QStringLiteral("first\u2028second\u2028third")));
    pane.setCurrentPrint(1);
    QVERIFY(pane.currentLineText().endsWith(QStringLiteral("next")));
}

void TestConsolePane::aBacklogIsWrittenInSlices()
{
    ConsolePane pane;
    pane.resize(800, 300);
    pane.show();
    auto* edit = pane.findChild<QPlainTextEdit*>();
    QVERIFY(edit);
    constexpr int count = 100000;
    appendNumbered(&pane, 0, count);
    // Appending only queues: nothing is laid out while the run's events come in.
    QCOMPARE(pane.pendingLines(), count);
    QSignalSpy edits(edit->document(), &QTextDocument::contentsChanged);
    QTRY_COMPARE_WITH_TIMEOUT(pane.pendingLines(), 0, 120000);
    // Far more lines than one slice's budget writes: the event loop turned in between.
    QVERIFY2(edits.size() > 2, qPrintable(QString::number(edits.size())));
    QCOMPARE(pane.hiddenLines(), qint64(count - ConsolePane::maxLines()));
    const QStringList lines = pane.visibleLines();
    QCOMPARE(lines.size(), ConsolePane::maxLines() + 1);
    QVERIFY(lines.last().endsWith(printText(count - 1)));
    // Followed to the end while it was written.
    QCOMPARE(edit->verticalScrollBar()->value(), edit->verticalScrollBar()->maximum());
}

void TestConsolePane::aHugeBacklogKeepsTheLatestLines()
{
    ConsolePane pane;
    constexpr int count = 100000;
    appendNumbered(&pane, 0, count);
    QElapsedTimer clock;
    clock.start();
    pane.flush();
    // Generous: the point is that a backlog beyond what the console keeps costs no more than
    // the lines it keeps (it took minutes when every line was laid out and then trimmed).
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(pane.pendingLines(), 0);
    QCOMPARE(pane.skippedLines(), qint64(count - ConsolePane::maxLines()));
    const QStringList lines = pane.visibleLines();
    QCOMPARE(lines.size(), ConsolePane::maxLines() + 1);
    const int firstKept = count - ConsolePane::maxLines();
    QVERIFY2(lines[0].contains(QStringLiteral("80,000 earlier lines not shown")), qPrintable(lines[0]));
    QVERIFY2(lines[1].endsWith(printText(firstKept)), qPrintable(lines[1]));
    QVERIFY(lines.last().endsWith(printText(count - 1)));
    for (int i = 1; i < lines.size(); i += 997)
        QVERIFY2(lines[i].endsWith(QLatin1Char(' ') + printText(firstKept + i - 1)), qPrintable(lines[i]));

    // Kept lines still lead to their marks and back; a line that went has no line to mark.
    pane.setCurrentPrint(count - 1);
    QVERIFY(pane.currentLineText().endsWith(printText(count - 1)));
    pane.setCurrentPrint(firstKept);
    QVERIFY(pane.currentLineText().endsWith(printText(firstKept)));
    pane.setCurrentPrint(firstKept - 1);
    QVERIFY(pane.currentLineText().isEmpty());
}

void TestConsolePane::trimmedLinesAreCountedInANote()
{
    ConsolePane pane;
    pane.appendNote(QStringLiteral("Running"));
    appendNumbered(&pane, 0, ConsolePane::maxLines() - 1);
    QStringList lines = pane.visibleLines();
    QCOMPARE(lines.size(), ConsolePane::maxLines());
    QCOMPARE(lines[0], QStringLiteral("Running"));
    QCOMPARE(pane.hiddenLines(), 0);

    appendNumbered(&pane, ConsolePane::maxLines() - 1, ConsolePane::maxLines() + 9);
    lines = pane.visibleLines();
    QCOMPARE(pane.hiddenLines(), 10);
    QCOMPARE(lines.size(), ConsolePane::maxLines() + 1);
    QVERIFY2(lines[0].contains(QStringLiteral("10 earlier lines not shown")), qPrintable(lines[0]));
    QVERIFY(lines[1].endsWith(printText(9)));
    QVERIFY(lines.last().endsWith(printText(ConsolePane::maxLines() + 8)));

    pane.appendStderr(QStringLiteral("oops\n"));
    lines = pane.visibleLines();
    QCOMPARE(pane.hiddenLines(), 11);
    QVERIFY2(lines[0].contains(QStringLiteral("11 earlier lines not shown")), qPrintable(lines[0]));
    QVERIFY(lines[1].endsWith(printText(10)));
    QCOMPARE(lines.last(), QStringLiteral("stderr oops"));

    pane.clear();
    QVERIFY(pane.plainText().isEmpty());
    QCOMPARE(pane.hiddenLines(), 0);
    // Lines that scroll out are gone for good: an undo history would keep every one of them.
    QVERIFY(!pane.findChild<QPlainTextEdit*>()->document()->isUndoRedoEnabled());
}

void TestConsolePane::aFloodIsSkippedWithANote()
{
    ConsolePane pane;
    auto* edit = pane.findChild<QPlainTextEdit*>();
    appendNumbered(&pane, 0, 100);
    pane.flush();
    // More than the console keeps arrives at once: the oldest of it is skipped, and a note
    // right after what was shown already says how much.
    const int total = 100 + ConsolePane::maxLines() + 500;
    appendNumbered(&pane, 100, total);
    QTRY_VERIFY(pane.pendingLines() < ConsolePane::maxLines());
    QVERIFY(edit->document()->findBlockByNumber(99).text().endsWith(printText(99)));
    const QString note = edit->document()->findBlockByNumber(100).text();
    QVERIFY2(note.contains(QStringLiteral("500 lines skipped here")), qPrintable(note));
    QCOMPARE(pane.skippedLines(), 500);
    QVERIFY(edit->document()->findBlockByNumber(101).text().endsWith(printText(600)));

    // Once they scroll out at the top, the note there counts them with the others.
    const QStringList lines = pane.visibleLines();
    QCOMPARE(lines.size(), ConsolePane::maxLines() + 1);
    QCOMPARE(pane.hiddenLines(), 600);
    QVERIFY2(lines[0].contains(QStringLiteral("600 earlier lines not shown")), qPrintable(lines[0]));
    QVERIFY(lines[1].endsWith(printText(600)));
    QVERIFY(lines.last().endsWith(printText(total - 1)));
}

void TestConsolePane::aReaderScrolledUpStaysPut()
{
    ConsolePane pane;
    pane.resize(800, 300);
    pane.show();
    auto* edit = pane.findChild<QPlainTextEdit*>();
    appendNumbered(&pane, 0, ConsolePane::maxLines());
    pane.flush();
    QScrollBar* bar = edit->verticalScrollBar();
    bar->setValue(bar->maximum() / 2);
    const QString top = edit->cursorForPosition(QPoint(5, 5)).block().text();
    // Lines go at the top while the reader looks at the middle: the text under the eyes stays.
    appendNumbered(&pane, ConsolePane::maxLines(), ConsolePane::maxLines() + 500);
    pane.flush();
    QCOMPARE(pane.hiddenLines(), 500);
    QCOMPARE(edit->cursorForPosition(QPoint(5, 5)).block().text(), top);
}

QTEST_MAIN(TestConsolePane)
#include "tst_guiconsolepane.moc"
