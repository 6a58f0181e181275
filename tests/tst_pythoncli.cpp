// SPDX-License-Identifier: GPL-3.0-or-later
// `forkline run FILE.py` as a teacher's script sees it: the program's own output and exit code,
// one line and exit 2 for bad input, SIGTERM ending the whole run with its trace written.
#include "pythontestutil.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Forkline;
using namespace ForklineTest;

namespace {

QString program(const QString& name)
{
    return pythonProgram(name);
}

CliResult runUntraced(const QString& name, const QStringList& args = {}, const QByteArray& input = {})
{
    QProcess p;
    p.setWorkingDirectory(QStringLiteral(FORKLINE_TEST_DATA "/python"));
    p.start(python(), QStringList { program(name) } << args);
    return finishCli(p, input, 180000);
}

} // namespace

class TestPythonCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void stdoutMatchesUntraced_data();
    void stdoutMatchesUntraced();
    void moduleBesideIt();
    void builtinLessonRuns();
    void freeThreadedSaysGilOff();
    void sigtermEndsTheTree_data();
    void sigtermEndsTheTree();
};

void TestPythonCli::initTestCase()
{
    if (python().isEmpty())
        QSKIP("no python3 on PATH");
}

void TestPythonCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected"); // a regular expression for the one line

    const QString data = QStringLiteral(FORKLINE_TEST_DATA "/python/");
    QTest::newRow("missing") << QStringList { data + QStringLiteral("nope.py") }
                             << QStringLiteral("nope\\.py: no such file$");
    QTest::newRow("not utf-8") << QStringList { data + QStringLiteral("latin1.py") }
                               << QStringLiteral("latin1\\.py:2:11: not UTF-8");
    QTest::newRow("syntax error") << QStringList { data + QStringLiteral("syntax_error.py") }
                                  << QStringLiteral("syntax_error\\.py:1:\\d+: SyntaxError: .+$");
    QTest::newRow("no interpreter") << QStringList { data + QStringLiteral("threads_join.py"),
        QStringLiteral("--python"), QStringLiteral("/nonexistent/python3") }
                                    << QStringLiteral("no Python interpreter.*--python PATH");
    QTest::newRow("old interpreter") << QStringList { data + QStringLiteral("threads_join.py"),
        QStringLiteral("--python"), data + QStringLiteral("old_python.sh") }
                                     << QStringLiteral("is Python 3\\.6\\.9; tracing needs Python 3\\.8 or newer");
    QTest::newRow("unknown option") << QStringList { data + QStringLiteral("threads_join.py"),
        QStringLiteral("--time-scale"), QStringLiteral("2") }
                                    << QStringLiteral("--time-scale is not an option for a Python program");
}

void TestPythonCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);

    const CliResult r = runCli(QStringList { QStringLiteral("run") } << args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(QRegularExpression(expected).match(err.trimmed()).hasMatch(), qPrintable(err));
}

void TestPythonCli::stdoutMatchesUntraced_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("threads") << QStringLiteral("threads_join.py") << QStringList() << QByteArray();
    QTest::newRow("daemon") << QStringLiteral("daemon_exit.py") << QStringList() << QByteArray();
    QTest::newRow("exception") << QStringLiteral("thread_error.py") << QStringList() << QByteArray();
    QTest::newRow("input") << QStringLiteral("input_thread.py") << QStringList() << QByteArray("pear\n");
    QTest::newRow("waits") << QStringLiteral("sync_waits.py") << QStringList() << QByteArray();
    QTest::newRow("queue") << QStringLiteral("queue_messages.py") << QStringList() << QByteArray();
    QTest::newRow("fork") << QStringLiteral("fork_wait.py") << QStringList() << QByteArray();
    QTest::newRow("os._exit") << QStringLiteral("os_exit.py") << QStringList() << QByteArray();
    QTest::newRow("import") << QStringLiteral("uses_helper.py") << QStringList { QStringLiteral("x") } << QByteArray();
    QTest::newRow("popen") << QStringLiteral("popen_children.py") << QStringList() << QByteArray();
    QTest::newRow("signals") << QStringLiteral("signals_exit.py") << QStringList() << QByteArray();
    QTest::newRow("pipes") << QStringLiteral("pipes_queues.py") << QStringList() << QByteArray();
    for (const char* method : { "fork", "spawn", "forkserver" })
        QTest::addRow("processes, %s", method)
            << QStringLiteral("processes.py") << QStringList { QLatin1String(method) } << QByteArray();
}

void TestPythonCli::stdoutMatchesUntraced()
{
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);

    const CliResult plain = runUntraced(name, args, input);
    QStringList cli { QStringLiteral("run"), program(name), QStringLiteral("--python"), python() };
    if (!args.isEmpty())
        cli << QStringLiteral("--") << args;
    const CliResult traced = runCli(cli, input, 180000);
    QVERIFY(!plain.out.isEmpty());
    QCOMPARE(traced.out, plain.out);
    // `forkline run FILE.py` answers with the program's own exit code.
    QCOMPARE(traced.exitCode, plain.exitCode);
    // Python's own traceback reaches stderr as it would untraced, without a frame of the tracer.
    QVERIFY2(!traced.err.contains("forkline_trace"), traced.err.constData());
    if (name == QLatin1String("thread_error.py"))
        QCOMPARE(traced.err, plain.err);
}

void TestPythonCli::moduleBesideIt()
{
    const CliResult r = runCli({ QStringLiteral("run"), program(QStringLiteral("uses_helper.py")),
        QStringLiteral("--python"), python(), QStringLiteral("--"), QStringLiteral("a"), QStringLiteral("b c") });
    QCOMPARE(r.exitCode, 2); // the program's own: sys.exit(len(args))
    QCOMPARE(r.out, QByteArray("hello from pyhelper.py\nargv: ['a', 'b c']\n"));
}

// A free-threaded interpreter (here one that answers the check as 3.13t would): the run says
// the GIL is off, and the program runs as before.
void TestPythonCli::freeThreadedSaysGilOff()
{
    const QString data = QStringLiteral(FORKLINE_TEST_DATA "/python/");
    const CliResult r = runCli({ QStringLiteral("run"), program(QStringLiteral("threads_join.py")),
        QStringLiteral("--python"), data + QStringLiteral("freethreaded_python.sh") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("Python 3.13.0 is free-threaded and runs with the GIL off"), r.err.constData());
    QVERIFY(r.out.contains("main: done"));
    // The interpreter of the tests has its GIL: not a word about it.
    const CliResult gil = runCli(
        { QStringLiteral("run"), program(QStringLiteral("threads_join.py")), QStringLiteral("--python"), python() });
    QCOMPARE(gil.exitCode, 0);
    QVERIFY2(!gil.err.contains("GIL"), gil.err.constData());
}

void TestPythonCli::sigtermEndsTheTree_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT (Ctrl+C)") << int(SIGINT);
}

// A program that never ends (a thread, a process and a forked child, all asleep): the signal
// ends every process of it, and the trace is written.
void TestPythonCli::sigtermEndsTheTree()
{
#if defined(Q_OS_UNIX)
    QFETCH(int, signal);
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("forever.json"));
    QProcess cli;
    cli.start(QStringLiteral(FORKLINE_BIN),
        { QStringLiteral("run"), program(QStringLiteral("forever.py")), QStringLiteral("--python"), python(),
            QStringLiteral("--trace"), trace });
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    const auto started = [&cli, &out] {
        out += cli.readAllStandardOutput(); // read once, kept: the check may run more than once
        return out.contains("started");
    };
    QTRY_VERIFY_WITH_TIMEOUT(started(), 120000);
    QElapsedTimer clock;
    clock.start();
    ::kill(pid_t(cli.processId()), signal);
    QVERIFY(cli.waitForFinished(30000));
    // The target is 1 s; a loaded test machine gets more.
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    // What a shell reports for a program the signal ended: 143 for SIGTERM, 130 for SIGINT.
    QCOMPARE(cli.exitCode(), 128 + signal);
    QFile file(trace);
    QVERIFY(file.open(QIODevice::ReadOnly)); // the trace is written
    const QJsonArray events
        = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("traceEvents")).toArray();
    QSet<qint64> pids;
    for (const QJsonValue& e : events) {
        const qint64 pid = e.toObject().value(QStringLiteral("pid")).toInteger();
        if (pid > 0)
            pids.insert(pid);
    }
    QVERIFY2(pids.size() >= 3, qPrintable(QString::number(pids.size()))); // main, its process, its fork
    for (qint64 pid : std::as_const(pids))
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 5000);
#else
    QSKIP("signals are a Unix matter");
#endif
}

void TestPythonCli::builtinLessonRuns()
{
    // A built-in Python lesson by its name, as `forkline list` shows it.
    const CliResult r
        = runCli({ QStringLiteral("run"), QStringLiteral("py-thread-ids"), QStringLiteral("--python"), python() });
    QCOMPARE(r.exitCode, 0);
    // Three threads print at once: their lines may interleave, their words are all there.
    const QString out = QString::fromUtf8(r.out);
    QCOMPARE(out.count(QStringLiteral("thread id")), 3);
    QCOMPARE(out.count(QStringLiteral("process id")), 4);
}

QTEST_GUILESS_MAIN(TestPythonCli)
#include "tst_pythoncli.moc"
