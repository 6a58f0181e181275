// SPDX-License-Identifier: GPL-3.0-or-later
#include "console/consoledelegate.h"
#include "console/consolemodel.h"
#include "console/consoleview.h"
#include "tracemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
#include <QTest>

using Forkline::ConsoleDelegate;
using Forkline::ConsoleModel;
using Forkline::ConsoleView;
using Forkline::InstantKind;
using Forkline::TraceModel;

class TestConsoleView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheLinesInSight();
    void followsTheTailUntilScrolledUp();
    void copiesSelectedLinesAsText();
    void selectAllCopiesEveryLine();
    void keysMoveAndScroll();

private:
    void addPrints(int from, int to);
    int colourPixels(const QColor& colour) const;

    TraceModel* m_trace = nullptr;
    ConsoleModel* m_model = nullptr;
    ConsoleView* m_view = nullptr;
    int m_lane = -1;
};

namespace {
constexpr qint64 kMs = 1000000;

QString printText(int i)
{
    return QStringLiteral("line %1").arg(i);
}
} // namespace

void TestConsoleView::init()
{
    m_trace = new TraceModel;
    m_lane = m_trace->ensureLane(10, 11);
    m_trace->lane(m_lane).name = QStringLiteral("worker");
    m_model = new ConsoleModel;
    m_view = new ConsoleView;
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ConsoleDelegate(m_view));
    m_view->resize(700, 240);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_model->followPrints(m_trace);
}

void TestConsoleView::cleanup()
{
    delete m_view;
    delete m_model;
    delete m_trace;
}

void TestConsoleView::addPrints(int from, int to)
{
    for (int i = from; i < to; ++i)
        m_trace->addInstant(m_lane, qint64(i) * kMs, InstantKind::Print, printText(i));
    m_model->printsAdded();
    m_model->sync();
}

int TestConsoleView::colourPixels(const QColor& colour) const
{
    const QImage image = m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue())
                < 40;
        }
    }
    return n;
}

void TestConsoleView::showsTheLinesInSight()
{
    QCOMPARE(colourPixels(ConsoleDelegate::threadColor(m_lane, false)), 0);
    addPrints(0, 3);
    m_model->appendStderr(QStringLiteral("Traceback\n"));
    m_model->sync();
    QStyleOptionViewItem option;
    option.font = m_view->font();
    ConsoleDelegate* delegate = qobject_cast<ConsoleDelegate*>(m_view->itemDelegate());
    QCOMPARE(delegate->shownText(option, m_model->index(1)), QStringLiteral("0.001 s worker · tid 11 · pid 10 line 1"));
    QCOMPARE(delegate->shownText(option, m_model->index(3)), QStringLiteral("stderr Traceback"));
    // Drawn: the thread's tag in its colour, the stderr line in its own.
    QTRY_VERIFY(colourPixels(ConsoleDelegate::threadColor(m_lane, false)) > 50);
    QVERIFY(colourPixels(delegate->segments(option, m_model->index(3)).constFirst().color) > 20);
    // Rows stack one under the other from the top.
    QCOMPARE(m_view->visualRect(m_model->index(0)).top(), 0);
    QCOMPARE(m_view->visualRect(m_model->index(2)).top(), 2 * m_view->rowHeight());
    QCOMPARE(m_view->indexAt(QPoint(5, 2 * m_view->rowHeight() + 1)), m_model->index(2));
    QVERIFY(!m_view->indexAt(QPoint(5, 4 * m_view->rowHeight() + 1)).isValid());
}

void TestConsoleView::followsTheTailUntilScrolledUp()
{
    QScrollBar* bar = m_view->verticalScrollBar();
    addPrints(0, 1000);
    QVERIFY(m_view->isFollowing());
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->viewport()->rect().contains(m_view->visualRect(m_model->index(999))));

    // Scrolled up to read: new lines do not move what is being read.
    bar->setValue(100);
    QVERIFY(!m_view->isFollowing());
    addPrints(1000, 2000);
    QCOMPARE(bar->value(), 100);
    QCOMPARE(m_view->indexAt(QPoint(5, 1)).row(), 100);

    // Back at the bottom, it follows again.
    bar->setValue(bar->maximum());
    QVERIFY(m_view->isFollowing());
    addPrints(2000, 2500);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(bar->maximum(), 2500 - m_view->viewport()->height() / m_view->rowHeight());
    QVERIFY(m_view->viewport()->rect().contains(m_view->visualRect(m_model->index(2499))));
}

void TestConsoleView::copiesSelectedLinesAsText()
{
    addPrints(0, 10);
    m_view->verticalScrollBar()->setValue(0);
    const int h = m_view->rowHeight();
    // Drag from the second line to the fourth.
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, QPoint(20, h + h / 2));
    QMouseEvent move(QEvent::MouseMove, QPointF(20, 3 * h + h / 2),
        m_view->viewport()->mapToGlobal(QPointF(20, 3 * h + h / 2)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, QPoint(20, 3 * h + h / 2));
    const QString expected = QStringList({ m_model->index(1).data().toString(), m_model->index(2).data().toString(),
                                             m_model->index(3).data().toString() })
                                 .join(QLatin1Char('\n'));
    QCOMPARE(m_view->selectedText(), expected);
    QGuiApplication::clipboard()->clear();
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    QVERIFY(expected.startsWith(QStringLiteral("0.001 s worker · tid 11 · pid 10 line 1")));
}

void TestConsoleView::selectAllCopiesEveryLine()
{
    // Every row selects as one range: nothing walks them but the copy.
    addPrints(0, 30000);
    m_view->selectAll();
    const QStringList lines = m_view->selectedText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 30000);
    QVERIFY(lines.last().endsWith(printText(29999)));
    m_view->clearSelection();
    QVERIFY(m_view->selectedText().isEmpty());
}

void TestConsoleView::keysMoveAndScroll()
{
    addPrints(0, 500);
    m_view->setFocus();
    m_view->setCurrentIndex(m_model->index(0));
    QCOMPARE(m_view->verticalScrollBar()->value(), 0);
    QTest::keyClick(m_view, Qt::Key_End);
    QCOMPARE(m_view->currentIndex().row(), 499);
    QCOMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QCOMPARE(m_view->currentIndex().row(), 499 - m_view->viewport()->height() / m_view->rowHeight());
    QTest::keyClick(m_view, Qt::Key_Home);
    QCOMPARE(m_view->currentIndex().row(), 0);
    QCOMPARE(m_view->verticalScrollBar()->value(), 0);
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->currentIndex().row(), 1);
}

QTEST_MAIN(TestConsoleView)
#include "tst_guiconsoleview.moc"
