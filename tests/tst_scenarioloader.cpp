// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;

namespace {

QString dataFile(const QString& name)
{
    return QStringLiteral(FORKLINE_TEST_DATA "/loader/") + name;
}

QString sourceFile(const QString& relative)
{
    return QStringLiteral(FORKLINE_SOURCE_DIR "/") + relative;
}

// Names in resources/scenarios/index.txt, in order, comments and blank lines skipped.
QStringList indexNames()
{
    QFile f(sourceFile(QStringLiteral("resources/scenarios/index.txt")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList names;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw.trimmed());
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            names.append(line);
    }
    return names;
}

// A scenario whose main thread has `count` print steps, one a line (step k on line k + 1).
QByteArray manyPrints(int count)
{
    QByteArray json("{\"main\": [\n");
    for (int i = 0; i < count; ++i)
        json.append(i + 1 < count ? "{\"print\": \"x\"},\n" : "{\"print\": \"x\"}\n");
    json.append("]}\n");
    return json;
}

// A scenario with `count` workers, one a line (worker i on line i + 3).
QByteArray manyWorkers(int count, const QByteArray& kind = "thread")
{
    QByteArray json("{\"main\": [],\n\"workers\": [\n");
    for (int i = 0; i < count; ++i) {
        json.append("{\"name\": \"w" + QByteArray::number(i) + "\", \"kind\": \"" + kind + "\", \"steps\": []}");
        json.append(i + 1 < count ? ",\n" : "\n");
    }
    json.append("]}\n");
    return json;
}

// `depth` repeat blocks nested in main, one a line (the k-th on line k + 1).
QByteArray nestedRepeats(int depth)
{
    QByteArray json("{\"main\": [\n");
    for (int i = 0; i < depth; ++i)
        json.append("{\"repeat\": 1, \"steps\": [\n");
    json.append("{\"print\": \"deep\"}\n");
    for (int i = 0; i < depth; ++i)
        json.append("]}\n");
    json.append("]}\n");
    return json;
}

// About `bytes` of one shape of scenario that once took time quadratic in its size.
QByteArray bigScenario(const QString& shape, int bytes)
{
    QByteArray json;
    if (shape == QLatin1String("shared values")) {
        // Many shared values, then as many steps that use them.
        json = "{\"shared\": {";
        int n = 0;
        for (; json.size() < bytes / 2; ++n)
            json += (n ? ",\n\"v" : "\n\"v") + QByteArray::number(n) + "\": 0";
        json += "},\n\"main\": [";
        for (int i = 0; json.size() < bytes; ++i)
            json += (i ? ",\n{\"load\": \"v" : "\n{\"load\": \"v") + QByteArray::number((i * 7919) % n)
                + "\", \"into\": \"x\"}";
        json += "]}\n";
    } else if (shape == QLatin1String("translations")) {
        json = "{\"translations\": {";
        for (int i = 0; json.size() < bytes; ++i) {
            QByteArray code;
            for (int k = 0, v = i; k < 5; ++k, v /= 26)
                code += char((k < 3 ? 'a' : 'A') + v % 26);
            code.insert(3, '_');
            json += (i ? ",\n\"" : "\n\"") + code + "\": {\"title\": \"t\"}";
        }
        json += "},\n\"main\": []}\n";
    } else { // "workers named again and again"
        json = "{\"workers\": [";
        for (int w = 0; w < kMaxThreadWorkers; ++w)
            json += (w ? ",\n{\"name\": \"w" : "\n{\"name\": \"w") + QByteArray::number(w) + "\", \"steps\": []}";
        json += "],\n\"main\": [";
        for (int w = 0; w < kMaxThreadWorkers; ++w)
            json += "{\"start\": \"w" + QByteArray::number(w) + "\"},\n";
        for (int i = 0; json.size() < bytes; ++i)
            json += "{\"join\": \"w" + QByteArray::number(i % kMaxThreadWorkers) + "\"},\n";
        json += "{\"print\": \"done\"}]}\n";
    }
    return json;
}

bool parse(const QByteArray& json, Scenario* sc, ScenarioError* err)
{
    return parseScenario(json, QStringLiteral("test.json"), sc, err);
}

} // namespace

class TestScenarioLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinsMatchIndex();
    void builtinsLoad_data();
    void builtinsLoad();
    void resourceHoldsNoSchema();
    void schemaKnowsEveryStep();
    void everyStepKind();
    void memberOrderDoesNotMatter();
    void dataSteps();
    void badDataSteps_data();
    void badDataSteps();
    void expectedValues();
    void applyWorkScaleAndGil();
    void translations();
    void applyRejectsBadDataOptions();
    void defaultsFromFileName();
    void goodInline_data();
    void goodInline();
    void limitsAccepted_data();
    void limitsAccepted();
    void badInline_data();
    void badInline();
    void badFiles_data();
    void badFiles();
    void errorLineFormat();
    void unknownBuiltin();
    void missingFile();
    void fileTooLarge();
    void applyDaemon_data();
    void applyDaemon();
    void applyRejectsUnknownWorker();
    void daemonIsInherited();
    void workerGroups();
    void applyRejectsBadTimeScale();
    void loadingIsLinear_data();
    void loadingIsLinear();
    void duplicatesInBigObjects_data();
    void duplicatesInBigObjects();
};

void TestScenarioLoader::builtinsMatchIndex()
{
    const QStringList expected = indexNames();
    QVERIFY(!expected.isEmpty());
    QStringList names;
    for (const BuiltinScenario& b : builtinScenarios())
        names.append(b.name);
    QCOMPARE(names, expected);

    // Every scenario file on disk is listed, and every listed name has its file.
    QDir dir(sourceFile(QStringLiteral("resources/scenarios")));
    QStringList files;
    for (const QString& f : dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        if (!f.endsWith(QLatin1String("schema.json")))
            files.append(f.chopped(5));
    }
    // The Python lessons (docs/python.md) are listed the same way.
    for (const QString& f : dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name))
        files.append(f.chopped(3));
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    files.sort();
    QCOMPARE(files, sortedExpected);
}

void TestScenarioLoader::builtinsLoad_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : indexNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestScenarioLoader::builtinsLoad()
{
    QFETCH(QString, name);

    Scenario sc;
    ScenarioError err;
    QVERIFY2(loadScenario(name, &sc, &err), qPrintable(err.toString()));
    QCOMPARE(sc.name, name);
    QVERIFY(!sc.title.isEmpty() && sc.title != sc.name);
    QVERIFY(!sc.description.isEmpty());
    if (!sc.program.isEmpty()) {
        // A Python lesson: the interpreter runs the file, there are no steps.
        QCOMPARE(sc.source, QStringLiteral(":/scenarios/%1.py").arg(name));
        QCOMPARE(sc.program, sc.source);
        QVERIFY(sc.main.empty());
        QVERIFY(sc.translations.contains(QStringLiteral("ko")));
        return;
    }
    QCOMPARE(sc.source, QStringLiteral(":/scenarios/%1.json").arg(name));
    QVERIFY(!sc.main.empty());

    // The resource is the file in the source tree, which states format 1 and no "$schema".
    QFile res(sc.source);
    QFile disk(sourceFile(QStringLiteral("resources/scenarios/%1.json").arg(name)));
    QVERIFY(res.open(QIODevice::ReadOnly) && disk.open(QIODevice::ReadOnly));
    const QByteArray bytes = res.readAll();
    QCOMPARE(bytes, disk.readAll());
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QLatin1String("format")).toInt(), 1);
    QCOMPARE(root.value(QLatin1String("name")).toString(), name);
    QVERIFY(!root.contains(QLatin1String("$schema")));
    // Every lesson reads in Korean too, the language of the tutorials it comes from.
    const auto ko = sc.translations.constFind(QStringLiteral("ko"));
    QVERIFY(ko != sc.translations.constEnd());
    QVERIFY(!ko->title.isEmpty() && !ko->description.isEmpty());
    QVERIFY(ko->title.contains(QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"))));

    // The same file also loads by path.
    Scenario byPath;
    QVERIFY2(loadScenario(disk.fileName(), &byPath, &err), qPrintable(err.toString()));
    QCOMPARE(byPath.name, sc.name);
    QCOMPARE(byPath.workers.size(), sc.workers.size());
}

void TestScenarioLoader::resourceHoldsNoSchema()
{
    QVERIFY(QFile::exists(sourceFile(QStringLiteral("resources/scenarios/scenario.schema.json"))));
    QVERIFY(QFile::exists(QStringLiteral(":/scenarios/index.txt")));
    QVERIFY(!QFile::exists(QStringLiteral(":/scenarios/scenario.schema.json")));
}

void TestScenarioLoader::schemaKnowsEveryStep()
{
    QFile f(sourceFile(QStringLiteral("resources/scenarios/scenario.schema.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError perr;
    const QJsonObject schema = QJsonDocument::fromJson(f.readAll(), &perr).object();
    QCOMPARE(perr.error, QJsonParseError::NoError);
    QCOMPARE(schema.value(QLatin1String("$schema")).toString(),
        QStringLiteral("https://json-schema.org/draft/2020-12/schema"));

    // The step kinds the schema offers are exactly those the loader accepts.
    QSet<QString> kinds;
    const QJsonArray alternatives = schema.value(QLatin1String("$defs"))
                                        .toObject()
                                        .value(QLatin1String("step"))
                                        .toObject()
                                        .value(QLatin1String("oneOf"))
                                        .toArray();
    for (const QJsonValue& alt : alternatives) {
        const QString ref = alt.toObject().value(QLatin1String("$ref")).toString();
        const QString def = ref.section(QLatin1Char('/'), -1);
        const QJsonArray required = schema.value(QLatin1String("$defs"))
                                        .toObject()
                                        .value(def)
                                        .toObject()
                                        .value(QLatin1String("required"))
                                        .toArray();
        // Each alternative is named after its keyword, which it requires (first, for repeat's "steps").
        QVERIFY(!required.isEmpty());
        QCOMPARE(required.at(0).toString(), def);
        kinds.insert(def);
    }
    // The loader names the kinds it knows when it meets one it does not.
    Scenario probe;
    ScenarioError probeError;
    QVERIFY(!parse(R"({"main": [{"no-such-step": 1}]})", &probe, &probeError));
    const QString known = probeError.message.section(QLatin1String("(known: "), 1).chopped(1);
    const QStringList loaderKinds = known.split(QLatin1String(", "));
    QVERIFY2(loaderKinds.size() >= 8, qPrintable(probeError.message));
    QCOMPARE(kinds, QSet<QString>(loaderKinds.begin(), loaderKinds.end()));

    const QSet<QString> basic { QStringLiteral("print"), QStringLiteral("sleep"), QStringLiteral("start"),
        QStringLiteral("join"), QStringLiteral("repeat"), QStringLiteral("input"), QStringLiteral("terminate"),
        QStringLiteral("crash") };
    QVERIFY(kinds.contains(basic));
    for (const QString& kind : basic) {
        const QByteArray step = kind == QLatin1String("repeat") ? QByteArray("{\"repeat\": 1, \"steps\": []}")
            : kind == QLatin1String("sleep")                    ? QByteArray("{\"sleep\": 1}")
            : kind == QLatin1String("crash")                    ? QByteArray("{\"crash\": \"abort\"}")
                                                                : "{\"" + kind.toUtf8() + "\": \"p\"}";
        Scenario sc;
        ScenarioError err;
        const QByteArray json = "{\"main\": [{\"start\": \"p\"}, " + step
            + "], \"workers\": [{\"name\": \"p\", \"kind\": \"process\", \"steps\": []}]}";
        if (kind == QLatin1String("start"))
            QVERIFY(!parse(json, &sc, &err)); // the second start of "p"
        else
            QVERIFY2(parse(json, &sc, &err), qPrintable(err.toString()));
    }
}

void TestScenarioLoader::everyStepKind()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY2(loadScenario(dataFile(QStringLiteral("every-step.json")), &sc, &err), qPrintable(err.toString()));
    QCOMPARE(sc.name, QStringLiteral("every-step"));
    QCOMPARE(sc.title, QStringLiteral("Every step kind"));
    QCOMPARE(sc.description, QStringLiteral("One of each step the loader accepts."));
    QCOMPARE(sc.source, dataFile(QStringLiteral("every-step.json")));

    QCOMPARE(sc.main.size(), size_t(11));
    const Step& print = sc.main[0];
    QCOMPARE(print.kind, Step::Kind::Print);
    // Placeholders are expanded when the step runs, so the loader keeps the text as written.
    QCOMPARE(print.text, QStringLiteral("main {pid} {tid} {ppid} {name} {{literal}}"));
    QCOMPARE(print.line, 8);
    QCOMPARE(print.column, 5);

    QCOMPARE(sc.main[1].kind, Step::Kind::Input);
    QCOMPARE(sc.main[1].text, QStringLiteral("Your name? "));
    QCOMPARE(sc.main[1].target, QStringLiteral("who"));
    QCOMPARE(sc.main[2].kind, Step::Kind::Input);
    QVERIFY(sc.main[2].target.isEmpty());
    QCOMPARE(sc.main[3].kind, Step::Kind::Start);
    QCOMPARE(sc.main[3].target, QStringLiteral("greeter"));
    QCOMPARE(sc.main[5].kind, Step::Kind::Sleep);
    QCOMPARE(sc.main[5].seconds, 0.25);
    QCOMPARE(sc.main[6].kind, Step::Kind::Terminate);
    QCOMPARE(sc.main[6].target, QStringLiteral("cruncher"));
    QCOMPARE(sc.main[7].kind, Step::Kind::Join);
    QCOMPARE(sc.main[7].target, QStringLiteral("greeter"));
    QCOMPARE(sc.main[9].seconds, 0.0);
    QCOMPARE(sc.main[10].text, QStringLiteral("bye {who}"));

    QCOMPARE(sc.workers.size(), size_t(3));
    const WorkerSpec& greeter = sc.workers[0];
    QCOMPARE(greeter.name, QStringLiteral("greeter"));
    QCOMPARE(greeter.label, QStringLiteral("인사"));
    QCOMPARE(greeter.displayName(), QStringLiteral("인사"));
    QCOMPARE(greeter.kind, WorkerSpec::Kind::Thread);
    QVERIFY(greeter.daemon);
    QCOMPARE(greeter.line, 21);
    QCOMPARE(greeter.column, 5);
    QCOMPARE(greeter.steps.size(), size_t(2));
    const Step& outer = greeter.steps[0];
    QCOMPARE(outer.kind, Step::Kind::Repeat);
    QCOMPARE(outer.count, qint64(3));
    QCOMPARE(outer.var, QStringLiteral("i"));
    QCOMPARE(outer.body.size(), size_t(2));
    const Step& inner = outer.body[0];
    QCOMPARE(inner.kind, Step::Kind::Repeat);
    QCOMPARE(inner.count, qint64(2));
    QCOMPARE(inner.var, QStringLiteral("j"));
    QCOMPARE(inner.body.size(), size_t(1));
    QCOMPARE(inner.body[0].text, QStringLiteral("round {i}.{j}"));
    QCOMPARE(inner.body[0].line, 24);
    QCOMPARE(inner.body[0].column, 11);
    QCOMPARE(outer.body[1].seconds, 1.5);
    QCOMPARE(greeter.steps[1].count, qint64(0));
    QVERIFY(greeter.steps[1].var.isEmpty());
    QVERIFY(greeter.steps[1].body.empty());

    const WorkerSpec& cruncher = sc.workers[1];
    QCOMPARE(cruncher.kind, WorkerSpec::Kind::Process);
    QVERIFY(!cruncher.daemon);
    QVERIFY(cruncher.label.isEmpty());
    QCOMPARE(cruncher.displayName(), QStringLiteral("cruncher"));
    QCOMPARE(cruncher.steps[0].seconds, 86400.0);
    QCOMPARE(cruncher.steps[1].kind, Step::Kind::Crash);
    QCOMPARE(cruncher.steps[1].text, QStringLiteral("abort"));
    QCOMPARE(sc.workers[2].steps[0].text, QStringLiteral("segfault"));

    QCOMPARE(sc.workerIndex(QStringLiteral("cruncher")), 1);
    QCOMPARE(sc.workerIndex(QStringLiteral("nobody")), -1);
    QCOMPARE(sc.worker(QStringLiteral("segv")), &sc.workers[2]);
    QCOMPARE(sc.worker(QStringLiteral("nobody")), nullptr);
}

void TestScenarioLoader::memberOrderDoesNotMatter()
{
    // JSON objects are unordered; a formatter that sorts keys must not change the meaning.
    Scenario sc;
    ScenarioError err;
    QVERIFY2(loadScenario(dataFile(QStringLiteral("member-order.json")), &sc, &err), qPrintable(err.toString()));
    QCOMPARE(sc.main.size(), size_t(3));
    QCOMPARE(sc.main[0].kind, Step::Kind::Input);
    QCOMPARE(sc.main[0].text, QStringLiteral("> "));
    QCOMPARE(sc.main[0].target, QStringLiteral("line"));
    QCOMPARE(sc.workers.size(), size_t(1));
    QCOMPARE(sc.workers[0].name, QStringLiteral("w"));
    const Step& repeat = sc.workers[0].steps[0];
    QCOMPARE(repeat.kind, Step::Kind::Repeat);
    QCOMPARE(repeat.count, qint64(2));
    QCOMPARE(repeat.var, QStringLiteral("n"));
    QCOMPARE(repeat.body.size(), size_t(1));

    // "add" is a step of its own and a member of a store step: with sorted keys it comes first.
    QVERIFY2(parse(R"({"main": [{"add": 1, "store": "x", "value": "{c}"}], "shared": {"x": 0}})", &sc, &err),
        qPrintable(err.toString()));
    QCOMPARE(sc.main[0].kind, Step::Kind::Store);
    QCOMPARE(sc.main[0].target, QStringLiteral("x"));
    QCOMPARE(sc.main[0].amount, qint64(1));
}

void TestScenarioLoader::dataSteps()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY2(loadScenario(dataFile(QStringLiteral("data-steps.json")), &sc, &err), qPrintable(err.toString()));
    QVERIFY(!sc.gil);
    QCOMPARE(sc.switchInterval, 0.01);
    QCOMPARE(sc.shared.size(), 2);
    QCOMPARE(sc.shared.at(0), (QPair<QString, qint64>(QStringLiteral("counter"), 0)));
    QCOMPARE(sc.shared.at(1), (QPair<QString, qint64>(QStringLiteral("result"), -5)));
    QCOMPARE(sc.variants.size(), size_t(2));
    QCOMPARE(sc.variants[0].name, QStringLiteral("1 thread"));
    QCOMPARE(sc.variants[0].scenario, QStringLiteral("gil-sum-single"));
    QCOMPARE(sc.variants[0].kind, QStringLiteral("thread"));
    QCOMPARE(sc.variants[0].workers, 1); // the default
    QCOMPARE(sc.variants[1].kind, QStringLiteral("process"));
    QCOMPARE(sc.variants[1].workers, 2);

    QCOMPARE(sc.main[0].kind, Step::Kind::Alloc);
    QCOMPARE(sc.main[0].target, QStringLiteral("data"));
    QCOMPARE(sc.main[0].amount, qint64(64));
    QCOMPARE(sc.main[2].kind, Step::Kind::Send);
    QCOMPARE(sc.main[2].target, QStringLiteral("q"));
    QCOMPARE(sc.main[2].text, QStringLiteral("42")); // a number is sent as its digits
    QCOMPARE(sc.main[4].kind, Step::Kind::Free);

    const std::vector<Step>& w = sc.workers[0].steps;
    QCOMPARE(w.size(), size_t(11));
    QCOMPARE(w[0].kind, Step::Kind::Compute);
    QCOMPARE(w[0].from, qint64(3));
    QCOMPARE(w[0].to, qint64(7));
    QCOMPARE(w[0].var, QStringLiteral("total"));
    QCOMPARE(w[1].body[0].kind, Step::Kind::Compute);
    QVERIFY(w[1].body[0].var.isEmpty());
    QCOMPARE(w[2].kind, Step::Kind::Acquire);
    QCOMPARE(w[2].target, QStringLiteral("lock"));
    QCOMPARE(w[3].kind, Step::Kind::Load);
    QCOMPARE(w[3].var, QStringLiteral("seen"));
    QCOMPARE(w[4].kind, Step::Kind::Store);
    QCOMPARE(w[4].text, QStringLiteral("{seen}"));
    QCOMPARE(w[4].amount, qint64(1));
    QCOMPARE(w[5].kind, Step::Kind::Release);
    QCOMPARE(w[6].kind, Step::Kind::Add);
    QCOMPARE(w[6].target, QStringLiteral("result"));
    QCOMPARE(w[7].text, QStringLiteral("-2"));
    QCOMPARE(w[8].kind, Step::Kind::Recv);
    QCOMPARE(w[8].var, QStringLiteral("msg"));
    QCOMPARE(w[8].seconds, 1.5);
    QVERIFY(w[9].seconds < 0); // no timeout: wait for ever
    QCOMPARE(w[10].kind, Step::Kind::Touch);

    // Without the members, the lesson runs as CPython does.
    Scenario plain;
    QVERIFY(parse(R"({"main": []})", &plain, &err));
    QVERIFY(plain.gil);
    QCOMPARE(plain.switchInterval, 0.005);
    QVERIFY(plain.shared.isEmpty());
    QVERIFY(plain.variants.empty());
}

void TestScenarioLoader::badDataSteps_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("compute max") << QByteArray(R"({"main": [{"compute": "max", "from": 0, "to": 1}]})") << 1 << 23
                                 << QStringLiteral("\"compute\" takes \"sum\"");
    QTest::newRow("compute backwards") << QByteArray(R"({"main": [{"compute": "sum", "from": 5, "to": 4}]})") << 1 << 47
                                       << QStringLiteral("no smaller than \"from\"");
    QTest::newRow("compute too much") << QByteArray(R"({"main": [{"compute": "sum", "from": 0, "to": 1000000000001}]})")
                                      << 1 << 47 << QStringLiteral("at most 1000000000000");
    QTest::newRow("compute without to") << QByteArray(R"({"main": [{"compute": "sum", "from": 0}]})") << 1 << 11
                                        << QStringLiteral("needs \"from\" and \"to\"");
    QTest::newRow("acquire no name") << QByteArray(R"({"main": [{"acquire": ""}]})") << 1 << 23
                                     << QStringLiteral("\"acquire\" takes a name");
    QTest::newRow("send without value") << QByteArray(R"({"main": [{"send": "q"}]})") << 1 << 11
                                        << QStringLiteral("missing \"value\"");
    QTest::newRow("send a fraction") << QByteArray(R"({"main": [{"send": "q", "value": 1.5}]})") << 1 << 34
                                     << QStringLiteral("a text or a whole number");
    QTest::newRow("recv negative timeout") << QByteArray(R"({"main": [{"recv": "q", "timeout": -1}]})") << 1 << 36
                                           << QStringLiteral("\"timeout\" takes a number of seconds");
    QTest::newRow("load undeclared") << QByteArray(R"({"main": [{"load": "x", "into": "v"}]})") << 1 << 20
                                     << QStringLiteral("\"x\" is not declared in \"shared\"");
    QTest::newRow("load without into") << QByteArray(R"({"shared": {"x": 0}, "main": [{"load": "x"}]})") << 1 << 31
                                       << QStringLiteral("missing \"into\"");
    QTest::newRow("store add fraction") << QByteArray(
        R"({"shared": {"x": 0}, "main": [{"store": "x", "value": 1, "add": 0.5}]})")
                                        << 1 << 65 << QStringLiteral("\"add\" takes a whole number");
    QTest::newRow("alloc nothing") << QByteArray(R"({"main": [{"alloc": "d", "mb": 0}]})") << 1 << 32
                                   << QStringLiteral("from 1 to 4096");
    QTest::newRow("alloc too much") << QByteArray(R"({"main": [{"alloc": "d", "mb": 4097}]})") << 1 << 32
                                    << QStringLiteral("from 1 to 4096");
    QTest::newRow("allocs add up to too much")
        << QByteArray(R"({"main": [{"alloc": "a", "mb": 4096}, {"alloc": "b", "mb": 4000}, {"alloc": "c", "mb": 97}]})")
        << 1 << 88 << QStringLiteral("add up to 8193 MiB, more than the 8192 MiB a scenario may allocate in all");
    QTest::newRow("a process worker's copy adds up to too much") << QByteArray(
        R"({"main": [{"alloc": "d", "mb": 4096}, {"start": "p"}, {"join": "p"}], "workers": [{"name": "p", )"
        R"("kind": "process", "steps": [{"alloc": "e", "mb": 1}, {"touch": "d"}]}]})")
                                                                 << 1 << 161 << QStringLiteral("add up to 8193 MiB");
    QTest::newRow("gil as number") << QByteArray(R"({"gil": 1, "main": []})") << 1 << 9
                                   << QStringLiteral("\"gil\" must be true or false");
    QTest::newRow("switch interval zero") << QByteArray(R"({"switch_interval": 0, "main": []})") << 1 << 21
                                          << QStringLiteral("\"switch_interval\" takes seconds");
    QTest::newRow("shared as array") << QByteArray(R"({"shared": [], "main": []})") << 1 << 12
                                     << QStringLiteral("\"shared\" maps names to whole numbers");
    QTest::newRow("shared fraction") << QByteArray(R"({"shared": {"x": 0.5}, "main": []})") << 1 << 18
                                     << QStringLiteral("shared value \"x\" must be a whole number");
    QTest::newRow("expect unknown value")
        << QByteArray(R"({"shared": {"counter": 0}, "expect": {"count": 4000}, "main": []})") << 1 << 48
        << QStringLiteral("\"expect\" names \"count\", which is not a shared value (declared: counter)");
    QTest::newRow("expect without shared") << QByteArray(R"({"expect": {"counter": 4000}, "main": []})") << 1 << 24
                                           << QStringLiteral("the scenario declares no \"shared\" values");
    QTest::newRow("expect a string") << QByteArray(
        R"({"shared": {"counter": 0}, "expect": {"counter": "4000"}, "main": []})")
                                     << 1 << 50
                                     << QStringLiteral(
                                            "the expected value of \"counter\" must be a number, not a string");
    QTest::newRow("expect a fraction") << QByteArray(
        R"({"shared": {"counter": 0}, "expect": {"counter": 0.5}, "main": []})")
                                       << 1 << 50 << QStringLiteral("must be a whole number (0.5)");
    QTest::newRow("expect as array") << QByteArray(R"({"shared": {"counter": 0}, "expect": [4000], "main": []})") << 1
                                     << 38 << QStringLiteral("\"expect\" maps shared values");
    QTest::newRow("compare empty") << QByteArray(R"({"compare": [], "main": []})") << 1 << 13
                                   << QStringLiteral("\"compare\" lists the variants");
    QTest::newRow("variant kind") << QByteArray(
        R"({"compare": [{"name": "a", "scenario": "b", "kind": "fiber"}], "main": []})")
                                  << 1 << 53 << QStringLiteral("\"kind\" is \"thread\" or \"process\"");
    QTest::newRow("variant without workers")
        << QByteArray(R"({"compare": [{"name": "a", "scenario": "b", "kind": "thread", "workers": 0}], "main": []})")
        << 1 << 74 << QStringLiteral("\"workers\" takes a whole number from 1 to 11000");
}

void TestScenarioLoader::expectedValues()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY2(parse(R"({"shared": {"counter": 0, "total": 5}, "expect": {"total": -3, "counter": 4000}, "main": []})",
                 &sc, &err),
        qPrintable(err.toString()));
    QCOMPARE(sc.expect.size(), 2);
    // In file order, as the callouts are written.
    QCOMPARE(sc.expect.at(0), qMakePair(QStringLiteral("total"), qint64(-3)));
    QCOMPARE(sc.expect.at(1), qMakePair(QStringLiteral("counter"), qint64(4000)));
    Scenario plain;
    QVERIFY(parse(R"({"shared": {"counter": 0}, "main": []})", &plain, &err));
    QVERIFY(plain.expect.isEmpty());
    // The lessons whose point is a number say which.
    for (const char* name : { "counter-race", "counter-lock" }) {
        Scenario lesson;
        QVERIFY2(loadScenario(QLatin1String(name), &lesson, &err), qPrintable(err.toString()));
        QCOMPARE(lesson.expect.size(), 1);
        QCOMPARE(lesson.expect.front(), qMakePair(QStringLiteral("counter"), qint64(4000)));
    }
}

void TestScenarioLoader::badDataSteps()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, fragment);

    Scenario sc;
    ScenarioError err;
    QVERIFY(!parse(json, &sc, &err));
    QVERIFY2(err.message.contains(fragment), qPrintable(err.message));
    QCOMPARE(err.line, line);
    QCOMPARE(err.column, column);
}

void TestScenarioLoader::translations()
{
    const QByteArray json = R"({"title": "Two threads", "description": "Both run.",
        "translations": {"ko": {"title": "스레드 두 개", "description": "둘 다 실행됩니다."},
                         "pt": {"title": "Duas threads"}, "pt_BR": {"description": "Ambas rodam."}},
        "main": []})";
    Scenario sc;
    ScenarioError err;
    QVERIFY2(parse(json, &sc, &err), qPrintable(err.toString()));
    QCOMPARE(sc.translations.size(), 3);

    Scenario english = sc;
    localizeScenario(&english, QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(english.title, QStringLiteral("Two threads"));
    QCOMPARE(english.description, QStringLiteral("Both run."));

    Scenario korean = sc;
    localizeScenario(&korean, QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCOMPARE(korean.title, QStringLiteral("스레드 두 개"));
    QCOMPARE(korean.description, QStringLiteral("둘 다 실행됩니다."));

    // The country's entry wins over the language's; what it leaves out stays the original.
    Scenario brazil = sc;
    localizeScenario(&brazil, QLocale(QLocale::Portuguese, QLocale::Brazil));
    QCOMPARE(brazil.title, QStringLiteral("Two threads"));
    QCOMPARE(brazil.description, QStringLiteral("Ambas rodam."));
    Scenario portugal = sc;
    localizeScenario(&portugal, QLocale(QLocale::Portuguese, QLocale::Portugal));
    QCOMPARE(portugal.title, QStringLiteral("Duas threads"));
    QCOMPARE(portugal.description, QStringLiteral("Both run."));
}

void TestScenarioLoader::applyWorkScaleAndGil()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY(loadScenario(dataFile(QStringLiteral("data-steps.json")), &sc, &err));
    RunOptions options;
    options.workScale = 0.5;
    options.gil = 1;
    options.switchInterval = 0.02;
    QVERIFY2(applyRunOptions(&sc, options, &err), qPrintable(err.toString()));
    // Both ends scale (rounded half away from zero), inside repeats too.
    QCOMPARE(sc.workers[0].steps[0].from, qint64(2)); // 1.5
    QCOMPARE(sc.workers[0].steps[0].to, qint64(4)); // 3.5
    QCOMPARE(sc.workers[0].steps[1].body[0].from, qint64(5));
    QCOMPARE(sc.workers[0].steps[1].body[0].to, qint64(6)); // 5.5
    QVERIFY(sc.gil);
    QCOMPARE(sc.switchInterval, 0.02);

    RunOptions off;
    off.gil = 0;
    QVERIFY(applyRunOptions(&sc, off, &err));
    QVERIFY(!sc.gil);
    QCOMPARE(sc.switchInterval, 0.02); // 0 leaves the scenario's value
    QCOMPARE(sc.workers[0].steps[0].to, qint64(4)); // a work scale of 1 changes nothing
}

void TestScenarioLoader::applyRejectsBadDataOptions()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY(parse("{\"main\": [\n  {\"compute\": \"sum\", \"from\": 0, \"to\": 1000000000000}\n]}", &sc, &err));
    for (double bad : { 0.0, -1.0, 1000.5 }) {
        Scenario copy = sc;
        RunOptions options;
        options.workScale = bad;
        QVERIFY(!applyRunOptions(&copy, options, &err));
        QVERIFY2(err.message.contains(QLatin1String("--work-scale")), qPrintable(err.message));
    }
    for (double bad : { 0.00001, 2.0 }) {
        Scenario copy = sc;
        RunOptions options;
        options.switchInterval = bad;
        QVERIFY(!applyRunOptions(&copy, options, &err));
        QVERIFY2(err.message.contains(QLatin1String("--switch-interval")), qPrintable(err.message));
    }
    // Scaled past 10^12 numbers, the compute step itself is named.
    RunOptions options;
    options.workScale = 2;
    QVERIFY(!applyRunOptions(&sc, options, &err));
    QCOMPARE(err.line, 2);
    QCOMPARE(err.column, 3);
    QVERIFY2(err.message.contains(QLatin1String("more than 10^12")), qPrintable(err.message));
}

void TestScenarioLoader::defaultsFromFileName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("my-lesson.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"main\": [{\"print\": \"hi\"}]}");
    f.close();

    Scenario sc;
    ScenarioError err;
    QVERIFY2(loadScenario(path, &sc, &err), qPrintable(err.toString()));
    QCOMPARE(sc.name, QStringLiteral("my-lesson"));
    QCOMPARE(sc.title, QStringLiteral("my-lesson"));
    QVERIFY(sc.description.isEmpty());
    QVERIFY(sc.workers.empty());
}

void TestScenarioLoader::goodInline_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("mainSteps");
    QTest::addColumn<int>("workers");

    QTest::newRow("empty main") << QByteArray(R"({"main": []})") << 0 << 0;
    QTest::newRow("format and schema") << QByteArray(R"({"$schema": "x.json", "format": 1, "main": []})") << 0 << 0;
    QTest::newRow("format 1.0") << QByteArray(R"({"format": 1.0, "main": []})") << 0 << 0;
    QTest::newRow("empty workers") << QByteArray(R"({"main": [], "workers": []})") << 0 << 0;
    QTest::newRow("workers before main") << QByteArray(
        R"({"workers": [{"name": "a", "steps": []}], "main": [{"start": "a"}, {"join": "a"}]})")
                                         << 2 << 1;
    QTest::newRow("worker never started")
        << QByteArray(R"({"main": [], "workers": [{"name": "a", "steps": []}]})") << 0 << 1;
    QTest::newRow("start without join") << QByteArray(R"({"main": [{"start": "a"}], "workers": [{"name": "a",
                                                "steps": []}]})")
                                        << 1 << 1;
    QTest::newRow("join twice") << QByteArray(R"({"main": [{"start": "a"}, {"join": "a"}, {"join": "a"}],
                                        "workers": [{"name": "a", "steps": []}]})")
                                << 3 << 1;
    QTest::newRow("worker starts worker")
        << QByteArray(R"({"main": [{"start": "a"}], "workers": [{"name": "a", "steps": [{"start": "b"},
            {"join": "b"}]}, {"name": "b", "steps": []}]})")
        << 1 << 2;
    QTest::newRow("start inside repeat of 1") << QByteArray(
        R"({"main": [{"repeat": 1, "steps": [{"start": "a"}]}], "workers": [{"name": "a",
            "steps": []}]})") << 1 << 1;
    QTest::newRow("start inside nested repeats of 1")
        << QByteArray(R"({"main": [{"repeat": 1, "steps": [{"repeat": 1, "steps": [{"start": "a"}]}]}],
            "workers": [{"name": "a", "steps": []}]})")
        << 1 << 1;
    // A repeat of 0 never runs its start, so the start outside it is the only one.
    QTest::newRow("start inside repeat of 0") << QByteArray(
        R"({"main": [{"repeat": 0, "steps": [{"start": "a"}]}, {"start": "a"}], "workers": [{"name":
            "a", "steps": []}]})") << 2 << 1;
    QTest::newRow("placeholders kept") << QByteArray(R"({"main": [{"print": "{pid} {nope} {{ }} {"}]})") << 1 << 0;
    QTest::newRow("names with spaces and hangul")
        << QByteArray(R"({"main": [{"start": "매수 thread"}], "workers": [{"name": "매수 thread", "steps": []}]})") << 1
        << 1;
    QTest::newRow("terminate a process") << QByteArray(R"({"main": [{"start": "p"}, {"terminate": "p"}, {"join": "p"}],
                                                 "workers": [{"name": "p", "kind": "process", "steps": []}]})")
                                         << 3 << 1;
    QTest::newRow("kill a process") << QByteArray(R"({"main": [{"start": "p"}, {"kill": "p"}, {"join": "p"}],
                                                 "workers": [{"name": "p", "kind": "process", "steps": []}]})")
                                    << 3 << 1;
    QTest::newRow("raise") << QByteArray(R"({"main": [{"raise": "queue.Empty"}, {"raise": "ValueError",
                                 "message": "bad {name}"}]})")
                           << 2 << 0;
    QTest::newRow("daemon false") << QByteArray(R"({"main": [], "workers": [{"name": "a", "daemon": false,
                                          "steps": []}]})")
                                  << 0 << 1;
    QTest::newRow("repeat written as 1e1") << QByteArray(R"({"main": [{"repeat": 1e1, "steps": []}]})") << 1 << 0;
}

void TestScenarioLoader::goodInline()
{
    QFETCH(QByteArray, json);
    QFETCH(int, mainSteps);
    QFETCH(int, workers);

    Scenario sc;
    ScenarioError err;
    QVERIFY2(parse(json, &sc, &err), qPrintable(err.toString()));
    QCOMPARE(int(sc.main.size()), mainSteps);
    QCOMPARE(int(sc.workers.size()), workers);
}

void TestScenarioLoader::limitsAccepted_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("10000 thread workers") << manyWorkers(kMaxThreadWorkers);
    QTest::newRow("1000 process workers") << manyWorkers(kMaxProcessWorkers, "process");
    QTest::newRow("a group of 10000 threads") << QByteArray(
        R"({"main": [{"start": "t"}, {"join": "t"}], "workers": [{"name": "t", "count": 10000, "steps": []}]})");
    QTest::newRow("100000 steps") << manyPrints(kMaxSteps);
    QTest::newRow("32 nested repeats") << nestedRepeats(32);
    QTest::newRow("repeat 1000000") << QByteArray(R"({"main": [{"repeat": 1000000, "steps": []}]})");
    QTest::newRow("sleep one day") << QByteArray(R"({"main": [{"sleep": 86400}]})");
    QTest::newRow("allocs of 8192 MiB in all") << QByteArray(
        R"({"main": [{"alloc": "a", "mb": 4096}, {"alloc": "b", "mb": 4096}, {"free": "a"}, {"free": "b"}]})");
    // A repeat allocates the same buffer again (the old one goes), and a process worker copies
    // a buffer once however often it touches it; threads share their process's buffers.
    QTest::newRow("alloc in a repeat counts once")
        << QByteArray(R"({"main": [{"repeat": 1000, "steps": [{"alloc": "d", "mb": 4096}, {"free": "d"}]}]})");
    QTest::newRow("a process worker's copy counts once") << QByteArray(
        R"({"main": [{"alloc": "d", "mb": 4096}, {"start": "p"}, {"join": "p"}], "workers": [{"name": "p", )"
        R"("kind": "process", "steps": [{"touch": "d"}, {"touch": "d"}, {"touch": "d"}]}]})");
    QTest::newRow("threads share buffers") << QByteArray(
        R"({"main": [{"alloc": "d", "mb": 4096}, {"alloc": "e", "mb": 4096}, {"start": "t"}, {"join": "t"}], )"
        R"("workers": [{"name": "t", "steps": [{"touch": "d"}, {"touch": "e"}]}]})");
}

void TestScenarioLoader::limitsAccepted()
{
    QFETCH(QByteArray, json);

    Scenario sc;
    ScenarioError err;
    QVERIFY2(parse(json, &sc, &err), qPrintable(err.toString()));
}

void TestScenarioLoader::badInline_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");

    // Not JSON at all: the parser's position, behind "not valid JSON".
    QTest::newRow("truncated") << QByteArray(R"({"main": [{"print": "a"})") << 1 << 25
                               << QStringLiteral("not valid JSON: unexpected end of file inside an array");
    QTest::newRow("trailing comma") << QByteArray(R"({"main": [{"print": "a"},]})") << 1 << 26
                                    << QStringLiteral("not valid JSON: invalid value");
    QTest::newRow("bad escape") << QByteArray(R"({"main": [{"print": "a\q"}]})") << 1 << 23
                                << QStringLiteral("not valid JSON: invalid escape");
    QTest::newRow("empty file") << QByteArray() << 1 << 1 << QStringLiteral("not valid JSON");

    QTest::newRow("root is an array") << QByteArray("[]") << 1 << 1 << QStringLiteral("must be a JSON object");
    QTest::newRow("missing main") << QByteArray(R"({"workers": []})") << 1 << 1 << QStringLiteral("missing \"main\"");
    QTest::newRow("main not an array") << QByteArray(R"({"main": {}})") << 1 << 10
                                       << QStringLiteral("steps must be an array");
    QTest::newRow("wrong format") << QByteArray(R"({"format": 2, "main": []})") << 1 << 12
                                  << QStringLiteral("unsupported format");
    QTest::newRow("format as text") << QByteArray(R"({"format": "1", "main": []})") << 1 << 12
                                    << QStringLiteral("unsupported format");
    QTest::newRow("unknown top-level member") << QByteArray(R"({"main": [], "timeout": 5})") << 1 << 25
                                              << QStringLiteral("unknown member \"timeout\" in a scenario");
    QTest::newRow("title not a string") << QByteArray(R"({"title": 5, "main": []})") << 1 << 11
                                        << QStringLiteral("\"title\" must be a string");
    QTest::newRow("main twice") << QByteArray(R"({"main": [], "main": []})") << 1 << 22
                                << QStringLiteral("\"main\" appears twice");

    QTest::newRow("step not an object") << QByteArray(R"({"main": ["print"]})") << 1 << 11
                                        << QStringLiteral("a step must be an object");
    QTest::newRow("empty step") << QByteArray(R"({"main": [{}]})") << 1 << 11 << QStringLiteral("empty step");
    QTest::newRow("unknown step") << QByteArray(R"({"main": [{"idle": 1}]})") << 1 << 20
                                  << QStringLiteral("unknown step \"idle\"");
    QTest::newRow("unknown member in a step") << QByteArray(R"({"main": [{"sleep": 1, "seconds": 2}]})") << 1 << 35
                                              << QStringLiteral("unknown member \"seconds\" in a sleep step");
    QTest::newRow("two kinds in one step") << QByteArray(R"({"main": [{"print": "a", "sleep": 1}]})") << 1 << 35
                                           << QStringLiteral("unknown member \"sleep\" in a print step");
    QTest::newRow("member twice in a step") << QByteArray(R"({"main": [{"print": "a", "print": "b"}]})") << 1 << 35
                                            << QStringLiteral("\"print\" appears twice in a print step");
    QTest::newRow("print a number") << QByteArray(R"({"main": [{"print": 42}]})") << 1 << 21
                                    << QStringLiteral("\"print\" takes a string, not a number");

    QTest::newRow("negative sleep") << QByteArray(R"({"main": [{"sleep": -1}]})") << 1 << 21
                                    << QStringLiteral("cannot be negative");
    QTest::newRow("sleep as text") << QByteArray(R"({"main": [{"sleep": "1"}]})") << 1 << 21
                                   << QStringLiteral("takes a number of seconds, not a string");
    QTest::newRow("sleep null") << QByteArray(R"({"main": [{"sleep": null}]})") << 1 << 21
                                << QStringLiteral("takes a number of seconds, not null");
    QTest::newRow("sleep over a day") << QByteArray(R"({"main": [{"sleep": 86400.5}]})") << 1 << 21
                                      << QStringLiteral("longer than a day");

    QTest::newRow("start unknown worker") << QByteArray(R"({"main": [{"start": "nobody"}]})") << 1 << 21
                                          << QStringLiteral("\"start\" names an unknown worker \"nobody\"");
    QTest::newRow("join unknown worker") << QByteArray(R"({"main": [{"join": "nobody"}]})") << 1 << 20
                                         << QStringLiteral("\"join\" names an unknown worker \"nobody\"");
    QTest::newRow("terminate unknown worker") << QByteArray(R"({"main": [{"terminate": "x"}]})") << 1 << 25
                                              << QStringLiteral("\"terminate\" names an unknown worker \"x\"");
    QTest::newRow("start empty name") << QByteArray(R"({"main": [{"start": ""}]})") << 1 << 21
                                      << QStringLiteral("\"start\" takes a worker name");
    QTest::newRow("start a number") << QByteArray(R"({"main": [{"start": 1}]})") << 1 << 21
                                    << QStringLiteral("\"start\" takes a worker name");
    QTest::newRow("start in a repeat of 3") << QByteArray(
        R"({"main": [{"repeat": 3, "steps": [{"start": "a"}]}], "workers": [{"name": "a", "steps": []}]})")
                                            << 1 << 45 << QStringLiteral("started more than once");
    QTest::newRow("start in a repeat of 2 inside a repeat of 1")
        << QByteArray(R"({"main": [{"repeat": 1, "steps": [{"repeat": 2, "steps": [{"start": "a"}]}]}],)"
                      R"( "workers": [{"name": "a", "steps": []}]})")
        << 1 << 69 << QStringLiteral("started more than once");
    QTest::newRow("worker starts itself")
        << QByteArray(R"({"main": [{"start": "a"}], "workers": [{"name": "a", "steps": [{"start": "a"}]}]})") << 1 << 74
        << QStringLiteral("started more than once");

    QTest::newRow("repeat fraction") << QByteArray(R"({"main": [{"repeat": 2.5, "steps": []}]})") << 1 << 22
                                     << QStringLiteral("whole number");
    QTest::newRow("repeat negative") << QByteArray(R"({"main": [{"repeat": -1, "steps": []}]})") << 1 << 22
                                     << QStringLiteral("whole number");
    QTest::newRow("repeat as text") << QByteArray(R"({"main": [{"repeat": "2", "steps": []}]})") << 1 << 22
                                    << QStringLiteral("whole number");
    QTest::newRow("repeat too often") << QByteArray(R"({"main": [{"repeat": 1000001, "steps": []}]})") << 1 << 22
                                      << QStringLiteral("limited to 1000000");
    QTest::newRow("repeat without steps")
        << QByteArray(R"({"main": [{"repeat": 2}]})") << 1 << 11 << QStringLiteral("\"repeat\" needs \"steps\"");
    QTest::newRow("repeat steps not array") << QByteArray(R"({"main": [{"repeat": 2, "steps": 3}]})") << 1 << 34
                                            << QStringLiteral("steps must be an array, not a number");
    QTest::newRow("repeat as not text") << QByteArray(R"({"main": [{"repeat": 2, "as": 1, "steps": []}]})") << 1 << 31
                                        << QStringLiteral("\"as\" must be a string");
    QTest::newRow("repeat unknown member") << QByteArray(R"({"main": [{"repeat": 2, "times": 1, "steps": []}]})") << 1
                                           << 34 << QStringLiteral("unknown member \"times\" in a repeat step");

    QTest::newRow("input a number") << QByteArray(R"({"main": [{"input": 5}]})") << 1 << 21
                                    << QStringLiteral("\"input\" takes the prompt text");
    QTest::newRow("input into a number") << QByteArray(R"({"main": [{"input": "?", "into": 3}]})") << 1 << 34
                                         << QStringLiteral("\"into\" must be a string");
    QTest::newRow("crash unknown") << QByteArray(R"({"main": [{"crash": "boom"}]})") << 1 << 21
                                   << QStringLiteral("\"crash\" takes \"abort\" or \"segfault\"");

    QTest::newRow("workers not an array")
        << QByteArray(R"({"main": [], "workers": {}})") << 1 << 25 << QStringLiteral("\"workers\" must be an array");
    QTest::newRow("worker not an object")
        << QByteArray(R"({"main": [], "workers": ["a"]})") << 1 << 26 << QStringLiteral("a worker must be an object");
    QTest::newRow("worker without name") << QByteArray(R"({"main": [], "workers": [{"steps": []}]})") << 1 << 26
                                         << QStringLiteral("missing \"name\"");
    QTest::newRow("worker named main") << QByteArray(R"({"main": [], "workers": [{"name": "main", "steps": []}]})") << 1
                                       << 35 << QStringLiteral("other than");
    QTest::newRow("worker named all") << QByteArray(R"({"main": [], "workers": [{"name": "all", "steps": []}]})") << 1
                                      << 35 << QStringLiteral("other than");
    QTest::newRow("worker with empty name") << QByteArray(R"({"main": [], "workers": [{"name": "", "steps": []}]})")
                                            << 1 << 35 << QStringLiteral("other than");
    QTest::newRow("worker without steps") << QByteArray(R"({"main": [], "workers": [{"name": "a"}]})") << 1 << 26
                                          << QStringLiteral("worker \"a\" has no \"steps\"");
    QTest::newRow("worker misspelt member")
        << QByteArray(R"({"main": [], "workers": [{"name": "a", "deamon": true, "steps": []}]})") << 1 << 50
        << QStringLiteral("unknown member \"deamon\" in a worker");
    QTest::newRow("worker kind fiber") << QByteArray(
        R"({"main": [], "workers": [{"name": "a", "kind": "fiber", "steps": []}]})")
                                       << 1 << 48
                                       << QStringLiteral("\"kind\" is \"thread\" or \"process\", not \"fiber\"");
    QTest::newRow("worker daemon as text")
        << QByteArray(R"({"main": [], "workers": [{"name": "a", "daemon": "yes", "steps": []}]})") << 1 << 50
        << QStringLiteral("\"daemon\" must be true or false");
    QTest::newRow("duplicate worker inline")
        << QByteArray(R"({"main": [], "workers": [{"name": "a", "steps": []}, {"name": "a", "steps": []}]})") << 1 << 54
        << QStringLiteral("two workers are named \"a\"");

    // Generated: one item a line, so the expected position is easy to state.
    QTest::newRow("10001 thread workers") << manyWorkers(kMaxThreadWorkers + 1) << kMaxThreadWorkers + 1 + 2 << 1
                                          << QStringLiteral("too many thread workers (at most 10000 in a scenario)");
    QTest::newRow("1001 process workers")
        << manyWorkers(kMaxProcessWorkers + 1, "process") << kMaxProcessWorkers + 1 + 2 << 1
        << QStringLiteral("too many process workers (at most 1000 in a scenario)");
    QTest::newRow("count 0") << QByteArray(R"({"main": [], "workers": [{"name": "a", "count": 0, "steps": []}]})") << 1
                             << 49 << QStringLiteral("\"count\" takes a whole number from 1 to 10000");
    QTest::newRow("count 2.5") << QByteArray(R"({"main": [], "workers": [{"name": "a", "count": 2.5, "steps": []}]})")
                               << 1 << 49 << QStringLiteral("\"count\" takes a whole number from 1 to 10000");
    QTest::newRow("1001 processes in a group")
        << QByteArray(R"({"main": [], "workers": [{"name": "p", "kind": "process", "count": 1001, "steps": []}]})") << 1
        << 68 << QStringLiteral("too many process workers (at most 1000");
    QTest::newRow("groups over the thread limit") << QByteArray(
        R"({"main": [], "workers": [{"name": "a", "count": 6000, "steps": []}, {"name": "b", "count": 4001, "steps": []}]})")
                                                  << 1 << 92
                                                  << QStringLiteral("too many thread workers (at most 10000");
    QTest::newRow("a worker named as a group member") << QByteArray(
        R"({"main": [], "workers": [{"name": "a", "count": 2, "steps": []}, {"name": "a-2", "steps": []}]})")
                                                      << 1 << 66 << QStringLiteral("two workers are named \"a-2\"");
    QTest::newRow("a group named as a worker") << QByteArray(
        R"({"main": [], "workers": [{"name": "a", "steps": []}, {"name": "a", "count": 2, "steps": []}]})")
                                               << 1 << 54 << QStringLiteral("two workers are named \"a\"");
    QTest::newRow("a member started again") << QByteArray(
        R"({"main": [{"start": "a"}, {"start": "a-2"}], "workers": [{"name": "a", "count": 2, "steps": []}]})")
                                            << 1 << 37 << QStringLiteral("worker \"a-2\" is started more than once");
    QTest::newRow("a group's steps start one worker") << QByteArray(
        R"({"main": [{"start": "a"}], "workers": [{"name": "a", "count": 2, "steps": [{"start": "b"}]}, {"name": "b", "steps": []}]})")
                                                      << 1 << 86
                                                      << QStringLiteral("worker \"b\" is started more than once");
    QTest::newRow("terminate a group of threads") << QByteArray(
        R"({"main": [{"start": "a"}, {"terminate": "a"}], "workers": [{"name": "a", "count": 2, "steps": []}]})")
                                                  << 1 << 41 << QStringLiteral("cannot terminate thread \"a\"");
    QTest::newRow("100001 steps") << manyPrints(kMaxSteps + 1) << kMaxSteps + 1 + 1 << 1
                                  << QStringLiteral("too many steps (at most 100000)");
    QTest::newRow("33 nested repeats") << nestedRepeats(33) << 34 << 24 << QStringLiteral("nested too deeply");

    QTest::newRow("kill a thread") << QByteArray(R"({"main": [{"start": "t"}, {"kill": "t"}],
        "workers": [{"name": "t", "steps": []}]})")
                                   << 1 << 36 << QStringLiteral("cannot kill thread \"t\"");
    QTest::newRow("kill a worker nobody starts")
        << QByteArray(R"({"main": [{"kill": "p"}], "workers": [{"name": "p", "kind": "process", "steps": []}]})") << 1
        << 20 << QStringLiteral("\"kill\" on worker \"p\", which no step starts");
    QTest::newRow("raise without a class") << QByteArray(R"({"main": [{"raise": ""}]})") << 1 << 21
                                           << QStringLiteral("\"raise\" takes the name of an exception class");
    QTest::newRow("raise a sentence") << QByteArray(R"({"main": [{"raise": "Value Error"}]})") << 1 << 21
                                      << QStringLiteral("\"raise\" takes the name of an exception class");
    QTest::newRow("raise SystemExit") << QByteArray(R"({"main": [{"raise": "SystemExit"}]})") << 1 << 21
                                      << QStringLiteral("\"raise\" cannot raise SystemExit");
    QTest::newRow("raise with a number") << QByteArray(R"({"main": [{"raise": "E", "message": 5}]})") << 1 << 37
                                         << QStringLiteral("\"message\" must be a string");
    QTest::newRow("raise with an unknown member") << QByteArray(R"({"main": [{"raise": "E", "text": "x"}]})") << 1 << 34
                                                  << QStringLiteral("unknown member \"text\" in a raise step");

    // Steps count wherever they are: 99,999 in a repeat body + the repeat + 1 print.
    QByteArray split("{\"main\": [{\"print\": \"x\"}],\n\"workers\": [{\"name\": \"w\", \"steps\": [\n");
    split.append("{\"repeat\": 1, \"steps\": [\n");
    for (int i = 0; i < kMaxSteps - 1; ++i)
        split.append(i + 1 < kMaxSteps - 1 ? "{\"sleep\": 0},\n" : "{\"sleep\": 0}\n");
    split.append("]}]}]}\n");
    QTest::newRow("100001 steps across flows") << split << kMaxSteps + 2 << 1 << QStringLiteral("too many steps");
}

void TestScenarioLoader::badInline()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, fragment);

    Scenario sc;
    sc.name = QStringLiteral("untouched");
    ScenarioError err;
    QVERIFY(!parse(json, &sc, &err));
    QVERIFY2(err.message.contains(fragment), qPrintable(err.message));
    QCOMPARE(err.file, QStringLiteral("test.json"));
    QCOMPARE(err.line, line);
    QCOMPARE(err.column, column);
    QCOMPARE(sc.name, QStringLiteral("untouched")); // a failed parse leaves the output alone
}

void TestScenarioLoader::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("trailing comma") << QStringLiteral("bad-trailing-comma.json") << 5 << 3
                                    << QStringLiteral("not valid JSON: invalid value");
    // The second start is the mistake, not the first.
    QTest::newRow("start twice") << QStringLiteral("bad-start-twice.json") << 6 << 15
                                 << QStringLiteral("worker \"buyer\" is started more than once");
    QTest::newRow("start inside repeat of 2") << QStringLiteral("bad-start-in-repeat.json") << 4 << 17
                                              << QStringLiteral("worker \"seller\" is started more than once");
    // Started by main and by another worker: the later one in the file is reported.
    QTest::newRow("start from two flows") << QStringLiteral("bad-start-from-two-flows.json") << 8 << 39
                                          << QStringLiteral("worker \"a\" is started more than once");
    QTest::newRow("join never started") << QStringLiteral("bad-join-never-started.json") << 4 << 14
                                        << QStringLiteral("\"join\" on worker \"ghost\", which no step starts");
    QTest::newRow("terminate a thread") << QStringLiteral("bad-terminate-thread.json") << 4 << 19
                                        << QStringLiteral("cannot terminate thread \"t\"");
    QTest::newRow("duplicate worker") << QStringLiteral("bad-duplicate-worker.json") << 8 << 7
                                      << QStringLiteral("two workers are named \"buyer\"");
    // With mistakes in main and in a worker, the one that comes first in the file is reported.
    QTest::newRow("first mistake in file")
        << QStringLiteral("bad-first-in-file.json") << 3 << 15 << QStringLiteral("cannot be negative");
}

void TestScenarioLoader::badFiles()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, fragment);

    const QString path = dataFile(file);
    QVERIFY(QFile::exists(path));
    Scenario sc;
    ScenarioError err;
    QVERIFY(!loadScenario(path, &sc, &err));
    QVERIFY2(err.message.contains(fragment), qPrintable(err.toString()));
    QCOMPARE(err.file, path);
    QCOMPARE(err.line, line);
    QCOMPARE(err.column, column);
    QVERIFY(err.toString().startsWith(QStringLiteral("%1:%2:%3: ").arg(path).arg(line).arg(column)));
}

void TestScenarioLoader::errorLineFormat()
{
    ScenarioError positioned { QStringLiteral("lesson.json"), 12, 7, QStringLiteral("something is wrong") };
    QCOMPARE(positioned.toString(), QStringLiteral("lesson.json:12:7: something is wrong"));
    ScenarioError whole { QStringLiteral("lesson.json"), 0, 0, QStringLiteral("cannot open") };
    QCOMPARE(whole.toString(), QStringLiteral("lesson.json: cannot open"));
}

void TestScenarioLoader::unknownBuiltin()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY(!loadScenario(QStringLiteral("no-such-lesson"), &sc, &err));
    QCOMPARE(err.file, QStringLiteral("no-such-lesson"));
    QCOMPARE(err.line, 0);
    QVERIFY2(err.message.contains(QLatin1String("no built-in scenario")), qPrintable(err.message));
}

void TestScenarioLoader::missingFile()
{
    Scenario sc;
    ScenarioError err;
    const QString path = dataFile(QStringLiteral("does-not-exist.json"));
    QVERIFY(!loadScenario(path, &sc, &err));
    QCOMPARE(err.file, path);
    QCOMPARE(err.line, 0);
    QVERIFY2(err.message.startsWith(QLatin1String("cannot open")), qPrintable(err.message));
}

void TestScenarioLoader::fileTooLarge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // A sparse file is enough: the size is checked before anything is read.
    QVERIFY(f.resize(64 * 1024 * 1024 + 1));
    f.close();

    Scenario sc;
    ScenarioError err;
    QVERIFY(!loadScenario(path, &sc, &err));
    QCOMPARE(err.line, 0);
    QVERIFY2(err.message.contains(QLatin1String("64 MiB")), qPrintable(err.message));

    // Exactly 64 MiB is allowed through to the parser (which then finds no JSON in the zero bytes).
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(64 * 1024 * 1024));
    f.close();
    QVERIFY(!loadScenario(path, &sc, &err));
    QVERIFY2(err.message.contains(QLatin1String("not valid JSON")), qPrintable(err.message));
    QCOMPARE(err.line, 1);
    QCOMPARE(err.column, 1);
}

void TestScenarioLoader::applyDaemon_data()
{
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QList<bool>>("values");
    QTest::addColumn<QList<bool>>("expected"); // daemon of buyer, seller, watcher afterwards

    // The scenario starts with buyer=false, seller=false, watcher=true.
    QTest::newRow("nothing") << QStringList {} << QList<bool> {} << QList<bool> { false, false, true };
    QTest::newRow("one on") << QStringList { QStringLiteral("seller") } << QList<bool> { true }
                            << QList<bool> { false, true, true };
    QTest::newRow("one off") << QStringList { QStringLiteral("watcher") } << QList<bool> { false }
                             << QList<bool> { false, false, false };
    QTest::newRow("all on") << QStringList { QStringLiteral("all") } << QList<bool> { true }
                            << QList<bool> { true, true, true };
    QTest::newRow("all off") << QStringList { QStringLiteral("all") } << QList<bool> { false }
                             << QList<bool> { false, false, false };
    // A named override wins over "all", in whichever order they were given.
    QTest::newRow("all on, one off") << QStringList { QStringLiteral("all"), QStringLiteral("buyer") }
                                     << QList<bool> { true, false } << QList<bool> { false, true, true };
    QTest::newRow("one off, all on") << QStringList { QStringLiteral("buyer"), QStringLiteral("all") }
                                     << QList<bool> { false, true } << QList<bool> { false, true, true };
    QTest::newRow("all off, two on") << QStringList { QStringLiteral("all"), QStringLiteral("seller"),
        QStringLiteral("watcher") } << QList<bool> { false, true, true }
                                     << QList<bool> { false, true, true };
}

void TestScenarioLoader::applyDaemon()
{
    QFETCH(QStringList, keys);
    QFETCH(QList<bool>, values);
    QFETCH(QList<bool>, expected);

    Scenario sc;
    ScenarioError err;
    QVERIFY(parse(R"({"main": [], "workers": [{"name": "buyer", "steps": []}, {"name": "seller", "steps": []},
        {"name": "watcher", "daemon": true, "steps": []}]})",
        &sc, &err));
    RunOptions options;
    for (int i = 0; i < keys.size(); ++i)
        options.daemon.insert(keys.at(i), values.at(i));
    QVERIFY2(applyRunOptions(&sc, options, &err), qPrintable(err.toString()));
    QCOMPARE(sc.workers[0].daemon, expected.at(0));
    QCOMPARE(sc.workers[1].daemon, expected.at(1));
    QCOMPARE(sc.workers[2].daemon, expected.at(2));
}

void TestScenarioLoader::workerGroups()
{
    // {"name": "t", "count": 3} is three workers t-1..t-3 with the same steps; a start of "t"
    // starts each, so each has main as its starter, and a thread that one of them starts
    // takes its daemon flag from that member.
    Scenario sc;
    ScenarioError err;
    QVERIFY2(parse(R"({"main": [{"start": "t"}, {"join": "t-2"}], "workers": [
        {"name": "t", "label": "일꾼", "count": 3, "daemon": true, "steps": [{"print": "{name}"}]},
        {"name": "solo", "count": 1, "steps": [{"start": "inner"}]},
        {"name": "inner", "steps": []}]})",
                 &sc, &err),
        qPrintable(err.toString()));
    QCOMPARE(int(sc.workers.size()), 5);
    QCOMPARE(int(sc.groups.size()), 2);
    QCOMPARE(sc.groups[0].name, QStringLiteral("t"));
    QCOMPARE(sc.groups[0].first, 0);
    QCOMPARE(sc.groups[0].count, 3);
    for (int i = 0; i < 3; ++i) {
        const WorkerSpec& w = sc.workers[size_t(i)];
        QCOMPARE(w.name, QStringLiteral("t-%1").arg(i + 1));
        QCOMPARE(w.label, QStringLiteral("일꾼-%1").arg(i + 1));
        QCOMPARE(w.group, QStringLiteral("t"));
        QVERIFY(w.daemon);
        QCOMPARE(int(w.steps.size()), 1);
        QCOMPARE(sc.workerIndex(w.name), i);
    }
    QCOMPARE(sc.workers[3].name, QStringLiteral("solo-1"));
    QCOMPARE(sc.workers[4].starter, QStringLiteral("solo-1"));
    QCOMPARE(sc.workerIndex(QStringLiteral("t")), -1); // a group is not a worker
    QVERIFY(sc.group(QStringLiteral("t")));

    // --daemon with a group's name sets every member.
    RunOptions options;
    options.daemon.insert(QStringLiteral("t"), false);
    QVERIFY2(applyRunOptions(&sc, options, &err), qPrintable(err.toString()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!sc.workers[size_t(i)].daemon);
}

void TestScenarioLoader::daemonIsInherited()
{
    // threading.Thread takes daemon from the thread that creates it; a process's threads start
    // from its main thread, which is not a daemon.
    Scenario sc;
    ScenarioError err;
    QVERIFY(parse(R"({"main": [{"start": "a"}, {"start": "d"}, {"start": "p"}], "workers": [
        {"name": "a", "daemon": true, "steps": [{"start": "b"}]},
        {"name": "b", "steps": [{"start": "c"}, {"start": "own"}]},
        {"name": "c", "steps": []},
        {"name": "own", "daemon": false, "steps": []},
        {"name": "d", "steps": []},
        {"name": "p", "kind": "process", "daemon": true, "steps": [{"start": "q"}]},
        {"name": "q", "steps": []}]})",
        &sc, &err));
    const auto flags = [&sc] {
        QString out;
        for (const WorkerSpec& w : sc.workers)
            out += w.daemon ? QLatin1Char('D') : QLatin1Char('-');
        return out;
    };
    QCOMPARE(flags(), QStringLiteral("DDD--D-")); // a b c own d p q
    QCOMPARE(sc.worker(QStringLiteral("c"))->starter, QStringLiteral("b"));
    // An override is as good as the file: the threads below it follow.
    RunOptions options;
    options.daemon.insert(QStringLiteral("a"), false);
    QVERIFY2(applyRunOptions(&sc, options, &err), qPrintable(err.toString()));
    QCOMPARE(flags(), QStringLiteral("-----D-"));
    options.daemon.insert(QStringLiteral("c"), true);
    QVERIFY2(applyRunOptions(&sc, options, &err), qPrintable(err.toString()));
    QCOMPARE(flags(), QStringLiteral("--D--D-"));
}

void TestScenarioLoader::applyRejectsUnknownWorker()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY(loadScenario(QStringLiteral("buyer-seller"), &sc, &err));
    RunOptions options;
    options.daemon.insert(QStringLiteral("buyr"), true);
    QVERIFY(!applyRunOptions(&sc, options, &err));
    QCOMPARE(err.line, 0);
    QCOMPARE(err.file, sc.source);
    QVERIFY2(err.message.contains(QLatin1String("unknown worker \"buyr\"")), qPrintable(err.message));

    // "main" is not a worker either: the main thread's daemon flag cannot be changed.
    RunOptions mainOption;
    mainOption.daemon.insert(QStringLiteral("main"), true);
    QVERIFY(!applyRunOptions(&sc, mainOption, &err));
    QVERIFY2(err.message.contains(QLatin1String("unknown worker \"main\"")), qPrintable(err.message));
}

void TestScenarioLoader::applyRejectsBadTimeScale()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY(loadScenario(QStringLiteral("buyer-seller"), &sc, &err));
    for (double bad : { -1.0, 1000.5, qQNaN() }) {
        RunOptions options;
        options.timeScale = bad;
        QVERIFY(!applyRunOptions(&sc, options, &err));
        QVERIFY2(err.message.contains(QLatin1String("--time-scale")), qPrintable(err.message));
    }
    for (double good : { 0.0, 0.01, 1000.0 }) {
        RunOptions options;
        options.timeScale = good;
        QVERIFY2(applyRunOptions(&sc, options, &err), qPrintable(err.toString()));
    }
}

void TestScenarioLoader::loadingIsLinear_data()
{
    QTest::addColumn<QString>("shape");
    QTest::newRow("shared values") << QStringLiteral("shared values");
    QTest::newRow("translations") << QStringLiteral("translations");
    QTest::newRow("workers named again and again") << QStringLiteral("workers named again and again");
}

void TestScenarioLoader::loadingIsLinear()
{
    // Duplicate checks and name lookups go through hashes: a megabyte of any of these shapes
    // loads in a fraction of a second (comparing each entry with every earlier one took
    // minutes). The bound is generous for a loaded machine and a sanitizer build.
    QFETCH(QString, shape);
    const QByteArray json = bigScenario(shape, 1 << 20);
    Scenario sc;
    ScenarioError err;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(parse(json, &sc, &err), qPrintable(err.toString()));
    const qint64 ms = timer.elapsed();
    QVERIFY2(ms < 10000, qPrintable(QStringLiteral("%1 bytes: %2 ms").arg(json.size()).arg(ms)));
}

void TestScenarioLoader::duplicatesInBigObjects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    // The same messages at the same places as for a small object: the first repeat in the file.
    QByteArray shared = "{\"main\": [], \"shared\": {\n";
    for (int i = 0; i < 20000; ++i)
        shared += "\"v" + QByteArray::number(i) + "\": 0,\n";
    shared += "\"v17\": 1,\n\"v18\": 1\n}}\n";
    QTest::newRow("shared value twice") << shared << 20002 << 8 << QStringLiteral("shared value \"v17\" appears twice");
    QByteArray translations = "{\"main\": [], \"translations\": {\n";
    for (int i = 0; i < 600; ++i)
        translations += "\"" + QByteArray(1, char('a' + i % 26)) + char('a' + i / 26 % 26) + "\": {},\n";
    translations += "\"ab\": {}\n}}\n";
    QTest::newRow("translation twice") << translations << 602 << 7
                                       << QStringLiteral("\"ab\" appears twice in \"translations\"");
    QTest::newRow("member twice in a small object")
        << QByteArray("{\"main\": [{\"compute\": \"sum\", \"from\": 0, \"to\": 1, \"from\": 2}]}") << 1 << 58
        << QStringLiteral("\"from\" appears twice in a compute step");
}

void TestScenarioLoader::duplicatesInBigObjects()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    Scenario sc;
    ScenarioError err;
    QVERIFY(!parse(json, &sc, &err));
    QCOMPARE(err.message, message);
    QCOMPARE(err.line, line);
    QCOMPARE(err.column, column);
}

QTEST_GUILESS_MAIN(TestScenarioLoader)
#include "tst_scenarioloader.moc"
