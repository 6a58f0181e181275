// SPDX-License-Identifier: GPL-3.0-or-later
#include "console/consolemodel.h"
#include "tracemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Forkline::ConsoleModel;
using Forkline::InstantKind;
using Forkline::TraceModel;

class TestConsoleModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsComeInBatchesAsPrintsStream();
    void everyLineIsARowWithoutLimit();
    void rolesDescribeALine();
    void extraLinesKeepTheirPlace();
    void stderrWaitsForWholeLines();
    void markAndRowFindEachOther_data();
    void markAndRowFindEachOther();
    void anOpenedTraceReadsInTimeOrder();
    void cutoffIsARowCount();
    void aMovedTraceKeepsItsRows();
    void clearForgetsTheTrace();
};

namespace {
constexpr qint64 kMs = 1000000;

QString printText(int i)
{
    return QStringLiteral("line %1").arg(i);
}

// A trace with two threads of one process, the way a run's collector fills one.
struct Trace
{
    TraceModel model;
    int main = -1;
    int worker = -1;
    Trace()
    {
        main = model.ensureLane(40, 40);
        model.lane(main).name = QStringLiteral("MainThread");
        worker = model.ensureLane(40, 42);
        model.lane(worker).name = QStringLiteral("buyer");
        model.lane(worker).label = QStringLiteral("매수");
    }
    // Prints from..to-1, print i at i ms, alternately from each thread.
    void print(int from, int to)
    {
        for (int i = from; i < to; ++i)
            model.addInstant(i % 2 ? worker : main, qint64(i) * kMs, InstantKind::Print, printText(i));
    }
};

QStringList rowsOf(const ConsoleModel& console)
{
    QStringList rows;
    for (int row = 0; row < console.rowCount(); ++row)
        rows << console.index(row).data().toString();
    return rows;
}
} // namespace

void TestConsoleModel::rowsComeInBatchesAsPrintsStream()
{
    Trace trace;
    ConsoleModel console;
    QAbstractItemModelTester tester(&console, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&console, &QAbstractItemModel::rowsInserted);
    console.appendNote(QStringLiteral("Running"));
    console.followPrints(&trace.model);
    // Printed a line at a time, as a run does; the console hears of them batch by batch.
    constexpr int batches = 20;
    constexpr int perBatch = 250;
    for (int b = 0; b < batches; ++b) {
        trace.print(b * perBatch, (b + 1) * perBatch);
        console.printsAdded();
        if (b % 4 != 3)
            continue;
        console.appendStderr(QStringLiteral("warning %1\n").arg(b));
        // A tick falls between every few batches, as the event loop turns in a run.
        QTRY_COMPARE_WITH_TIMEOUT(console.pendingRows(), 0, 10000);
    }
    const int total = 1 + batches * perBatch + batches / 4;
    QCOMPARE(console.rowCount(), total);
    // A tick's worth of lines at a time, not a line at a time; each batch at the end.
    QCOMPARE(inserted.size(), batches / 4);
    int next = 0;
    for (const QList<QVariant>& args : inserted) {
        QCOMPARE(args.at(1).toInt(), next);
        next = args.at(2).toInt() + 1;
    }
    QCOMPARE(next, total);
    const QStringList rows = rowsOf(console);
    QCOMPARE(rows.first(), QStringLiteral("Running"));
    QVERIFY(rows.last().endsWith(QStringLiteral("warning 19")));
}

void TestConsoleModel::everyLineIsARowWithoutLimit()
{
    Trace trace;
    ConsoleModel console;
    console.followPrints(&trace.model);
    constexpr int count = 100000;
    trace.print(0, count);
    console.printsAdded();
    QCOMPARE(console.pendingRows(), count);
    console.sync();
    QCOMPARE(console.rowCount(), count);
    QCOMPARE(console.pendingRows(), 0);
    // Every one, in order, with no note of lines left out.
    for (int row = 0; row < count; row += 997)
        QVERIFY2(console.index(row).data().toString().endsWith(QLatin1Char(' ') + printText(row)),
            qPrintable(console.index(row).data().toString()));
    QVERIFY(console.index(count - 1).data().toString().endsWith(printText(count - 1)));
    for (int row = 0; row < count; ++row) {
        if (console.index(row).data(ConsoleModel::StreamRole).value<ConsoleModel::Stream>()
            != ConsoleModel::Stream::Stdout)
            QFAIL(qPrintable(QStringLiteral("row %1 is not a print").arg(row)));
    }
}

void TestConsoleModel::rolesDescribeALine()
{
    Trace trace;
    trace.model.addInstant(trace.main, 1 * kMs, InstantKind::Print, QStringLiteral("[메인] start"));
    trace.model.addInstant(trace.worker, 2 * kMs, InstantKind::Print, QStringLiteral("[매수] <b>not bold</b>"));
    ConsoleModel console;
    console.followPrints(&trace.model);
    console.appendStderr(QStringLiteral("Traceback\n"));
    console.sync();
    QCOMPARE(console.rowCount(), 3);

    const QModelIndex first = console.index(0);
    QCOMPARE(first.data(ConsoleModel::TextRole).toString(), QStringLiteral("[메인] start"));
    QCOMPARE(first.data(ConsoleModel::TagRole).toString(), QStringLiteral("MainThread · tid 40 · pid 40"));
    QCOMPARE(first.data(ConsoleModel::ThreadRole).toString(), QStringLiteral("MainThread"));
    QCOMPARE(first.data(ConsoleModel::TimeRole).toLongLong(), 1 * kMs);
    QCOMPARE(first.data(ConsoleModel::StreamRole).value<ConsoleModel::Stream>(), ConsoleModel::Stream::Stdout);
    QCOMPARE(first.data(ConsoleModel::PrintRole).toInt(), 0);
    QCOMPARE(first.data(ConsoleModel::LaneRole).toInt(), trace.main);
    QCOMPARE(first.data().toString(), QStringLiteral("0.001 s MainThread · tid 40 · pid 40 [메인] start"));

    // The program's text is text, never markup; a labelled thread shows both names.
    const QModelIndex second = console.index(1);
    QCOMPARE(second.data(ConsoleModel::TagRole).toString(), QStringLiteral("매수 (buyer) · tid 42 · pid 40"));
    QVERIFY(second.data().toString().endsWith(QStringLiteral("[매수] <b>not bold</b>")));
    QCOMPARE(second.data(ConsoleModel::PrintRole).toInt(), 1);

    const QModelIndex err = console.index(2);
    QCOMPARE(err.data(ConsoleModel::StreamRole).value<ConsoleModel::Stream>(), ConsoleModel::Stream::Stderr);
    QCOMPARE(err.data().toString(), QStringLiteral("stderr Traceback"));
    QVERIFY(!err.data(ConsoleModel::TimeRole).isValid());
    QCOMPARE(err.data(ConsoleModel::PrintRole).toInt(), -1);
    QCOMPARE(console.flags(err), Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren);
}

void TestConsoleModel::extraLinesKeepTheirPlace()
{
    Trace trace;
    ConsoleModel console;
    console.appendNote(QStringLiteral("Running"));
    console.followPrints(&trace.model);
    trace.print(0, 3);
    console.appendStderr(QStringLiteral("oops\n"));
    trace.print(3, 5);
    console.appendInput(QStringLiteral("안녕"));
    console.appendNote(QStringLiteral("Finished"));
    // Nothing shows before the tick.
    QCOMPARE(console.rowCount(), 0);
    console.sync();
    const QStringList rows = rowsOf(console);
    QCOMPARE(rows.size(), 9);
    QCOMPARE(rows[0], QStringLiteral("Running"));
    QVERIFY(rows[3].endsWith(printText(2)));
    QCOMPARE(rows[4], QStringLiteral("stderr oops"));
    QVERIFY(rows[5].endsWith(printText(3)));
    QCOMPARE(rows[7], QStringLiteral("> 안녕"));
    QCOMPARE(rows[8], QStringLiteral("Finished"));
    QCOMPARE(
        console.index(7).data(ConsoleModel::StreamRole).value<ConsoleModel::Stream>(), ConsoleModel::Stream::Input);
}

void TestConsoleModel::stderrWaitsForWholeLines()
{
    ConsoleModel console;
    console.appendStderr(QStringLiteral("Traceback: first"));
    console.sync();
    QCOMPARE(console.rowCount(), 0);
    console.appendStderr(QStringLiteral(" line\r\nsecond\n"));
    console.sync();
    QCOMPARE(rowsOf(console),
        QStringList({ QStringLiteral("stderr Traceback: first line"), QStringLiteral("stderr second") }));
    // A note ends an unfinished line first.
    console.appendStderr(QStringLiteral("half"));
    console.appendNote(QStringLiteral("Stopped"));
    console.sync();
    QCOMPARE(rowsOf(console).mid(2), QStringList({ QStringLiteral("stderr half"), QStringLiteral("Stopped") }));
}

void TestConsoleModel::markAndRowFindEachOther_data()
{
    QTest::addColumn<bool>("live");
    QTest::newRow("a live run, in the order lines came") << true;
    QTest::newRow("an opened trace, in time order") << false;
}

void TestConsoleModel::markAndRowFindEachOther()
{
    QFETCH(bool, live);
    Trace trace;
    ConsoleModel console;
    QAbstractItemModelTester tester(&console, QAbstractItemModelTester::FailureReportingMode::QtTest);
    console.appendNote(QStringLiteral("Running"));
    if (live)
        console.followPrints(&trace.model);
    // Lines from two processes arrive out of time order now and then.
    constexpr int count = 2000;
    for (int i = 0; i < count; ++i) {
        const qint64 t = qint64(i) * kMs + (i % 7 == 3 ? -3 * kMs : 0);
        trace.model.addInstant(i % 2 ? trace.worker : trace.main, t, InstantKind::Print, printText(i));
        if (live && i % 100 == 50)
            console.appendStderr(QStringLiteral("err %1\n").arg(i));
    }
    if (!live)
        console.showPrints(&trace.model);
    console.sync();
    QCOMPARE(console.rowCount(), 1 + count + (live ? count / 100 : 0));
    for (int print = 0; print < count; ++print) {
        const int row = console.rowOfPrint(print);
        QVERIFY2(row >= 0, qPrintable(QString::number(print)));
        QCOMPARE(console.printAt(row), print);
        QCOMPARE(console.index(row).data(ConsoleModel::PrintRole).toInt(), print);
        QVERIFY(console.index(row).data().toString().endsWith(QLatin1Char(' ') + printText(print)));
    }
    QCOMPARE(console.rowOfPrint(-1), -1);
    QCOMPARE(console.rowOfPrint(count), -1);
    QCOMPARE(console.printAt(0), -1); // the note
    // A print the console has not taken in yet has no row.
    trace.model.addInstant(trace.main, 5000 * kMs, InstantKind::Print, printText(count));
    QCOMPARE(console.rowOfPrint(count), -1);
}

void TestConsoleModel::anOpenedTraceReadsInTimeOrder()
{
    // A file lists its events thread by thread: the console still reads in time.
    Trace trace;
    for (int i = 0; i < 10; i += 2)
        trace.model.addInstant(trace.main, qint64(i) * kMs, InstantKind::Print, printText(i));
    for (int i = 1; i < 10; i += 2)
        trace.model.addInstant(trace.worker, qint64(i) * kMs, InstantKind::Print, printText(i));
    ConsoleModel console;
    console.appendNote(QStringLiteral("Opened"));
    console.showPrints(&trace.model);
    // At once, without waiting for a tick.
    QCOMPARE(console.rowCount(), 11);
    for (int i = 0; i < 10; ++i)
        QVERIFY(console.index(i + 1).data().toString().endsWith(printText(i)));
    QCOMPARE(console.rowOfPrint(5), 2); // print 5 is "line 1", the second in time
    QCOMPARE(console.printAt(2), 5);
}

void TestConsoleModel::cutoffIsARowCount()
{
    Trace trace;
    ConsoleModel console;
    QAbstractItemModelTester tester(&console, QAbstractItemModelTester::FailureReportingMode::QtTest);
    console.appendNote(QStringLiteral("Running"));
    console.followPrints(&trace.model);
    constexpr int count = 3000; // several blocks of the cutoff's index
    trace.print(0, count);
    console.appendNote(QStringLiteral("Finished"));
    console.sync();
    QCOMPARE(console.rowCount(), count + 2);

    QSignalSpy removed(&console, &QAbstractItemModel::rowsRemoved);
    console.setCutoff(1000 * kMs);
    // The note, then prints 0..1000 ms.
    QCOMPARE(console.rowCount(), 1 + 1001);
    QCOMPARE(removed.size(), 1);
    QVERIFY(console.index(console.rowCount() - 1).data().toString().endsWith(printText(1000)));
    QCOMPARE(console.rowOfPrint(1000), 1001);
    QCOMPARE(console.rowOfPrint(1001), -1); // not printed yet at the cutoff
    console.setCutoff(1000 * kMs + 1);
    QCOMPARE(console.rowCount(), 1 + 1001);
    // The note above the prints stays with the first print.
    console.setCutoff(0);
    QCOMPARE(console.rowCount(), 2);
    console.setCutoff(count * kMs);
    QCOMPARE(console.rowCount(), count + 2); // the note after the last print goes with it
    console.setCutoff(-1);
    QCOMPARE(console.rowCount(), count + 2);

    // Lines that came out of time order: a line shows once every line before it has.
    Trace late;
    ConsoleModel other;
    other.followPrints(&late.model);
    late.model.addInstant(late.main, 10 * kMs, InstantKind::Print, printText(0));
    late.model.addInstant(late.worker, 30 * kMs, InstantKind::Print, printText(1));
    late.model.addInstant(late.main, 20 * kMs, InstantKind::Print, printText(2));
    other.sync();
    other.setCutoff(25 * kMs);
    QCOMPARE(other.rowCount(), 1);
    other.setCutoff(30 * kMs);
    QCOMPARE(other.rowCount(), 3);
}

void TestConsoleModel::aMovedTraceKeepsItsRows()
{
    auto trace = std::make_unique<Trace>();
    ConsoleModel console;
    console.followPrints(&trace->model);
    trace->print(0, 10);
    console.sync();
    // The collector hands its model over when the run ends; the console reads it there.
    TraceModel taken = std::move(trace->model);
    console.traceMoved(&taken);
    trace.reset();
    console.appendNote(QStringLiteral("Finished"));
    console.sync();
    QCOMPARE(console.rowCount(), 11);
    QVERIFY(console.index(9).data().toString().endsWith(printText(9)));
    QCOMPARE(console.rowOfPrint(9), 9);
    QCOMPARE(console.index(10).data().toString(), QStringLiteral("Finished"));
}

void TestConsoleModel::clearForgetsTheTrace()
{
    Trace trace;
    ConsoleModel console;
    QSignalSpy reset(&console, &QAbstractItemModel::modelReset);
    console.followPrints(&trace.model);
    trace.print(0, 10);
    console.setCutoff(3 * kMs);
    console.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(console.rowCount(), 0);
    QCOMPARE(console.cutoff(), -1);
    QCOMPARE(console.rowOfPrint(0), -1);
    console.printsAdded(); // nothing to follow
    console.sync();
    QCOMPARE(console.rowCount(), 0);
}

QTEST_MAIN(TestConsoleModel)
#include "tst_consolemodel.moc"
