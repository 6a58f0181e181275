// SPDX-License-Identifier: GPL-3.0-or-later
// safeFileBaseName(): the file name an export suggests, from a scenario's or a trace's name
// that anyone may have written.
#include "safefilename.h"

#include <QTest>

using namespace Forkline;

namespace {

// What no suggested name may hold, on any system Forkline runs on.
QString problemWith(const QString& name)
{
    if (name.isEmpty())
        return QStringLiteral("empty");
    if (name.contains(QStringLiteral("..")))
        return QStringLiteral("holds ..");
    if (name.startsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        return QStringLiteral("starts with a dot or ends with a dot or space");
    for (const uint c : name.toUcs4()) {
        if (c < 0x20 || c == 0x7f || (c < 0x80 && QStringLiteral("/\\<>:\"|?*").contains(QChar(char16_t(c)))))
            return QStringLiteral("holds U+%1").arg(c, 4, 16, QLatin1Char('0'));
        const auto category = QChar::category(char32_t(c));
        if (category == QChar::Other_Format || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            return QStringLiteral("holds invisible U+%1").arg(c, 4, 16, QLatin1Char('0'));
    }
    if (name.toUcs4().size() > kMaxFileBaseName + 1)
        return QStringLiteral("too long");
    return {};
}

} // namespace

class TestSafeFileName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostileNames_data();
    void hostileNames();
    void lengthIsCappedWithinUtf8Limits();
};

void TestSafeFileName::hostileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("buyer-seller") << QStringLiteral("buyer-seller");
    QTest::newRow("up and out") << QStringLiteral("../../x") << QStringLiteral("x");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("etc-passwd");
    QTest::newRow("both separators") << QStringLiteral("a/b\\c") << QStringLiteral("a-b-c");
    QTest::newRow("dots inside") << QStringLiteral("a/../b") << QStringLiteral("a-.-b");
    QTest::newRow("newlines") << QStringLiteral("line one\nline two\r\n") << QStringLiteral("line one-line two");
    QTest::newRow("tab and NUL") << QStringLiteral("a\tb") + QChar(0) + QStringLiteral("c") << QStringLiteral("a-b-c");
    QTest::newRow("windows characters") << QStringLiteral("what? <a|b>: \"*\"") << QStringLiteral("what- -a-b");
    QTest::newRow("right-to-left override")
        << QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("gnp.exe") << QStringLiteral("invoice-gnp.exe");
    QTest::newRow("empty") << QString() << QStringLiteral("forkline");
    QTest::newRow("only dots") << QStringLiteral("...") << QStringLiteral("forkline");
    QTest::newRow("only separators") << QStringLiteral("//\\\\") << QStringLiteral("forkline");
    QTest::newRow("spaces") << QStringLiteral("   ") << QStringLiteral("forkline");
    QTest::newRow("hidden file") << QStringLiteral(".bashrc") << QStringLiteral("bashrc");
    QTest::newRow("trailing dot and space") << QStringLiteral("lesson. ") << QStringLiteral("lesson");
    QTest::newRow("windows device") << QStringLiteral("con") << QStringLiteral("_con");
    QTest::newRow("windows device with extension") << QStringLiteral("LPT1.txt") << QStringLiteral("_LPT1.txt");
    QTest::newRow("not a device") << QStringLiteral("console") << QStringLiteral("console");
    QTest::newRow("Korean") << QStringLiteral("매수자와 매도자") << QStringLiteral("매수자와 매도자");
    QTest::newRow("Korean with a path") << QStringLiteral("../스레드/시장") << QStringLiteral("스레드-시장");
    QTest::newRow("300 characters") << QString(300, QLatin1Char('a')) << QString(kMaxFileBaseName, QLatin1Char('a'));
}

void TestSafeFileName::hostileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QString safe = safeFileBaseName(name);
    QCOMPARE(safe, expected);
    QVERIFY2(problemWith(safe).isEmpty(), qPrintable(problemWith(safe)));
}

void TestSafeFileName::lengthIsCappedWithinUtf8Limits()
{
    // 300 characters of 3 and 4 bytes each: cut by characters, never inside one, and with an
    // extension and QSaveFile's ".XXXXXX" the name stays within 255 bytes.
    for (const QString& unit : { QStringLiteral("가"), QStringLiteral("😀") }) {
        const QString safe = safeFileBaseName(unit.repeated(300));
        QCOMPARE(safe, unit.repeated(kMaxFileBaseName));
        QVERIFY((safe + QStringLiteral(".json.XXXXXX")).toUtf8().size() <= 255);
    }
    QCOMPARE(safeFileBaseName(QString(), QStringLiteral("chart")), QStringLiteral("chart"));
}

QTEST_GUILESS_MAIN(TestSafeFileName)
#include "tst_safefilename.moc"
