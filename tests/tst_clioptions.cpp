// SPDX-License-Identifier: GPL-3.0-or-later
// The command line on QCommandLineParser: every command answers --help, takes --opt=value,
// and a mistyped command or option ends with exit 2 and one line, never with a window.
#include "optionranges.h"
#include "testutil.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using ForklineTest::runCli;

namespace {

// A platform plugin that does not exist: a program that tried to open a window here would
// abort instead of exiting 2 with a sentence.
ForklineTest::CliResult runWithoutDisplay(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FORKLINE_BIN), args);
    return ForklineTest::finishCli(p, {}, 60000);
}

} // namespace

class TestCliOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandHelp_data();
    void commandHelp();
    void helpCommandNamesOne();
    void optionEqualsValue();
    void rangesComeFromTheTable_data();
    void rangesComeFromTheTable();
    void mistakes_data();
    void mistakes();
};

void TestCliOptions::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("list") << QStringLiteral("list") << QStringList { QStringLiteral("--help") };
    QTest::newRow("run") << QStringLiteral("run")
                         << QStringList { QStringLiteral("--time-scale <F>"), QStringLiteral("--work-scale <F>"),
                                QStringLiteral("--gil <on|off>"), QStringLiteral("--switch-interval <S>"),
                                QStringLiteral("--daemon <NAME=on|off>"), QStringLiteral("--trace <FILE.json>"),
                                QStringLiteral("--png <FILE.png>"), QStringLiteral("--svg <FILE.svg>"),
                                QStringLiteral("--csv <FILE.csv>"), QStringLiteral("--width <PX>"),
                                QStringLiteral("--scale <F>"), QStringLiteral("--python <PATH>"),
                                QStringLiteral("--compact-time") };
    QTest::newRow("render") << QStringLiteral("render")
                            << QStringList { QStringLiteral("--png <FILE.png>"), QStringLiteral("--svg <FILE.svg>"),
                                   QStringLiteral("--trace <FILE.json>"), QStringLiteral("--csv <FILE.csv>"),
                                   QStringLiteral("--width <PX>"), QStringLiteral("--scale <F>"),
                                   QStringLiteral("--compact-time") };
    QTest::newRow("compare") << QStringLiteral("compare")
                             << QStringList { QStringLiteral("--work-scale <F>"),
                                    QStringLiteral("--switch-interval <S>"), QStringLiteral("--chart <FILE.png>"),
                                    QStringLiteral("--json <FILE.json>") };
}

void TestCliOptions::commandHelp()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    for (const QString& help : { QStringLiteral("--help"), QStringLiteral("-h") }) {
        const auto r = runCli({ command, help });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.startsWith(QStringLiteral("Usage: forkline %1").arg(command)), qPrintable(text));
        for (const QString& option : options)
            QVERIFY2(text.contains(option), qPrintable(option + QStringLiteral(" missing from:\n") + text));
    }
}

void TestCliOptions::helpCommandNamesOne()
{
    for (const QString& command :
        { QStringLiteral("list"), QStringLiteral("run"), QStringLiteral("render"), QStringLiteral("compare") }) {
        const auto asked = runCli({ QStringLiteral("help"), command });
        QCOMPARE(asked.exitCode, 0);
        QCOMPARE(asked.out, runCli({ command, QStringLiteral("--help") }).out);
    }
    // The overview points at them.
    const auto overview = runCli({ QStringLiteral("--help") });
    QCOMPARE(overview.exitCode, 0);
    QVERIFY(overview.out.contains("forkline COMMAND --help"));
}

void TestCliOptions::optionEqualsValue()
{
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("t.json"));
    const QString csv = dir.filePath(QStringLiteral("t.csv"));
    const auto r = runCli({ QStringLiteral("run"), QStringLiteral("three-threads"), QStringLiteral("--time-scale=0.05"),
        QStringLiteral("--trace=") + trace, QStringLiteral("--csv"), csv, QStringLiteral("--daemon=all=off") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFileInfo(trace).size() > 0);
    QVERIFY(QFileInfo(csv).size() > 0);

    // The same trace drawn again, with = for every option.
    const QString png = dir.filePath(QStringLiteral("t.png"));
    const auto drawn = runCli({ QStringLiteral("render"), trace, QStringLiteral("--png=") + png,
        QStringLiteral("--width=400"), QStringLiteral("--scale=1") });
    QVERIFY2(drawn.exitCode == 0, drawn.err.constData());
    QVERIFY(QFileInfo(png).size() > 0);
}

void TestCliOptions::rangesComeFromTheTable_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    using namespace Forkline;
    QTest::newRow("time scale") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--time-scale=1001") }
                                << OptionRanges::timeScale.refusal(QStringLiteral("1001"));
    QTest::newRow("work scale") << QStringList { QStringLiteral("run"), QStringLiteral("gil-sum"),
        QStringLiteral("--work-scale"), QStringLiteral("0") }
                                << OptionRanges::workScale.refusal(QStringLiteral("0"));
    QTest::newRow("switch interval") << QStringList { QStringLiteral("compare"), QStringLiteral("gil-sum"),
        QStringLiteral("--switch-interval=2") }
                                     << OptionRanges::switchInterval.refusal(QStringLiteral("2"));
    QTest::newRow("width") << QStringList { QStringLiteral("render"), QStringLiteral("x.json"),
        QStringLiteral("--png=x.png"), QStringLiteral("--width=100") }
                           << OptionRanges::imageWidth.refusal(QStringLiteral("100"));
    // The window's hidden option too.
    QTest::newRow("window") << QStringList { QStringLiteral("--time-scale=-1") }
                            << OptionRanges::timeScale.refusal(QStringLiteral("-1"));
}

void TestCliOptions::rangesComeFromTheTable()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runWithoutDisplay(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QString::fromUtf8(r.err).trimmed(), QStringLiteral("forkline: ") + message);
}

void TestCliOptions::mistakes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("lst") << QStringList { QStringLiteral("lst") } << QStringLiteral("did you mean \"list\"?");
    QTest::newRow("rnu") << QStringList { QStringLiteral("rnu"), QStringLiteral("buyer-seller") }
                         << QStringLiteral("did you mean \"run\"?");
    QTest::newRow("compair") << QStringList { QStringLiteral("compair") }
                             << QStringLiteral("did you mean \"compare\"?");
    QTest::newRow("Render") << QStringList { QStringLiteral("Render") } << QStringLiteral("did you mean \"render\"?");
    QTest::newRow("help lst") << QStringList { QStringLiteral("help"), QStringLiteral("lst") }
                              << QStringLiteral("did you mean \"list\"?");
    QTest::newRow("missing file") << QStringList { QStringLiteral("/nonexistent/lesson.json") }
                                  << QStringLiteral("cannot open /nonexistent/lesson.json: there is no such file");
    QTest::newRow("window option") << QStringList { QStringLiteral("--frobnicate") }
                                   << QStringLiteral("unknown option --frobnicate");
    QTest::newRow("run option") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--frobnicate=3") }
                                << QStringLiteral("unknown option --frobnicate (see forkline run --help)");
    QTest::newRow("compare option") << QStringList { QStringLiteral("compare"), QStringLiteral("gil-sum"),
        QStringLiteral("--time-scale=2") }
                                    << QStringLiteral("unknown option --time-scale (see forkline compare --help)");
    QTest::newRow("list option") << QStringList { QStringLiteral("list"), QStringLiteral("--all") }
                                 << QStringLiteral("unknown option --all (see forkline list --help)");
    QTest::newRow("missing value") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--png") } << QStringLiteral("--png needs a value");
    QTest::newRow("python after --") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--"), QStringLiteral("x") }
                                     << QStringLiteral("arguments after -- are for Python programs");
    QTest::newRow("slide and width") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--slide"), QStringLiteral("1920x1080"), QStringLiteral("--width"), QStringLiteral("800") }
                                     << QStringLiteral("--slide sets the width already");
    QTest::newRow("slide form") << QStringList { QStringLiteral("render"), QStringLiteral("x.json"),
        QStringLiteral("--slide=1080p") }
                                << QStringLiteral("--slide takes WIDTHxHEIGHT");
    QTest::newRow("slide too small") << QStringList { QStringLiteral("render"), QStringLiteral("x.json"),
        QStringLiteral("--slide=1920x100") }
                                     << QStringLiteral("--slide takes WIDTHxHEIGHT");
    QTest::newRow("slide too large") << QStringList { QStringLiteral("render"), QStringLiteral("x.json"),
        QStringLiteral("--slide=30000x30000"), QStringLiteral("--png=x.png") }
                                     << QStringLiteral("--slide 30000x30000 at --scale 1 makes a picture");
}

void TestCliOptions::mistakes()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runWithoutDisplay(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
    QVERIFY2(err.startsWith(QStringLiteral("forkline: ")), qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
