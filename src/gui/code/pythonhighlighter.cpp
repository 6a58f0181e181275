// SPDX-License-Identifier: GPL-3.0-or-later
#include "code/pythonhighlighter.h"

#include "pythonwords.h"

#include <QSet>

namespace Forkline {

namespace {

// Block states: -1 (Qt's "none") or 0 is plain; these say which triple quote is still open.
constexpr int kOpenTripleDouble = 1;
constexpr int kOpenTripleSingle = 2;

const QSet<QString>& builtins()
{
    static const QSet<QString> words = wordSet({ "print", "input", "range", "len", "int", "str", "float", "list",
        "dict", "set", "tuple", "bool", "bytes", "bytearray", "sum", "min", "max", "abs", "open", "enumerate", "zip",
        "map", "filter", "sorted", "reversed", "isinstance", "super", "object", "type", "repr", "iter", "next", "any",
        "all", "self", "Exception", "RuntimeError", "ValueError", "KeyboardInterrupt", "SystemExit" });
    return words;
}

bool identStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool identPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// The end (one past) of a string that starts at `from` after its opening quote(s); -1 when
// the line ends first.
int stringEnd(const QString& text, int from, QChar quote, bool triple)
{
    for (int i = from; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (text.at(i) != quote)
            continue;
        if (!triple)
            return i + 1;
        if (i + 2 < text.size() && text.at(i + 1) == quote && text.at(i + 2) == quote)
            return i + 3;
    }
    return -1;
}

// Where the string whose quote is at i begins: a prefix (f, r, b, rb ...) belongs to it.
int stringStart(const QString& text, int i)
{
    int start = i;
    while (start > 0 && QStringLiteral("rRbBuUfF").contains(text.at(start - 1))
        && (start - 1 == 0 || !identPart(text.at(start - 2))
            || QStringLiteral("rRbBuUfF").contains(text.at(start - 2))))
        --start;
    return start;
}

// The end of the dotted name or the number that starts at i (a decorator, 1.5e3, 0x1f).
int dottedEnd(const QString& text, int i)
{
    int end = i + 1;
    while (end < text.size() && (identPart(text.at(end)) || text.at(end) == QLatin1Char('.')))
        ++end;
    return end;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    setDark(false);
}

void PythonHighlighter::setDark(bool dark)
{
    const auto set = [this](Token t, QColor colour, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        m_formats[int(t)] = f;
    };
    // Blue, green, orange, grey and purple that keep their contrast on either background.
    set(Token::Keyword, dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x00, 0x3f, 0xa8), true);
    set(Token::Builtin, dark ? QColor(0x7f, 0xd6, 0xd6) : QColor(0x00, 0x6b, 0x6b));
    set(Token::String, dark ? QColor(0xa5, 0xd6, 0x82) : QColor(0x22, 0x7a, 0x22));
    set(Token::Number, dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xa6, 0x4b, 0x00));
    set(Token::Comment, dark ? QColor(0x8a, 0x93, 0x9d) : QColor(0x6a, 0x70, 0x78), false, true);
    set(Token::Decorator, dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x7a, 0x2e, 0x9e));
    set(Token::Definition, dark ? QColor(0xff, 0xcb, 0x6b) : QColor(0x80, 0x50, 0x00), true);
    rehighlight();
}

std::vector<PythonHighlighter::Token> PythonHighlighter::tokens(const QString& text, int previousState, int* state)
{
    std::vector<Token> out(size_t(text.size()), Token::Plain);
    const auto mark = [&out](int from, int to, Token t) {
        for (int i = from; i < to; ++i)
            out[size_t(i)] = t;
    };
    *state = 0;
    int i = 0;
    if (previousState == kOpenTripleDouble || previousState == kOpenTripleSingle) {
        const QChar q = previousState == kOpenTripleDouble ? QLatin1Char('"') : QLatin1Char('\'');
        const int end = stringEnd(text, 0, q, true);
        if (end < 0) {
            mark(0, int(text.size()), Token::String);
            *state = previousState;
            return out;
        }
        mark(0, end, Token::String);
        i = end;
    }
    bool nextIsDefinition = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            mark(i, int(text.size()), Token::Comment);
            break;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const int start = stringStart(text, i);
            const bool triple = i + 2 < text.size() && text.at(i + 1) == c && text.at(i + 2) == c;
            const int end = stringEnd(text, i + (triple ? 3 : 1), c, triple);
            if (end < 0) {
                mark(start, int(text.size()), Token::String);
                if (triple)
                    *state = c == QLatin1Char('"') ? kOpenTripleDouble : kOpenTripleSingle;
                break;
            }
            mark(start, end, Token::String);
            i = end;
            continue;
        }
        if (c == QLatin1Char('@') && text.left(i).trimmed().isEmpty()) {
            const int end = dottedEnd(text, i);
            mark(i, end, Token::Decorator);
            i = end;
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < text.size() && text.at(i + 1).isDigit())) {
            const int end = dottedEnd(text, i);
            mark(i, end, Token::Number);
            i = end;
            continue;
        }
        if (identStart(c)) {
            int end = i + 1;
            while (end < text.size() && identPart(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i);
            const bool prefix = end < text.size()
                && (text.at(end) == QLatin1Char('"') || text.at(end) == QLatin1Char('\'')) && word.size() <= 2
                && QStringLiteral("rRbBuUfF").contains(word.at(0));
            if (!prefix) {
                if (nextIsDefinition)
                    mark(i, end, Token::Definition);
                else if (pythonKeywords().contains(word))
                    mark(i, end, Token::Keyword);
                else if (builtins().contains(word) && (i == 0 || text.at(i - 1) != QLatin1Char('.')))
                    mark(i, end, Token::Builtin);
                nextIsDefinition = word == QLatin1String("def") || word == QLatin1String("class");
            }
            i = end;
            continue;
        }
        ++i;
    }
    return out;
}

void PythonHighlighter::highlightBlock(const QString& text)
{
    int state = 0;
    const std::vector<Token> kinds = tokens(text, previousBlockState(), &state);
    setCurrentBlockState(state);
    int from = 0;
    for (int i = 1; i <= int(kinds.size()); ++i) {
        if (i == int(kinds.size()) || kinds[size_t(i)] != kinds[size_t(from)]) {
            if (kinds[size_t(from)] != Token::Plain)
                setFormat(from, i - from, m_formats[int(kinds[size_t(from)])]);
            from = i;
        }
    }
}

} // namespace Forkline
