// SPDX-License-Identifier: GPL-3.0-or-later
// The lesson controls of the main window, driven as a teacher would: the worker panel's
// Terminate and Request stop buttons, the GIL switch and work scale, the Compare window,
// and the arrows of the data lessons on the timeline.
#include "compare/comparewindow.h"
#include "compare/speedupchart.h"
#include "console/consolepane.h"
#include "lessons/lessoncontroller.h"
#include "lessons/runcontrols.h"
#include "lessons/scenariopanel.h"
#include "lessons/workerpanel.h"
#include "testutil.h"
#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinestyle.h"
#include "view/timelineview.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTextLayout>
#include <QTreeWidget>
#include <cmath>

using namespace ForklineTest;

namespace {

constexpr int kRunTimeoutMs = 60000;
constexpr qint64 kMs = 1000000;

// A thread that would print for a long time: a request to stop must end it early.
const QByteArray kLongThread = R"({
  "format": 1, "name": "long-thread", "title": "A thread that goes on",
  "main": [ {"start": "ticker"}, {"join": "ticker"}, {"print": "main done"} ],
  "workers": [ {"name": "ticker", "steps": [
    {"repeat": 2000, "as": "i", "steps": [ {"sleep": 0.01}, {"print": "tick {i}"} ]}
  ]} ]
})";

bool overlaps(const Lane& a, const Lane& b, State s)
{
    for (const Span& x : a.spans) {
        if (x.state != s)
            continue;
        for (const Span& y : b.spans) {
            if (y.state == s && x.start < y.end && y.start < x.end)
                return true;
        }
    }
    return false;
}

// Two lanes of one process with one flow of `kind` from lane 0 at 40 ms to lane 1 at 41 ms
// (or `count` of them spread over the second), painted 1000 px wide.
QImage paintFlows(FlowKind kind, int count = 1, bool withFlows = true)
{
    TraceModel m;
    m.ensureProcess(1);
    const int a = m.ensureLane(1, 1);
    const int b = m.ensureLane(1, 2);
    m.lane(a).name = QStringLiteral("t1");
    m.lane(b).name = QStringLiteral("t2");
    m.setState(a, 0, State::Running);
    m.setState(b, 0, State::WaitingLock);
    for (int i = 0; i < count && withFlows; ++i) {
        const qint64 t = count == 1 ? 40 * kMs : 1000 * kMs * i / count;
        m.flowFrom(i + 1, kind, a, t);
        m.flowTo(i + 1, kind, b, t + kMs);
    }
    m.closeAll(1000 * kMs);
    m.addInstant(a, 1000 * kMs, InstantKind::End);
    m.addInstant(b, 1000 * kMs, InstantKind::End);
    const TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(m, style);
    const int width = layout.labelWidth() + 1000;
    const TimeMapping map { 0, 1000 * kMs, double(layout.labelWidth()), 1000 };
    QImage image(width, layout.height(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    TimelinePainter(m, layout, style, map).paintData(&p, 0, layout.height(), layout.labelWidth(), width);
    return image;
}

// Pixels that differ between two pictures, within the columns [x0, x1).
int changedPixels(const QImage& a, const QImage& b, int x0, int x1, QRgb* sample = nullptr)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = x0; x < x1; ++x) {
            if (a.pixel(x, y) != b.pixel(x, y)) {
                ++n;
                if (sample && qGray(b.pixel(x, y)) < qGray(*sample))
                    *sample = b.pixel(x, y); // the darkest: the arrow's ink, not its blend
            }
        }
    }
    return n;
}

} // namespace

class TestGuiLessons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void terminateButtonEndsAChildProcess();
    void requestStopEndsAThreadAtAStep();
    void gilOffReachesTheRun();
    void compareViewFillsTableAndShowsARun();
    void lockAndMessageArrowsAreDrawnApart();
    void manyLockArrowsAreThinnedOut();
    void workerTogglesStayInViewAt1024();
    void lessonTitlesReadableAt1024();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiLessons::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guilessons"));
    m_window = std::make_unique<MainWindow>();
    m_window->setRunnerProgram(QStringLiteral(FORKLINE_BIN));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setTimeScale(1.0);
    m_window->lessons()->runControls()->setWorkScale(1.0);
}

void TestGuiLessons::terminateButtonEndsAChildProcess()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("subprocess-join")));
    WorkerPanel* panel = w.workerPanel();
    QAbstractButton* terminate = panel->controlButton(QStringLiteral("startcoding"));
    QVERIFY(terminate);
    QVERIFY(!terminate->isEnabled()); // no run yet
    QVERIFY(terminate->toolTip().contains(QLatin1String("SIGTERM")));
    auto* tree = panel->findChild<QTreeWidget*>();
    QVERIFY(tree);
    QVERIFY(tree->topLevelItem(0)->flags() & Qt::ItemIsUserCheckable);

    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startRun());
    // The daemon switch is fixed once the run has started.
    QVERIFY(!(tree->topLevelItem(0)->flags() & Qt::ItemIsUserCheckable));
    // The child sleeps for five seconds: the button wakes up once its lane is there.
    QTRY_VERIFY_WITH_TIMEOUT(terminate->isEnabled(), 20000);
    QVERIFY(w.isRunning());
    QTest::mouseClick(terminate, Qt::LeftButton);
    QVERIFY(!terminate->isEnabled()); // asked once is enough
    QVERIFY(finished.wait(kRunTimeoutMs));

    const TraceModel& model = *w.timelineView()->model();
    const int child = laneNamed(model, QStringLiteral("startcoding"));
    QVERIFY(child >= 0);
    const Instant* end = findInstant(model.lane(child), InstantKind::Terminated);
    QVERIFY2(end, "the child's lane does not end terminated");
    QVERIFY2(end->t < 4500 * kMs, "terminated only after its five-second sleep");
    QVERIFY(!findInstant(model.lane(child), InstantKind::End));
    QVERIFY(!terminate->isEnabled());
    QVERIFY(tree->topLevelItem(0)->flags() & Qt::ItemIsUserCheckable);
}

void TestGuiLessons::requestStopEndsAThreadAtAStep()
{
    MainWindow& w = *m_window;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(w.openScenarioFile(writeFile(dir, QStringLiteral("long-thread.json"), kLongThread)));
    QAbstractButton* stop = w.workerPanel()->controlButton(QStringLiteral("ticker"));
    QVERIFY(stop);
    // The tooltip says why a thread is only asked.
    QVERIFY2(stop->toolTip().contains(QLatin1String("cannot be killed")), qPrintable(stop->toolTip()));

    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startRun());
    QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), 20000);
    stop->click();
    QVERIFY(stop->text().contains(QLatin1String("requested")));
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.constFirst().constFirst().toInt(), 0);

    const TraceModel& model = *w.timelineView()->model();
    const int ticker = laneNamed(model, QStringLiteral("ticker"));
    QVERIFY(ticker >= 0);
    const Instant* end = findInstant(model.lane(ticker), InstantKind::End);
    QVERIFY(end);
    QVERIFY(end->text >= 0);
    QCOMPARE(model.texts().at(end->text), QStringLiteral("stopped on request"));
    // It ended long before its 2000 ticks, and main went on to print.
    QVERIFY(end->t < 15000 * kMs);
    QVERIFY(w.console()->plainText().contains(QLatin1String("main done")));
}

void TestGuiLessons::gilOffReachesTheRun()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("gil-sum")));
    RunControls* controls = w.lessons()->runControls();
    QVERIFY(controls->gil()); // the scenario's own setting
    QCOMPARE(controls->switchIntervalMs(), 5.0);
    QVERIFY(controls->gilAction()->toolTip().contains(QLatin1String("interpreter lock")));
    QVERIFY(controls->switchIntervalBox()->toolTip().contains(QLatin1String("setswitchinterval")));
    controls->setWorkScale(0.01);
    controls->gilAction()->trigger();
    QVERIFY(!controls->gil());
    QVERIFY(!controls->switchIntervalBox()->isEnabled()); // nothing to hand over

    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startRun());
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.constFirst().constFirst().toInt(), 0);
    const TraceModel& model = *w.timelineView()->model();
    const int th1 = laneNamed(model, QStringLiteral("th1"));
    const int th2 = laneNamed(model, QStringLiteral("th2"));
    QVERIFY(th1 >= 0 && th2 >= 0);
    QVERIFY2(overlaps(model.lane(th1), model.lane(th2), State::Computing), "with the GIL off th1 and th2 take turns");
    for (const Lane& l : model.lanes())
        QVERIFY(firstStart(l, State::WaitingGil) < 0);
    QVERIFY(w.console()->plainText().contains(QLatin1String("GIL off")));
    // Picking the scenario again starts from its own setting.
    QVERIFY(w.selectScenario(QStringLiteral("gil-sum")));
    QVERIFY(controls->gil());
}

void TestGuiLessons::compareViewFillsTableAndShowsARun()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("subprocess-join")));
    QVERIFY(!w.lessons()->compareAction()->isEnabled()); // nothing to compare
    QVERIFY(w.selectScenario(QStringLiteral("gil-sum")));
    QVERIFY(w.lessons()->compareAction()->isEnabled());
    w.lessons()->runControls()->setWorkScale(0.001);
    w.lessons()->compareAction()->trigger();
    CompareWindow* cw = w.lessons()->compareWindow();
    QVERIFY(cw);
    QVERIFY(cw->isVisible());
    QVERIFY(cw->isRunning());
    QVERIFY(cw->cancelButton()->isEnabled());
    // The first run is counted among the comparison's six, not out of a placeholder.
    QVERIFY2(cw->statusText().contains(QLatin1String("1 of 6")), qPrintable(cw->statusText()));
    // Close and Export stay on a 720 px screen, with room for a title bar.
    QVERIFY2(cw->height() <= 680, qPrintable(QString::number(cw->height())));
    QVERIFY(cw->minimumSizeHint().height() <= 680);
    QSignalSpy finished(cw, &CompareWindow::finished);
    QVERIFY(finished.wait(kRunTimeoutMs * 2));
    QVERIFY(finished.constFirst().constFirst().toBool());
    QTableWidget* table = cw->table();
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(cw->progress()->value(), 6);
    QVERIFY(!cw->cancelButton()->isEnabled());
    // Every variant sums the same numbers.
    for (int row = 0; row < 6; ++row)
        QCOMPARE(table->item(row, 4)->text(), QStringLiteral("4999950000"));
    // The table rounds its speedups as the chart's bars do.
    for (int row = 0; row < 6; ++row) {
        const VariantResult& r = cw->results()[size_t(row)];
        QCOMPARE(table->item(row, 3)->text(), SpeedupChart::speedupText(r.speedup));
        QCOMPARE(table->item(row, 2)->text().contains(QLatin1String("unreliable")), r.contended);
    }

    const int row = 4; // 2 threads, GIL off
    QVERIFY(table->item(row, 1)->text() == QLatin1String("off"));
    const QRect cell = table->visualItemRect(table->item(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    const TraceModel& shown = *w.timelineView()->model();
    QCOMPARE(shown.title, cw->resultTitle(row));
    QVERIFY(shown.title.contains(QLatin1String("2 threads, GIL off")));
    QCOMPARE(shown.laneCount(), cw->results()[size_t(row)].model.laneCount());
    QCOMPARE(shown.spanCount(), cw->results()[size_t(row)].model.spanCount());
    QVERIFY(w.console()->plainText().contains(QLatin1String("4999950000")));

    // A bar does the same.
    Q_EMIT cw->chart()->variantClicked(0);
    QCOMPARE(w.timelineView()->model()->title, cw->resultTitle(0));

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(cw->exportChart(png, &error), qPrintable(error));
    QVERIFY(!QImage(png).isNull());
    cw->close();
    w.lessons()->runControls()->setWorkScale(1.0);
}

void TestGuiLessons::lockAndMessageArrowsAreDrawnApart()
{
    // The pictures differ only where the one arrow is.
    const QImage plain = paintFlows(FlowKind::Lock, 1, false);
    const int w = plain.width();
    QRgb lockInk = qRgb(255, 255, 255), messageInk = lockInk, forkInk = lockInk;
    const int lock = changedPixels(plain, paintFlows(FlowKind::Lock), 0, w, &lockInk);
    const int message = changedPixels(plain, paintFlows(FlowKind::Message), 0, w, &messageInk);
    const int fork = changedPixels(plain, paintFlows(FlowKind::Fork), 0, w, &forkInk);
    QVERIFY2(lock > 10, "no lock hand-over arrow");
    QVERIFY2(message > 10, "no message arrow");
    // Three looks: a dotted lock line has less ink than a solid fork line, a message is blue,
    // a hand-over is in the lock's warm colour.
    QVERIFY2(lock < fork, qPrintable(QStringLiteral("lock %1 fork %2").arg(lock).arg(fork)));
    QVERIFY(qBlue(messageInk) > qRed(messageInk) + 60);
    QVERIFY(qRed(lockInk) > qBlue(lockInk) + 40);
    QVERIFY(qAbs(qRed(forkInk) - qBlue(forkInk)) < 30);
    QVERIFY(paintFlows(FlowKind::Message) != paintFlows(FlowKind::Lock));
}

void TestGuiLessons::manyLockArrowsAreThinnedOut()
{
    // 4000 hand-overs in 1000 px, as counter-lock has: a line in every column would bury
    // the lanes; thinned, the arrows cover a small part of the band between the lanes.
    const QImage plain = paintFlows(FlowKind::Lock, 1, false);
    const int oneArrow = changedPixels(plain, paintFlows(FlowKind::Lock, 1), 0, plain.width());
    const int many = changedPixels(plain, paintFlows(FlowKind::Lock, 4000), 0, plain.width());
    QVERIFY(oneArrow > 0);
    QVERIFY2(many < oneArrow * 120, qPrintable(QStringLiteral("%1 px for 4000 arrows").arg(many)));
    QVERIFY2(many > oneArrow * 20, "thinned down to nothing");
}

// A 1024x640 projector: the worker table keeps its Daemon and Control columns in sight.
void TestGuiLessons::workerTogglesStayInViewAt1024()
{
    MainWindow& w = *m_window;
    const QSize before = w.size();
    QVERIFY(w.selectScenario(QStringLiteral("subprocess-terminate")));
    w.resize(1024, 640);
    QApplication::processEvents();
    auto* tree = w.workerPanel()->findChild<QTreeWidget*>();
    QVERIFY(tree);
    QVERIFY(tree->topLevelItemCount() > 0);
    const int room = tree->viewport()->width();
    for (int column : { 2, 3 }) { // Daemon, Control
        const int right = tree->header()->sectionViewportPosition(column) + tree->header()->sectionSize(column);
        QVERIFY2(
            right <= room, qPrintable(QStringLiteral("column %1 ends at %2 of %3").arg(column).arg(right).arg(room)));
        QVERIFY(tree->header()->sectionSize(column) > 10);
    }
    w.resize(before);
}

namespace {
// Whether the title column shows `text` whole: every word fits its width, and the row is as
// tall as the wrapped lines.
QString cutShort(QTreeWidget* tree, QTreeWidgetItem* item)
{
    const QRect cell = tree->visualItemRect(item);
    const int column = tree->header()->sectionSize(0);
    const int margin = 2 * (tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1);
    const QFontMetrics fm(tree->font());
    const QString text = item->text(0);
    const int room = column - margin;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        if (fm.horizontalAdvance(word) > room)
            return QStringLiteral("\"%1\" wider than %2 px").arg(word).arg(room);
    }
    // Laid out as drawn: Korean comes from a fallback font with taller lines than the list's.
    QTextLayout layout(text, tree->font());
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(wrap);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(room);
        height += line.height();
    }
    layout.endLayout();
    const int needed = int(std::ceil(height));
    if (needed > cell.height())
        return QStringLiteral("\"%1\" needs %2 px, its row is %3").arg(text).arg(needed).arg(cell.height());
    return {};
}
} // namespace

// A 1024x640 projector: lesson titles wrap rather than shrink to "One…"; a long title from a
// file (a Korean one here) too.
void TestGuiLessons::lessonTitlesReadableAt1024()
{
    MainWindow& w = *m_window;
    const QSize before = w.size();
    Scenario korean;
    korean.title = QStringLiteral("파이썬: 메인 스레드와 함께 끝나는 데몬 워커 다섯, 그리고 자식 프로세스 두 개");
    korean.description = QStringLiteral("긴 제목");
    const QString path = QDir::temp().filePath(QStringLiteral("long-korean-title.json"));
    QTreeWidget* tree = nullptr;
    const QList<QTreeWidget*> trees = w.findChildren<QTreeWidget*>();
    for (QTreeWidget* t : trees) {
        if (t->accessibleName() == QLatin1String("Scenarios"))
            tree = t;
    }
    QVERIFY(tree);
    auto* panel = qobject_cast<ScenarioPanel*>(tree->parentWidget());
    QVERIFY(panel);
    panel->addFile(path, korean);
    w.resize(1024, 640);
    // Rows take their wrapped heights once the resize has settled.
    QTRY_VERIFY2_WITH_TIMEOUT(
        cutShort(tree, tree->topLevelItem(0)).isEmpty(), qPrintable(cutShort(tree, tree->topLevelItem(0))), 5000);
    QVERIFY(tree->topLevelItemCount() > 20);
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = tree->topLevelItem(i);
        tree->scrollToItem(item);
        // Scrolling may bring the scroll bar and so a narrower column, whose rows settle later.
        QTRY_VERIFY2_WITH_TIMEOUT(cutShort(tree, item).isEmpty(), qPrintable(cutShort(tree, item)), 5000);
        // The whole title, and what the lesson is about, in its tool tip.
        QVERIFY(item->toolTip(0).contains(item->text(0).toHtmlEscaped()));
    }
    QVERIFY(tree->header()->sectionSize(0) > tree->header()->sectionSize(1));
    w.resize(before);
}

QTEST_MAIN(TestGuiLessons)
#include "tst_guilessons.moc"
