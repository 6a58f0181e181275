// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <vector>

class QLineEdit;
class QPlainTextEdit;

namespace Forkline {

class TraceModel;

// What the program printed, in order, each line tagged with the thread that printed it,
// plus the program's stderr in a colour of its own, and a line for typing input().
class ConsolePane : public QWidget
{
    Q_OBJECT
public:
    explicit ConsolePane(QWidget* parent = nullptr);

    void clear();
    // `thread` is the display name, e.g. "매수 (buyer)"; t is ns since the run's start.
    // `print` is the line's index in TraceModel::prints(): it links the line to its mark.
    void appendPrint(qint64 t, const QString& thread, qint64 pid, qint64 tid, const QString& text, int print = -1);
    // Print record `print` of a model (an opened trace), tagged with its thread.
    void appendPrint(const TraceModel& model, int print);
    // Every print of a model, as many as the console keeps (the latest ones).
    void appendPrints(const TraceModel& model);
    void appendStderr(const QString& text);
    void appendNote(const QString& text);
    void setInputEnabled(bool enabled);

    // The console as plain text, lines in order (tests, copy).
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
    qint64 cutoff() const { return m_cutoff; }
    // The lines a reader sees, in order (tests).
    QStringList visibleLines();

    // A larger font for a projector.
    void setPresentation(bool on);

Q_SIGNALS:
    // The user typed a line for a worker waiting in an `input` step.
    void inputSubmitted(const QString& line);
    // The user clicked the line of print record `print`.
    void printClicked(int print);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Line
    {
        QString html;
        int print = -1;
        qint64 t = -1;
    };
    void append(const QString& html, int print = -1, qint64 t = -1);
    void flush();
    void submit();
    void applyCutoff();

    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_input = nullptr;
    std::vector<Line> m_pending;
    QFont m_font;
    int m_currentPrint = -1;
    qint64 m_cutoff = -1;
    QTimer m_flushTimer;
    QString m_stderrRest;
};

} // namespace Forkline
