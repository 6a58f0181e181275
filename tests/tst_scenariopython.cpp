// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioPython: every built-in scenario written out as Python compiles, every step kind has
// its line, and a small program prints what the scenario prints.
#include "pythontestutil.h"
#include "scenario.h"
#include "scenariopython.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;
using namespace ForklineTest;

namespace {

// Runs python3 with `args` on the program; its stdout, or a failure with stderr.
bool runPython(const QString& text, const QStringList& args, QString* out, QString* error)
{
    static QTemporaryDir dir;
    static int n = 0;
    const QString path = dir.filePath(QStringLiteral("generated%1.py").arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(text.toUtf8());
    f.close();
    QProcess p;
    p.start(python(), args + QStringList { path });
    if (!p.waitForFinished(60000))
        return false;
    *out = QString::fromUtf8(p.readAllStandardOutput());
    *error = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

Scenario parsed(const QByteArray& json)
{
    Scenario s;
    ScenarioError error;
    if (!parseScenario(json, QStringLiteral("t.json"), &s, &error))
        qWarning() << error.toString();
    return s;
}

int countSteps(const std::vector<Step>& steps)
{
    int n = 0;
    for (const Step& s : steps)
        n += 1 + countSteps(s.body);
    return n;
}

} // namespace

class TestScenarioPython : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (python().isEmpty())
            QSKIP("no python3 on PATH");
    }

    void everyBuiltinCompiles()
    {
        int checked = 0;
        for (const BuiltinScenario& b : builtinScenarios()) {
            Scenario s;
            ScenarioError error;
            QVERIFY2(loadScenario(b.name, &s, &error), qPrintable(error.toString()));
            if (!s.program.isEmpty())
                continue; // a Python lesson is its own code
            const ScenarioPython py = ScenarioPython::generate(s);
            int steps = countSteps(s.main);
            for (const WorkerSpec& w : s.workers)
                steps += countSteps(w.steps);
            QCOMPARE(int(py.steps().size()), steps);
            QString out, err;
            QVERIFY2(runPython(py.text(), { QStringLiteral("-m"), QStringLiteral("py_compile") }, &out, &err),
                qPrintable(b.name + QLatin1String(": ") + err + QLatin1Char('\n') + py.text()));
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void groupsAreLoops()
    {
        // A worker entry with "count" is a list of workers and a loop over it, not N copies.
        const Scenario s = parsed(R"({"main": [{"start": "t"}, {"join": "t"}, {"join": "t-2"}, {"print": "done"}],
          "workers": [{"name": "t", "count": 3, "steps": [{"print": "hello from {name}"}]},
                      {"name": "p", "kind": "process", "count": 2, "steps": []}]})");
        QCOMPARE(int(s.workers.size()), 5);
        const ScenarioPython py = ScenarioPython::generate(s);
        const QString& text = py.text();
        QVERIFY2(text.contains(
                     QStringLiteral("t_threads = [threading.Thread(target=t, name=f\"t-{i}\") for i in range(1, 4)]")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(
                     "p_processes = [multiprocessing.Process(target=p, name=f\"p-{i}\") for i in range(1, 3)]")),
            qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("    for thread in t_threads:\n        thread.start()\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("    for thread in t_threads:\n        thread.join()\n")));
        QVERIFY(text.contains(QStringLiteral("    t_threads[1].join()\n")));
        QCOMPARE(text.count(QStringLiteral("def t():")), 1);
        // Every member's function is the group's.
        QCOMPARE(py.workerLine(2), py.workerLine(0));
        QCOMPARE(py.flowAt(py.workerLine(0) + 1), 0);
        QString out, err;
        QVERIFY2(runPython(text, {}, &out, &err), qPrintable(err + QLatin1Char('\n') + text));
        // CPython's print() writes the text and the newline separately, so two threads can
        // give "hello from t-1hello from t-2\n\n": each greeting once, and "done" last.
        QVERIFY2(out.endsWith(QStringLiteral("done\n")), qPrintable(out));
        for (int i = 1; i <= 3; ++i)
            QVERIFY2(out.count(QStringLiteral("hello from t-%1").arg(i)) == 1, qPrintable(out));
        QCOMPARE(out.count(QLatin1Char('\n')), 4);
    }

    void everyStepKindCompiles()
    {
        const QByteArray firstPrint
            = "{\"print\": \"[main] {pid} {tid} {ppid} {name} {{x}} {nothing} \\\"q\\\" \\\\ {\"},";
        const Scenario s = parsed(R"({"format": 1, "name": "all", "shared": {"counter": 0},
          "main": [)"
            + firstPrint + R"(
            {"input": "word? ", "into": "word"},
            {"print": "got {word}"},
            {"alloc": "data", "mb": 1}, {"touch": "data"},
            {"start": "t 1"}, {"start": "p"}, {"send": "q", "value": "hi {word}"},
            {"join": "t 1"}, {"terminate": "p"}, {"join": "p"}, {"free": "data"},
            {"repeat": 0, "steps": []},
            {"crash": "segfault"}
          ],
          "workers": [
            {"name": "t 1", "steps": [
              {"repeat": 2, "as": "i", "steps": [
                {"acquire": "lock"}, {"load": "counter", "into": "seen"}, {"sleep": 0},
                {"store": "counter", "value": "{seen}", "add": 1}, {"release": "lock"}, {"print": "{i}"}
              ]},
              {"compute": "sum", "from": 0, "to": 10, "into": "total"},
              {"add": "counter", "value": "{total}"}, {"add": "mine", "value": "3"}, {"add": "mine", "value": "{total}"}
            ]},
            {"name": "p", "kind": "process", "daemon": true, "steps": [
              {"recv": "q", "into": "m", "timeout": 2}, {"print": "{m}"}, {"recv": "q"}, {"crash": "abort"}
            ]}
          ]})");
        QVERIFY(!s.main.empty());
        const ScenarioPython py = ScenarioPython::generate(s);
        QString out, err;
        QVERIFY2(runPython(py.text(), { QStringLiteral("-m"), QStringLiteral("py_compile") }, &out, &err),
            qPrintable(err + QLatin1Char('\n') + py.text()));
        const QString& text = py.text();
        QVERIFY2(text.contains(QStringLiteral(
                     "print(f\"[main] {os.getpid()} {threading.get_native_id()} {os.getppid()} MainThread {{x}} "
                     "{{nothing}} \\\"q\\\" \\\\ {{\")")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("word = input(\"word? \")")));
        QVERIFY(text.contains(QStringLiteral("t_1_thread = threading.Thread(target=t_1, name=\"t 1\")")));
        QVERIFY(
            text.contains(QStringLiteral("p_process = multiprocessing.Process(target=p, name=\"p\", daemon=True)")));
        QVERIFY(text.contains(QStringLiteral("global counter")));
        QVERIFY(text.contains(QStringLiteral("counter = int(seen) + 1")));
        QVERIFY(text.contains(QStringLiteral("m = q.get(timeout=2)")));
        QVERIFY(text.contains(QStringLiteral("os.kill(os.getpid(), signal.SIGSEGV)")));
        // Each worker's function is where the worker's lines are.
        const int def = py.workerLine(0);
        QVERIFY(def > 0);
        QCOMPARE(text.split(QLatin1Char('\n')).at(def - 1), QStringLiteral("def t_1():"));
        QCOMPARE(py.flowAt(def + 2), 0);
        QCOMPARE(py.flowAt(py.mainLine()), -1);
        QCOMPARE(py.flowAt(1), -2);
        for (const ScenarioPython::StepLine& step : py.steps())
            QCOMPARE(py.flowAt(step.line), step.worker);
    }

    // Run for real, the program prints what the scenario prints.
    void printsWhatTheScenarioPrints()
    {
        const Scenario s = parsed(R"({"format": 1, "name": "loop", "shared": {"n": 5},
          "main": [{"start": "w"}, {"join": "w"}, {"print": "n is {n}"}],
          "workers": [{"name": "w", "steps": [
            {"repeat": 2, "as": "i", "steps": [{"print": "round {i} of {name}"}, {"add": "n", "value": "{i}"}]},
            {"send": "box", "value": "7"}, {"recv": "box", "into": "got"}, {"print": "got {got}"}
          ]}]})");
        const ScenarioPython py = ScenarioPython::generate(s);
        QString out, err;
        QVERIFY2(runPython(py.text(), {}, &out, &err), qPrintable(err + QLatin1Char('\n') + py.text()));
        QCOMPARE(out, QStringLiteral("round 0 of w\nround 1 of w\ngot 7\nn is 6\n"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioPython)
#include "tst_scenariopython.moc"
