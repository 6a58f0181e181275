// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolepane.h"

#include "consoledelegate.h"
#include "consolemodel.h"
#include "consoleview.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Forkline {

namespace {
constexpr double kPresentationScale = 1.45;
} // namespace

ConsolePane::ConsolePane(QWidget* parent)
    : QWidget(parent)
{
    m_model = new ConsoleModel(this);
    m_delegate = new ConsoleDelegate(this);
    m_view = new ConsoleView(this);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Console"));
    m_view->setItemDelegate(m_delegate);
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_view->setFont(m_font);
    m_view->setPlaceholderText(
        tr("The lines the program prints appear here, tagged with the thread that printed them."));
    m_view->setToolTip(tr("Console: every printed line in order, with the time, the thread, its thread id and its "
                          "process id. Red lines came from stderr. Click a line to find its mark on the timeline."));
    connect(m_view, &ConsoleView::clicked, this, &ConsolePane::onClicked);

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
    layout->addWidget(m_view, 1);
    layout->addLayout(inputRow);
}

void ConsolePane::clear()
{
    m_model->clear();
    m_currentPrint = -1;
}

void ConsolePane::followPrints(const TraceModel* trace)
{
    m_model->followPrints(trace);
}

void ConsolePane::printsAdded()
{
    m_model->printsAdded();
}

void ConsolePane::traceMoved(const TraceModel* trace)
{
    m_model->traceMoved(trace);
}

void ConsolePane::showPrints(const TraceModel* trace)
{
    m_model->showPrints(trace);
}

void ConsolePane::appendStderr(const QString& text)
{
    m_model->appendStderr(text);
}

void ConsolePane::appendNote(const QString& text)
{
    m_model->appendNote(text);
}

void ConsolePane::setInputEnabled(bool enabled)
{
    m_input->setEnabled(enabled);
}

void ConsolePane::flush()
{
    m_model->sync();
}

QString ConsolePane::plainText()
{
    return visibleLines().join(QLatin1Char('\n'));
}

QStringList ConsolePane::visibleLines()
{
    flush();
    QStringList lines;
    for (int row = 0; row < m_model->rowCount(); ++row)
        lines << m_model->lineText(row);
    return lines;
}

void ConsolePane::setCurrentPrint(int print)
{
    m_currentPrint = print;
    flush();
    const int row = m_model->rowOfPrint(print);
    m_view->setMarkedRow(row);
    if (row >= 0)
        m_view->scrollTo(m_model->index(row), QAbstractItemView::EnsureVisible);
}

QString ConsolePane::currentLineText()
{
    return m_model->lineText(m_view->markedRow());
}

void ConsolePane::setCutoff(qint64 t)
{
    if (t == m_model->cutoff())
        return;
    m_model->setCutoff(t);
    // While replaying, the newest line printed so far is the one to read.
    if (t >= 0)
        m_view->follow();
}

qint64 ConsolePane::cutoff() const
{
    return m_model->cutoff();
}

void ConsolePane::setPresentation(bool on)
{
    QFont font = m_font;
    if (on)
        font.setPointSizeF(m_font.pointSizeF() * kPresentationScale);
    // At that size the tag's ids would push the printed text off the pane: the thread's name
    // says enough to a class (the ids are a Copy away).
    m_delegate->setShortTags(on);
    m_view->setFont(font);
}

void ConsolePane::onClicked(const QModelIndex& index)
{
    // A plain click, not one that extends a selection to copy.
    if (QGuiApplication::keyboardModifiers() != Qt::NoModifier)
        return;
    const int print = m_model->printAt(index.row());
    if (print < 0)
        return;
    setCurrentPrint(print);
    Q_EMIT printClicked(print);
}

void ConsolePane::submit()
{
    const QString line = m_input->text();
    m_input->clear();
    m_model->appendInput(line);
    Q_EMIT inputSubmitted(line);
}

} // namespace Forkline
