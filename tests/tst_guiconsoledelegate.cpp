// SPDX-License-Identifier: GPL-3.0-or-later
#include "console/consoledelegate.h"
#include "console/consolemodel.h"
#include "tracemodel.h"

#include <QPainter>
#include <QTest>

using Forkline::ConsoleDelegate;
using Forkline::ConsoleModel;
using Forkline::InstantKind;
using Forkline::TraceModel;

class TestConsoleDelegate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void eachKindOfLineHasItsLook();
    void stderrIsMarkedByMoreThanColour();
    void aLineWithBreaksStaysOneRow();
    void threadsHaveColoursForLightAndDark();
    void aSelectedLineReadsInTheSelectionColours();
    void paintsOnItsRowOnly();

private:
    QStyleOptionViewItem option(bool dark = false) const;

    TraceModel* m_trace = nullptr;
    ConsoleModel* m_model = nullptr;
    int m_main = -1;
    int m_worker = -1;
};

namespace {
constexpr qint64 kMs = 1000000;
} // namespace

void TestConsoleDelegate::init()
{
    m_trace = new TraceModel;
    m_main = m_trace->ensureLane(40, 40);
    m_trace->lane(m_main).name = QStringLiteral("MainThread");
    m_worker = m_trace->ensureLane(40, 41);
    m_trace->lane(m_worker).name = QStringLiteral("w1");
    m_model = new ConsoleModel;
    m_model->appendNote(QStringLiteral("Running"));
    m_model->followPrints(m_trace);
    m_trace->addInstant(m_main, 1 * kMs, InstantKind::Print, QStringLiteral("start"));
    m_trace->addInstant(m_worker, 2 * kMs, InstantKind::Print, QStringLiteral("first\nsecond\r\nthird\tcol"));
    m_model->appendStderr(QStringLiteral("Traceback\n"));
    m_model->appendInput(QStringLiteral("안녕"));
    m_model->sync();
    QCOMPARE(m_model->rowCount(), 5);
}

void TestConsoleDelegate::cleanup()
{
    delete m_model;
    delete m_trace;
}

QStyleOptionViewItem TestConsoleDelegate::option(bool dark) const
{
    QStyleOptionViewItem o;
    o.font = QFont(QStringLiteral("monospace"));
    o.state = QStyle::State_Enabled | QStyle::State_Active;
    o.rect = QRect(0, 0, 600, ConsoleDelegate::rowHeight(o.font));
    if (dark) {
        o.palette.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
        o.palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    } else {
        o.palette.setColor(QPalette::Base, Qt::white);
        o.palette.setColor(QPalette::Text, Qt::black);
    }
    return o;
}

void TestConsoleDelegate::eachKindOfLineHasItsLook()
{
    ConsoleDelegate delegate;
    const QStyleOptionViewItem o = option();
    QCOMPARE(delegate.shownText(o, m_model->index(0)), QStringLiteral("Running"));
    QVERIFY(delegate.segments(o, m_model->index(0)).constFirst().font.italic());

    const auto print = delegate.segments(o, m_model->index(1));
    QCOMPARE(print.size(), 3);
    QCOMPARE(print[0].text, QStringLiteral("0.001 s "));
    QCOMPARE(print[1].text, QStringLiteral("MainThread · tid 40 · pid 40"));
    QVERIFY(print[1].font.bold());
    QCOMPARE(print[1].color, ConsoleDelegate::threadColor(m_main, false));
    QCOMPARE(print[2].text, QStringLiteral(" start"));
    QCOMPARE(print[2].color, o.palette.color(QPalette::Text));

    QCOMPARE(delegate.shownText(o, m_model->index(4)), QStringLiteral("> 안녕"));
    // The size a line asks for grows with its text; every line is one row high.
    const QSize note = delegate.sizeHint(o, m_model->index(0));
    const QSize longer = delegate.sizeHint(o, m_model->index(2));
    QVERIFY(longer.width() > note.width());
    QCOMPARE(note.height(), ConsoleDelegate::rowHeight(o.font));
    QCOMPARE(longer.height(), note.height());
}

void TestConsoleDelegate::stderrIsMarkedByMoreThanColour()
{
    ConsoleDelegate delegate;
    const QStyleOptionViewItem o = option();
    const auto err = delegate.segments(o, m_model->index(3));
    // A reader who cannot tell the colours apart still reads "stderr", in italics.
    QCOMPARE(err[0].text, QStringLiteral("stderr "));
    QVERIFY(err[0].font.italic());
    QVERIFY(err[1].color != o.palette.color(QPalette::Text));
}

void TestConsoleDelegate::aLineWithBreaksStaysOneRow()
{
    ConsoleDelegate delegate;
    const QString shown = delegate.shownText(option(), m_model->index(2));
    // Each break a mark of its own, a tab the spaces to the next stop; the text itself keeps them.
    QVERIFY2(shown.endsWith(QStringLiteral(" first↵second↵third   col")), qPrintable(shown));
    QCOMPARE(m_model->index(2).data(ConsoleModel::TextRole).toString(), QStringLiteral("first\nsecond\r\nthird\tcol"));
    QVERIFY(m_model->index(2).data().toString().endsWith(QStringLiteral("first\nsecond\r\nthird\tcol")));

    // A huge line is drawn only in part.
    m_trace->addInstant(m_main, 3 * kMs, InstantKind::Print, QString(100000, QLatin1Char('x')));
    m_model->sync();
    const QString huge = delegate.shownText(option(), m_model->index(5));
    QVERIFY(huge.size() < 10000);
    QVERIFY(huge.endsWith(QChar(0x2026)));
}

void TestConsoleDelegate::threadsHaveColoursForLightAndDark()
{
    ConsoleDelegate delegate;
    // Threads apart by colour; the first one's is the console's colour of old.
    QVERIFY(ConsoleDelegate::threadColor(0, false) != ConsoleDelegate::threadColor(1, false));
    QCOMPARE(ConsoleDelegate::threadColor(-1, false), ConsoleDelegate::threadColor(0, false));
    // On a dark base, light inks: each dark-theme colour is lighter than its light-theme twin.
    for (int lane = 0; lane < 6; ++lane) {
        QVERIFY(ConsoleDelegate::threadColor(lane, true).lightnessF() > 0.55);
        QVERIFY(ConsoleDelegate::threadColor(lane, false).lightnessF() < 0.5);
    }
    const auto dark = delegate.segments(option(true), m_model->index(2));
    QCOMPARE(dark[1].color, ConsoleDelegate::threadColor(m_worker, true));
    QCOMPARE(dark[2].color, QColor(0xee, 0xee, 0xee));
    const auto darkErr = delegate.segments(option(true), m_model->index(3));
    QVERIFY(darkErr[1].color.lightnessF() > 0.55);
}

void TestConsoleDelegate::aSelectedLineReadsInTheSelectionColours()
{
    ConsoleDelegate delegate;
    QStyleOptionViewItem o = option();
    o.state |= QStyle::State_Selected;
    o.palette.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xfe));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (const auto& segment : delegate.segments(o, m_model->index(row)))
            QCOMPARE(segment.color, QColor(0xff, 0xff, 0xfe));
    }
}

void TestConsoleDelegate::paintsOnItsRowOnly()
{
    ConsoleDelegate delegate;
    QStyleOptionViewItem o = option();
    const int h = o.rect.height();
    o.rect.moveTop(h);
    QImage image(600, 3 * h, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        delegate.paint(&painter, o, m_model->index(1));
    }
    const auto inked = [&image](int top, int bottom) {
        int n = 0;
        for (int y = top; y < bottom; ++y) {
            for (int x = 0; x < image.width(); ++x)
                n += image.pixel(x, y) != qRgb(255, 255, 255);
        }
        return n;
    };
    QVERIFY(inked(h, 2 * h) > 100);
    QCOMPARE(inked(0, h), 0);
    QCOMPARE(inked(2 * h, 3 * h), 0);
}

QTEST_MAIN(TestConsoleDelegate)
#include "tst_guiconsoledelegate.moc"
