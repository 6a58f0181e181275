// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPlainTextEdit>
#include <vector>

namespace Forkline {

class PythonHighlighter;

// Read-only Python source with line numbers in a gutter: one line can be highlighted (the
// line of the event picked on the timeline) and any lines marked in a colour with a short
// label (each thread's current line during replay).
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    struct LineMark
    {
        int line = 0; // 1-based
        QColor color;
        QString label; // the thread's name, shown in the tooltip
    };

    explicit CodeEditor(QWidget* parent = nullptr);

    void setSource(const QString& text);
    // 0 for none; scrolls the line into sight.
    void setHighlightedLine(int line);
    int highlightedLine() const { return m_highlighted; }
    void setLineMarks(const std::vector<LineMark>& marks);
    const std::vector<LineMark>& lineMarks() const { return m_marks; }

    int gutterWidth() const;
    // The 1-based line at a viewport point, 0 below the text.
    int lineAt(QPoint viewportPos) const;
    // The viewport rectangle of a line (tests).
    QRect lineRect(int line) const;

Q_SIGNALS:
    // The user clicked a line of the code.
    void lineClicked(int line);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    friend class CodeGutter;
    void paintGutter(QPaintEvent* event);
    void updateSelections();
    void updateGutterWidth();

    QWidget* m_gutter = nullptr;
    PythonHighlighter* m_highlighter = nullptr;
    int m_highlighted = 0;
    std::vector<LineMark> m_marks;
};

} // namespace Forkline
