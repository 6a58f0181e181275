// SPDX-License-Identifier: GPL-3.0-or-later
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "console/consolepane.h"
#include "console/consoleview.h"
#include "explore/explorecontroller.h"
#include "explore/findbar.h"
#include "explore/selectiondetails.h"
#include "export/exportcontroller.h"
#include "replay/replaybar.h"
#include "replay/replaycontroller.h"
#include "settings/settings.h"
#include "testutil.h"
#include "timeaxis.h"
#include "timelinelegend.h"
#include "timelinestyle.h"
#include "view/timelineview.h"
#include "window/maintoolbar.h"
#include "window/mainwindow.h"
#include "window/messagebar.h"
#include "window/projectorlayout.h"
#include "window/traceopener.h"
#include "zoomstate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeWidget>
#include <QUrl>

using namespace Forkline;
using namespace ForklineTest;

namespace {

constexpr qint64 kMs = 1000000;
constexpr int kWaitMs = 20000;

// A small market: the main thread starts two workers that print, sleep and end, then
// waits for them. Every time is a whole millisecond so the trace file keeps it exactly.
TraceModel market()
{
    TraceModel m;
    ProcessInfo& proc = m.ensureProcess(10);
    proc.ppid = 9;
    proc.name = QStringLiteral("explore-test");
    const int main = m.ensureLane(10, 10);
    m.lane(main).name = QStringLiteral("MainThread");
    m.lane(main).kind = LaneKind::Process;
    const int seller = m.ensureLane(10, 11);
    m.lane(seller).name = QStringLiteral("seller");
    m.lane(seller).label = QStringLiteral("매도");
    m.lane(seller).parent = main;
    const int buyer = m.ensureLane(10, 12);
    m.lane(buyer).name = QStringLiteral("buyer");
    m.lane(buyer).label = QStringLiteral("매수");
    m.lane(buyer).parent = main;

    m.setState(main, 0, State::Running);
    m.setState(seller, 100 * kMs, State::Running);
    m.setState(buyer, 120 * kMs, State::Running);
    m.addInstant(buyer, 130 * kMs, InstantKind::Print, QStringLiteral("[매수] 매수 주문"));
    m.addInstant(seller, 150 * kMs, InstantKind::Print, QStringLiteral("[매도] 매도 주문"));
    m.setState(seller, 200 * kMs, State::Sleeping);
    m.setState(buyer, 300 * kMs, State::Sleeping);
    m.setState(main, 400 * kMs, State::WaitingJoin);
    m.setState(seller, 1200 * kMs, State::Running);
    m.addInstant(seller, 1250 * kMs, InstantKind::Print, QStringLiteral("[매도] 체결"));
    m.addInstant(seller, 2000 * kMs, InstantKind::End);
    m.setState(buyer, 2500 * kMs, State::Running);
    m.addInstant(buyer, 2600 * kMs, InstantKind::Print, QStringLiteral("[매수] 체결"));
    m.addInstant(buyer, 2900 * kMs, InstantKind::End);
    m.setState(main, 3000 * kMs, State::Running);
    m.addInstant(main, 3050 * kMs, InstantKind::Print, QStringLiteral("[메인] 장 종료"));
    m.addInstant(main, 3100 * kMs, InstantKind::End);
    m.title = QStringLiteral("Explore test");
    return m;
}

// Every moment something happens in market(), in order.
const QList<qint64> kEventTimes = { 0, 100 * kMs, 120 * kMs, 130 * kMs, 150 * kMs, 200 * kMs, 300 * kMs, 400 * kMs,
    1200 * kMs, 1250 * kMs, 2000 * kMs, 2500 * kMs, 2600 * kMs, 2900 * kMs, 3000 * kMs, 3050 * kMs, 3100 * kMs };

int printWithText(const TraceModel& model, const QString& text)
{
    for (size_t i = 0; i < model.prints().size(); ++i) {
        if (model.texts().at(model.prints()[i].text) == text)
            return int(i);
    }
    return -1;
}

int countPixels(const QImage& image, const QColor& color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += (image.pixel(x, y) | 0xff000000) == color.rgb() ? 1 : 0;
    }
    return n;
}

double distance(const QColor& a, const QColor& b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

} // namespace

class TestGuiExplore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openTraceFillsTimeline();
    void clickSelectsSpanAndShowsDetails();
    void consoleLineFindsItsMark();
    void markClickFindsItsConsoleLine();
    void replayStepsFromEventToEvent();
    void replayKeysAndPlay();
    void truncatedTraceKeepsTimeline();
    void staleImportIsDropped();
    void cancelKeepsTimeline();
    void droppedFilesAreSortedOut();
    void presentationModeEnlargesLanes();
    void projectorAt1280x720();
    void themeFollowsThePalette();
    void extremeTimes();
    void detailsOfImportedSlices();
    void epochTimesCountFromTheStart();
    void findStepsThroughNames();
    void findStepsThroughBoxWords();

private:
    bool openAndWait(const QString& path);

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    QString m_tracePath;
    QByteArray m_traceBytes;
};

void TestGuiExplore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guiexplore"));
    Settings().setPresentationMode(false);
    QVERIFY(m_dir.isValid());
    m_tracePath = m_dir.filePath(QStringLiteral("market.json"));
    QString error;
    QVERIFY2(saveChromeTrace(market(), m_tracePath, &error), qPrintable(error));
    QFile f(m_tracePath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_traceBytes = f.readAll();

    m_window = std::make_unique<MainWindow>();
    m_window->setRunnerProgram(QStringLiteral(FORKLINE_BIN));
    m_window->resize(1400, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

bool TestGuiExplore::openAndWait(const QString& path)
{
    QSignalSpy loaded(m_window->traceOpener(), &TraceOpener::loaded);
    m_window->openTrace(path);
    return loaded.wait(kWaitMs) && loaded.constFirst().constFirst().toString() == path;
}

void TestGuiExplore::openTraceFillsTimeline()
{
    QVERIFY(m_window->traceOpener()->openAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(openAndWait(m_tracePath));
    QVERIFY(!m_window->traceOpener()->isBusy());
    const TraceModel* model = m_window->timelineView()->model();
    QVERIFY(model);
    QCOMPARE(model->laneCount(), 3);
    QCOMPARE(model->prints().size(), size_t(5));
    QCOMPARE(model->endTime(), 3100 * kMs);
    // The console shows the trace's prints, tagged like a live run's.
    const QString console = m_window->console()->plainText();
    QVERIFY2(console.contains(QStringLiteral("매도 (seller) · tid 11 · pid 10 [매도] 체결")), qPrintable(console));
    QVERIFY(console.contains(QStringLiteral("[메인] 장 종료")));
    QVERIFY(!m_window->messageBar()->isVisible());
}

void TestGuiExplore::clickSelectsSpanAndShowsDetails()
{
    TimelineView* view = m_window->timelineView();
    const TraceModel& model = *view->model();
    const int seller = laneNamed(model, QStringLiteral("seller"));
    QVERIFY(seller >= 0);
    QSignalSpy changed(view, &TimelineView::selectionChanged);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->lanePoint(seller, 700 * kMs));
    QCOMPARE(changed.size(), 1);
    const TimelineHit& hit = view->selection();
    QCOMPARE(hit.kind, TimelineHit::Kind::Span);
    QCOMPARE(hit.lane, seller);
    QCOMPARE(hit.span.state, State::Sleeping);
    QCOMPARE(hit.span.start, 200 * kMs);
    QCOMPARE(hit.span.end, 1200 * kMs);

    const QString details = m_window->explore()->details()->text();
    for (const QString& row : { QStringLiteral("State: sleeping"), QStringLiteral("Start: 0.200 s"),
             QStringLiteral("Duration: 1.00 s"), QStringLiteral("Thread: 매도 (seller)"), QStringLiteral("PID: 10"),
             QStringLiteral("TID: 11"), QStringLiteral("Parent: MainThread · PID 10 · TID 10") })
        QVERIFY2(details.contains(row), qPrintable(row + QStringLiteral(" not in\n") + details));

    // The highlight is there for the eye, and the tooltip still explains what is under the mouse.
    const QImage image = view->viewport()->grab().toImage();
    QVERIFY(countPixels(image, view->style().highlightColor()) > 20);
    QVERIFY(view->toolTipAt(view->lanePoint(seller, 700 * kMs)).contains(QStringLiteral("sleeping")));

    // Esc lets go.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(view->selection().kind, TimelineHit::Kind::None);
    QVERIFY(m_window->explore()->details()->text().startsWith(QStringLiteral("Nothing selected")));
    QCOMPARE(countPixels(view->viewport()->grab().toImage(), view->style().highlightColor()), 0);
}

void TestGuiExplore::consoleLineFindsItsMark()
{
    TimelineView* view = m_window->timelineView();
    const TraceModel& model = *view->model();
    // Zoomed in on the start, far from the print at 2.6 s.
    view->zoom()->setRange(0, 200 * kMs);
    const QString text = QStringLiteral("[매수] 체결");
    const int print = printWithText(model, text);
    QVERIFY(print >= 0);

    ConsoleView* lines = m_window->console()->view();
    QAbstractItemModel* rows = lines->model();
    QModelIndex line;
    for (int row = 0; row < rows->rowCount(); ++row) {
        if (rows->index(row, 0).data().toString().endsWith(text))
            line = rows->index(row, 0);
    }
    QVERIFY(line.isValid());
    lines->scrollTo(line);
    const QPoint at(40, lines->visualRect(line).center().y());
    QVERIFY(lines->viewport()->rect().contains(at));
    QSignalSpy clicked(m_window->console(), &ConsolePane::printClicked);
    QTest::mouseClick(lines->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.constFirst().constFirst().toInt(), print);

    const TimelineHit& hit = view->selection();
    QCOMPARE(hit.kind, TimelineHit::Kind::Instant);
    QCOMPARE(hit.instant.kind, InstantKind::Print);
    QCOMPARE(hit.instant.t, 2600 * kMs);
    QCOMPARE(model.texts().at(hit.instant.text), text);
    QCOMPARE(ExploreController::printIndexOf(model, hit), print);
    // Scrolled so the mark is in sight, with the zoom kept.
    QVERIFY(view->zoom()->start() <= 2600 * kMs && 2600 * kMs <= view->zoom()->end());
    QVERIFY(view->zoom()->end() - view->zoom()->start() <= 201 * kMs);
    const QPoint mark = view->lanePoint(hit.lane, hit.instant.t);
    QVERIFY(view->viewport()->rect().contains(mark));
    QVERIFY(m_window->explore()->details()->text().contains(QStringLiteral("Printed: ") + text));
    QCOMPARE(m_window->console()->currentPrint(), print);
    view->zoom()->fit();
}

void TestGuiExplore::markClickFindsItsConsoleLine()
{
    TimelineView* view = m_window->timelineView();
    const TraceModel& model = *view->model();
    const int seller = laneNamed(model, QStringLiteral("seller"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->lanePoint(seller, 1250 * kMs));
    const TimelineHit& hit = view->selection();
    QCOMPARE(hit.kind, TimelineHit::Kind::Instant);
    QCOMPARE(hit.instant.kind, InstantKind::Print);
    QCOMPARE(hit.instant.t, 1250 * kMs);
    const int print = printWithText(model, QStringLiteral("[매도] 체결"));
    QCOMPARE(m_window->console()->currentPrint(), print);
    QVERIFY2(m_window->console()->currentLineText().endsWith(QStringLiteral("[매도] 체결")),
        qPrintable(m_window->console()->currentLineText()));
    QVERIFY(m_window->explore()->details()->text().contains(QStringLiteral("Mark: print")));

    // A click on a box that is not a print lets the console line go.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->lanePoint(seller, 700 * kMs));
    QCOMPARE(m_window->console()->currentPrint(), -1);
    view->clearSelection();
}

void TestGuiExplore::replayStepsFromEventToEvent()
{
    ReplayController* replay = m_window->replay();
    TimelineView* view = m_window->timelineView();
    ConsolePane* console = m_window->console();
    const int allLines = console->visibleLines().size();
    QVERIFY(replay->canReplay());
    QVERIFY(!replay->isActive());
    replay->start();
    QVERIFY(replay->isActive());
    QCOMPARE(replay->position(), 0);
    QCOMPARE(view->playhead(), 0);

    for (int i = 1; i < kEventTimes.size(); ++i) {
        replay->stepForward();
        QCOMPARE(replay->position(), kEventTimes[i]);
        QCOMPARE(view->playhead(), kEventTimes[i]);
    }
    replay->stepForward(); // nothing after the end
    QCOMPARE(replay->position(), kEventTimes.last());
    for (int i = int(kEventTimes.size()) - 2; i >= 0; --i) {
        replay->stepBack();
        QCOMPARE(replay->position(), kEventTimes[i]);
    }

    // Only what was printed up to the playhead shows; the note above the prints stays.
    replay->setPosition(129 * kMs);
    QCOMPARE(console->visibleLines().size(), 1);
    replay->setPosition(130 * kMs);
    QStringList lines = console->visibleLines();
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.last().endsWith(QStringLiteral("[매수] 매수 주문")));
    replay->setPosition(1300 * kMs);
    lines = console->visibleLines();
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.last().endsWith(QStringLiteral("[매도] 체결")));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("[매수] 체결")));

    // The timeline says what every lane does at that moment.
    const QImage image = view->viewport()->grab().toImage();
    QVERIFY(countPixels(image, view->style().nowColor()) > 20);
    QVERIFY(m_window->replay()->bar()->timeText().startsWith(QStringLiteral("1.300 s")));

    replay->stop();
    QVERIFY(!replay->isActive());
    QCOMPARE(view->playhead(), -1);
    QCOMPARE(console->visibleLines().size(), allLines);
    QCOMPARE(countPixels(view->viewport()->grab().toImage(), view->style().nowColor()), 0);
}

void TestGuiExplore::replayKeysAndPlay()
{
    ReplayController* replay = m_window->replay();
    TimelineView* view = m_window->timelineView();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    // Space on the timeline starts a replay from the top and plays it.
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(replay->isActive());
    QVERIFY(replay->isPlaying());
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(!replay->isPlaying());

    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(replay->position(), 0);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(replay->position(), 100 * kMs);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(replay->position(), 120 * kMs);
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(replay->position(), 100 * kMs);
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(replay->position(), 3100 * kMs);

    // Played fast, it reaches the end and stops there.
    replay->setSpeed(4.0);
    QTest::keyClick(view, Qt::Key_Home);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(replay->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!replay->isPlaying(), kWaitMs);
    QCOMPARE(replay->position(), 3100 * kMs);

    // Dragging on the axis scrubs.
    const QPoint axis(view->lanePoint(0, 1000 * kMs).x(), 5);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, axis);
    QVERIFY(std::abs(replay->position() - 1000 * kMs) < 20 * kMs);

    // Esc leaves the replay when nothing is selected.
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(!replay->isActive());
    // Out of a replay, the arrows pan the timeline again.
    view->zoom()->setRange(1000 * kMs, 1500 * kMs);
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(view->zoom()->start() > 1000 * kMs);
    QVERIFY(!replay->isActive());
    view->zoom()->fit();
}

void TestGuiExplore::truncatedTraceKeepsTimeline()
{
    const TraceModel* before = m_window->timelineView()->model();
    const int lanes = before->laneCount();
    const QString path = m_dir.filePath(QStringLiteral("truncated.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_traceBytes.left(m_traceBytes.size() / 2));
    f.close();

    QSignalSpy failed(m_window->traceOpener(), &TraceOpener::failed);
    QSignalSpy loaded(m_window->traceOpener(), &TraceOpener::loaded);
    m_window->openTrace(path);
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(loaded.size(), 0);
    QVERIFY(m_window->messageBar()->isVisible());
    QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("truncated.json")),
        qPrintable(m_window->messageBar()->text()));
    QCOMPARE(m_window->timelineView()->model(), before);
    QCOMPARE(m_window->timelineView()->model()->laneCount(), lanes);
    QVERIFY(m_window->console()->plainText().contains(QStringLiteral("[메인] 장 종료")));

    // A well-formed file with nothing to draw does not blank the timeline either.
    const QString empty = m_dir.filePath(QStringLiteral("empty.json"));
    QFile e(empty);
    QVERIFY(e.open(QIODevice::WriteOnly));
    e.write("{\"traceEvents\": []}\n");
    e.close();
    m_window->openTrace(empty);
    QVERIFY(failed.wait(kWaitMs));
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("empty.json")),
        qPrintable(m_window->messageBar()->text()));
    QCOMPARE(m_window->timelineView()->model()->laneCount(), lanes);
}

void TestGuiExplore::staleImportIsDropped()
{
    TraceModel other = market();
    const int extra = other.ensureLane(10, 13);
    other.lane(extra).name = QStringLiteral("auditor");
    other.setState(extra, 500 * kMs, State::Running);
    other.addInstant(extra, 600 * kMs, InstantKind::End);
    const QString second = m_dir.filePath(QStringLiteral("four-lanes.json"));
    QString error;
    QVERIFY2(saveChromeTrace(other, second, &error), qPrintable(error));

    QSignalSpy loaded(m_window->traceOpener(), &TraceOpener::loaded);
    m_window->openTrace(m_tracePath);
    m_window->openTrace(second); // the user changed their mind
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.constFirst().constFirst().toString(), second);
    QCOMPARE(m_window->timelineView()->model()->laneCount(), 4);
    // Nothing else arrives later from the first file.
    QVERIFY(!loaded.wait(300));
    QCOMPARE(m_window->timelineView()->model()->laneCount(), 4);
    QVERIFY(openAndWait(m_tracePath));
    QCOMPARE(m_window->timelineView()->model()->laneCount(), 3);
}

void TestGuiExplore::cancelKeepsTimeline()
{
    const TraceModel* before = m_window->timelineView()->model();
    QSignalSpy failed(m_window->traceOpener(), &TraceOpener::failed);
    QSignalSpy loaded(m_window->traceOpener(), &TraceOpener::loaded);
    m_window->openTrace(m_tracePath);
    QVERIFY(m_window->traceOpener()->isBusy());
    QVERIFY(m_window->traceOpener()->progressWidget()->isVisible());
    QVERIFY(m_window->traceOpener()->cancelAction()->isEnabled());
    m_window->traceOpener()->cancelAction()->trigger();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("cancelled")));
    QVERIFY(!m_window->traceOpener()->progressWidget()->isVisible());
    QVERIFY(!loaded.wait(300));
    QCOMPARE(m_window->timelineView()->model(), before);
    QCOMPARE(before->laneCount(), 3);
}

void TestGuiExplore::droppedFilesAreSortedOut()
{
    const QString array = m_dir.filePath(QStringLiteral("bare.json"));
    QFile a(array);
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write("  [ {\"ph\": \"X\", \"pid\": 1, \"tid\": 1, \"ts\": 0, \"dur\": 5, \"name\": \"work\"} ]\n");
    a.close();
    const QString scenario = m_dir.filePath(QStringLiteral("lesson.json"));
    QFile s(scenario);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write("{\"format\": 1, \"name\": \"dropped\", \"title\": \"Dropped lesson\", \"main\": [{\"print\": \"hi\"}]}\n");
    s.close();
    QVERIFY(TraceOpener::looksLikeTrace(m_tracePath));
    QVERIFY(TraceOpener::looksLikeTrace(array));
    QVERIFY(!TraceOpener::looksLikeTrace(scenario));

    QSignalSpy scenarios(m_window->traceOpener(), &TraceOpener::scenarioDropped);
    // A drop reaches the window that accepted the drag's entry.
    const auto dropOnWindow = [this](const QMimeData* mime) {
        QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QDropEvent drop(QPointF(200, 200), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        return enter.isAccepted() && drop.isAccepted();
    };
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(scenario) });
    QVERIFY(dropOnWindow(&mime));
    QCOMPARE(scenarios.size(), 1);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Dropped lesson")));
    QCOMPARE(m_window->timelineView()->model()->laneCount(), 3); // a scenario waits for Run

    QSignalSpy loaded(m_window->traceOpener(), &TraceOpener::loaded);
    mime.setUrls({ QUrl::fromLocalFile(m_tracePath) });
    QVERIFY(dropOnWindow(&mime));
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(m_window->timelineView()->model()->laneCount(), 3);
}

void TestGuiExplore::presentationModeEnlargesLanes()
{
    TimelineView* view = m_window->timelineView();
    QAction* action = m_window->explore()->presentationAction();
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_P)));
    QVERIFY(!action->toolTip().isEmpty());
    QVERIFY(!view->isPresentation());
    const int height = view->style().laneHeight;
    const int pitch = view->lanePoint(2, 0).y() - view->lanePoint(1, 0).y();
    const double font = view->style().font.pointSizeF();
    action->trigger();
    QVERIFY(view->isPresentation());
    QVERIFY(view->style().laneHeight > height);
    QVERIFY(view->lanePoint(2, 0).y() - view->lanePoint(1, 0).y() > pitch);
    QVERIFY(view->style().font.pointSizeF() > font);
    QVERIFY(Settings().presentationMode());
    // A projector's screen: full screen, the lesson list and the tool bar out of the way,
    // the console six lines tall at its larger size.
    ProjectorLayout* projector = m_window->projector();
    QVERIFY(m_window->isFullScreen());
    QVERIFY(!projector->panelsShown());
    QVERIFY(m_window->toolBar()->isHidden());
    QApplication::processEvents();
    ConsoleView* console = m_window->console()->view();
    const int lines = console->viewport()->height() / QFontMetrics(console->font()).lineSpacing();
    QVERIFY2(lines >= ProjectorLayout::kConsoleLines, qPrintable(QString::number(lines)));
    // One key brings the panels back without leaving the mode, and takes them away again.
    QCOMPARE(projector->panelsAction()->shortcut(), QKeySequence(Qt::Key_F9));
    projector->panelsAction()->trigger();
    QVERIFY(projector->panelsShown());
    QVERIFY(!m_window->toolBar()->isHidden());
    QVERIFY(view->isPresentation());
    projector->panelsAction()->trigger();
    QVERIFY(!projector->panelsShown());
    {
        // Started again in the mode, the window's restored state does not bring the panels back.
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.explore()->isPresentation());
        QVERIFY(!again.projector()->panelsShown());
        QVERIFY(again.toolBar()->isHidden());
        again.explore()->presentationAction()->setChecked(false);
        again.close();
        action->setChecked(false);
        action->setChecked(true);
    }
    QVERIFY(!projector->panelsShown());
    action->trigger();
    QCOMPARE(view->style().laneHeight, height);
    QVERIFY(!Settings().presentationMode());
    QVERIFY(!m_window->isFullScreen());
    QVERIFY(projector->panelsShown());
}

namespace {
// The keys counter-race shows: three states, seven kinds of mark (its expect outcome among
// them), two kinds of arrow.
TraceModel busyLesson()
{
    TraceModel m;
    const int main = m.ensureMainLane(1, 1);
    m.lane(main).name = QStringLiteral("MainThread");
    m.setState(main, 0, State::Running);
    m.addInstant(main, 1 * kMs, InstantKind::Fork);
    m.flowFrom(1, FlowKind::Fork, main, 1 * kMs);
    const int worker = m.ensureLane(1, 2);
    m.lane(worker).name = QStringLiteral("t1");
    m.lane(worker).parent = main;
    m.addInstant(worker, 2 * kMs, InstantKind::Start);
    m.flowTo(1, FlowKind::Fork, worker, 2 * kMs);
    m.setState(worker, 2 * kMs, State::Running);
    m.setState(worker, 3 * kMs, State::WaitingGil);
    m.addInstant(worker, 5 * kMs, InstantKind::Print, QStringLiteral("tick"));
    m.addInstant(worker, 6 * kMs, InstantKind::End);
    m.flowFrom(2, FlowKind::Join, worker, 6 * kMs);
    m.setState(main, 2 * kMs, State::WaitingJoin);
    m.addInstant(main, 6 * kMs, InstantKind::Join);
    m.flowTo(2, FlowKind::Join, main, 6 * kMs);
    m.setState(main, 6 * kMs, State::Running);
    m.addInstant(main, 7 * kMs, InstantKind::MainExit);
    m.addInstant(main, 8 * kMs, InstantKind::Other, {}, 0, m.internName(QStringLiteral("expect")));
    m.addInstant(main, 9 * kMs, InstantKind::End);
    return m;
}
} // namespace

// Presentation mode on a 1280x720 projector: the legend in one row, the console six lines,
// tool tips and Details as enlarged as the timeline.
void TestGuiExplore::projectorAt1280x720()
{
    TimelineView* view = m_window->timelineView();
    QAction* action = m_window->explore()->presentationAction();
    QVERIFY(!view->isPresentation());
    const double tipSize = QToolTip::font().pointSizeF();
    const double detailsSize = m_window->explore()->details()->font().pointSizeF();
    action->trigger();
    QVERIFY(view->isPresentation());
    m_window->setWindowState(Qt::WindowNoState);
    m_window->resize(1280, 720);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->width(), 1280, kWaitMs);
    QApplication::processEvents();

    // Lines as the console draws them, each a row of its own height.
    ConsoleView* console = m_window->console()->view();
    const int pitch = std::max(console->rowHeight(), QFontMetrics(console->font()).lineSpacing());
    const int lines = console->viewport()->height() / pitch;
    QVERIFY2(
        lines >= ProjectorLayout::kConsoleLines, qPrintable(QStringLiteral("%1 lines of %2 px").arg(lines).arg(pitch)));

    const TraceModel lesson = busyLesson();
    const TimelineStyle& style = view->style();
    const TimelineLegend legend(lesson, style);
    QVERIFY(legend.isOneRow());
    const int width = view->viewport()->width() - 2 * style.padding;
    QVERIFY2(width > 800, qPrintable(QString::number(width)));
    const int height = legend.heightForWidth(width);
    QVERIFY2(height <= style.laneHeight,
        qPrintable(QStringLiteral("legend %1 px tall, one row is %2; %3 px wide, scale %4")
                       .arg(height)
                       .arg(style.laneHeight)
                       .arg(width)
                       .arg(legend.scaleFor(width))));
    // Shrunk at most to the size it has outside the mode.
    QVERIFY(legend.scaleFor(width) >= TimelineLegend::kMinScale);

    QVERIFY2(QToolTip::font().pointSizeF() >= tipSize * 1.4,
        qPrintable(QStringLiteral("%1 pt, was %2").arg(QToolTip::font().pointSizeF()).arg(tipSize)));
    QVERIFY(m_window->explore()->details()->font().pointSizeF() >= detailsSize * 1.4);

    action->trigger();
    QVERIFY(!view->isPresentation());
    QCOMPARE(QToolTip::font().pointSizeF(), tipSize);
    // Outside the mode the legend keeps its captions and wraps as before.
    const TimelineLegend plain(lesson, view->style());
    QVERIFY(!plain.isOneRow());
}

void TestGuiExplore::themeFollowsThePalette()
{
    TimelineView* view = m_window->timelineView();
    const QPalette light = view->palette();
    QCOMPARE(view->style().background(), light.color(QPalette::Base));
    QCOMPARE(view->style().textColor(), light.color(QPalette::Text));

    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    view->setPalette(dark);
    const TimelineStyle& style = view->style();
    QVERIFY(style.isDark());
    QCOMPARE(style.background(), dark.color(QPalette::Base));
    QCOMPARE(style.textColor(), dark.color(QPalette::Text));
    QVERIFY(style.gridColor().lightnessF() > style.background().lightnessF());
    QVERIFY(style.gridColor().lightnessF() < style.textColor().lightnessF());
    // What a reader sees: the page is the palette's, every state stands apart from the lane
    // and the marks are drawn in light ink.
    const QImage image = view->viewport()->grab().toImage();
    const QPoint below(10, view->lanePoint(0, 0).y() + 150); // in the label column, under the lanes
    QCOMPARE(QColor(image.pixel(below * image.devicePixelRatio())), dark.color(QPalette::Base));
    for (int s = 0; s < int(State::Count); ++s)
        QVERIFY2(distance(style.fill(State(s)), style.laneBackground()) > 40, qPrintable(QString::number(s)));
    QVERIFY(style.markColor(InstantKind::Print).lightnessF() > 0.6);
    QVERIFY(countPixels(image, style.fill(State::Sleeping)) > 50);

    view->setPalette(QPalette());
    QVERIFY(!view->style().isDark());
    QCOMPARE(view->style().fill(State::Sleeping), TimelineStyle::stateFill(State::Sleeping));
}

void TestGuiExplore::extremeTimes()
{
    // Slices 317 years apart: refused with the event's index, in the message bar; the timeline
    // keeps what it showed (drawing them once overflowed the axis, and Copy Image aborted).
    const TraceModel* before = m_window->timelineView()->model();
    const int lanes = before->laneCount();
    QSignalSpy failed(m_window->traceOpener(), &TraceOpener::failed);
    m_window->openTrace(QStringLiteral(FORKLINE_TEST_DATA "/chrome/hostile-times.json"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral(
                 "traceEvents[1] is 316.9 years after traceEvents[0]; a trace can span at most 100 years")),
        qPrintable(m_window->messageBar()->text()));
    QCOMPARE(m_window->timelineView()->model()->laneCount(), lanes);

    // A trace that ends at the last nanosecond a qint64 holds opens, draws and copies.
    if (!chromeTraceSimdjsonAvailable())
        QSKIP("QJsonDocument reads times through a double, which does not reach the last nanosecond");
    const QString last = m_dir.filePath(QStringLiteral("last.json"));
    QFile f(last);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"traceEvents\":[{\"ph\":\"X\",\"name\":\"running\",\"pid\":1,\"tid\":1,"
            "\"ts\":9223372036854775,\"dur\":0.807}]}");
    f.close();
    QVERIFY(openAndWait(last));
    QCOMPARE(m_window->timelineView()->model()->endTime(), std::numeric_limits<qint64>::max());
    const QImage grabbed = m_window->timelineView()->viewport()->grab().toImage();
    QVERIFY(!grabbed.isNull());
    QApplication::clipboard()->clear();
    m_window->exports()->copyImageAction()->trigger();
    QVERIFY(!QApplication::clipboard()->image().isNull());
}

// A nested slice of an imported trace: Details says its depth and the slice around it, its own
// args as a tree, and times from the trace's start with that start said once.
void TestGuiExplore::detailsOfImportedSlices()
{
    const QByteArray json
        = "{\"traceEvents\":["
          "{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":1635202069792701,\"dur\":9900000,"
          "\"name\":\"ExecuteCompiler\"},"
          "{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":1635202069793701,\"dur\":1500000,"
          "\"name\":\"Frontend\",\"cat\":\"clang\",\"args\":{\"detail\":\"main.cpp\",\"sizes\":[3,{\"n\":4}]}},"
          "{\"ph\":\"i\",\"s\":\"p\",\"pid\":1,\"ts\":1635202069793701,\"name\":\"navigationStart\"},"
          "{\"ph\":\"i\",\"s\":\"g\",\"ts\":1635202069794701,\"name\":\"vsync\"}"
          "]}";
    const ChromeTraceImportResult r = importChromeTraceData(json, QStringLiteral("epoch.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    TimelineHit hit;
    hit.kind = TimelineHit::Kind::Span;
    hit.lane = 0;
    hit.depth = 1;
    hit.span = r.model.lane(0).nested.at(0).at(0);
    SelectionDetails details;
    details.showSelection(&r.model, hit);
    const QString text = details.text();
    for (const QString& row : { QStringLiteral("Frontend"), QStringLiteral("Start: 0.001 s"),
             QStringLiteral("Duration: 1.50 s"), QStringLiteral("Depth: 1, inside ExecuteCompiler"),
             QStringLiteral("Trace start: 1635202069.792701 s"), QStringLiteral("detail: main.cpp"),
             QStringLiteral("sizes: [3,{\"n\":4}]"), QStringLiteral("Category: clang") })
        QVERIFY2(text.contains(row), qPrintable(row + QStringLiteral(" not in\n") + text));
    auto* tree = details.findChild<QTreeWidget*>();
    QVERIFY(tree);
    QVERIFY(!tree->isHidden());
    QCOMPARE(tree->topLevelItemCount(), 2);
    QTreeWidgetItem* sizes = tree->topLevelItem(1);
    QCOMPARE(sizes->text(0), QStringLiteral("sizes"));
    QCOMPARE(sizes->childCount(), 2); // an array unfolds
    QCOMPARE(sizes->child(1)->child(0)->text(1), QStringLiteral("4"));

    // The outer slice has no args of its own: no tree.
    hit.depth = 0;
    hit.span = r.model.lane(0).spans.at(0);
    details.showSelection(&r.model, hit);
    QVERIFY(tree->isHidden());
    QVERIFY(!details.text().contains(QStringLiteral("Depth")));
    QVERIFY(!details.text().contains(QStringLiteral("Category"))); // a slice without a cat

    // Marks of a whole process and of the whole trace belong to no lane, and show all the same.
    TimelineHit mark;
    mark.kind = TimelineHit::Kind::Instant;
    mark.process = 0;
    mark.instant = r.model.processes().at(0).instants.at(0);
    details.showSelection(&r.model, mark);
    for (const QString& row : { QStringLiteral("navigationStart"), QStringLiteral("Time: 0.001 s"),
             QStringLiteral("Scope: the whole process"), QStringLiteral("PID: 1") })
        QVERIFY2(details.text().contains(row), qPrintable(row + QStringLiteral(" not in\n") + details.text()));
    mark.process = -1;
    mark.global = true;
    mark.instant = r.model.globalInstants().at(0);
    details.showSelection(&r.model, mark);
    for (const QString& row :
        { QStringLiteral("vsync"), QStringLiteral("Time: 0.002 s"), QStringLiteral("Scope: the whole trace") })
        QVERIFY2(details.text().contains(row), qPrintable(row + QStringLiteral(" not in\n") + details.text()));
}

// A trace stamped with the epoch (Kineto: ts near 1.6e15 µs) reads in the replay bar and the
// console as the axis reads it, from the trace's start, not as 1635202069.5 s.
void TestGuiExplore::epochTimesCountFromTheStart()
{
    const QString path = m_dir.filePath(QStringLiteral("epoch.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"traceEvents\":["
            "{\"ph\":\"X\",\"name\":\"step\",\"pid\":1,\"tid\":1,\"ts\":1635202069000000,\"dur\":2000000},"
            "{\"ph\":\"i\",\"s\":\"t\",\"name\":\"print\",\"pid\":1,\"tid\":1,\"ts\":1635202069500000,"
            "\"args\":{\"text\":\"half way\"}}]}");
    f.close();
    QVERIFY(openAndWait(path));
    const QString bar = m_window->replay()->bar()->timeText();
    QCOMPARE(bar, QStringLiteral("2.000 s"));
    ReplayController* replay = m_window->replay();
    replay->start();
    replay->setPosition(TimeAxis::extent(*m_window->timelineView()->model()).first + 1500 * kMs);
    QVERIFY2(m_window->replay()->bar()->timeText().startsWith(QStringLiteral("1.500 s / 2.000 s")),
        qPrintable(m_window->replay()->bar()->timeText()));
    replay->stop();
    const QString console = m_window->console()->plainText();
    QVERIFY2(console.contains(QStringLiteral("0.500 s")) && console.contains(QStringLiteral("half way")),
        qPrintable(console));
    QVERIFY(!console.contains(QStringLiteral("1635202069")));
}

// Ctrl+F finds slices and marks by name in what the window shows, steps through them with Enter
// and Shift+Enter, each selected and in Details, and Esc closes the bar (not the selection).
void TestGuiExplore::findStepsThroughNames()
{
    QVERIFY(openAndWait(m_tracePath));
    TimelineView* view = m_window->timelineView();
    view->clearSelection();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->explore()->findAction()->shortcut(), QKeySequence(QKeySequence::Find));
    m_window->explore()->findAction()->trigger();
    FindBar* bar = m_window->explore()->findBar();
    QTRY_VERIFY(bar->isVisible());
    QTRY_VERIFY(bar->edit()->hasFocus());
    QTest::keyClicks(bar->edit(), QStringLiteral("SLEEP"));
    const int count = bar->matchCount();
    QVERIFY(count >= 2);
    QCOMPARE(bar->current(), 0);
    QCOMPARE(view->selection().kind, TimelineHit::Kind::Span);
    QCOMPARE(view->selection().span.state, State::Sleeping);
    const qint64 first = view->selection().span.start;
    QVERIFY(m_window->explore()->details()->text().startsWith(QStringLiteral("sleeping")));
    QTest::keyClick(bar->edit(), Qt::Key_Return);
    QCOMPARE(bar->current(), 1);
    QVERIFY(view->selection().span.start >= first);
    QTest::keyClick(bar->edit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->current(), 0);
    QTest::keyClick(bar->edit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->current(), count - 1); // round to the last one
    bar->edit()->setText(QStringLiteral("no such name"));
    QCOMPARE(bar->matchCount(), 0);
    QTest::keyClick(bar->edit(), Qt::Key_Escape);
    QTRY_VERIFY(!bar->isVisible());
    QCOMPARE(view->selection().kind, TimelineHit::Kind::Span); // Esc closed the bar only
}

// Ctrl+F also finds the words a run's boxes show ("join seller", "sleep 0.5 s"), as they read
// on the box and by their detail alone, in a trace saved by a run and opened again.
void TestGuiExplore::findStepsThroughBoxWords()
{
    TraceModel m;
    m.ensureProcess(20).name = QStringLiteral("words-test");
    const int main = m.ensureLane(20, 20);
    m.lane(main).name = QStringLiteral("MainThread");
    m.lane(main).kind = LaneKind::Process;
    const int seller = m.ensureLane(20, 21);
    m.lane(seller).name = QStringLiteral("seller");
    m.lane(seller).parent = main;
    m.setState(main, 0, State::Running);
    m.setState(main, 100 * kMs, State::WaitingJoin, QStringLiteral("seller"));
    m.setState(seller, 10 * kMs, State::Running);
    m.setState(seller, 20 * kMs, State::Sleeping, QStringLiteral("0.5 s"));
    m.setState(seller, 520 * kMs, State::Running);
    m.setState(seller, 530 * kMs, State::Sleeping, QStringLiteral("0.5 s"));
    m.setState(seller, 1030 * kMs, State::Running);
    m.addInstant(seller, 1090 * kMs, InstantKind::End);
    m.setState(main, 1100 * kMs, State::Running);
    m.addInstant(main, 1200 * kMs, InstantKind::End);
    const QString path = m_dir.filePath(QStringLiteral("words.json"));
    QString error;
    QVERIFY2(saveChromeTrace(m, path, &error), qPrintable(error));
    QVERIFY(openAndWait(path));
    TimelineView* view = m_window->timelineView();
    const auto selectedLane = [&] { return view->model()->lane(view->selection().lane).name; };
    m_window->explore()->findAction()->trigger();
    FindBar* bar = m_window->explore()->findBar();
    QTRY_VERIFY(bar->isVisible());
    bar->edit()->setText(QStringLiteral("sleep 0.5"));
    QCOMPARE(bar->matchCount(), 2);
    QCOMPARE(view->selection().span.start, 20 * kMs);
    QTest::keyClick(bar->edit(), Qt::Key_F3);
    QCOMPARE(bar->current(), 1);
    QCOMPARE(view->selection().span.start, 530 * kMs);
    QCOMPARE(selectedLane(), QStringLiteral("seller"));
    QTest::keyClick(bar->edit(), Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(bar->current(), 0);
    bar->edit()->setText(QStringLiteral("JOIN SELLER"));
    QCOMPARE(bar->matchCount(), 1);
    QCOMPARE(view->selection().span.state, State::WaitingJoin);
    QCOMPARE(selectedLane(), QStringLiteral("MainThread"));
    // The detail alone finds its box; a lane's name is no box's word.
    bar->edit()->setText(QStringLiteral("seller"));
    QCOMPARE(bar->matchCount(), 1);
    QTest::keyClick(bar->edit(), Qt::Key_Escape);
    QTRY_VERIFY(!bar->isVisible());
}

QTEST_MAIN(TestGuiExplore)
#include "tst_guiexplore.moc"
