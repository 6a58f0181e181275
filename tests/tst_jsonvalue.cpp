// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonvalue.h"

#include <QTest>

using namespace Forkline;

namespace {

JsonValue parsed(const QByteArray& text)
{
    JsonValue v;
    JsonError e;
    if (!parseJson(text, &v, &e))
        qWarning("unexpected parse error %d:%d: %s", e.line, e.column, qPrintable(e.message));
    return v;
}

QByteArray repeated(const char* piece, int n)
{
    return QByteArray(piece).repeated(n);
}

} // namespace

class TestJsonValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalars_data();
    void scalars();
    void numbers_data();
    void numbers();
    void containers();
    void duplicateMembersKeepFileOrder();
    void escapes_data();
    void escapes();
    void positions_data();
    void positions();
    void nestingLimit_data();
    void nestingLimit();
    void errors_data();
    void errors();
    void typeNames();
};

void TestJsonValue::scalars_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("boolean");

    QTest::newRow("true") << QByteArray("true") << int(JsonValue::Type::Bool) << true;
    QTest::newRow("false") << QByteArray("false") << int(JsonValue::Type::Bool) << false;
    QTest::newRow("null") << QByteArray("null") << int(JsonValue::Type::Null) << false;
    QTest::newRow("spaced null") << QByteArray(" \t\r\n null \n") << int(JsonValue::Type::Null) << false;
    QTest::newRow("string") << QByteArray("\"x\"") << int(JsonValue::Type::String) << false;
    QTest::newRow("number") << QByteArray("7") << int(JsonValue::Type::Number) << false;
}

void TestJsonValue::scalars()
{
    QFETCH(QByteArray, text);
    QFETCH(int, type);
    QFETCH(bool, boolean);

    JsonValue v;
    JsonError e;
    QVERIFY2(parseJson(text, &v, &e), qPrintable(e.message));
    QCOMPARE(int(v.type), type);
    QCOMPARE(v.boolean, boolean);
}

void TestJsonValue::numbers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("value");

    QTest::newRow("zero") << QByteArray("0") << 0.0;
    QTest::newRow("minus zero") << QByteArray("-0") << 0.0;
    QTest::newRow("integer") << QByteArray("86400") << 86400.0;
    QTest::newRow("negative") << QByteArray("-3.25") << -3.25;
    QTest::newRow("fraction") << QByteArray("0.5") << 0.5;
    QTest::newRow("exponent") << QByteArray("1e3") << 1000.0;
    QTest::newRow("signed exponent") << QByteArray("2.5E-2") << 0.025;
    QTest::newRow("plus exponent") << QByteArray("1E+2") << 100.0;
    QTest::newRow("large") << QByteArray("100000000") << 1e8;
}

void TestJsonValue::numbers()
{
    QFETCH(QByteArray, text);
    QFETCH(double, value);

    JsonValue v;
    JsonError e;
    QVERIFY2(parseJson(text, &v, &e), qPrintable(e.message));
    QVERIFY(v.isNumber());
    QCOMPARE(v.number, value);
}

void TestJsonValue::containers()
{
    const JsonValue v = parsed(R"({"b": [1, "two", [], {}], "a": {"x": null}, "empty": ""})");
    QVERIFY(v.isObject());
    QCOMPARE(v.object.size(), size_t(3));
    // Members stay in file order, which is what error messages and steps rely on.
    QCOMPARE(v.object[0].first, QStringLiteral("b"));
    QCOMPARE(v.object[1].first, QStringLiteral("a"));
    QCOMPARE(v.object[2].first, QStringLiteral("empty"));

    const JsonValue* b = v.member(QStringLiteral("b"));
    QVERIFY(b && b->isArray());
    QCOMPARE(b->array.size(), size_t(4));
    QCOMPARE(b->array[0].number, 1.0);
    QCOMPARE(b->array[1].string, QStringLiteral("two"));
    QVERIFY(b->array[2].isArray() && b->array[2].array.empty());
    QVERIFY(b->array[3].isObject() && b->array[3].object.empty());

    const JsonValue* a = v.member(QStringLiteral("a"));
    QVERIFY(a && a->isObject());
    QCOMPARE(int(a->member(QStringLiteral("x"))->type), int(JsonValue::Type::Null));

    const JsonValue* empty = v.member(QStringLiteral("empty"));
    QVERIFY(empty && empty->isString());
    QVERIFY(empty->string.isEmpty());
    QCOMPARE(v.member(QStringLiteral("missing")), nullptr);
}

void TestJsonValue::duplicateMembersKeepFileOrder()
{
    // The parser keeps both; member() answers with the first (the scenario loader rejects the pair).
    const JsonValue v = parsed(R"({"k": 1, "k": 2})");
    QCOMPARE(v.object.size(), size_t(2));
    QCOMPARE(v.member(QStringLiteral("k"))->number, 1.0);
    QCOMPARE(v.object[1].second.number, 2.0);
}

void TestJsonValue::escapes_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QString>("expected");

    QTest::newRow("simple") << QByteArray(R"("\"\\\/\b\f\n\r\t")") << QStringLiteral("\"\\/\b\f\n\r\t");
    QTest::newRow("latin1 escape") << QByteArray(R"("caf\u00e9")") << QStringLiteral("caf\u00e9");
    QTest::newRow("upper hex") << QByteArray(R"("\u00C9")") << QStringLiteral("\u00c9");
    QTest::newRow("hangul escape") << QByteArray(R"("\uB9E4\uC218")") << QStringLiteral("\ub9e4\uc218");
    QTest::newRow("raw utf-8") << QByteArray("\"\xeb\xa7\xa4\xec\x88\x98\"") << QStringLiteral("\ub9e4\uc218");
    QTest::newRow("nul") << QByteArray(R"("a\u0000b")") << QStringView(u"a\0b", 3).toString();
    QTest::newRow("escape next to raw text")
        << QByteArray("\"\xeb\xa7\xa4\\n\xec\x88\x98\"") << QStringLiteral("\ub9e4\n\uc218");
    // U+1F600 must become one code point (a valid UTF-16 pair), whatever the hex case.
    QTest::newRow("surrogate pair") << QByteArray(R"("\uD83D\uDE00")") << QString::fromUcs4(U"\U0001F600");
    QTest::newRow("surrogate pair lower") << QByteArray(R"("x\ud83d\ude00y")") << QString::fromUcs4(U"x\U0001F600y");
    QTest::newRow("highest code point") << QByteArray(R"("\uDBFF\uDFFF")") << QString::fromUcs4(U"\U0010FFFF");
    QTest::newRow("lone high") << QByteArray(R"("a\uD83Db")") << QStringLiteral("a\ufffdb");
    QTest::newRow("lone high at end") << QByteArray(R"("\uD83D")") << QStringLiteral("\ufffd");
    QTest::newRow("lone low") << QByteArray(R"("\uDE00")") << QStringLiteral("\ufffd");
    QTest::newRow("reversed pair") << QByteArray(R"("\uDE00\uD83D")") << QStringLiteral("\ufffd\ufffd");
    QTest::newRow("high then plain escape") << QByteArray(R"("\uD83D\u0041")") << QStringLiteral("\ufffdA");
    QTest::newRow("high then high pair") << QByteArray(
        R"("\uD83D\uD83D\uDE00")") << QString(QChar(QChar::ReplacementCharacter)) + QString::fromUcs4(U"\U0001F600");
    QTest::newRow("high then newline escape") << QByteArray(R"("\uD83D\n")") << QStringLiteral("\ufffd\n");
}

void TestJsonValue::escapes()
{
    QFETCH(QByteArray, literal);
    QFETCH(QString, expected);

    JsonValue v;
    JsonError e;
    QVERIFY2(parseJson(literal, &v, &e), qPrintable(e.message));
    QVERIFY(v.isString());
    QCOMPARE(v.string, expected);
    // Whatever the input, the result is well-formed UTF-16: it survives a UTF-8 round trip.
    QCOMPARE(QString::fromUtf8(v.string.toUtf8()), v.string);
}

void TestJsonValue::positions_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("lineColumns"); // line, column of each element of the root array

    QTest::newRow("one line") << QByteArray("[1, true, \"s\", null]") << QList<int> { 1, 2, 1, 5, 1, 11, 1, 16 };
    // Korean syllables are three UTF-8 bytes but one column each.
    QTest::newRow("hangul") << QByteArray("[\"\xea\xb0\x80\xeb\x82\x98\", 2, \"\xeb\x8b\xa4\", 3]")
                            << QList<int> { 1, 2, 1, 8, 1, 11, 1, 16 };
    // A character outside the BMP (four bytes) is still one column.
    QTest::newRow("emoji") << QByteArray("[\"\xf0\x9f\x98\x80\", 2]") << QList<int> { 1, 2, 1, 7 };
    // An escape counts with the characters it is written with.
    QTest::newRow("escapes") << QByteArray(R"(["\u00e9\n", 2])") << QList<int> { 1, 2, 1, 14 };
    QTest::newRow("lines") << QByteArray("[\n  1,\n\n    {}\n]") << QList<int> { 2, 3, 4, 5 };
    QTest::newRow("crlf") << QByteArray("[\r\n  1,\r\n  2]") << QList<int> { 2, 3, 3, 3 };
    QTest::newRow("tabs are one column") << QByteArray("[\t1,\t\t2]") << QList<int> { 1, 3, 1, 7 };
    // The byte order mark is invisible in an editor and takes no column.
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf[1, 2]") << QList<int> { 1, 2, 1, 5 };
}

void TestJsonValue::positions()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, lineColumns);

    JsonValue v;
    JsonError e;
    QVERIFY2(parseJson(text, &v, &e), qPrintable(e.message));
    QCOMPARE(v.line, 1);
    QCOMPARE(v.column, 1);
    QCOMPARE(int(v.array.size()) * 2, int(lineColumns.size()));
    for (size_t i = 0; i < v.array.size(); ++i) {
        QCOMPARE(v.array[i].line, lineColumns.at(int(2 * i)));
        QCOMPARE(v.array[i].column, lineColumns.at(int(2 * i + 1)));
    }
}

void TestJsonValue::nestingLimit_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("errorColumn"); // 0: parses

    // The root is level 0 and 200 more levels are allowed: 201 brackets in all.
    QTest::newRow("arrays at the limit") << repeated("[", 201) + repeated("]", 201) << 0;
    QTest::newRow("arrays over the limit") << repeated("[", 202) + repeated("]", 202) << 202;
    QTest::newRow("objects at the limit") << repeated("{\"a\":", 200) + "1" + repeated("}", 200) << 0;
    QTest::newRow("objects over the limit") << repeated("{\"a\":", 201) + "1" + repeated("}", 201) << 201 * 5 + 1;
    // Far too deep must fail cleanly, not exhaust the stack.
    QTest::newRow("hostile") << repeated("[", 1000000) << 202;
}

void TestJsonValue::nestingLimit()
{
    QFETCH(QByteArray, text);
    QFETCH(int, errorColumn);

    JsonValue v;
    JsonError e;
    const bool ok = parseJson(text, &v, &e);
    if (errorColumn == 0) {
        QVERIFY2(ok, qPrintable(e.message));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(e.message.contains(QLatin1String("too deep")), qPrintable(e.message));
    QCOMPARE(e.line, 1);
    QCOMPARE(e.column, errorColumn);
}

void TestJsonValue::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("empty") << QByteArray("") << 1 << 1 << QStringLiteral("unexpected end of file");
    QTest::newRow("only space") << QByteArray("  \n ") << 2 << 2 << QStringLiteral("unexpected end of file");
    QTest::newRow("truncated array") << QByteArray("[1, 2") << 1 << 6
                                     << QStringLiteral("unexpected end of file inside an array");
    QTest::newRow("truncated object") << QByteArray("{\"a\": 1") << 1 << 8
                                      << QStringLiteral("unexpected end of file inside an object");
    QTest::newRow("truncated after comma")
        << QByteArray("{\"a\": 1,\n") << 2 << 1 << QStringLiteral("unexpected end of file inside an object");
    QTest::newRow("truncated string") << QByteArray("\"abc") << 1 << 5
                                      << QStringLiteral("unexpected end of file inside a string");
    QTest::newRow("truncated escape") << QByteArray("\"a\\") << 1 << 4
                                      << QStringLiteral("unexpected end of file inside a string");
    QTest::newRow("trailing comma in object")
        << QByteArray("{\"a\": 1,}") << 1 << 9 << QStringLiteral("expected a quoted member name");
    QTest::newRow("trailing comma in array") << QByteArray("[1,]") << 1 << 4 << QStringLiteral("invalid value");
    QTest::newRow("unquoted member") << QByteArray("{a: 1}") << 1 << 2
                                     << QStringLiteral("expected a quoted member name");
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 1 << 6 << QStringLiteral("expected ':'");
    QTest::newRow("missing comma") << QByteArray("[1 2]") << 1 << 4 << QStringLiteral("expected ',' or ']'");
    QTest::newRow("missing comma in object")
        << QByteArray("{\"a\": 1 \"b\": 2}") << 1 << 9 << QStringLiteral("expected ',' or '}'");
    // The error points at the backslash of the bad escape.
    QTest::newRow("bad escape") << QByteArray("\"a\\qb\"") << 1 << 3 << QStringLiteral("invalid escape");
    QTest::newRow("bad escape after hangul")
        << QByteArray("[\"\xea\xb0\x80\\x\"]") << 1 << 4 << QStringLiteral("invalid escape");
    QTest::newRow("bad unicode escape") << QByteArray("\"\\u12G4\"") << 1 << 6 << QStringLiteral("invalid \\u escape");
    QTest::newRow("short unicode escape") << QByteArray("\"\\u12\"") << 1 << 6 << QStringLiteral("invalid \\u escape");
    QTest::newRow("bad second half of a pair")
        << QByteArray("\"\\uD83D\\uZZZZ\"") << 1 << 10 << QStringLiteral("invalid \\u escape");
    QTest::newRow("newline in string") << QByteArray("[\"a\nb\"]") << 1 << 4 << QStringLiteral("may not span lines");
    QTest::newRow("tab in string") << QByteArray("\"a\tb\"") << 1 << 3 << QStringLiteral("control character");
    QTest::newRow("text after value") << QByteArray("[1] 2") << 1 << 5 << QStringLiteral("after the end");
    QTest::newRow("misspelt literal") << QByteArray("[tru]") << 1 << 2 << QStringLiteral("invalid value");
    QTest::newRow("capital literal") << QByteArray("True") << 1 << 1 << QStringLiteral("invalid value");
    QTest::newRow("single quotes") << QByteArray("['a']") << 1 << 2 << QStringLiteral("invalid value");
    QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 2 << QStringLiteral("leading zero");
    QTest::newRow("negative leading zero") << QByteArray("-012") << 1 << 1 << QStringLiteral("leading zero");
    QTest::newRow("lone minus") << QByteArray("-") << 1 << 1 << QStringLiteral("invalid number");
    QTest::newRow("bare point") << QByteArray("1.") << 1 << 1 << QStringLiteral("invalid number");
    QTest::newRow("bare exponent") << QByteArray("1e") << 1 << 1 << QStringLiteral("invalid number");
    QTest::newRow("leading point") << QByteArray(".5") << 1 << 1 << QStringLiteral("invalid value");
    QTest::newRow("plus sign") << QByteArray("+1") << 1 << 1 << QStringLiteral("invalid value");
    QTest::newRow("out of range") << QByteArray("[1e999]") << 1 << 2 << QStringLiteral("out of range");
    QTest::newRow("deep in a file") << QByteArray("{\n  \"a\": [1,\n    2,,\n  ]\n}") << 3 << 7
                                    << QStringLiteral("invalid value");
    QTest::newRow("after hangul") << QByteArray("[\"\xea\xb0\x80\", x]") << 1 << 7 << QStringLiteral("invalid value");
    QTest::newRow("comment") << QByteArray("[1] // note") << 1 << 5 << QStringLiteral("after the end");
}

void TestJsonValue::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, fragment);

    JsonValue v;
    JsonError e;
    QVERIFY(!parseJson(text, &v, &e));
    QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
}

void TestJsonValue::typeNames()
{
    QCOMPARE(parsed("null").typeName(), QStringLiteral("null"));
    QCOMPARE(parsed("false").typeName(), QStringLiteral("a boolean"));
    QCOMPARE(parsed("1").typeName(), QStringLiteral("a number"));
    QCOMPARE(parsed("\"\"").typeName(), QStringLiteral("a string"));
    QCOMPARE(parsed("[]").typeName(), QStringLiteral("an array"));
    QCOMPARE(parsed("{}").typeName(), QStringLiteral("an object"));
}

QTEST_GUILESS_MAIN(TestJsonValue)
#include "tst_jsonvalue.moc"
