// SPDX-License-Identifier: GPL-3.0-or-later
// Loading a big lesson: parse and check a generated scenario of about 1 MB the way the app
// does (loadScenario), against QJsonDocument::fromJson of the same file. Loading must stay
// linear in the file's size: the same lesson at a quarter and at four times the size is
// timed too.
#include "benchutil.h"

#include "scenario.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace ForklineBench;

namespace {

constexpr int kRounds = 7;
constexpr int kWorkers = 48;

QJsonObject step(const char* kind, const QJsonValue& arg)
{
    return QJsonObject { { QLatin1String(kind), arg } };
}

// One step of the kinds a lesson uses, with placeholders, locks, queues and shared values.
QJsonObject randomStep(QRandomGenerator& rng, int worker, int depth)
{
    const QString me = QStringLiteral("w%1").arg(worker);
    switch (rng.bounded(depth < 2 ? 10 : 9)) {
    case 0:
        return step("print", QStringLiteral("[%1] item {i} of {n}: total {total}").arg(me));
    case 1:
        return step("sleep", 0.001 * rng.bounded(1, 50));
    case 2: {
        QJsonObject s = step("compute", QStringLiteral("sum"));
        const qint64 from = rng.bounded(1000000);
        s.insert(QStringLiteral("from"), from);
        s.insert(QStringLiteral("to"), from + rng.bounded(1, 100000));
        s.insert(QStringLiteral("into"), QStringLiteral("total"));
        return s;
    }
    case 3:
        return step(rng.bounded(2) ? "acquire" : "release", QStringLiteral("lock%1").arg(rng.bounded(4)));
    case 4: {
        QJsonObject s = step("send", QStringLiteral("queue%1").arg(rng.bounded(4)));
        s.insert(QStringLiteral("value"), QStringLiteral("{i}-%1").arg(me));
        return s;
    }
    case 5: {
        QJsonObject s = step("recv", QStringLiteral("queue%1").arg(rng.bounded(4)));
        s.insert(QStringLiteral("into"), QStringLiteral("msg"));
        s.insert(QStringLiteral("timeout"), 0.5);
        return s;
    }
    case 6: {
        QJsonObject s = step("load", QStringLiteral("counter%1").arg(rng.bounded(16)));
        s.insert(QStringLiteral("into"), QStringLiteral("c"));
        return s;
    }
    case 7: {
        QJsonObject s = step("store", QStringLiteral("counter%1").arg(rng.bounded(16)));
        s.insert(QStringLiteral("value"), QStringLiteral("{c}"));
        s.insert(QStringLiteral("add"), 1);
        return s;
    }
    case 8: {
        QJsonObject s = step("add", QStringLiteral("n"));
        s.insert(QStringLiteral("value"), rng.bounded(1, 10));
        return s;
    }
    default: {
        QJsonArray body;
        for (int k = rng.bounded(2, 6); k > 0; --k)
            body.append(randomStep(rng, worker, depth + 1));
        QJsonObject s = step("repeat", rng.bounded(1, 20));
        s.insert(QStringLiteral("as"), QStringLiteral("i"));
        s.insert(QStringLiteral("steps"), body);
        return s;
    }
    }
}

// A lesson of kWorkers threads and processes with `steps` steps dealt round them, indented as
// the built-in lessons are.
QByteArray lessonOfSteps(qint64 stepCount)
{
    QRandomGenerator rng(20240611);
    QJsonObject shared;
    for (int i = 0; i < 16; ++i)
        shared.insert(QStringLiteral("counter%1").arg(i), 0);
    QJsonObject root {
        { QStringLiteral("format"), 1 },
        { QStringLiteral("name"), QStringLiteral("big-lesson") },
        { QStringLiteral("title"), QStringLiteral("A big lesson") },
        { QStringLiteral("description"), QStringLiteral("Generated for forkline-bench.") },
        { QStringLiteral("translations"),
            QJsonObject {
                { QStringLiteral("ko"), QJsonObject { { QStringLiteral("title"), QStringLiteral("큰 수업") } } } } },
        { QStringLiteral("shared"), shared },
    };
    QJsonArray main;
    for (int w = 0; w < kWorkers; ++w)
        main.append(step("start", QStringLiteral("w%1").arg(w)));
    for (int w = 0; w < kWorkers; ++w)
        main.append(step("join", QStringLiteral("w%1").arg(w)));
    root.insert(QStringLiteral("main"), main);
    std::vector<QJsonArray> steps(kWorkers);
    for (qint64 i = 0; i < stepCount; ++i) {
        const int w = int(i % kWorkers);
        steps[size_t(w)].append(randomStep(rng, w, 1));
    }
    QJsonArray workers;
    for (int w = 0; w < kWorkers; ++w) {
        workers.append(QJsonObject {
            { QStringLiteral("name"), QStringLiteral("w%1").arg(w) },
            { QStringLiteral("kind"), w % 4 == 3 ? QStringLiteral("process") : QStringLiteral("thread") },
            { QStringLiteral("daemon"), w % 5 == 0 },
            { QStringLiteral("steps"), steps[size_t(w)] },
        });
    }
    root.insert(QStringLiteral("workers"), workers);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// The same kind of lesson, about `bytes` long: sized from a small one.
QByteArray lesson(qint64 bytes)
{
    constexpr qint64 kProbe = 1000;
    const qint64 perStep = lessonOfSteps(kProbe).size() / kProbe;
    return lessonOfSteps(std::max<qint64>(1, bytes / std::max<qint64>(1, perStep)));
}

struct Timing
{
    double ours = 0; // ms, median
    double qt = 0;
    qint64 bytes = 0;
    bool ok = false;
};

Timing timeLoad(const QString& dir, int bytes)
{
    Timing t;
    const QByteArray json = lesson(bytes);
    t.bytes = json.size();
    const QString path = dir + QStringLiteral("/lesson-%1.json").arg(bytes);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return t;
    f.close();
    std::vector<double> ours, qt;
    for (int round = 0; round < kRounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        Forkline::Scenario sc;
        Forkline::ScenarioError err;
        if (!Forkline::loadScenario(path, &sc, &err)) {
            qWarning("scenario_load_1mb_ms: %s", qPrintable(err.toString()));
            return t;
        }
        ours.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return t;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return t;
        qt.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    t.ours = median(ours);
    t.qt = median(qt);
    t.ok = true;
    return t;
}

std::vector<Result> scenarioLoad1mb()
{
    QTemporaryDir dir;
    const Timing quarter = timeLoad(dir.path(), 1 << 18);
    const Timing one = timeLoad(dir.path(), 1 << 20);
    const Timing four = timeLoad(dir.path(), 1 << 22);
    Result r;
    r.bench = QStringLiteral("scenario_load_1mb_ms");
    r.unit = QStringLiteral("ms");
    if (!one.ok)
        return { r };
    r.value = one.ours;
    r.baseline = one.qt;
    r.extra = { { QStringLiteral("bytes"), double(one.bytes) } };
    // Linear loading: milliseconds per MB the same at a quarter and at four times the size.
    if (quarter.ok && four.ok) {
        r.extra.push_back({ QStringLiteral("ms_per_mb_at_0_25mb"), quarter.ours / (double(quarter.bytes) / 1048576) });
        r.extra.push_back({ QStringLiteral("ms_per_mb_at_1mb"), one.ours / (double(one.bytes) / 1048576) });
        r.extra.push_back({ QStringLiteral("ms_per_mb_at_4mb"), four.ours / (double(four.bytes) / 1048576) });
    }
    return { r };
}

const Registrar a(QStringLiteral("scenario_load_1mb_ms"), scenarioLoad1mb);

} // namespace
