// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolepane.h"

#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>

namespace Forkline {

namespace {
constexpr int kMaxLines = 20000;
constexpr int kFlushMs = 30;
constexpr double kPresentationScale = 1.45;

// What ties a console line to the timeline: its print record and time.
class LineData : public QTextBlockUserData
{
public:
    LineData(int print, qint64 t)
        : print(print)
        , t(t)
    { }
    int print = -1;
    qint64 t = -1;
};

const LineData* lineData(const QTextBlock& block)
{
    return static_cast<const LineData*>(block.userData());
}
} // namespace

ConsolePane::ConsolePane(QWidget* parent)
    : QWidget(parent)
{
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(kMaxLines);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
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
    connect(&m_flushTimer, &QTimer::timeout, this, &ConsolePane::flush);
}

void ConsolePane::clear()
{
    m_pending.clear();
    m_stderrRest.clear();
    m_text->clear();
    m_text->setExtraSelections({});
    m_currentPrint = -1;
    m_cutoff = -1;
}

void ConsolePane::append(const QString& html, int print, qint64 t)
{
    m_pending.push_back({ html, print, t });
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ConsolePane::flush()
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;
    QScrollBar* bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    for (const Line& line : m_pending) {
        m_text->appendHtml(line.html);
        if (line.print >= 0 || line.t >= 0)
            m_text->document()->lastBlock().setUserData(new LineData(line.print, line.t));
    }
    m_pending.clear();
    if (m_cutoff >= 0)
        applyCutoff();
    // Stay where the reader scrolled to; follow the output only from the bottom.
    else if (atEnd)
        bar->setValue(bar->maximum());
}

void ConsolePane::appendPrint(qint64 t, const QString& thread, qint64 pid, qint64 tid, const QString& text, int print)
{
    const QString tag = tr("%1 · tid %2 · pid %3").arg(thread).arg(tid).arg(pid);
    // The blue of "computing" is too dark to read on a dark theme; its sky blue is not.
    const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
    const QColor tagColor = TimelineStyle::stateColor(dark ? State::Sleeping : State::Computing);
    append(QStringLiteral("<span style=\"color:#6a7078\">%1</span> <span style=\"color:%2\"><b>%3</b></span> %4")
               .arg(TimeAxis::timePoint(t).toHtmlEscaped(), tagColor.name(), tag.toHtmlEscaped(), text.toHtmlEscaped()),
        print, t);
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
    for (const QString& line : lines) {
        append(QStringLiteral("<span style=\"color:#c24f00\"><i>%1</i> %2</span>")
                   .arg(tr("stderr").toHtmlEscaped(), line.toHtmlEscaped()));
    }
}

void ConsolePane::appendNote(const QString& text)
{
    if (!m_stderrRest.isEmpty())
        appendStderr(QStringLiteral("\n"));
    append(QStringLiteral("<span style=\"color:#6a7078\"><i>%1</i></span>").arg(text.toHtmlEscaped()));
    flush();
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
    for (size_t i = order.size() > size_t(kMaxLines) ? order.size() - kMaxLines : 0; i < order.size(); ++i)
        appendPrint(model, order[i]);
    flush();
}

void ConsolePane::setCurrentPrint(int print)
{
    flush();
    m_currentPrint = print;
    QTextBlock found;
    if (print >= 0) {
        // Recent lines are the likely ones; the console holds at most kMaxLines.
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
    applyCutoff();
}

void ConsolePane::applyCutoff()
{
    QTextDocument* doc = m_text->document();
    bool visible = true;
    int from = -1;
    int to = -1;
    QTextBlock lastVisible;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
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
    append(QStringLiteral("<span style=\"color:#009e73\">&gt; %1</span>").arg(line.toHtmlEscaped()));
    Q_EMIT inputSubmitted(line);
}

} // namespace Forkline
