// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QStringList>
#include <QTextCharFormat>
#include <QTimer>
#include <QWidget>
#include <deque>

class QLineEdit;
class QPlainTextEdit;
class QTextBlock;
class QTextCursor;

namespace Forkline {

class TraceModel;

// What the program printed, in order, each line tagged with the thread that printed it,
// plus the program's stderr in a colour of its own, and a line for typing input().
//
// A busy run prints tens of thousands of lines a second. Lines are queued and written a
// few milliseconds' worth per timer tick, so the window keeps answering however much is
// printed. The console keeps the latest maxLines() lines; when older ones go, a note at
// the top says how many, and lines that come faster than the console writes them are
// skipped with a note where they were. None is lost: every print stays in the run's
// TraceModel (the timeline's marks, Export Trace).
class ConsolePane : public QWidget
{
    Q_OBJECT
public:
    explicit ConsolePane(QWidget* parent = nullptr);

    // How many lines the console keeps (the latest ones).
    static constexpr int maxLines() { return 20000; }

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

    // Writes every queued line now (tests, and before anything that looks lines up).
    void flush();
    // Lines queued but not written yet.
    int pendingLines() const { return int(m_pending.size()); }
    // Lines that no longer show: older than the latest maxLines(), or skipped in a flood.
    qint64 hiddenLines() const { return m_hidden; }
    // Of those, the lines never written because more came than the console keeps.
    qint64 skippedLines() const { return m_skipped; }

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
    void changeEvent(QEvent* event) override;

private:
    enum class Kind : std::uint8_t { Print, Stderr, Note, Input, Skipped };
    // Formatting waits until the line is written: a line that scrolls out unseen costs
    // next to nothing.
    struct Line
    {
        Kind kind = Kind::Note;
        QString text;
        QString thread;
        qint64 pid = 0;
        qint64 tid = 0;
        qint64 t = -1;
        int print = -1;
        qint64 skipped = 0; // Kind::Skipped: how many lines it stands for
    };
    void enqueue(Line line);
    // Writes queued lines for at most `budgetMs` (all of them for a negative budget).
    void drain(int budgetMs);
    void onFlushTimer();
    void writeLine(QTextCursor& cursor, const Line& line);
    // Drops the oldest lines beyond maxLines(); returns how many blocks went.
    int trim();
    QString hiddenNote() const;
    // Writes the note at the top on how many lines no longer show, in `cursor`'s edit if any.
    void writeHiddenNote(QTextCursor* cursor = nullptr);
    void updateFormats();
    void submit();
    // Shows or hides the lines from `first` on by the cutoff.
    void applyCutoff(const QTextBlock& first);

    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_input = nullptr;
    std::deque<Line> m_pending;
    int m_lines = 0; // blocks with text in the document, the note included
    qint64 m_hidden = 0;
    qint64 m_skipped = 0;
    // A written line's whole cost in a slice (writing, layout, trimming), measured over the
    // last slices; some 25 us on a 2-core machine before anything is measured.
    double m_msPerLine = 0.025;
    qint64 m_noteCount = 0; // what the note at the top says
    bool m_noteShown = false;
    QFont m_font;
    int m_currentPrint = -1;
    qint64 m_cutoff = -1;
    QTimer m_flushTimer;
    QString m_stderrRest;
    QTextCharFormat m_timeFormat;
    QTextCharFormat m_tagFormat;
    QTextCharFormat m_textFormat;
    QTextCharFormat m_stderrFormat;
    QTextCharFormat m_stderrTagFormat;
    QTextCharFormat m_noteFormat;
    QTextCharFormat m_inputFormat;
};

} // namespace Forkline
