// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline for a screen reader: QAccessible finds its lanes and, in each, the events with
// their state and times; and every control of the window has a name to be read out.
#include "tracemodel.h"
#include "view/timelineview.h"
#include "window/mainwindow.h"
#include "window/timelineaccessible.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Forkline;

namespace {

constexpr qint64 kMs = 1000000;

TraceModel twoLanes()
{
    TraceModel m;
    const int main = m.ensureMainLane(100, 100);
    m.lane(main).name = QStringLiteral("MainThread");
    m.addSpan(main, Span { 0, 1000 * kMs, State::Running });
    m.addInstant(main, 500 * kMs, InstantKind::Print, QStringLiteral("hello"));
    const int buyer = m.ensureLane(100, 101);
    m.lane(buyer).name = QStringLiteral("buyer");
    m.lane(buyer).daemon = true;
    m.addSpan(buyer, Span { 200 * kMs, 800 * kMs, State::Sleeping });
    return m;
}

} // namespace

class TestGuiAccessible : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void timelineExposesLanesAndEvents();
    void replacedModelReplacesTheLanes();
    void nestedSlicesAreEvents();
    void everyControlHasAName();
};

void TestGuiAccessible::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guiaccessible"));
    TimelineAccessible::installFactory();
}

void TestGuiAccessible::timelineExposesLanesAndEvents()
{
    const TraceModel model = twoLanes();
    TimelineView view;
    view.resize(900, 300);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QAccessibleInterface* timeline = QAccessible::queryAccessibleInterface(&view);
    QVERIFY(timeline);
    QCOMPARE(timeline->role(), QAccessible::Tree);
    QCOMPARE(timeline->text(QAccessible::Name), QStringLiteral("Timeline"));
    QVERIFY2(timeline->text(QAccessible::Description).contains(QLatin1String("2 lanes")),
        qPrintable(timeline->text(QAccessible::Description)));
    QVERIFY(timeline->childCount() >= 2); // the lanes, then the scroll bars

    QAccessibleInterface* main = timeline->child(0);
    QVERIFY(main);
    QCOMPARE(main->role(), QAccessible::TreeItem);
    QCOMPARE(main->text(QAccessible::Name), QStringLiteral("MainThread"));
    QVERIFY2(main->text(QAccessible::Description).contains(QLatin1String("process 100")),
        qPrintable(main->text(QAccessible::Description)));
    QCOMPARE(main->parent(), timeline);
    QCOMPARE(timeline->indexOfChild(main), 0);
    QCOMPARE(main->childCount(), 2);
    QVERIFY(!main->rect().isEmpty());

    QAccessibleInterface* running = main->child(0);
    QVERIFY(running);
    QCOMPARE(running->text(QAccessible::Name), model.nameOf(model.lane(0).spans[0]));
    const QString times = running->text(QAccessible::Description);
    QVERIFY2(times.startsWith(QLatin1String("from ")) && times.contains(QLatin1String(" to ")), qPrintable(times));
    QCOMPARE(running->parent(), main);
    QCOMPARE(main->indexOfChild(running), 0);
    QVERIFY(running->rect().width() > 10);

    QAccessibleInterface* print = main->child(1);
    QVERIFY(print);
    QVERIFY2(
        print->text(QAccessible::Name).contains(QLatin1String("hello")), qPrintable(print->text(QAccessible::Name)));
    QVERIFY(print->text(QAccessible::Description).startsWith(QLatin1String("at ")));

    QAccessibleInterface* buyer = timeline->child(1);
    QCOMPARE(buyer->text(QAccessible::Name), QStringLiteral("buyer"));
    QVERIFY2(buyer->text(QAccessible::Description).contains(QLatin1String("daemon")),
        qPrintable(buyer->text(QAccessible::Description)));
    QCOMPARE(buyer->childCount(), 1);
    QCOMPARE(buyer->child(0)->text(QAccessible::Name), model.nameOf(model.lane(1).spans[0]));
    QVERIFY(!buyer->child(1));
}

// A slice nested in another (a foreign trace's) is an event of its lane like any other: named,
// timed, said to be nested, placed on its own band, and selected when the view selects it.
void TestGuiAccessible::nestedSlicesAreEvents()
{
    TraceModel model;
    const int lane = model.ensureMainLane(5, 5);
    model.lane(lane).name = QStringLiteral("clang");
    model.addSpan(lane, Span { 0, 1000 * kMs, State::Running, model.internName(QStringLiteral("ExecuteCompiler")) });
    model.addNestedSpan(
        lane, 1, Span { 100 * kMs, 600 * kMs, State::Running, model.internName(QStringLiteral("Frontend")) });
    model.addInstant(lane, 700 * kMs, InstantKind::Other, {}, 0, model.internName(QStringLiteral("done")));
    TimelineView view;
    view.resize(900, 300);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QAccessibleInterface* timeline = QAccessible::queryAccessibleInterface(&view);
    QVERIFY(timeline);
    QAccessibleInterface* clang = timeline->child(0);
    QVERIFY(clang);
    QCOMPARE(clang->childCount(), 3); // the outer slice, the nested one, the mark
    QAccessibleInterface* outer = clang->child(0);
    QAccessibleInterface* inner = clang->child(1);
    QCOMPARE(outer->text(QAccessible::Name), QStringLiteral("ExecuteCompiler"));
    QCOMPARE(inner->text(QAccessible::Name), QStringLiteral("Frontend"));
    QVERIFY2(inner->text(QAccessible::Description).contains(QLatin1String("depth 1")),
        qPrintable(inner->text(QAccessible::Description)));
    QVERIFY(!outer->text(QAccessible::Description).contains(QLatin1String("depth")));
    QCOMPARE(clang->child(2)->text(QAccessible::Name), QStringLiteral("done"));
    QVERIFY(inner->rect().top() > outer->rect().top()); // its own band, below
    QVERIFY(inner->rect().width() < outer->rect().width());

    TimelineHit hit;
    hit.kind = TimelineHit::Kind::Span;
    hit.lane = lane;
    hit.depth = 1;
    hit.span = model.lane(lane).nested[0][0];
    view.select(hit);
    QVERIFY(inner->state().selected);
    QVERIFY(!outer->state().selected);
}

void TestGuiAccessible::replacedModelReplacesTheLanes()
{
    const TraceModel first = twoLanes();
    TraceModel second;
    second.lane(second.ensureMainLane(7, 7)).name = QStringLiteral("other");
    TimelineView view;
    view.setModel(&first);
    QAccessibleInterface* timeline = QAccessible::queryAccessibleInterface(&view);
    QVERIFY(timeline);
    const QAccessible::Id oldLane = QAccessible::uniqueId(timeline->child(1));
    view.setModel(&second);
    QVERIFY(!QAccessible::accessibleInterface(oldLane)); // nothing names a lane that is gone
    QCOMPARE(timeline->child(0)->text(QAccessible::Name), QStringLiteral("other"));
    QCOMPARE(timeline->child(0)->childCount(), 0);
}

void TestGuiAccessible::everyControlHasAName()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList unnamed;
    const QList<QWidget*> widgets = window.findChildren<QWidget*>();
    int controls = 0;
    for (QWidget* w : widgets) {
        // A control: what takes the keyboard focus or is clicked.
        const bool control = w->isVisibleTo(&window)
            && (w->focusPolicy() != Qt::NoFocus || qobject_cast<QAbstractButton*>(w) != nullptr);
        // Qt's own parts (a spin box's line edit, a toolbar's extension button) are Qt's to name.
        if (!control || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        ++controls;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed
                << QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
    }
    QVERIFY(controls > 10);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestGuiAccessible)
#include "tst_guiaccessible.moc"
