// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariochannels.h"

#include "scenariosteps_p.h"

#include <QCoreApplication>
#include <QSet>

namespace Forkline {

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

// The queue of pipe messages that `end` receives: a name no queue of the file can have.
QString pipeBuffer(const QString& end)
{
    return QStringLiteral("\x1fpipe\x1f") + end;
}

bool sendsTo(const std::vector<Step>& steps, const QString& queue, const Scenario& scenario)
{
    for (const Step& s : steps) {
        if (s.kind == Step::Kind::Send && ScenarioChannels::sendQueue(scenario, s.target) == queue)
            return true;
        if (s.kind == Step::Kind::Repeat && s.count > 0 && sendsTo(s.body, queue, scenario))
            return true;
    }
    return false;
}

// "pipes": [{"ends": ["a", "b"]}, {"ends": ["r", "w"], "duplex": false}]
bool parsePipes(StepParser& p, const JsonValue& pipes, QSet<QString>* ends, Scenario* out)
{
    if (!pipes.isArray())
        return p.fail(pipes, tr("\"pipes\" lists pipes, e.g. [{\"ends\": [\"parent_conn\", \"child_conn\"]}]"));
    for (const JsonValue& v : pipes.array) {
        if (!v.isObject())
            return p.fail(v, tr("a pipe is an object with \"ends\" and, for a one-way pipe, \"duplex\": false"));
        if (!p.checkKeys(v, { QStringLiteral("ends"), QStringLiteral("duplex") }, tr("a pipe")))
            return false;
        const JsonValue* e = v.member(QStringLiteral("ends"));
        if (!e || !e->isArray() || e->array.size() != 2 || !e->array[0].isString() || !e->array[1].isString()
            || e->array[0].string.isEmpty() || e->array[1].string.isEmpty())
            return p.fail(e ? *e : v, tr("\"ends\" takes the names of the pipe's two ends, e.g. [\"a\", \"b\"]"));
        Scenario::Pipe pipe { e->array[0].string, e->array[1].string, true };
        for (const JsonValue& end : e->array) {
            const qsizetype before = ends->size();
            ends->insert(end.string);
            if (ends->size() == before)
                return p.fail(end, tr("pipe end \"%1\" is named twice").arg(end.string));
        }
        if (const JsonValue* d = v.member(QStringLiteral("duplex"))) {
            if (!d->isBool())
                return p.fail(*d, tr("\"duplex\" must be true or false"));
            pipe.duplex = d->boolean;
        }
        out->pipes.push_back(pipe);
    }
    return true;
}

// "process_locks": ["lock"]
bool parseProcessLocks(StepParser& p, const JsonValue& locks, Scenario* out)
{
    if (!locks.isArray())
        return p.fail(locks, tr("\"process_locks\" lists the names of multiprocessing locks"));
    QSet<QString> conditionLocks;
    for (const QString& lock : std::as_const(out->conditions))
        conditionLocks.insert(lock);
    for (const JsonValue& v : locks.array) {
        if (!v.isString() || v.string.isEmpty() || out->semaphores.contains(v.string) || out->rlocks.contains(v.string)
            || conditionLocks.contains(v.string))
            return p.fail(
                v, tr("a process lock is a name that is not a semaphore's, an rlock's or a condition's lock"));
        out->processLocks.append(v.string);
    }
    return true;
}

} // namespace

bool parseChannelMembers(StepParser& p, const JsonValue& root, Scenario* out)
{
    QSet<QString> ends;
    if (const JsonValue* pipes = root.member(QStringLiteral("pipes")); pipes && !parsePipes(p, *pipes, &ends, out))
        return false;
    if (const JsonValue* locks = root.member(QStringLiteral("process_locks"));
        locks && !parseProcessLocks(p, *locks, out))
        return false;
    for (const StepParser::ChannelUse& use : p.channelUses) {
        const Scenario::Pipe* pipe = ScenarioChannels::pipeOf(*out, use.name);
        if (!pipe)
            continue;
        if (use.timeout)
            return p.fail(*use.at,
                tr("\"%1\" is a pipe end: its recv has no timeout (Connection.recv() waits until a message comes)")
                    .arg(use.name));
        if (pipe->duplex)
            continue;
        if (use.send && use.name == pipe->first)
            return p.fail(*use.at,
                tr("\"%1\" is the receiving end of a one-way pipe (duplex false): it cannot send (Python: OSError: "
                   "connection is read-only); send on \"%2\"")
                    .arg(use.name, pipe->second));
        if (!use.send && use.name == pipe->second)
            return p.fail(*use.at,
                tr("\"%1\" is the sending end of a one-way pipe (duplex false): it cannot receive (Python: OSError: "
                   "connection is write-only); recv on \"%2\"")
                    .arg(use.name, pipe->first));
    }
    return true;
}

namespace ScenarioChannels {

const Scenario::Pipe* pipeOf(const Scenario& scenario, const QString& end)
{
    for (const Scenario::Pipe& p : scenario.pipes) {
        if (p.first == end || p.second == end)
            return &p;
    }
    return nullptr;
}

QString sendQueue(const Scenario& scenario, const QString& name)
{
    const Scenario::Pipe* p = pipeOf(scenario, name);
    return p ? pipeBuffer(p->first == name ? p->second : p->first) : name;
}

QString recvQueue(const Scenario& scenario, const QString& name)
{
    return pipeOf(scenario, name) ? pipeBuffer(name) : name;
}

std::vector<int> feeders(const Scenario& scenario, const QString& name)
{
    const QString queue = recvQueue(scenario, name);
    std::vector<int> out;
    if (sendsTo(scenario.main, queue, scenario))
        out.push_back(-1);
    for (size_t i = 0; i < scenario.workers.size(); ++i) {
        if (sendsTo(scenario.workers[i].steps, queue, scenario))
            out.push_back(int(i));
    }
    return out;
}

} // namespace ScenarioChannels

} // namespace Forkline
