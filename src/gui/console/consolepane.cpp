// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolepane.h"

#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <numeric>

namespace Forkline {

namespace {
// Lines trickling in are written together once per tick.
constexpr int kFlushMs = 30;
// A backlog is written a budget at a time, the event loop turning in between: the window
// keeps answering while the console catches up, and the console takes at most about an
// eighth of the time. A program printing faster than that has lines skipped (with a note)
// rather than a window that freezes.
constexpr int kBacklogMs = 25;
constexpr int kBudgetMs = 3;
constexpr int kLinesPerClockLook = 32;
// The least a written line is taken to cost, so that one lucky slice does not make the next
// one huge.
constexpr double kMinMsPerLine = 0.002;
constexpr double kPresentationScale = 1.45;

// What ties a console line to the timeline: its print record and time. A note of lines
// skipped in a flood stands for that many lines.
class LineData : public QTextBlockUserData
{
public:
    LineData(int print, qint64 t, qint64 skipped = 0)
        : print(print)
        , t(t)
        , skipped(skipped)
    { }
    int print = -1;
    qint64 t = -1;
    qint64 skipped = 0;
};

const LineData* lineData(const QTextBlock& block)
{
    return static_cast<const LineData*>(block.userData());
}

// One printed line is one block, whatever breaks the program put inside it: a break within
// it is kept as a line break of that block. (U+FDD0 and U+FDD1 mark frames in a document.)
QString oneBlock(const QString& text)
{
    const auto breaks = [](QChar c) {
        return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar::ParagraphSeparator || c == QChar(0xfdd0)
            || c == QChar(0xfdd1);
    };
    if (std::none_of(text.cbegin(), text.cend(), breaks))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!breaks(c)) {
            out += c;
            continue;
        }
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        out += QChar::LineSeparator;
    }
    return out;
}
} // namespace

ConsolePane::ConsolePane(QWidget* parent)
    : QWidget(parent)
{
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    // No setMaximumBlockCount(): trimming the top in the same edit as appending at the end
    // makes the layout redo every line in between. trim() does it in an edit of its own.
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Read-only: an undo step recorded for every line written would be work for nothing.
    m_text->document()->setUndoRedoEnabled(false);
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text->setFont(m_font);
    m_text->viewport()->installEventFilter(this);
    m_text->setPlaceholderText(
        tr("The lines the program prints appear here, tagged with the thread that printed them."));
    m_text->setToolTip(tr("Console: every printed line in order, with the time, the thread, its thread id and its "
                          "process id. Red lines came from stderr. Click a line to find its mark on the timeline."));

    m_input = new QLineEdit(this);
    m_input->setPlaceholderText(tr("Type a line for a worker waiting in input() and press Enter"));
    m_input->setToolTip(tr("When a worker reaches an input step it waits (the lane shows \"waiting: input\") until "
                           "you type a line here and press Enter, exactly like Python's input(). Enabled while a run "
                           "is going."));
    m_input->setClearButtonEnabled(true);
    m_input->setEnabled(false);
    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePane::submit);

    auto* label = new QLabel(tr("&Input:"), this);
    label->setBuddy(m_input);
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(label);
    inputRow->addWidget(m_input, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addLayout(inputRow);

    // A chatty run prints thousands of lines a second; append them in batches.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ConsolePane::onFlushTimer);
    updateFormats();
}

void ConsolePane::updateFormats()
{
    const QColor dim(0x6a, 0x70, 0x78);
    m_timeFormat = QTextCharFormat();
    m_timeFormat.setForeground(dim);
    // The blue of "computing" is too dark to read on a dark theme; its sky blue is not.
    const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
    m_tagFormat = QTextCharFormat();
    m_tagFormat.setForeground(TimelineStyle::stateColor(dark ? State::Sleeping : State::Computing));
    m_tagFormat.setFontWeight(QFont::Bold);
    m_textFormat = QTextCharFormat();
    m_stderrFormat = QTextCharFormat();
    m_stderrFormat.setForeground(QColor(0xc2, 0x4f, 0x00));
    m_stderrTagFormat = m_stderrFormat;
    m_stderrTagFormat.setFontItalic(true);
    m_noteFormat = QTextCharFormat();
    m_noteFormat.setForeground(dim);
    m_noteFormat.setFontItalic(true);
    m_inputFormat = QTextCharFormat();
    m_inputFormat.setForeground(QColor(0x00, 0x9e, 0x73));
}

void ConsolePane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        updateFormats();
    QWidget::changeEvent(event);
}

void ConsolePane::clear()
{
    m_flushTimer.stop();
    m_pending.clear();
    m_stderrRest.clear();
    m_text->clear();
    m_text->setExtraSelections({});
    m_lines = 0;
    m_hidden = 0;
    m_skipped = 0;
    m_noteCount = 0;
    m_noteShown = false;
    m_currentPrint = -1;
    m_cutoff = -1;
}

void ConsolePane::enqueue(Line line)
{
    m_pending.push_back(std::move(line));
    if (!m_flushTimer.isActive())
        m_flushTimer.start(kFlushMs);
}

void ConsolePane::onFlushTimer()
{
    drain(kBudgetMs);
}

void ConsolePane::flush()
{
    drain(-1);
}

void ConsolePane::drain(int budgetMs)
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;
    QElapsedTimer clock;
    clock.start();
    QTextDocument* doc = m_text->document();
    // More waiting than the console keeps: the oldest would only push each other out,
    // unseen, at the full cost of writing them. They are skipped, and a note says where.
    qint64 skipped = 0;
    while (m_pending.size() > size_t(maxLines())) {
        const Line& line = m_pending.front();
        skipped += line.kind == Kind::Skipped ? line.skipped : 1;
        m_skipped += line.kind == Kind::Skipped ? 0 : 1;
        m_pending.pop_front();
    }
    if (skipped > 0 && m_lines == (m_noteShown ? 1 : 0)) {
        // Nothing shown yet that they would come after: they count with the earlier lines.
        m_hidden += skipped;
        skipped = 0;
    }
    if (skipped > 0) {
        if (m_pending.front().kind == Kind::Skipped) {
            m_pending.front().skipped += skipped;
        } else {
            Line gap;
            gap.kind = Kind::Skipped;
            gap.skipped = skipped;
            m_pending.push_front(gap);
        }
    }
    QScrollBar* bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    const int scrolledTo = bar->value();
    const int firstNew = m_lines;

    // An edit of its own: one edit at both ends would make the layout redo every line.
    if (m_noteShown && m_hidden != m_noteCount)
        writeHiddenNote();
    QTextCursor cursor(doc);
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    if (m_hidden > 0 && m_lines == 0) {
        cursor.insertText(hiddenNote(), m_noteFormat);
        m_noteCount = m_hidden;
        m_noteShown = true;
        ++m_lines;
    }
    // Most of a slice's cost comes after the lines are written: the document lays them out
    // when the edit ends, and trimming the top follows. A slice writes as many lines as fit
    // the budget at what a line has cost in whole so far, not as many as fit before the
    // clock runs out on the writing alone.
    const int sliceLines = budgetMs >= 0 ? std::max(kLinesPerClockLook, int(double(budgetMs) / m_msPerLine))
                                         : std::numeric_limits<int>::max();
    int written = 0;
    while (!m_pending.empty() && written < sliceLines) {
        writeLine(cursor, m_pending.front());
        m_pending.pop_front();
        ++written;
        if (budgetMs >= 0 && written % kLinesPerClockLook == 0 && clock.elapsed() >= budgetMs)
            break;
    }
    cursor.endEditBlock();
    const int removed = trim();

    if (m_cutoff >= 0)
        applyCutoff(doc->findBlockByNumber(std::max(0, firstNew - removed)));
    // Stay where the reader scrolled to; follow the output only from the bottom.
    else if (atEnd)
        bar->setValue(bar->maximum());
    else if (removed > 0)
        bar->setValue(std::max(0, scrolledTo - removed));
    if (budgetMs >= 0 && written >= kLinesPerClockLook) {
        const double perLine = double(clock.nsecsElapsed()) / 1e6 / written;
        m_msPerLine
            = std::clamp(0.7 * m_msPerLine + 0.3 * perLine, kMinMsPerLine, double(budgetMs) / kLinesPerClockLook);
    }
    if (!m_pending.empty())
        m_flushTimer.start(kBacklogMs);
}

void ConsolePane::writeLine(QTextCursor& cursor, const Line& line)
{
    if (m_lines > 0)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    ++m_lines;
    switch (line.kind) {
    case Kind::Print:
        cursor.insertText(TimeAxis::timePoint(line.t) + QLatin1Char(' '), m_timeFormat);
        cursor.insertText(
            tr("%1 · tid %2 · pid %3").arg(line.thread, QString::number(line.tid), QString::number(line.pid)),
            m_tagFormat);
        cursor.insertText(QLatin1Char(' ') + oneBlock(line.text), m_textFormat);
        break;
    case Kind::Stderr:
        cursor.insertText(tr("stderr") + QLatin1Char(' '), m_stderrTagFormat);
        cursor.insertText(oneBlock(line.text), m_stderrFormat);
        break;
    case Kind::Note:
        cursor.insertText(oneBlock(line.text), m_noteFormat);
        break;
    case Kind::Input:
        cursor.insertText(QStringLiteral("> ") + oneBlock(line.text), m_inputFormat);
        break;
    case Kind::Skipped:
        cursor.insertText(
            tr("… %1 lines skipped here: they came faster than the console can show them. The timeline's print "
               "marks and Export Trace have every line.")
                .arg(QLocale().toString(line.skipped)),
            m_noteFormat);
        break;
    }
    if (line.print >= 0 || line.t >= 0 || line.skipped > 0)
        cursor.block().setUserData(new LineData(line.print, line.t, line.skipped));
}

int ConsolePane::trim()
{
    const int excess = m_lines - (m_noteShown ? 1 : 0) - maxLines();
    if (excess <= 0)
        return 0;
    QTextDocument* doc = m_text->document();
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    // Block positions rather than moving block by block: a cursor that moves lays out
    // every line it passes.
    const int first = m_noteShown ? 1 : 0;
    // What goes: a line each, a note of skipped lines as many as it stands for.
    QTextBlock block = doc->findBlockByNumber(first);
    for (int i = 0; i < excess && block.isValid(); ++i, block = block.next()) {
        const LineData* d = lineData(block);
        m_hidden += d && d->skipped > 0 ? d->skipped : 1;
    }
    // The first time, the last line to go becomes the note.
    const int removed = m_noteShown ? excess : excess - 1;
    if (removed > 0) {
        cursor.setPosition(doc->findBlockByNumber(first).position());
        cursor.setPosition(doc->findBlockByNumber(first + removed).position(), QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    m_lines -= removed;
    m_noteShown = true;
    writeHiddenNote(&cursor);
    cursor.endEditBlock();
    return removed;
}

void ConsolePane::writeHiddenNote(QTextCursor* cursor)
{
    QTextDocument* doc = m_text->document();
    QTextCursor own(doc);
    QTextCursor& c = cursor ? *cursor : own;
    QTextBlock note = doc->begin();
    c.setPosition(note.position());
    c.setPosition(note.position() + note.length() - 1, QTextCursor::KeepAnchor);
    c.insertText(hiddenNote(), m_noteFormat);
    note = doc->begin();
    note.setUserData(nullptr);
    if (!note.isVisible()) {
        note.setVisible(true);
        doc->markContentsDirty(note.position(), note.length());
    }
    m_noteCount = m_hidden;
}

QString ConsolePane::hiddenNote() const
{
    const QString kept = QLocale().toString(maxLines());
    if (m_hidden == 1)
        return tr("… 1 earlier line not shown: the console keeps the latest %1. The timeline's print marks and "
                  "Export Trace have every line.")
            .arg(kept);
    return tr("… %1 earlier lines not shown: the console keeps the latest %2. The timeline's print marks and "
              "Export Trace have every line.")
        .arg(QLocale().toString(m_hidden), kept);
}

void ConsolePane::appendPrint(qint64 t, const QString& thread, qint64 pid, qint64 tid, const QString& text, int print)
{
    Line line;
    line.kind = Kind::Print;
    line.text = text;
    line.thread = thread;
    line.pid = pid;
    line.tid = tid;
    line.t = t;
    line.print = print;
    enqueue(std::move(line));
}

void ConsolePane::appendPrint(const TraceModel& model, int print)
{
    if (print < 0 || size_t(print) >= model.prints().size())
        return;
    const PrintRecord& record = model.prints()[size_t(print)];
    const QString text
        = record.text >= 0 && record.text < model.texts().size() ? model.texts().at(record.text) : QString();
    if (record.lane < 0 || record.lane >= model.laneCount()) {
        appendPrint(record.t, tr("?"), 0, 0, text, print);
        return;
    }
    const Lane& lane = model.lane(record.lane);
    QString who = TimelineLayout::laneTitle(lane);
    const QString sub = TimelineLayout::laneSubtitle(lane);
    if (!sub.isEmpty())
        who += QStringLiteral(" (") + sub + QLatin1Char(')');
    appendPrint(record.t, who, lane.pid, lane.tid, text, print);
}

void ConsolePane::appendStderr(const QString& text)
{
    // stderr arrives in chunks that need not end at a line break.
    QString all = m_stderrRest + text;
    const qsizetype last = all.lastIndexOf(QLatin1Char('\n'));
    m_stderrRest = last < 0 ? all : all.mid(last + 1);
    if (last < 0)
        return;
    const QStringList lines = all.left(last).split(QLatin1Char('\n'));
    for (const QString& text : lines) {
        Line line;
        line.kind = Kind::Stderr;
        line.text = text;
        enqueue(std::move(line));
    }
}

void ConsolePane::appendNote(const QString& text)
{
    if (!m_stderrRest.isEmpty())
        appendStderr(QStringLiteral("\n"));
    Line line;
    line.kind = Kind::Note;
    line.text = text;
    enqueue(std::move(line));
}

void ConsolePane::setInputEnabled(bool enabled)
{
    m_input->setEnabled(enabled);
}

QString ConsolePane::plainText()
{
    flush();
    return m_text->toPlainText();
}

void ConsolePane::appendPrints(const TraceModel& model)
{
    // A file lists its events by thread or as its tool pleased; a console reads in time.
    const auto& prints = model.prints();
    std::vector<int> order(prints.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&prints](int a, int b) { return prints[a].t < prints[b].t; });
    // Only the latest ones would stay; the others count as not shown (see hiddenNote()).
    const size_t first = order.size() > size_t(maxLines()) ? order.size() - size_t(maxLines()) : 0;
    m_hidden += qint64(first);
    for (size_t i = first; i < order.size(); ++i)
        appendPrint(model, order[i]);
}

void ConsolePane::setCurrentPrint(int print)
{
    m_currentPrint = print;
    QTextBlock found;
    if (print >= 0) {
        flush();
        // Recent lines are the likely ones; the console holds at most maxLines().
        for (QTextBlock b = m_text->document()->lastBlock(); b.isValid(); b = b.previous()) {
            const LineData* d = lineData(b);
            if (d && d->print == print) {
                found = b;
                break;
            }
        }
    }
    if (!found.isValid()) {
        m_text->setExtraSelections({});
        return;
    }
    QTextEdit::ExtraSelection line;
    QColor color = palette().color(QPalette::Highlight);
    color.setAlpha(70);
    line.format.setBackground(color);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = QTextCursor(found);
    m_text->setExtraSelections({ line });
    m_text->setTextCursor(QTextCursor(found));
    m_text->ensureCursorVisible();
}

QString ConsolePane::currentLineText()
{
    const QList<QTextEdit::ExtraSelection> selections = m_text->extraSelections();
    return selections.isEmpty() ? QString() : selections.constFirst().cursor.block().text();
}

void ConsolePane::setCutoff(qint64 t)
{
    flush();
    if (t == m_cutoff)
        return;
    m_cutoff = t;
    applyCutoff(m_text->document()->begin());
}

void ConsolePane::applyCutoff(const QTextBlock& first)
{
    QTextDocument* doc = m_text->document();
    // A line without a time goes with the line before it.
    bool visible = !first.previous().isValid() || first.previous().isVisible();
    int from = -1;
    int to = -1;
    QTextBlock lastVisible;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const LineData* d = lineData(b);
        if (d && d->t >= 0)
            visible = m_cutoff < 0 || d->t <= m_cutoff;
        if (b.isVisible() != visible) {
            b.setVisible(visible);
            if (from < 0)
                from = b.position();
            to = b.position() + b.length();
        }
        if (visible)
            lastVisible = b;
    }
    if (from < 0)
        return;
    doc->markContentsDirty(from, to - from);
    m_text->viewport()->update();
    // While replaying, the newest line printed so far is the one to read.
    if (m_cutoff >= 0 && lastVisible.isValid()) {
        QTextCursor c(lastVisible);
        c.movePosition(QTextCursor::EndOfBlock); // all of a wrapped line
        m_text->setTextCursor(c);
        m_text->ensureCursorVisible();
    }
}

QStringList ConsolePane::visibleLines()
{
    flush();
    QStringList lines;
    for (QTextBlock b = m_text->document()->begin(); b.isValid(); b = b.next()) {
        if (b.isVisible())
            lines << b.text();
    }
    return lines;
}

void ConsolePane::setPresentation(bool on)
{
    QFont font = m_font;
    if (on)
        font.setPointSizeF(m_font.pointSizeF() * kPresentationScale);
    m_text->setFont(font);
    // At that size the printed text, at the end of each line, would run off the pane.
    m_text->setLineWrapMode(on ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
}

bool ConsolePane::eventFilter(QObject* watched, QEvent* event)
{
    // A click, not the end of a drag that selects text to copy.
    if (watched == m_text->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && !m_text->textCursor().hasSelection()) {
            const LineData* d = lineData(m_text->cursorForPosition(mouse->position().toPoint()).block());
            if (d && d->print >= 0) {
                setCurrentPrint(d->print);
                Q_EMIT printClicked(d->print);
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConsolePane::submit()
{
    const QString line = m_input->text();
    m_input->clear();
    Line echo;
    echo.kind = Kind::Input;
    echo.text = line;
    enqueue(std::move(echo));
    Q_EMIT inputSubmitted(line);
}

} // namespace Forkline
