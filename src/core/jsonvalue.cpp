// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonvalue.h"

#include "hexdigit.h"

#include <QCoreApplication>
#include <cmath>

namespace Forkline {

const JsonValue* JsonValue::member(const QString& key) const
{
    for (const auto& kv : object) {
        if (kv.first == key)
            return &kv.second;
    }
    return nullptr;
}

QString JsonValue::typeName() const
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QCoreApplication::translate("Forkline::JsonParser", "a boolean");
    case Type::Number:
        return QCoreApplication::translate("Forkline::JsonParser", "a number");
    case Type::String:
        return QCoreApplication::translate("Forkline::JsonParser", "a string");
    case Type::Array:
        return QCoreApplication::translate("Forkline::JsonParser", "an array");
    case Type::Object:
        return QCoreApplication::translate("Forkline::JsonParser", "an object");
    }
    return {};
}

namespace {

constexpr int kMaxDepth = 200;

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::JsonParser)

public:
    explicit Parser(const QByteArray& text)
        : m_text(text)
    { }

    bool run(JsonValue* out, JsonError* error)
    {
        // A UTF-8 byte order mark is legal in files written by Windows editors.
        // The mark is invisible in an editor, so it takes no column.
        if (m_text.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        skipSpace();
        if (!value(out, 0)) {
            *error = m_error;
            return false;
        }
        skipSpace();
        if (m_pos < m_text.size()) {
            fail(tr("unexpected text after the end of the JSON value"));
            *error = m_error;
            return false;
        }
        return true;
    }

private:
    bool fail(const QString& message)
    {
        if (m_error.message.isEmpty())
            m_error = { message, m_line, m_column };
        return false;
    }

    void advance(int n = 1)
    {
        for (int i = 0; i < n && m_pos < m_text.size(); ++i) {
            const unsigned char c = uchar(m_text.at(m_pos++));
            if (c == '\n') {
                ++m_line;
                m_column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++m_column; // count characters, not UTF-8 continuation bytes
            }
        }
    }

    char peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : '\0'; }

    void skipSpace()
    {
        const char* const p = m_text.constData();
        const int size = int(m_text.size());
        while (m_pos < size) {
            const char c = p[m_pos];
            if (c == '\n') {
                ++m_line;
                m_column = 1;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++m_column;
            } else {
                break;
            }
            ++m_pos;
        }
    }

    bool literal(const char* word)
    {
        const int n = int(qstrlen(word));
        if (m_text.mid(m_pos, n) != word)
            return fail(tr("invalid value (expected a string, number, object, array, true, false or null)"));
        advance(n);
        return true;
    }

    bool value(JsonValue* out, int depth)
    {
        if (depth > kMaxDepth)
            return fail(tr("nesting is too deep"));
        out->line = m_line;
        out->column = m_column;
        if (m_pos >= m_text.size())
            return fail(tr("unexpected end of file"));
        const char c = peek();
        switch (c) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"':
            out->type = JsonValue::Type::String;
            return string(&out->string);
        case 't':
            out->type = JsonValue::Type::Bool;
            out->boolean = true;
            return literal("true");
        case 'f':
            out->type = JsonValue::Type::Bool;
            out->boolean = false;
            return literal("false");
        case 'n':
            out->type = JsonValue::Type::Null;
            return literal("null");
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number(out);
            return fail(tr("invalid value (expected a string, number, object, array, true, false or null)"));
        }
    }

    bool object(JsonValue* out, int depth)
    {
        out->type = JsonValue::Type::Object;
        advance(); // {
        skipSpace();
        if (peek() == '}') {
            advance();
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"')
                return fail(m_pos >= m_text.size() ? tr("unexpected end of file inside an object")
                                                   : tr("expected a quoted member name"));
            QString key;
            if (!string(&key))
                return false;
            skipSpace();
            if (peek() != ':')
                return fail(tr("expected ':' after a member name"));
            advance();
            skipSpace();
            JsonValue v;
            if (!value(&v, depth + 1))
                return false;
            out->object.emplace_back(std::move(key), std::move(v));
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                return true;
            }
            return fail(m_pos >= m_text.size() ? tr("unexpected end of file inside an object")
                                               : tr("expected ',' or '}' in an object"));
        }
    }

    bool array(JsonValue* out, int depth)
    {
        out->type = JsonValue::Type::Array;
        advance(); // [
        skipSpace();
        if (peek() == ']') {
            advance();
            return true;
        }
        for (;;) {
            skipSpace();
            JsonValue v;
            if (!value(&v, depth + 1))
                return false;
            out->array.push_back(std::move(v));
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                return true;
            }
            return fail(m_pos >= m_text.size() ? tr("unexpected end of file inside an array")
                                               : tr("expected ',' or ']' in an array"));
        }
    }

    bool hex4(char16_t* out)
    {
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hexDigit(peek());
            if (d < 0)
                return fail(tr("invalid \\u escape"));
            v = v * 16 + unsigned(d);
            advance();
        }
        *out = char16_t(v);
        return true;
    }

    // Over 80 lines on purpose: one loop over a string's characters with its escapes and
    // surrogate pairs side by side, the scanner every key and text of a scenario goes through.
    bool string(QString* out)
    {
        advance(); // opening quote
        // Most strings hold no escape: read them in one go (this is most of a scenario's bytes).
        {
            const char* const p = m_text.constData();
            const int size = int(m_text.size());
            int end = m_pos;
            int columns = 0;
            while (end < size) {
                const auto c = uchar(p[end]);
                if (c == '"' || c == '\\' || c < 0x20)
                    break;
                if ((c & 0xC0) != 0x80)
                    ++columns; // count characters, not UTF-8 continuation bytes
                ++end;
            }
            if (end < size && p[end] == '"') {
                // (An empty one stays a null QString, as the long way leaves it.)
                *out = end > m_pos ? QString::fromUtf8(p + m_pos, end - m_pos) : QString();
                m_column += columns + 1;
                m_pos = end + 1;
                return true;
            }
        }
        QByteArray utf8;
        QString result;
        auto flush = [&] {
            if (!utf8.isEmpty()) {
                result += QString::fromUtf8(utf8);
                utf8.clear();
            }
        };
        for (;;) {
            if (m_pos >= m_text.size())
                return fail(tr("unexpected end of file inside a string"));
            const char c = m_text.at(m_pos);
            if (c == '"') {
                advance();
                break;
            }
            if (uchar(c) < 0x20)
                return fail(c == '\n' ? tr("a string may not span lines (write \\n)")
                                      : tr("control character inside a string"));
            if (c != '\\') {
                utf8.append(c);
                advance();
                continue;
            }
            // An escape error points at its backslash, not at whatever follows it.
            const int escLine = m_line;
            const int escColumn = m_column;
            advance();
            if (m_pos >= m_text.size())
                return fail(tr("unexpected end of file inside a string"));
            const char e = peek();
            advance();
            switch (e) {
            case '"':
                utf8.append('"');
                break;
            case '\\':
                utf8.append('\\');
                break;
            case '/':
                utf8.append('/');
                break;
            case 'b':
                utf8.append('\b');
                break;
            case 'f':
                utf8.append('\f');
                break;
            case 'n':
                utf8.append('\n');
                break;
            case 'r':
                utf8.append('\r');
                break;
            case 't':
                utf8.append('\t');
                break;
            case 'u': {
                flush();
                char16_t unit = 0;
                if (!hex4(&unit))
                    return false;
                // Characters beyond U+FFFF arrive as a \uD8xx\uDCxx pair. A surrogate without its
                // partner is no character at all; keep the string valid UTF-16 by replacing it.
                if (QChar::isHighSurrogate(unit) && m_text.mid(m_pos, 2) == "\\u") {
                    const int save = m_pos;
                    const int saveLine = m_line;
                    const int saveColumn = m_column;
                    advance(2);
                    char16_t low = 0;
                    if (!hex4(&low))
                        return false;
                    if (QChar::isLowSurrogate(low)) {
                        result += QChar(unit);
                        result += QChar(low);
                        break;
                    }
                    m_pos = save; // not a pair: the second escape stands on its own
                    m_line = saveLine;
                    m_column = saveColumn;
                }
                result += QChar::isSurrogate(unit) ? QChar(QChar::ReplacementCharacter) : QChar(unit);
                break;
            }
            default:
                m_error = { tr("invalid escape sequence in a string"), escLine, escColumn };
                return false;
            }
        }
        flush();
        *out = result;
        return true;
    }

    bool number(JsonValue* out)
    {
        const int start = m_pos;
        int end = m_pos;
        if (end < m_text.size() && m_text.at(end) == '-')
            ++end;
        auto digits = [&] {
            const int from = end;
            while (end < m_text.size() && m_text.at(end) >= '0' && m_text.at(end) <= '9')
                ++end;
            return end > from;
        };
        const int intStart = end;
        if (!digits())
            return fail(tr("invalid number"));
        if (end - intStart > 1 && m_text.at(intStart) == '0')
            return fail(tr("invalid number (no leading zeros)"));
        if (end < m_text.size() && m_text.at(end) == '.') {
            ++end;
            if (!digits())
                return fail(tr("invalid number"));
        }
        if (end < m_text.size() && (m_text.at(end) == 'e' || m_text.at(end) == 'E')) {
            ++end;
            if (end < m_text.size() && (m_text.at(end) == '+' || m_text.at(end) == '-'))
                ++end;
            if (!digits())
                return fail(tr("invalid number"));
        }
        const QByteArray token = QByteArray::fromRawData(m_text.constData() + start, end - start);
        out->type = JsonValue::Type::Number;
        bool ok = false;
        out->number = token.toDouble(&ok); // locale-independent, unlike strtod
        if (!ok || !std::isfinite(out->number))
            return fail(tr("number out of range"));
        advance(end - start);
        return true;
    }

    const QByteArray& m_text;
    int m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    JsonError m_error;
};

} // namespace

bool parseJson(const QByteArray& text, JsonValue* out, JsonError* error)
{
    Parser parser(text);
    return parser.run(out, error);
}

} // namespace Forkline
