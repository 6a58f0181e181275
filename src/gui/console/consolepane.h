// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QStringList>
#include <QWidget>

class QLineEdit;

namespace Forkline {

class ConsoleDelegate;
class ConsoleModel;
class ConsoleView;
class TraceModel;

// What the program printed, in order, each line tagged with the thread that printed it,
// plus the program's stderr and notes, and a line for typing input().
//
// The lines are a ConsoleModel over the run's TraceModel (no copy of the printed text, no
// line limit), shown by a ConsoleView and drawn by a ConsoleDelegate. However fast a program
// prints, every line shows: new lines join the list once per tick, and what the window does
// per tick does not grow with the number of lines.
class ConsolePane : public QWidget
{
    Q_OBJECT
public:
    explicit ConsolePane(QWidget* parent = nullptr);

    ConsoleModel* model() const { return m_model; }
    ConsoleView* view() const { return m_view; }
    ConsoleDelegate* delegate() const { return m_delegate; }

    void clear();
    // A live run's prints, in the order they come (see ConsoleModel::followPrints).
    void followPrints(const TraceModel* trace);
    // The followed trace has more prints: they show at the next tick.
    void printsAdded();
    // The trace shown moved to `trace` (a finished run taken from its collector).
    void traceMoved(const TraceModel* trace);
    // Every print of a finished trace (an opened file, a comparison), in time order.
    void showPrints(const TraceModel* trace);
    void appendStderr(const QString& text);
    void appendNote(const QString& text);
    void setInputEnabled(bool enabled);

    // Shows every line that came now, without waiting for the tick (tests, and before
    // anything that looks lines up).
    void flush();

    // The console as plain text, lines in order (tests).
    QString plainText();
    QLineEdit* inputLine() const { return m_input; }

    // Marks the line of a print (the mark selected on the timeline) and scrolls to it; -1
    // clears the mark.
    void setCurrentPrint(int print);
    int currentPrint() const { return m_currentPrint; }
    QString currentLineText();

    // Replay: only what was printed up to t shows (a line without a time, such as a note,
    // goes with the print before it); -1 shows everything again.
    void setCutoff(qint64 t);
    qint64 cutoff() const;
    // The lines a reader sees, in order (tests).
    QStringList visibleLines();

    // A larger font for a projector.
    void setPresentation(bool on);

Q_SIGNALS:
    // The user typed a line for a worker waiting in an `input` step.
    void inputSubmitted(const QString& line);
    // The user clicked the line of print record `print`.
    void printClicked(int print);

private:
    void submit();
    void onClicked(const QModelIndex& index);

    ConsoleModel* m_model = nullptr;
    ConsoleView* m_view = nullptr;
    ConsoleDelegate* m_delegate = nullptr;
    QLineEdit* m_input = nullptr;
    QFont m_font;
    int m_currentPrint = -1;
};

} // namespace Forkline
