// SPDX-License-Identifier: GPL-3.0-or-later
// The code pane: Python highlighting, from a box or mark to its line and from a line to its
// events, every thread's line during replay, a real Python run in the window, and scenario
// lessons shown as the Python their steps stand for.
#include "code/codeeditor.h"
#include "code/codepane.h"
#include "code/pythonhighlighter.h"
#include "code/sourceindex.h"
#include "scenario.h"
#include "settings/settings.h"
#include "view/timelineview.h"
#include "window/mainwindow.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;

namespace {

using Token = PythonHighlighter::Token;

int laneNamed(const TraceModel& model, const QString& name)
{
    for (int i = 0; i < model.laneCount(); ++i) {
        if (model.lane(i).name == name)
            return i;
    }
    return -1;
}

QString tokenString(const QString& text, int previous, int* state)
{
    // One letter a character: p(lain) k(eyword) b(uiltin) s(tring) n(umber) c(omment)
    // d(ecorator) f(unction name).
    static const char letters[] = "pkbsncdf";
    QString out;
    for (const Token t : PythonHighlighter::tokens(text, previous, state))
        out += QLatin1Char(letters[int(t)]);
    return out;
}

// A model of two threads whose events name lines of `file`, as a Python run's do.
TraceModel twoThreads(const QString& file)
{
    TraceModel m;
    const int main = m.ensureMainLane(100, 100);
    m.lane(main).name = QStringLiteral("MainThread");
    const int worker = m.ensureLane(100, 101);
    m.lane(worker).name = QStringLiteral("worker");
    m.setState(main, 0, State::Running);
    m.addSource(main, 10, file, 5);
    m.addInstant(main, 10, InstantKind::Fork);
    m.setState(worker, 12, State::Running);
    m.addSource(worker, 20, file, 2);
    m.setState(worker, 20, State::Sleeping);
    m.addSource(main, 30, file, 6);
    m.setState(main, 30, State::WaitingJoin);
    m.addSource(worker, 60, file, 2); // the sleep returns: the same line again
    m.setState(worker, 60, State::Running);
    m.addSource(worker, 70, file, 3);
    m.addInstant(worker, 70, InstantKind::Print, QStringLiteral("done"));
    m.addInstant(worker, 80, InstantKind::End);
    m.setState(main, 80, State::Running);
    m.addSource(main, 90, file, 2); // main calls the same function afterwards
    m.addInstant(main, 90, InstantKind::Print, QStringLiteral("done"));
    m.addInstant(main, 100, InstantKind::End);
    return m;
}

const char* const kProgram = "import threading, time\ndef work():\n    time.sleep(0.04); print('done')\n\n"
                             "t = threading.Thread(target=work, name='worker'); t.start()\nt.join()\nwork()\n";

} // namespace

class TestGuiCode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void highlighterTokens();
    void sourceIndex();
    void paneFollowsTheTimeline();
    void scenarioAsPython();
    void realRunInTheWindow();
    void gilTooltipSaysInferred();
    void codeReadableAtFirstStart();
};

void TestGuiCode::highlighterTokens()
{
    int state = 0;
    QCOMPARE(tokenString(QStringLiteral("def f(x): # hi"), 0, &state), QStringLiteral("kkkpfpppppcccc"));
    QCOMPARE(state, 0);
    QCOMPARE(tokenString(QStringLiteral("print(f'{a}', 12)"), 0, &state), QStringLiteral("bbbbbpssssssppnnp"));
    QCOMPARE(tokenString(QStringLiteral("x = 'a\\'b' if y else None"), 0, &state),
        QStringLiteral("ppppsssssspkkpppkkkkpkkkk"));
    QCOMPARE(tokenString(QStringLiteral("@dataclass"), 0, &state), QStringLiteral("dddddddddd"));
    // A triple-quoted string open across lines, ending on the third.
    QCOMPARE(tokenString(QStringLiteral("s = \"\"\"one"), 0, &state), QStringLiteral("ppppssssss"));
    QVERIFY(state > 0);
    const int open = state;
    QCOMPARE(tokenString(QStringLiteral("two # not a comment"), open, &state), QString(19, QLatin1Char('s')));
    QCOMPARE(state, open);
    QCOMPARE(tokenString(QStringLiteral("x\"\"\" and"), open, &state), QStringLiteral("sssspkkk"));
    QCOMPARE(state, 0);
    // The highlighter colours the document with these tokens.
    QTextDocument doc(QStringLiteral("while True:\n    pass\n"));
    PythonHighlighter h(&doc);
    const QList<QTextLayout::FormatRange> formats = doc.firstBlock().layout()->formats();
    QVERIFY(!formats.isEmpty());
    QCOMPARE(formats.first().start, 0);
    QCOMPARE(formats.first().length, 5);
}

void TestGuiCode::sourceIndex()
{
    const QString file = QStringLiteral("/lesson/a.py");
    const TraceModel m = twoThreads(file);
    const SourceIndex index(m, m.sourceFileIndex(file));
    const int main = laneNamed(m, QStringLiteral("MainThread"));
    const int worker = laneNamed(m, QStringLiteral("worker"));
    // Box or mark -> line.
    QCOMPARE(index.lineOf(SourceIndex::hitAt(m, worker, 70)), 3); // the print mark
    QCOMPARE(SourceIndex::hitAt(m, worker, 70).kind, TimelineHit::Kind::Instant);
    const TimelineHit sleep = SourceIndex::hitAt(m, worker, 40);
    QCOMPARE(sleep.kind, TimelineHit::Kind::Span);
    QCOMPARE(sleep.span.state, State::Sleeping);
    QCOMPARE(index.lineOf(sleep), 2);
    QCOMPARE(index.lineOf(SourceIndex::hitAt(m, main, 50)), 6); // the join
    QCOMPARE(index.lineAt(worker, 5), 0); // before its first event
    // Line -> its events, in both threads.
    const std::vector<TimelineHit> twos = index.eventsAt(2);
    QCOMPARE(twos.size(), size_t(2)); // the box after the sleep is not the line's
    QCOMPARE(twos[0].lane, main);
    QCOMPARE(twos[0].kind, TimelineHit::Kind::Instant);
    QCOMPARE(twos[1].lane, worker);
    QCOMPARE(twos[1].span.start, qint64(20));
    QVERIFY(index.eventsAt(4).empty());
    // Another file's lines are not this one's.
    QCOMPARE(SourceIndex(m, -1).lineOf(sleep), 0);
}

void TestGuiCode::paneFollowsTheTimeline()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.py"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kProgram);
    f.close();
    const TraceModel m = twoThreads(path);
    Scenario lesson;
    lesson.name = QStringLiteral("lesson");
    lesson.program = path;

    CodePane pane;
    pane.resize(500, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QVERIFY(pane.showLesson(lesson));
    QVERIFY(!pane.isGenerated());
    QCOMPARE(pane.editor()->blockCount(), 8);
    pane.setModel(&m);
    QCOMPARE(pane.sourceFile(), 0);

    const int main = laneNamed(m, QStringLiteral("MainThread"));
    const int worker = laneNamed(m, QStringLiteral("worker"));
    pane.showEvent(SourceIndex::hitAt(m, worker, 70));
    QCOMPARE(pane.editor()->highlightedLine(), 3);
    pane.showEvent({});
    QCOMPARE(pane.editor()->highlightedLine(), 0);

    // A click on line 2 picks its events.
    QSignalSpy picked(&pane, &CodePane::eventsPicked);
    const QRect line2 = pane.editor()->lineRect(2);
    QVERIFY(line2.isValid());
    QTest::mouseClick(pane.editor()->viewport(), Qt::LeftButton, {}, line2.center());
    QCOMPARE(picked.size(), 1);
    const auto hits = picked.first().first().value<std::vector<TimelineHit>>();
    QCOMPARE(hits.size(), size_t(2));
    QCOMPARE(pane.editor()->highlightedLine(), 2);

    // Replay: each thread on its line, in its colour.
    pane.setPlayhead(40);
    std::vector<CodeEditor::LineMark> marks = pane.editor()->lineMarks();
    QCOMPARE(marks.size(), size_t(2));
    QCOMPARE(marks[0].line, 6);
    QCOMPARE(marks[0].color, CodePane::laneColor(main));
    QCOMPARE(marks[1].line, 2);
    QCOMPARE(marks[1].label, QStringLiteral("worker"));
    pane.setPlayhead(5); // only main has started, and it has no line yet
    QVERIFY(pane.editor()->lineMarks().empty());
    pane.setPlayhead(-1);
    QVERIFY(pane.editor()->lineMarks().empty());
}

void TestGuiCode::scenarioAsPython()
{
    Scenario s;
    ScenarioError error;
    QVERIFY2(loadScenario(QStringLiteral("buyer-seller"), &s, &error), qPrintable(error.toString()));
    CodePane pane;
    QVERIFY(pane.showLesson(s));
    QVERIFY(pane.isGenerated());
    const QString text = pane.editor()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("def buyer():")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("buyer_thread.start()")));
    // A scenario event: its worker's function (the runner does not say which step).
    TraceModel m;
    const int main = m.ensureMainLane(1, 1);
    m.lane(main).name = QStringLiteral("MainThread");
    const int buyer = m.ensureLane(1, 2);
    m.lane(buyer).name = QStringLiteral("buyer");
    m.addInstant(buyer, 5, InstantKind::Print, QStringLiteral("x"));
    m.addInstant(main, 6, InstantKind::Print, QStringLiteral("y"));
    pane.setModel(&m);
    pane.showEvent(SourceIndex::hitAt(m, buyer, 5));
    const int line = pane.editor()->highlightedLine();
    QVERIFY(line > 0);
    QCOMPARE(pane.editor()->document()->findBlockByNumber(line - 1).text(), QStringLiteral("def buyer():"));
    pane.showEvent(SourceIndex::hitAt(m, main, 6));
    QCOMPARE(pane.editor()->document()->findBlockByNumber(pane.editor()->highlightedLine() - 1).text(),
        QStringLiteral("if __name__ == \"__main__\":"));
}

// Open a real program, run it, pick a mark: its line; click a line: its marks on the timeline.
void TestGuiCode::realRunInTheWindow()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("no python3 on PATH");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guicode"));
    MainWindow w;
    w.setRunnerProgram(QStringLiteral(FORKLINE_BIN));
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString path = QFileInfo(QStringLiteral(FORKLINE_TEST_DATA "/python/threads_join.py")).absoluteFilePath();
    QVERIFY(w.openScenarioFile(path));
    QVERIFY(w.codePane()->editor()->toPlainText().contains(QStringLiteral("def slow():")));
    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startRun());
    QVERIFY(finished.wait(180000));
    const TraceModel& m = *w.timelineView()->model();
    const int slow = laneNamed(m, QStringLiteral("slow"));
    QVERIFY(slow >= 0);
    // The first print of "slow" is line 7 of the program.
    const Lane& lane = m.lane(slow);
    const auto print = std::find_if(
        lane.instants.begin(), lane.instants.end(), [](const Instant& i) { return i.kind == InstantKind::Print; });
    QVERIFY(print != lane.instants.end());
    w.timelineView()->select(SourceIndex::hitAt(m, slow, print->t));
    QCOMPARE(w.codePane()->editor()->highlightedLine(), 7);
    // Line 8, the sleep: its box on the timeline.
    const QRect line8 = w.codePane()->editor()->lineRect(8);
    QTest::mouseClick(w.codePane()->editor()->viewport(), Qt::LeftButton, {}, line8.center());
    const std::vector<TimelineHit>& hits = w.timelineView()->highlights();
    QCOMPARE(hits.size(), size_t(1));
    QCOMPARE(hits[0].lane, slow);
    QCOMPARE(hits[0].span.state, State::Sleeping);
}

// A Python run's GIL waits are measured: their tooltip says they are inferred, and how; a
// scenario's (modelled) say nothing of the kind.
void TestGuiCode::gilTooltipSaysInferred()
{
    TraceModel m;
    const int lane = m.ensureMainLane(1, 1);
    m.lane(lane).name = QStringLiteral("MainThread");
    m.addSpan(lane, Span { 0, 1000000000, State::WaitingGil });
    TimelineView view;
    view.resize(800, 300);
    view.setModel(&m);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint p = view.lanePoint(lane, 500000000);
    QVERIFY(view.hitAt(p).kind == TimelineHit::Kind::Span);
    QVERIFY2(!view.toolTipAt(p).contains(QStringLiteral("Inferred")), qPrintable(view.toolTipAt(p)));
    m.gilInferred = true;
    const QString tip = view.toolTipAt(p);
    QVERIFY2(tip.contains(QStringLiteral("Inferred, not reported")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("/proc")));
}

QTEST_MAIN(TestGuiCode)
// A first start with no saved layout: the listing is wide enough to read a tutorial's lines,
// and the timeline keeps most of the width.
void TestGuiCode::codeReadableAtFirstStart()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guicode_layout"));
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const int x = w.codePane()->editor()->fontMetrics().horizontalAdvance(QLatin1Char('x'));
    QTRY_VERIFY2(w.codePane()->editor()->width() >= 28 * x,
        qPrintable(QStringLiteral("code %1 px wide").arg(w.codePane()->editor()->width())));
    QVERIFY(w.timelineView()->width() > w.codePane()->width());
}

#include "tst_guicode.moc"
