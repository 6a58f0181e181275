// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Forkline {

// Python's keywords, builtins, strings (triple-quoted ones across lines too), numbers,
// comments and decorators, coloured for the code pane. A lexer of its own, line by line:
// the block state carries an open triple-quoted string to the next line.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token : std::uint8_t { Plain, Keyword, Builtin, String, Number, Comment, Decorator, Definition };

    explicit PythonHighlighter(QTextDocument* document);

    // Colours for a dark or a light background.
    void setDark(bool dark);

    // The tokens of one line with what the line before left open (tests): each character's
    // token, and the state the line leaves.
    static std::vector<Token> tokens(const QString& text, int previousState, int* state);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_formats[8];
};

} // namespace Forkline
