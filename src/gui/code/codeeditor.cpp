// SPDX-License-Identifier: GPL-3.0-or-later
#include "code/codeeditor.h"

#include "code/pythonhighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace Forkline {

// The line numbers left of the text; paints through the editor, which knows the layout.
class CodeGutter : public QWidget
{
public:
    explicit CodeGutter(CodeEditor* editor)
        : QWidget(editor)
        , m_editor(editor)
    { }
    QSize sizeHint() const override { return QSize(m_editor->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent* event) override { m_editor->paintGutter(event); }

private:
    CodeEditor* m_editor;
};

CodeEditor::CodeEditor(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Clicks pick lines: no text cursor to blink, but text can still be selected and copied.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_gutter = new CodeGutter(this);
    m_highlighter = new PythonHighlighter(document());
    m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutterWidth();
}

void CodeEditor::setSource(const QString& text)
{
    m_highlighted = 0;
    m_marks.clear();
    setPlainText(text);
    updateSelections();
}

void CodeEditor::setHighlightedLine(int line)
{
    if (line < 0 || line > blockCount())
        line = 0;
    m_highlighted = line;
    if (line > 0) {
        QTextCursor c(document()->findBlockByNumber(line - 1));
        setTextCursor(c);
        centerCursor();
    }
    updateSelections();
}

void CodeEditor::setLineMarks(const std::vector<LineMark>& marks)
{
    m_marks = marks;
    updateSelections();
}

int CodeEditor::gutterWidth() const
{
    const int digits = QString::number(std::max(1, blockCount())).size();
    // Room for the digits and a bar per thread mark.
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

int CodeEditor::lineAt(QPoint viewportPos) const
{
    const QTextCursor c = cursorForPosition(viewportPos);
    const QRect r = cursorRect(c);
    if (viewportPos.y() > r.bottom() + 1 && c.block() == document()->lastBlock())
        return 0;
    return c.blockNumber() + 1;
}

QRect CodeEditor::lineRect(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return {};
    return blockBoundingGeometry(block).translated(contentOffset()).toRect();
}

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void CodeEditor::mouseReleaseEvent(QMouseEvent* event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    // A drag selects text to copy; only a click picks a line.
    if (event->button() == Qt::LeftButton && !textCursor().hasSelection()) {
        const int line = lineAt(event->position().toPoint());
        if (line > 0)
            Q_EMIT lineClicked(line);
    }
}

bool CodeEditor::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        // Which threads are on the line under the pointer.
        const auto* help = static_cast<QHelpEvent*>(e);
        const int line = lineAt(viewport()->mapFromGlobal(help->globalPos()));
        QStringList names;
        for (const LineMark& m : m_marks) {
            if (m.line == line)
                names << m.label;
        }
        if (names.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tr("Here now: %1").arg(names.join(QLatin1String(", "))), this);
        return true;
    }
    return QPlainTextEdit::event(e);
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    // Thread marks first, so the picked line's highlight is drawn over them.
    for (const LineMark& m : m_marks) {
        QTextEdit::ExtraSelection s;
        QColor tint = m.color;
        tint.setAlpha(60);
        s.format.setBackground(tint);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(document()->findBlockByNumber(m.line - 1));
        selections << s;
    }
    if (m_highlighted > 0) {
        QTextEdit::ExtraSelection s;
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(90);
        s.format.setBackground(tint);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(document()->findBlockByNumber(m_highlighted - 1));
        selections << s;
    }
    setExtraSelections(selections);
    m_gutter->update();
}

void CodeEditor::paintGutter(QPaintEvent* event)
{
    QPainter p(m_gutter);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = int(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int h = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + int(blockBoundingRect(block).height());
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && bottom >= event->rect().top()) {
            // A bar per thread on this line, in the thread's colour, side by side.
            int x = 1;
            for (const LineMark& m : m_marks) {
                if (m.line == line) {
                    p.fillRect(QRect(x, top, 3, bottom - top), m.color);
                    x += 4;
                }
            }
            p.setPen(
                line == m_highlighted ? palette().color(QPalette::Text) : palette().color(QPalette::PlaceholderText));
            p.drawText(0, top, m_gutter->width() - 4, h, Qt::AlignRight, QString::number(line));
        }
        block = block.next();
        top = bottom;
    }
}

} // namespace Forkline
