// SPDX-License-Identifier: GPL-3.0-or-later
// Cores busy, measured from the OS: what a run's threads really did with the cores, and
// whether other programs took some of them meanwhile.
#include "cpusampler.h"
#include "platform.h"
#include "runutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

using namespace ForklineTest;

namespace {

struct SampledRun
{
    TraceModel model;
    int exitCode = -1;
    double runCores = 0;
    double otherCores = 0;
    bool contended = false;
};

SampledRun runSampled(const QString& scenario, const RunOptions& options)
{
    Collector collector;
    CpuSampler sampler(&collector);
    Collector::Launch launch;
    launch.scenario = scenario;
    launch.options = options;
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy finished(&collector, &Collector::finished);
    SampledRun r;
    QString error;
    if (!collector.start(launch, &error) || !finished.wait(120000))
        return r;
    r.exitCode = finished.first().first().toInt();
    r.model = collector.takeModel();
    r.runCores = sampler.runCores();
    r.otherCores = sampler.otherCores();
    r.contended = sampler.contended();
    return r;
}

const CounterTrack* coresTrack(const TraceModel& model, qint64 pid)
{
    for (const CounterTrack& c : model.counters()) {
        if (c.pid == pid && c.name == QLatin1String("cores busy"))
            return &c;
    }
    return nullptr;
}

// Time-weighted mean of the track over the middle half of its samples' time range: the
// stretch where the workers compute, without the start-up and the final join.
double middleMean(const CounterTrack& track)
{
    if (track.samples.size() < 4)
        return 0;
    const qint64 first = track.samples.front().t;
    const qint64 last = track.samples.back().t;
    const qint64 from = first + (last - first) / 4;
    const qint64 to = last - (last - first) / 4;
    double sum = 0;
    qint64 covered = 0;
    for (size_t i = 1; i < track.samples.size(); ++i) {
        // A sample is the rate over the stretch that ends at it.
        const qint64 a = std::max(track.samples[i - 1].t, from);
        const qint64 b = std::min(track.samples[i].t, to);
        if (b <= a)
            continue;
        sum += track.samples[i].value * double(b - a);
        covered += b - a;
    }
    return covered > 0 ? sum / double(covered) : 0;
}

// Cores other programs keep busy right now (over half a second).
double machineLoad()
{
    qint64 busy0 = 0;
    qint64 busy1 = 0;
    const qint64 own0 = CpuSampler::ownCpuNs();
    QElapsedTimer clock;
    clock.start();
    if (!CpuSampler::machineBusyNs(&busy0))
        return 0;
    QThread::msleep(500);
    CpuSampler::machineBusyNs(&busy1);
    return double(busy1 - busy0 - (CpuSampler::ownCpuNs() - own0)) / double(clock.nsecsElapsed());
}

// One endless shell loop per core: another program that wants every core.
struct Hogs
{
    std::vector<std::unique_ptr<QProcess>> processes;
    explicit Hogs(int count)
    {
        for (int i = 0; i < count; ++i) {
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QStringLiteral("while :; do :; done") });
            p->waitForStarted();
            processes.push_back(std::move(p));
        }
    }
    ~Hogs()
    {
        for (auto& p : processes) {
            p->kill();
            p->waitForFinished();
        }
    }
};

} // namespace

class TestCpuSampler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!CpuSampler::available())
            QSKIP("this system reports no per-thread CPU time (/proc)");
    }

    // With the GIL on, two computing threads take turns: together they keep one core busy.
    void gilOnThreadsKeepOneCore()
    {
        RunOptions options;
        options.workScale = 0.3;
        options.gil = 1;
        const SampledRun r = runSampled(QStringLiteral("gil-sum"), options);
        QCOMPARE(r.exitCode, 0);
        const CounterTrack* whole = coresTrack(r.model, 0);
        QVERIFY2(whole, "no whole-run cores track");
        QVERIFY(whole->samples.size() >= 10);
        QCOMPARE(whole->unit, QStringLiteral("cores"));
        const double mean = middleMean(*whole);
        qInfo("GIL on, 2 threads: %.2f cores busy (run average %.2f)", mean, r.runCores);
        QVERIFY2(mean < 1.2, qPrintable(QStringLiteral("%1 cores").arg(mean)));
        QVERIFY(mean > 0); // it did compute
        // How much of a core it got depends on the others: with other builds on the two cores
        // it got 0.29. A third of a core is a floor only when nobody else ran.
        if (!r.contended)
            QVERIFY2(mean > 0.3, qPrintable(QStringLiteral("%1 cores").arg(mean)));
        // The runner's own track is there too, under its process group.
        QVERIFY(coresTrack(r.model, r.model.processes().front().pid));
    }

    // Two processes have a GIL each: on an idle machine with two cores they keep both busy.
    void processesKeepTwoCores()
    {
        if (QThread::idealThreadCount() < 2)
            QSKIP("needs two cores");
        const double load = machineLoad();
        if (load > 0.3)
            QSKIP(qPrintable(QStringLiteral("the machine is busy (other programs keep %1 cores busy): two "
                                            "processes cannot be shown to use two cores now")
                                 .arg(load, 0, 'f', 2)));
        RunOptions options;
        options.workScale = 0.6;
        const SampledRun r = runSampled(QStringLiteral("gil-sum-processes"), options);
        QCOMPARE(r.exitCode, 0);
        const CounterTrack* whole = coresTrack(r.model, 0);
        QVERIFY(whole);
        const double mean = middleMean(*whole);
        qInfo("2 processes: %.2f cores busy (run average %.2f, others %.2f)", mean, r.runCores, r.otherCores);
        if (r.contended)
            QSKIP("other programs started during the run; its cores figure says nothing");
        QVERIFY2(mean > 1.5, qPrintable(QStringLiteral("%1 cores").arg(mean)));
    }

    // Another program keeping every core busy makes the run's timings unreliable, and says so.
    void contendedWhileOthersRun()
    {
        Hogs hogs(QThread::idealThreadCount());
        RunOptions options;
        options.timeScale = 0.3;
        const SampledRun r = runSampled(QStringLiteral("five-workers"), options);
        QCOMPARE(r.exitCode, 0);
        qInfo("others kept %.2f cores busy", r.otherCores);
        QVERIFY(r.contended);
        QVERIFY(r.otherCores > CpuSampler::kContendedCores);
    }

    // `forkline compare` under the same load: its table and its JSON say so.
    void compareSaysTimingsAreUnreliable()
    {
        Hogs hogs(QThread::idealThreadCount());
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("cmp.json"));
        const CliResult r = runCli({ QStringLiteral("compare"), QStringLiteral("gil-sum"),
            QStringLiteral("--work-scale"), QStringLiteral("0.02"), QStringLiteral("--json"), json });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("unreliable"), r.out.constData());
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(root.value(QLatin1String("contended")).toBool());
        QVERIFY(root.value(QLatin1String("other_cpu")).toDouble() > CpuSampler::kContendedCores);
        bool anyVariant = false;
        for (const QJsonValue& v : root.value(QLatin1String("variants")).toArray())
            anyVariant = anyVariant || v.toObject().value(QLatin1String("contended")).toBool();
        QVERIFY(anyVariant);
    }

    // A process whose lanes have ended is sampled twice more (what it ran up to its end, then
    // nothing), then left alone: a run of many short processes does not read their folders
    // for the rest of it.
    void endedProcessesAreNoLongerSampled()
    {
        QTemporaryDir dir;
        const QString scenario = writeFile(dir, QStringLiteral("short.json"),
            R"({"main": [{"start": "p"}, {"join": "p"}, {"sleep": 1}],
            "workers": [{"name": "p", "kind": "process", "count": 20, "steps": [{"print": "{name}"}]}]})");
        const SampledRun r = runSampled(scenario, {});
        QCOMPARE(r.exitCode, 0);
        const qint64 runner = r.model.processes().front().pid;
        int workers = 0;
        for (const ProcessInfo& proc : r.model.processes()) {
            if (proc.pid == runner || proc.lanes.empty())
                continue;
            ++workers;
            qint64 end = 0;
            for (int l : proc.lanes)
                end = std::max(end, r.model.lane(l).instants.empty() ? 0 : r.model.lane(l).instants.back().t);
            const CounterTrack* track = coresTrack(r.model, proc.pid);
            if (!track)
                continue; // it started and ended between two samples
            // Main sleeps 1 s after the joins: some 40 samples at 25 ms, had they gone on. After
            // its end come: those taken before the collector had read its end (one, or a few on
            // a loaded machine), its last one, and the zero that ends its strip.
            const auto after = std::count_if(
                track->samples.begin(), track->samples.end(), [end](const CounterSample& c) { return c.t > end; });
            QVERIFY2(
                after <= 10, qPrintable(QStringLiteral("pid %1: %2 samples after its end").arg(proc.pid).arg(after)));
            QCOMPARE(track->samples.back().value, 0.0);
        }
        QCOMPARE(workers, 20);
        // The run itself is still sampled to its end.
        const CounterTrack* whole = coresTrack(r.model, 0);
        QVERIFY(whole && whole->samples.size() >= 20);
    }

    void notContendedOnAnIdleMachine()
    {
        const double load = machineLoad();
        if (load > CpuSampler::kContendedCores / 2)
            QSKIP(qPrintable(QStringLiteral("the machine is busy (other programs keep %1 cores busy): cannot "
                                            "show an uncontended run now")
                                 .arg(load, 0, 'f', 2)));
        RunOptions options;
        options.timeScale = 0.3;
        const SampledRun r = runSampled(QStringLiteral("five-workers"), options);
        QCOMPARE(r.exitCode, 0);
        qInfo("others kept %.2f cores busy", r.otherCores);
        QVERIFY(!r.contended);
    }
};

QTEST_GUILESS_MAIN(TestCpuSampler)
#include "tst_cpusampler.moc"
