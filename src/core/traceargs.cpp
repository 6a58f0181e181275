// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceargs.h"

#include "rawtraceevent.h"

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

// The text of [from, to) without the blanks outside strings.
void appendCompact(std::string& out, const char* from, const char* to)
{
    while (from < to) {
        if (*from == '"') {
            const char* next = skipString(from, to);
            out.append(from, size_t(next - from));
            from = next;
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
        if (!out.empty())
            out += ',';
        out.append(quoted);
        out += ':';
        appendCompact(out, value, valueEnd);
    });
    return out;
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
