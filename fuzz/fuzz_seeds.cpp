// SPDX-License-Identifier: GPL-3.0-or-later
// Writes seed inputs that only code can make well: a run's event channel as a runner encodes
// it, and the trace Forkline exports from it. Usage: fuzz_seeds OUTDIR (creates
// OUTDIR/channel and OUTDIR/trace).
#include "channelevent.h"
#include "chrometrace.h"
#include "tracemodel.h"

#include <QDir>
#include <QFile>
#include <cstdio>

using namespace Forkline;

namespace {

constexpr qint64 kT0 = 3600 * qint64(1000000000);

// One run of every kind of event: a main thread, a daemon thread and a child process, each
// state, instant and flow once, a counter, the runner's last words.
std::vector<ChannelEvent> sampleRun()
{
    std::vector<ChannelEvent> run;
    qint64 t = kT0;
    auto next = [&](ChannelEvent::Type type, qint64 pid, qint64 tid) -> ChannelEvent& {
        ChannelEvent e;
        e.type = type;
        e.t = (t += 1500);
        e.pid = pid;
        e.tid = tid;
        run.push_back(e);
        return run.back();
    };
    const qint64 pid = 4100;
    const qint64 child = 4107;
    next(ChannelEvent::Type::Process, pid, 0).name = QStringLiteral("MainProcess");
    {
        ChannelEvent& main = next(ChannelEvent::Type::Lane, pid, pid);
        main.name = QStringLiteral("MainThread");
        main.processLane = true;
        main.ppid = 4000;
    }
    {
        ChannelEvent& worker = next(ChannelEvent::Type::Lane, pid, pid + 1);
        worker.name = QStringLiteral("worker");
        worker.label = QStringLiteral("일꾼");
        worker.daemon = true;
        worker.parentPid = pid;
        worker.parentTid = pid;
    }
    {
        ChannelEvent& proc = next(ChannelEvent::Type::Lane, child, child);
        proc.name = QStringLiteral("Process-1");
        proc.processLane = true;
        proc.ppid = pid;
        proc.parentPid = pid;
        proc.parentTid = pid;
    }
    for (int s = 0; s < int(State::Count); ++s)
        next(ChannelEvent::Type::State, pid, pid + (s % 2)).state = State(s);
    for (int k = 0; k < int(FlowKind::Count); ++k) {
        ChannelEvent& from = next(ChannelEvent::Type::Flow, pid, pid);
        from.flowId = 10 + k;
        from.flow = FlowKind(k);
        ChannelEvent& to = next(ChannelEvent::Type::Flow, child, k % 2 ? child : 0);
        to.flowId = 10 + k;
        to.flow = FlowKind(k);
        to.flowStart = false;
    }
    for (int k = 0; k < int(InstantKind::Count); ++k) {
        if (isTerminal(InstantKind(k)))
            continue;
        ChannelEvent& in = next(ChannelEvent::Type::Instant, pid, pid);
        in.instant = InstantKind(k);
        if (in.instant == InstantKind::Print)
            in.text = QStringLiteral("Hello, 안녕 \"quoted\"\ttab");
    }
    {
        ChannelEvent& ctr = next(ChannelEvent::Type::Counter, child, 0);
        ctr.name = QStringLiteral("memory");
        ctr.text = QStringLiteral("MiB");
        ctr.value = 12.5;
    }
    next(ChannelEvent::Type::Instant, child, 0).instant = InstantKind::Terminated;
    run.back().code = 15;
    next(ChannelEvent::Type::Instant, pid, pid + 1).instant = InstantKind::Killed;
    next(ChannelEvent::Type::Instant, pid, pid).instant = InstantKind::End;
    next(ChannelEvent::Type::Error, pid, pid).text = QStringLiteral("a worker could not start");
    next(ChannelEvent::Type::Done, pid, pid).code = 0;
    return run;
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "fuzz_seeds: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUTDIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.mkpath(QStringLiteral("channel")) || !out.mkpath(QStringLiteral("trace")))
        return 1;
    const std::vector<ChannelEvent> run = sampleRun();
    QByteArray lines;
    TraceModel model;
    for (const ChannelEvent& e : run) {
        lines += e.encode() + '\n';
        applyEvent(model, e, kT0);
    }
    model.closeAll(model.endTime());
    model.title = QStringLiteral("Every event");
    model.scenario = QStringLiteral("fuzz-seed");
    const bool ok = write(out.filePath(QStringLiteral("channel/run.jsonl")), lines)
        && write(out.filePath(QStringLiteral("trace/run.json")), chromeTrace(model));
    return ok ? 0 : 1;
}
