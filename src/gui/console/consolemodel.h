// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QTimer>
#include <cstdint>
#include <vector>

namespace Forkline {

class TraceModel;

// The console's lines, one row each: the prints of a TraceModel, read where the trace keeps
// them, and between them, where they came, the lines a trace has no place for (the program's
// stderr, notes such as "Running ...", what the user typed for input()).
//
// A busy run prints hundreds of thousands of lines. Rows cost nothing of their own: a print's
// row is its place in the trace plus the number of other lines before it, so the model holds
// no copy of any printed text and no per-line record, and has no line limit. New lines become
// rows once per tick (one insertion for all that came since), never one at a time.
class ConsoleModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Stream : std::uint8_t { Stdout, Stderr, Note, Input };
    Q_ENUM(Stream)

    enum Role {
        // QString: what was printed, typed or said, as it came (line breaks kept).
        TextRole = Qt::UserRole + 1,
        // QString: the printing thread, "name · tid N · pid M"; empty for other lines.
        TagRole,
        // QString: the printing thread's name alone.
        ThreadRole,
        // Stream: where the line came from.
        StreamRole,
        // qint64: ns since the run's start; no value for a line without a time.
        TimeRole,
        // int: the print record (TraceModel::prints()) the line is, -1 for other lines.
        PrintRole,
        // int: the printing thread's lane, -1 for other lines.
        LaneRole,
        // QString: TimeRole as the time axis writes it, counted from the trace's start.
        TimeTextRole,
    };

    explicit ConsoleModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // No lines, no trace.
    void clear();
    // The prints of a trace that is still growing (a live run), in the order they came; new
    // ones become rows at the next tick after printsAdded(). `trace` must outlive its use
    // here: until clear(), or until another trace is given.
    void followPrints(const TraceModel* trace);
    // The trace moved to `trace` (a finished run taken from its collector): the same prints,
    // the same rows.
    void traceMoved(const TraceModel* trace);
    // Every print of a finished trace, in time order (a file lists its events as its tool
    // pleased); they show at once.
    void showPrints(const TraceModel* trace);
    // The followed trace has more prints.
    void printsAdded();
    // stderr arrives in chunks that need not end at a line break; a line shows once whole.
    void appendStderr(const QString& chunk);
    void appendNote(const QString& text);
    void appendInput(const QString& text);

    // Makes rows of every line that came since the last tick (the tick does it on its own).
    void sync();
    // Lines that came and are not rows yet.
    qint64 pendingRows() const;
    // Rows whatever the cutoff.
    int totalRows() const { return m_printRows + m_extraRows; }

    // The row of print record `print`, -1 when it has none (not shown, or past the cutoff).
    int rowOfPrint(int print) const;
    // The print record of a row, -1 for a line that is not a print.
    int printAt(int row) const;
    // The row as one line of plain text: time, tag and text (what Copy gives).
    QString lineText(int row) const;

    // Replay: only the rows up to the first print after t show (a line without a time goes
    // with the print before it); -1 shows every row. A row count, found by binary search.
    void setCutoff(qint64 t);
    qint64 cutoff() const { return m_cutoff; }

    // How long lines wait to become rows: one repaint's worth.
    static constexpr int tickMs() { return 30; }

private:
    // A line of the console that is not a print; the only text the console holds itself.
    struct Extra
    {
        QString text;
        int printsBefore = 0; // prints shown before it (its place among them)
        Stream stream = Stream::Note;
    };
    // What a row is: extra line `extra`, or else the print at place `place` in print order.
    struct Item
    {
        int extra = -1;
        int place = -1;
    };

    Item itemAt(int row) const;
    // Index into TraceModel::prints() of the print at `place` in the console's order.
    int printIndex(int place) const;
    qint64 printTime(int place) const;
    // Extra lines shown before the print at `place`.
    int extrasUpTo(int place) const;
    int tracePrints() const;
    void appendExtra(Stream stream, const QString& text);
    void scheduleSync();
    void indexTimes(int from, int to);
    int rowsForCutoff() const;
    void setShownRows(int rows);
    QString tagOf(int lane) const;
    QString threadOf(int lane) const;

    const TraceModel* m_trace = nullptr;
    // Print order when it is not the trace's own: the trace's indices sorted by time. Empty
    // for a live run, whose console reads in the order lines came.
    std::vector<int> m_order;
    std::vector<Extra> m_extras;
    int m_printRows = 0; // prints that are rows
    int m_extraRows = 0; // extra lines that are rows (the first ones of m_extras)
    int m_shownRows = 0; // rowCount(): every row, or those before the cutoff
    // The latest print time among the first (i + 1) * kTimeBlock prints, for each i: the
    // cutoff's binary search, at 8 bytes per block of prints.
    std::vector<qint64> m_blockLatest;
    qint64 m_cutoff = -1;
    QString m_stderrRest;
    QTimer m_tick;
};

} // namespace Forkline
