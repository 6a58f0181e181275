// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;

namespace Forkline {

// What the program printed, in order, each line tagged with the thread that printed it,
// plus the program's stderr in a colour of its own, and a line for typing input().
class ConsolePane : public QWidget
{
    Q_OBJECT
public:
    explicit ConsolePane(QWidget* parent = nullptr);

    void clear();
    // `thread` is the display name, e.g. "매수 (buyer)"; t is ns since the run's start.
    void appendPrint(qint64 t, const QString& thread, qint64 pid, qint64 tid, const QString& text);
    void appendStderr(const QString& text);
    void appendNote(const QString& text);
    void setInputEnabled(bool enabled);

    // The console as plain text, lines in order (tests, copy).
    QString plainText();
    QLineEdit* inputLine() const { return m_input; }

Q_SIGNALS:
    // The user typed a line for a worker waiting in an `input` step.
    void inputSubmitted(const QString& line);

private:
    void append(const QString& html);
    void flush();
    void submit();

    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_input = nullptr;
    QStringList m_pending;
    QTimer m_flushTimer;
    QString m_stderrRest;
};

} // namespace Forkline
