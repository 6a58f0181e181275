// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceargs.h"

#include "rawtraceevent.h"

#include <cstdio>
#include <initializer_list>

namespace Forkline {

namespace {

bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char* skipBlanks(const char* p, const char* end)
{
    while (p < end && blank(*p))
        ++p;
    return p;
}

// p at the opening quote; returns just past the closing one.
const char* skipString(const char* p, const char* end)
{
    for (++p; p < end; ++p) {
        if (*p == '\\')
            ++p;
        else if (*p == '"')
            return p + 1;
    }
    return end;
}

// p at the first character of a value; returns just past it.
const char* skipValue(const char* p, const char* end)
{
    if (p >= end)
        return end;
    if (*p == '"')
        return skipString(p, end);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            if (*p == '"') {
                p = skipString(p, end);
                continue;
            }
            if (*p == '{' || *p == '[')
                ++depth;
            else if ((*p == '}' || *p == ']') && --depth == 0)
                return p + 1;
            ++p;
        }
        return end;
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && !blank(*p))
        ++p;
    return p;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Just past the JSON value at p, nullptr when [p, end) does not start with one that JSON's
// grammar allows. The parsers read an event's args loosely (simdjson does not look inside what
// it skips; an event may be read with QJsonDocument), and what Forkline writes back must read
// again with either. Strings need only their closing quote: appendString() makes them strict.
const char* validValue(const char* p, const char* end, int depth = 0)
{
    p = skipBlanks(p, end);
    if (p >= end || depth > 256)
        return nullptr;
    if (*p == '"') {
        for (++p; p < end; ++p) {
            if (*p == '\\')
                ++p;
            else if (*p == '"')
                return p + 1;
        }
        return nullptr;
    }
    if (*p == '{' || *p == '[') {
        const bool object = *p == '{';
        const char close = object ? '}' : ']';
        p = skipBlanks(p + 1, end);
        if (p < end && *p == close)
            return p + 1;
        while (p < end) {
            if (object) {
                if (*p != '"' || !(p = validValue(p, end, depth + 1)))
                    return nullptr;
                p = skipBlanks(p, end);
                if (p >= end || *p != ':')
                    return nullptr;
                ++p;
            }
            if (!(p = validValue(p, end, depth + 1)))
                return nullptr;
            p = skipBlanks(p, end);
            if (p < end && *p == close)
                return p + 1;
            if (p >= end || *p != ',')
                return nullptr;
            p = skipBlanks(p + 1, end);
        }
        return nullptr;
    }
    for (const char* word : { "true", "false", "null" }) {
        const std::string_view w(word);
        if (size_t(end - p) >= w.size() && std::string_view(p, w.size()) == w)
            return p + w.size();
    }
    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    if (*p == '-')
        ++p;
    if (p >= end || !isDigit(*p))
        return nullptr;
    if (*p == '0')
        ++p;
    else
        while (p < end && isDigit(*p))
            ++p;
    if (p < end && *p == '.') {
        if (++p >= end || !isDigit(*p))
            return nullptr;
        while (p < end && isDigit(*p))
            ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        if (p >= end || !isDigit(*p))
            return nullptr;
        while (p < end && isDigit(*p))
            ++p;
    }
    return p;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The length of the valid UTF-8 sequence at p (1 to 4), 0 when there is none.
int utf8Length(const unsigned char* p, const unsigned char* end)
{
    const auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        return cont(1) ? 2 : 0;
    if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        if (!cont(1) || !cont(2) || (p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F))
            return 0;
        return 3;
    }
    if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3) || (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

// A string from its opening quote to just past its closing one, as strict JSON: QJsonDocument
// lets through what simdjson refuses (a raw control character, an escape JSON does not have,
// bytes that are no UTF-8), and what Forkline writes must read back with either.
const char* appendString(std::string& out, const char* p, const char* end)
{
    const char* close = skipString(p, end);
    out += '"';
    for (++p; p < close - 1;) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '\\') {
            const char e = p + 1 < close - 1 ? p[1] : '\0';
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                out.append(p, 2);
                p += 2;
            } else if (e == 'u' && p + 6 <= close - 1 && isHex(p[2]) && isHex(p[3]) && isHex(p[4]) && isHex(p[5])) {
                out.append(p, 6);
                p += 6;
            } else {
                out += "\\\\"; // a backslash of its own
                ++p;
            }
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
            out += buf;
            ++p;
        } else {
            const int n = utf8Length(
                reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(close - 1));
            if (n == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD for a byte that is no UTF-8
                ++p;
            } else {
                out.append(p, size_t(n));
                p += n;
            }
        }
    }
    out += '"';
    return close;
}

// The text of [from, to) without the blanks outside strings, its strings as strict JSON.
void appendCompact(std::string& out, const char* from, const char* to)
{
    while (from < to) {
        if (*from == '"') {
            from = appendString(out, from, to);
        } else {
            if (!blank(*from))
                out += *from;
            ++from;
        }
    }
}

// Calls `member` for each member of the object at p ('{'): the key's text with its quotes,
// and the value's range.
template <typename Member> void forEachMember(const char* p, const char* end, Member&& member)
{
    p = skipBlanks(p, end);
    if (p >= end || *p != '{')
        return;
    p = skipBlanks(p + 1, end);
    while (p < end && *p == '"') {
        const char* keyEnd = skipString(p, end);
        const std::string_view key(p, size_t(keyEnd - p));
        p = skipBlanks(keyEnd, end);
        if (p >= end || *p != ':')
            return;
        const char* value = skipBlanks(p + 1, end);
        const char* valueEnd = skipValue(value, end);
        member(key, value, valueEnd);
        p = skipBlanks(valueEnd, end);
        if (p >= end || *p != ',')
            return;
        p = skipBlanks(p + 1, end);
    }
}

} // namespace

std::string otherArgs(std::string_view event, const std::function<bool(std::string_view key)>& drop)
{
    const char* const end = event.data() + event.size();
    const char* args = nullptr;
    const char* argsEnd = nullptr;
    std::string key;
    forEachMember(event.data(), end, [&](std::string_view quoted, const char* value, const char* valueEnd) {
        // Keys with escapes are rare: compare the raw text first, decode only when it has one.
        if (quoted == "\"args\""
            || (quoted.find('\\') != std::string_view::npos && decodeJsonString(quoted.data() + 1, &key)
                && key == "args")) {
            if (*value == '{') {
                args = value;
                argsEnd = valueEnd;
            } else {
                args = argsEnd = nullptr;
            }
        }
    });
    std::string out;
    if (!args)
        return out;
    forEachMember(args, argsEnd, [&](std::string_view quoted, const char* value, const char* valueEnd) {
        std::string_view name = quoted.substr(1, quoted.size() - 2);
        if (name.find('\\') != std::string_view::npos) {
            if (!decodeJsonString(quoted.data() + 1, &key))
                return;
            name = key;
        }
        if (drop && drop(name))
            return;
        // A member whose value is not JSON (what a loose parser let through) is left out.
        const char* valid = validValue(value, valueEnd);
        if (!valid || skipBlanks(valid, valueEnd) != valueEnd)
            return;
        if (!out.empty())
            out += ',';
        appendString(out, quoted.data(), quoted.data() + quoted.size());
        out += ':';
        appendCompact(out, value, valueEnd);
    });
    return out;
}

std::string filterArgs(std::string_view members, const std::function<bool(std::string_view key)>& drop)
{
    std::string event = "{\"args\":{";
    event.append(members);
    event.append("}}");
    return otherArgs(event, drop);
}

bool isLaneArgKey(std::string_view key)
{
    return key == "worker" || key == "label" || key == "kind" || key == "daemon" || key == "parent";
}

bool stringMember(std::string_view event, std::string_view key, std::string* out)
{
    bool found = false;
    std::string name;
    forEachMember(event.data(), event.data() + event.size(),
        [&](std::string_view quoted, const char* value, const char* valueEnd) {
            if (!decodeJsonString(quoted.data() + 1, &name) || name != key)
                return;
            found = *value == '"' && decodeJsonString(value + 1, out);
            (void)valueEnd;
        });
    return found;
}

} // namespace Forkline
