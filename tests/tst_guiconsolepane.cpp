// SPDX-License-Identifier: GPL-3.0-or-later
#include "console/consoledelegate.h"
#include "console/consolemodel.h"
#include "console/consolepane.h"
#include "console/consoleview.h"
#include "tracemodel.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using Forkline::ConsoleModel;
using Forkline::ConsolePane;
using Forkline::ConsoleView;
using Forkline::InstantKind;
using Forkline::TraceModel;

class TestConsolePane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsAreTaggedInOrder();
    void inputIsSubmittedAndEchoed();
    void aFloodShowsEveryLine();
    void aMarkFindsItsLine();
    void aClickedLineFindsItsMark();
    void replayShowsWhatWasPrintedSoFar();
    void presentationEnlargesTheLines();
};

namespace {
constexpr qint64 kMs = 1000000;

QString printText(int i)
{
    return QStringLiteral("line %1").arg(i);
}

int workerLane(TraceModel* model)
{
    const int lane = model->ensureLane(10, 11);
    model->lane(lane).name = QStringLiteral("worker");
    return lane;
}

void printNumbered(TraceModel* model, int from, int to)
{
    const int lane = workerLane(model);
    for (int i = from; i < to; ++i)
        model->addInstant(lane, qint64(i) * kMs, InstantKind::Print, printText(i));
}
} // namespace

void TestConsolePane::printsAreTaggedInOrder()
{
    TraceModel trace;
    const int main = trace.ensureLane(40, 40);
    trace.lane(main).name = QStringLiteral("MainThread");
    const int buyer = trace.ensureLane(40, 42);
    trace.lane(buyer).name = QStringLiteral("buyer");
    trace.lane(buyer).label = QStringLiteral("매수");
    ConsolePane pane;
    pane.followPrints(&trace);
    trace.addInstant(main, 1000000, InstantKind::Print, QStringLiteral("[메인] start"));
    trace.addInstant(buyer, 2000000, InstantKind::Print, QStringLiteral("[매수] <b>not bold</b>"));
    pane.printsAdded();
    // The console takes them in at its next tick.
    QTRY_COMPARE(pane.model()->rowCount(), 2);
    const QStringList lines = pane.plainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QStringLiteral("0.001 s MainThread · tid 40 · pid 40 [메인] start"));
    QCOMPARE(lines[1], QStringLiteral("0.002 s 매수 (buyer) · tid 42 · pid 40 [매수] <b>not bold</b>"));
    pane.clear();
    QVERIFY(pane.plainText().isEmpty());
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

void TestConsolePane::aFloodShowsEveryLine()
{
    TraceModel trace;
    ConsolePane pane;
    pane.resize(800, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.appendNote(QStringLiteral("Running"));
    pane.followPrints(&trace);
    // Far more than the old console kept (20,000), far faster than a tick.
    constexpr int count = 100000;
    constexpr int perBatch = 5000;
    for (int from = 0; from < count; from += perBatch) {
        printNumbered(&trace, from, from + perBatch);
        pane.printsAdded();
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), count + 1, 30000);
    const QStringList lines = pane.visibleLines();
    QCOMPARE(lines.size(), count + 1);
    QCOMPARE(lines.first(), QStringLiteral("Running"));
    for (int i = 0; i < count; i += 997)
        QVERIFY2(lines[i + 1].endsWith(QLatin1Char(' ') + printText(i)), qPrintable(lines[i + 1]));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("skipped")));
    // Followed to the end as it came.
    ConsoleView* view = pane.view();
    QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    const QModelIndex last = pane.model()->index(count);
    QVERIFY(view->viewport()->rect().contains(view->visualRect(last)));
}

void TestConsolePane::aMarkFindsItsLine()
{
    TraceModel trace;
    printNumbered(&trace, 0, 50000);
    ConsolePane pane;
    pane.resize(800, 300);
    pane.show();
    pane.appendNote(QStringLiteral("Opened"));
    pane.showPrints(&trace);
    pane.setCurrentPrint(1234);
    QCOMPARE(pane.currentPrint(), 1234);
    QVERIFY(pane.currentLineText().endsWith(QLatin1Char(' ') + printText(1234)));
    // Scrolled into sight, far from the end it was following.
    ConsoleView* view = pane.view();
    QCOMPARE(view->markedRow(), 1235);
    QVERIFY(view->viewport()->rect().contains(view->visualRect(pane.model()->index(1235))));
    QVERIFY(!view->isFollowing());
    pane.setCurrentPrint(-1);
    QCOMPARE(view->markedRow(), -1);
    QVERIFY(pane.currentLineText().isEmpty());
}

void TestConsolePane::aClickedLineFindsItsMark()
{
    TraceModel trace;
    printNumbered(&trace, 0, 20);
    ConsolePane pane;
    pane.resize(800, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.appendNote(QStringLiteral("Opened"));
    pane.showPrints(&trace);
    ConsoleView* view = pane.view();
    QSignalSpy clicked(&pane, &ConsolePane::printClicked);
    const QRect line = view->visualRect(pane.model()->index(4));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(30, line.center().y()));
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.constFirst().constFirst().toInt(), 3);
    QCOMPARE(pane.currentPrint(), 3);
    QCOMPARE(view->markedRow(), 4);
    // The note is not a print: no mark to find.
    const QRect note = view->visualRect(pane.model()->index(0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(30, note.center().y()));
    QCOMPARE(clicked.size(), 1);
}

void TestConsolePane::replayShowsWhatWasPrintedSoFar()
{
    TraceModel trace;
    ConsolePane pane;
    pane.resize(800, 300);
    pane.show();
    pane.appendNote(QStringLiteral("Running"));
    pane.followPrints(&trace);
    printNumbered(&trace, 0, 1000);
    pane.appendNote(QStringLiteral("Finished"));
    pane.flush();
    ConsoleView* view = pane.view();
    view->verticalScrollBar()->setValue(0);
    QVERIFY(!view->isFollowing());
    pane.setCutoff(500 * kMs);
    QCOMPARE(pane.cutoff(), 500 * kMs);
    QStringList lines = pane.visibleLines();
    QCOMPARE(lines.size(), 1 + 501);
    QVERIFY(lines.last().endsWith(printText(500)));
    // The newest line printed so far is in sight.
    QVERIFY(view->viewport()->rect().contains(view->visualRect(pane.model()->index(501))));
    pane.setCutoff(-1);
    lines = pane.visibleLines();
    QCOMPARE(lines.size(), 1002);
    QCOMPARE(lines.last(), QStringLiteral("Finished"));
}

void TestConsolePane::presentationEnlargesTheLines()
{
    TraceModel trace;
    printNumbered(&trace, 0, 10);
    ConsolePane pane;
    pane.showPrints(&trace);
    ConsoleView* view = pane.view();
    const int height = view->rowHeight();
    QStyleOptionViewItem option;
    option.font = view->font();
    QVERIFY(pane.delegate()->shownText(option, pane.model()->index(3)).contains(QStringLiteral("tid 11")));
    pane.setPresentation(true);
    QVERIFY2(view->rowHeight() > height * 5 / 4, qPrintable(QString::number(view->rowHeight())));
    // Room for the text: the thread's name alone.
    option.font = view->font();
    const QString shown = pane.delegate()->shownText(option, pane.model()->index(3));
    QCOMPARE(shown, QStringLiteral("0.003 s worker ") + printText(3));
    pane.setPresentation(false);
    QCOMPARE(view->rowHeight(), height);
}

QTEST_MAIN(TestConsolePane)
#include "tst_guiconsolepane.moc"
