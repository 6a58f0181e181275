// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <utility>
#include <vector>

namespace Forkline {

// A JSON value that remembers where it stood in its file, so a scenario error can name
// the line and column of the offending value (QJsonDocument keeps no positions).
struct JsonValue
{
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    QString string;
    std::vector<JsonValue> array;
    std::vector<std::pair<QString, JsonValue>> object; // in file order
    int line = 1;
    int column = 1;

    const JsonValue* member(const QString& key) const;
    bool isNumber() const { return type == Type::Number; }
    bool isString() const { return type == Type::String; }
    bool isObject() const { return type == Type::Object; }
    bool isArray() const { return type == Type::Array; }
    bool isBool() const { return type == Type::Bool; }
    QString typeName() const;
};

struct JsonError
{
    QString message;
    int line = 0;
    int column = 0;
};

// Parses UTF-8 JSON text. On failure returns false and fills `error`.
bool parseJson(const QByteArray& text, JsonValue* out, JsonError* error);

} // namespace Forkline
