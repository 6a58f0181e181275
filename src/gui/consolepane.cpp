// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolepane.h"

#include "timeaxis.h"
#include "timelinestyle.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Forkline {

namespace {
constexpr int kMaxLines = 20000;
constexpr int kFlushMs = 30;
} // namespace

ConsolePane::ConsolePane(QWidget* parent)
    : QWidget(parent)
{
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(kMaxLines);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(
        tr("The lines the program prints appear here, tagged with the thread that printed them."));
    m_text->setToolTip(tr("Console: every printed line in order, with the time, the thread, its thread id and its "
                          "process id. Red lines came from stderr."));

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
}

void ConsolePane::append(const QString& html)
{
    m_pending.append(html);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ConsolePane::flush()
{
    if (m_pending.isEmpty())
        return;
    QScrollBar* bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    for (const QString& line : std::as_const(m_pending))
        m_text->appendHtml(line);
    m_pending.clear();
    // Stay where the reader scrolled to; follow the output only from the bottom.
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ConsolePane::appendPrint(qint64 t, const QString& thread, qint64 pid, qint64 tid, const QString& text)
{
    const QString tag = tr("%1 · tid %2 · pid %3").arg(thread).arg(tid).arg(pid);
    append(QStringLiteral("<span style=\"color:#6a7078\">%1</span> <span style=\"color:%2\"><b>%3</b></span> %4")
               .arg(TimeAxis::timePoint(t).toHtmlEscaped(), TimelineStyle::stateColor(State::Computing).name(),
                   tag.toHtmlEscaped(), text.toHtmlEscaped()));
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

void ConsolePane::submit()
{
    const QString line = m_input->text();
    m_input->clear();
    append(QStringLiteral("<span style=\"color:#009e73\">&gt; %1</span>").arg(line.toHtmlEscaped()));
    Q_EMIT inputSubmitted(line);
}

} // namespace Forkline
