// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "collector.h"
#include "tracemodel.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace ForklineTest {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the real forkline binary with `args` and returns what it printed.
inline CliResult runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(FORKLINE_BIN), args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

using namespace Forkline;

struct RunResult
{
    TraceModel model;
    int exitCode = -1;
    QStringList prints; // in arrival order
};

inline RunResult runScenario(const QString& scenario, const RunOptions& options = {}, int timeoutMs = 60000)
{
    Collector collector;
    Collector::Launch launch;
    launch.scenario = scenario;
    launch.options = options;
    launch.program = QStringLiteral(FORKLINE_BIN);
    RunResult r;
    QObject::connect(&collector, &Collector::printed, [&r](int, const QString& text) { r.prints << text; });
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    if (!collector.start(launch, &error)) {
        qWarning("start failed: %s", qPrintable(error));
        return r;
    }
    if (!finished.wait(timeoutMs))
        return r;
    r.exitCode = finished.first().first().toInt();
    r.model = collector.takeModel();
    return r;
}

inline int laneNamed(const TraceModel& m, const QString& name)
{
    for (int i = 0; i < m.laneCount(); ++i) {
        if (m.lane(i).name == name)
            return i;
    }
    return -1;
}

inline const Instant* findInstant(
    const Lane& lane, InstantKind kind, const QString& text = {}, const TraceModel* m = nullptr)
{
    for (const Instant& in : lane.instants) {
        if (in.kind != kind)
            continue;
        if (!text.isEmpty() && (!m || in.text < 0 || m->texts().at(in.text) != text))
            continue;
        return &in;
    }
    return nullptr;
}

inline qint64 firstStart(const Lane& l, State s)
{
    for (const Span& sp : l.spans) {
        if (sp.state == s)
            return sp.start;
    }
    return -1;
}

// Writes a scenario (or any) file into `dir` and returns its path.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

// True while a process with this pid exists and is not a zombie.
inline bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z';
}

} // namespace ForklineTest
