// SPDX-License-Identifier: GPL-3.0-or-later
// Over 500 lines: one writer per step kind, each a few lines, kept together so that a new step
// kind is written out in the same place as the others.
#include "scenariopython.h"

#include "pythonwords.h"
#include "scenariochannels.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace Forkline {

namespace {

const QSet<QString>& pythonReserved()
{
    // Keywords, and the module and builtin names the program itself uses: a scenario's name
    // must never shadow them.
    static const QSet<QString> words = pythonKeywords()
        + wordSet({ "match", "case", "os", "queue", "signal", "threading", "multiprocessing", "time", "print", "input",
            "range", "int", "len", "bytearray", "main", "buffers", "touch" });
    return words;
}

QString identifierFrom(const QString& name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber() || c == QLatin1Char('_'))
            out += c;
        else if (!out.endsWith(QLatin1Char('_')))
            out += QLatin1Char('_');
    }
    if (out.isEmpty() || out.at(0).isDigit())
        out.prepend(QLatin1Char('_'));
    return out;
}

// One Python identifier per (namespace, scenario name), unique in the whole program:
// scenarios keep locks, queues, shared values, buffers and each flow's variables apart,
// a Python module does not.
class NameTable
{
public:
    QString get(const QString& space, const QString& name, const QString& suffix = {})
    {
        const QString key = space + QLatin1Char('\x1f') + name;
        const auto it = m_byKey.constFind(key);
        if (it != m_byKey.constEnd())
            return *it;
        const QString base = identifierFrom(name) + suffix;
        QString id = base;
        for (int n = 2; m_used.contains(id) || pythonReserved().contains(id); ++n)
            id = base + QLatin1Char('_') + QString::number(n);
        m_used.insert(id);
        m_byKey.insert(key, id);
        return id;
    }
    bool has(const QString& space, const QString& name) const
    {
        return m_byKey.contains(space + QLatin1Char('\x1f') + name);
    }

private:
    QHash<QString, QString> m_byKey;
    QSet<QString> m_used;
};

QString number(double seconds)
{
    QString s = QString::number(seconds, 'g', 15);
    return s;
}

// A Python string literal body (without quotes) for plain text.
QString escaped(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

class Writer
{
public:
    explicit Writer(const Scenario& scenario)
        : m_scenario(scenario)
    { }

    const Scenario& m_scenario;
    QStringList m_lines;
    NameTable m_names;
    std::vector<ScenarioPython::StepLine> m_steps;
    QSet<QString> m_shared;
    QSet<QString> m_syncs; // events and conditions the steps use
    bool m_processes = false;
    // In a group's function, the one that all its members run, {name} is asked at run time.
    QString m_flowNameExpr;

    int current() const { return int(m_lines.size()) + 1; }
    void line(int indent, const QString& code) { m_lines << QString(indent * 4, QLatin1Char(' ')) + code; }

    QString workerObject(const QString& name)
    {
        int w = m_scenario.workerIndex(name);
        const Scenario::Group* group = m_scenario.group(name);
        if (group)
            w = group->first;
        const bool process = w >= 0 && m_scenario.workers[size_t(w)].kind == WorkerSpec::Kind::Process;
        if (group)
            return m_names.get(
                QStringLiteral("object"), name, process ? QStringLiteral("_processes") : QStringLiteral("_threads"));
        // A member of a group is an item of its list.
        if (w >= 0 && !m_scenario.workers[size_t(w)].group.isEmpty()) {
            const Scenario::Group* g = m_scenario.group(m_scenario.workers[size_t(w)].group);
            return workerObject(g->name) + QStringLiteral("[%1]").arg(w - g->first);
        }
        return m_names.get(
            QStringLiteral("object"), name, process ? QStringLiteral("_process") : QStringLiteral("_thread"));
    }
    // A step on a whole group is a loop over its list.
    void workerCall(int indent, const QString& target, const QString& call)
    {
        if (!m_scenario.group(target)) {
            line(indent, workerObject(target) + call);
            return;
        }
        const bool process
            = m_scenario.workers[size_t(m_scenario.group(target)->first)].kind == WorkerSpec::Kind::Process;
        const QString each
            = m_names.get(QStringLiteral("loop"), process ? QStringLiteral("process") : QStringLiteral("thread"));
        line(indent, QStringLiteral("for %1 in %2:").arg(each, workerObject(target)));
        line(indent + 1, each + call);
    }
    QString workerFunction(const QString& name) { return m_names.get(QStringLiteral("function"), name); }
    QString lockName(const QString& name) { return m_names.get(QStringLiteral("lock"), name); }
    // An event, or a condition (declared in the scenario with the lock it uses).
    QString syncName(const QString& name) { return m_names.get(QStringLiteral("sync"), name); }
    QString queueName(const QString& name) { return m_names.get(QStringLiteral("queue"), name); }
    // A pipe end is a multiprocessing Connection, a queue name a queue.
    bool isPipeEnd(const QString& name) const { return ScenarioChannels::pipeOf(m_scenario, name) != nullptr; }
    QString pipeEnd(const QString& name) { return m_names.get(QStringLiteral("pipe"), name); }
    QString sharedName(const QString& name) { return m_names.get(QStringLiteral("shared"), name); }
    QString varName(int flow, const QString& name) { return m_names.get(QStringLiteral("var%1").arg(flow), name); }
    bool knownVar(int flow, const QString& name) const { return m_names.has(QStringLiteral("var%1").arg(flow), name); }

    // The text of a print, an input prompt or a value as an f-string, its placeholders
    // turned into the Python expressions they stand for.
    QString fString(int flow, const QString& flowName, const QString& text)
    {
        QString body;
        bool any = false;
        for (int i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('{') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('{')) {
                body += QLatin1String("{{");
                ++i;
                continue;
            }
            if (c == QLatin1Char('}') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('}')) {
                body += QLatin1String("}}");
                ++i;
                continue;
            }
            if (c == QLatin1Char('{')) {
                const int close = text.indexOf(QLatin1Char('}'), i + 1);
                if (close > i) {
                    const QString name = text.mid(i + 1, close - i - 1);
                    if (name == QLatin1String("name") && !m_flowNameExpr.isEmpty()) {
                        body += QLatin1Char('{') + m_flowNameExpr + QLatin1Char('}');
                        any = true;
                        i = close;
                        continue;
                    }
                    if (name == QLatin1String("name")) {
                        // The flow's name is known here: written as text, not as an expression.
                        body += escaped(flowName)
                                    .replace(QLatin1Char('{'), QLatin1String("{{"))
                                    .replace(QLatin1Char('}'), QLatin1String("}}"));
                        i = close;
                        continue;
                    }
                    const QString expr = placeholder(flow, name);
                    if (!expr.isEmpty()) {
                        body += QLatin1Char('{') + expr + QLatin1Char('}');
                        any = true;
                        i = close;
                        continue;
                    }
                }
                body += QLatin1String("{{"); // printed as written
                continue;
            }
            if (c == QLatin1Char('}')) {
                body += QLatin1String("}}");
                continue;
            }
            body += escaped(QString(c));
        }
        if (!any) {
            body.replace(QLatin1String("{{"), QLatin1String("{")).replace(QLatin1String("}}"), QLatin1String("}"));
            return QLatin1Char('"') + body + QLatin1Char('"');
        }
        return QLatin1String("f\"") + body + QLatin1Char('"');
    }

    QString placeholder(int flow, const QString& name)
    {
        if (name == QLatin1String("pid"))
            return QStringLiteral("os.getpid()");
        if (name == QLatin1String("tid"))
            return QStringLiteral("threading.get_native_id()");
        if (name == QLatin1String("ppid"))
            return QStringLiteral("os.getppid()");
        if (knownVar(flow, name))
            return varName(flow, name);
        if (m_shared.contains(name))
            return sharedName(name);
        return {};
    }

    // A whole number from a value text: a lone placeholder is its variable, digits are a
    // literal, anything else goes through int().
    QString integer(int flow, const QString& flowName, const QString& text)
    {
        static const QRegularExpression lone(QStringLiteral("^\\{([^{}]+)\\}$"));
        static const QRegularExpression digits(QStringLiteral("^-?[0-9]+$"));
        if (text.isEmpty())
            return QStringLiteral("0");
        if (digits.match(text).hasMatch())
            return text;
        const QRegularExpressionMatch m = lone.match(text);
        if (m.hasMatch()) {
            const QString name = m.captured(1);
            if (knownVar(flow, name))
                return QStringLiteral("int(%1)").arg(varName(flow, name));
            if (m_shared.contains(name))
                return sharedName(name);
        }
        return QStringLiteral("int(%1)").arg(fString(flow, flowName, text));
    }

    void collectGlobals(const std::vector<Step>& steps, QSet<QString>* out)
    {
        for (const Step& s : steps) {
            if ((s.kind == Step::Kind::Store || s.kind == Step::Kind::Add) && m_shared.contains(s.target))
                out->insert(sharedName(s.target));
            if (s.kind == Step::Kind::Repeat)
                collectGlobals(s.body, out);
        }
    }

    void steps(int flow, const QString& flowName, const std::vector<Step>& list, int indent)
    {
        if (list.empty()) {
            line(indent, QStringLiteral("pass"));
            return;
        }
        for (const Step& s : list)
            step(flow, flowName, s, indent);
    }

    // Over 80 lines on purpose: one case per step kind, each a line or two of Python; split,
    // a new kind would have to be written out in one of several places (see the file's head).
    void step(int flow, const QString& flowName, const Step& s, int indent)
    {
        m_steps.push_back({ flow, s.line, current() });
        switch (s.kind) {
        case Step::Kind::Print:
            line(indent, QStringLiteral("print(%1)").arg(fString(flow, flowName, s.text)));
            break;
        case Step::Kind::Sleep:
            line(indent, QStringLiteral("time.sleep(%1)").arg(number(s.seconds)));
            break;
        case Step::Kind::Start:
            workerCall(indent, s.target, QStringLiteral(".start()"));
            break;
        case Step::Kind::Join:
            workerCall(indent, s.target,
                s.seconds >= 0 ? QStringLiteral(".join(%1)").arg(number(s.seconds)) : QStringLiteral(".join()"));
            break;
        case Step::Kind::Kill:
            workerCall(indent, s.target, QStringLiteral(".kill()"));
            break;
        case Step::Kind::Raise:
            line(indent, QStringLiteral("raise %1(%2)").arg(identifierFrom(s.target), fString(flow, flowName, s.text)));
            break;
        case Step::Kind::Set:
            line(indent, syncName(s.target) + QLatin1String(".set()"));
            break;
        case Step::Kind::Clear:
            line(indent, syncName(s.target) + QLatin1String(".clear()"));
            break;
        case Step::Kind::Wait: {
            const QString call = syncName(s.target)
                + (s.seconds >= 0 ? QStringLiteral(".wait(%1)").arg(number(s.seconds)) : QStringLiteral(".wait()"));
            line(indent, s.var.isEmpty() ? call : varName(flow, s.var) + QLatin1String(" = ") + call);
            break;
        }
        case Step::Kind::Notify:
            line(indent, QStringLiteral("%1.notify(%2)").arg(syncName(s.target)).arg(std::max<qint64>(1, s.count)));
            break;
        case Step::Kind::NotifyAll:
            line(indent, syncName(s.target) + QLatin1String(".notify_all()"));
            break;
        case Step::Kind::Spin:
            line(indent, QStringLiteral("while True:"));
            line(indent + 1, QStringLiteral("pass"));
            break;
        case Step::Kind::Terminate:
            workerCall(indent, s.target, QStringLiteral(".terminate()"));
            break;
        case Step::Kind::Repeat: {
            const QString var = s.var.isEmpty() ? QStringLiteral("_") : varName(flow, s.var);
            line(indent, QStringLiteral("for %1 in range(%2):").arg(var).arg(s.count));
            steps(flow, flowName, s.body, indent + 1);
            break;
        }
        case Step::Kind::Crash:
            if (s.text == QLatin1String("segfault"))
                line(indent, QStringLiteral("os.kill(os.getpid(), signal.SIGSEGV)"));
            else
                line(indent, QStringLiteral("os.abort()"));
            break;
        case Step::Kind::Input: {
            const QString call = QStringLiteral("input(%1)").arg(fString(flow, flowName, s.text));
            line(indent, s.target.isEmpty() ? call : varName(flow, s.target) + QLatin1String(" = ") + call);
            break;
        }
        case Step::Kind::Compute: {
            const QString into = varName(flow, s.var.isEmpty() ? QStringLiteral("total") : s.var);
            line(indent, into + QLatin1String(" = 0"));
            line(indent, QStringLiteral("for i in range(%1, %2):").arg(s.from).arg(s.to));
            line(indent + 1, into + QLatin1String(" += i"));
            break;
        }
        case Step::Kind::Acquire:
            line(indent, lockName(s.target) + QLatin1String(".acquire()"));
            break;
        case Step::Kind::Release:
            line(indent, lockName(s.target) + QLatin1String(".release()"));
            break;
        case Step::Kind::Send:
            if (isPipeEnd(s.target))
                line(indent, QStringLiteral("%1.send(%2)").arg(pipeEnd(s.target), fString(flow, flowName, s.text)));
            else
                line(indent, QStringLiteral("%1.put(%2)").arg(queueName(s.target), fString(flow, flowName, s.text)));
            break;
        case Step::Kind::Recv: {
            const QString call = isPipeEnd(s.target) ? QString(pipeEnd(s.target) + QLatin1String(".recv()"))
                : s.seconds >= 0 ? QStringLiteral("%1.get(timeout=%2)").arg(queueName(s.target), number(s.seconds))
                                 : QStringLiteral("%1.get()").arg(queueName(s.target));
            line(indent, s.var.isEmpty() ? call : varName(flow, s.var) + QLatin1String(" = ") + call);
            break;
        }
        case Step::Kind::Load:
            line(indent,
                QStringLiteral("%1 = %2").arg(varName(flow, s.var.isEmpty() ? s.target : s.var), sharedName(s.target)));
            break;
        case Step::Kind::Store:
            line(indent,
                QStringLiteral("%1 = %2 + %3")
                    .arg(sharedName(s.target), integer(flow, flowName, s.text))
                    .arg(s.amount));
            break;
        case Step::Kind::Add: {
            const QString value = integer(flow, flowName, s.text);
            if (m_shared.contains(s.target))
                line(indent, QStringLiteral("%1 += %2").arg(sharedName(s.target), value));
            else if (knownVar(flow, s.target))
                line(indent, QStringLiteral("%1 += %2").arg(varName(flow, s.target), value));
            else
                line(indent, QStringLiteral("%1 = %2").arg(varName(flow, s.target), value));
            break;
        }
        case Step::Kind::Alloc:
            line(indent,
                QStringLiteral("buffers[\"%1\"] = bytearray(%2 * 1024 * 1024)").arg(escaped(s.target)).arg(s.amount));
            line(indent, QStringLiteral("touch(buffers[\"%1\"])").arg(escaped(s.target)));
            break;
        case Step::Kind::Touch:
            line(indent, QStringLiteral("touch(buffers[\"%1\"])").arg(escaped(s.target)));
            break;
        case Step::Kind::Free:
            line(indent, QStringLiteral("del buffers[\"%1\"]").arg(escaped(s.target)));
            break;
        }
    }

    void collect(const std::vector<Step>& list, QSet<QString>* locks, QSet<QString>* queues, bool* crash, bool* memory)
    {
        for (const Step& s : list) {
            if (s.kind == Step::Kind::Acquire || s.kind == Step::Kind::Release)
                locks->insert(s.target);
            if ((s.kind == Step::Kind::Send || s.kind == Step::Kind::Recv) && !isPipeEnd(s.target))
                queues->insert(s.target);
            if (s.kind == Step::Kind::Set || s.kind == Step::Kind::Clear || s.kind == Step::Kind::Wait
                || s.kind == Step::Kind::Notify || s.kind == Step::Kind::NotifyAll)
                m_syncs.insert(s.target);
            if (s.kind == Step::Kind::Crash && s.text == QLatin1String("segfault"))
                *crash = true;
            if (s.kind == Step::Kind::Alloc || s.kind == Step::Kind::Touch || s.kind == Step::Kind::Free)
                *memory = true;
            if (s.kind == Step::Kind::Repeat)
                collect(s.body, locks, queues, crash, memory);
        }
    }
};

QStringList sorted(const QSet<QString>& set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

// What comes before the functions: the title, the imports, and the shared values, locks,
// events, conditions, queues and buffers that the flows use, each made once at module level.
void writePrelude(
    Writer& w, const Scenario& scenario, QSet<QString> locks, const QSet<QString>& queues, bool segfault, bool memory)
{
    w.line(0, QStringLiteral("# %1").arg(scenario.title.isEmpty() ? scenario.name : scenario.title));
    w.line(0, QStringLiteral("# The Python program this scenario stands for, written from its steps."));
    QStringList imports = { QStringLiteral("os"), QStringLiteral("threading"), QStringLiteral("time") };
    if (w.m_processes || !scenario.pipes.empty() || !scenario.processLocks.isEmpty())
        imports << QStringLiteral("multiprocessing");
    if (!w.m_processes && !queues.isEmpty())
        imports << QStringLiteral("queue");
    if (segfault)
        imports << QStringLiteral("signal");
    imports.sort();
    for (const QString& module : imports)
        w.line(0, QLatin1String("import ") + module);
    w.line(0, {});

    for (const auto& value : scenario.shared)
        w.line(0, QStringLiteral("%1 = %2").arg(w.sharedName(value.first)).arg(value.second));
    for (auto it = scenario.conditions.constBegin(); it != scenario.conditions.constEnd(); ++it)
        locks.insert(it.value());
    for (const QString& name : sorted(locks)) {
        QString kind = QStringLiteral("threading.Lock()");
        if (scenario.semaphores.contains(name))
            kind = QStringLiteral("threading.Semaphore(%1)").arg(scenario.semaphores.value(name));
        else if (scenario.rlocks.contains(name))
            kind = QStringLiteral("threading.RLock()");
        else if (scenario.processLocks.contains(name))
            kind = QStringLiteral("multiprocessing.Lock()");
        w.line(0, QStringLiteral("%1 = %2").arg(w.lockName(name), kind));
    }
    for (const QString& name : sorted(w.m_syncs)) {
        if (scenario.conditions.contains(name))
            w.line(0,
                QStringLiteral("%1 = threading.Condition(%2)")
                    .arg(w.syncName(name), w.lockName(scenario.conditions.value(name))));
        else
            w.line(0, QStringLiteral("%1 = threading.Event()").arg(w.syncName(name)));
    }
    for (const QString& name : sorted(queues))
        w.line(0,
            QStringLiteral("%1 = %2").arg(w.queueName(name),
                w.m_processes ? QStringLiteral("multiprocessing.Queue()") : QStringLiteral("queue.Queue()")));
    for (const Scenario::Pipe& pipe : scenario.pipes)
        w.line(0,
            QStringLiteral("%1, %2 = multiprocessing.Pipe(%3)")
                .arg(w.pipeEnd(pipe.first), w.pipeEnd(pipe.second),
                    pipe.duplex ? QString() : QStringLiteral("duplex=False")));
    if (memory) {
        w.line(0, QStringLiteral("buffers = {}"));
        w.line(0, {});
        w.line(0, {});
        w.line(0, QStringLiteral("def touch(buffer):"));
        w.line(1, QStringLiteral("for page in range(0, len(buffer), 4096):"));
        w.line(2, QStringLiteral("buffer[page] = 1"));
    }
}

// One function a worker; the members of a group share the function of the first.
void writeWorkerFunction(Writer& w, int i, std::vector<int>& lines, std::vector<std::pair<int, int>>& ranges)
{
    const WorkerSpec& spec = w.m_scenario.workers[size_t(i)];
    const Scenario::Group* group = spec.group.isEmpty() ? nullptr : w.m_scenario.group(spec.group);
    if (group && group->first != i) {
        lines.push_back(lines[size_t(group->first)]);
        ranges.push_back(ranges[size_t(group->first)]);
        return;
    }
    const bool process = spec.kind == WorkerSpec::Kind::Process;
    w.line(0, {});
    w.line(0, {});
    const int first = w.current();
    lines.push_back(first);
    w.line(0, QStringLiteral("def %1():").arg(w.workerFunction(group ? group->name : spec.name)));
    QSet<QString> globals;
    w.collectGlobals(spec.steps, &globals);
    if (!globals.isEmpty())
        w.line(1, QLatin1String("global ") + sorted(globals).join(QLatin1String(", ")));
    if (group)
        w.m_flowNameExpr = process ? QStringLiteral("multiprocessing.current_process().name")
                                   : QStringLiteral("threading.current_thread().name");
    w.steps(i, spec.name, spec.steps, 1);
    w.m_flowNameExpr.clear();
    ranges.push_back({ first, w.current() - 1 });
}

// `NAME = Thread(...)`, or for a group a list of them named NAME-1..NAME-N.
void writeWorkerObject(Writer& w, int i)
{
    const WorkerSpec& spec = w.m_scenario.workers[size_t(i)];
    const QString kind = spec.kind == WorkerSpec::Kind::Process ? QStringLiteral("multiprocessing.Process")
                                                                : QStringLiteral("threading.Thread");
    const QString daemon = spec.daemon ? QStringLiteral(", daemon=True") : QString();
    if (spec.group.isEmpty()) {
        w.line(0,
            QStringLiteral("%1 = %2(target=%3, name=\"%4\"%5)")
                .arg(w.workerObject(spec.name), kind, w.workerFunction(spec.name), escaped(spec.name), daemon));
        return;
    }
    const Scenario::Group* group = w.m_scenario.group(spec.group);
    if (group->first == i) {
        // One arg() call: a name with "%6" in it must not be read as a placeholder.
        w.line(0,
            QStringLiteral("%1 = [%2(target=%3, name=f\"%4-{i}\"%5) for i in range(1, %6)]")
                .arg(w.workerObject(group->name), kind, w.workerFunction(group->name),
                    escaped(group->name)
                        .replace(QLatin1Char('{'), QLatin1String("{{"))
                        .replace(QLatin1Char('}'), QLatin1String("}}")),
                    daemon, QString::number(group->count + 1)));
        return;
    }
    // A --daemon override may have set one member apart from the first.
    const WorkerSpec& first = w.m_scenario.workers[size_t(group->first)];
    if (spec.daemon != first.daemon)
        w.line(0,
            QStringLiteral("%1.daemon = %2")
                .arg(w.workerObject(spec.name), spec.daemon ? QStringLiteral("True") : QStringLiteral("False")));
}

} // namespace

ScenarioPython ScenarioPython::generate(const Scenario& scenario)
{
    ScenarioPython out;
    Writer w(scenario);
    for (const auto& value : scenario.shared)
        w.m_shared.insert(value.first);
    QSet<QString> locks, queues;
    bool segfault = false, memory = false;
    w.collect(scenario.main, &locks, &queues, &segfault, &memory);
    for (const WorkerSpec& spec : scenario.workers) {
        w.collect(spec.steps, &locks, &queues, &segfault, &memory);
        if (spec.kind == WorkerSpec::Kind::Process)
            w.m_processes = true;
    }

    writePrelude(w, scenario, locks, queues, segfault, memory);

    // Functions first, so that any flow may start any worker.
    for (size_t i = 0; i < scenario.workers.size(); ++i)
        writeWorkerFunction(w, int(i), out.m_workerLines, out.m_flowRanges);
    w.line(0, {});
    w.line(0, {});
    for (size_t i = 0; i < scenario.workers.size(); ++i)
        writeWorkerObject(w, int(i));
    if (!scenario.workers.empty())
        w.line(0, {});
    out.m_mainLine = w.current();
    w.line(0, QStringLiteral("if __name__ == \"__main__\":"));
    w.steps(-1, QStringLiteral("MainThread"), scenario.main, 1);
    out.m_flowRanges.push_back({ out.m_mainLine, w.current() - 1 });

    out.m_text = w.m_lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    out.m_steps = std::move(w.m_steps);
    return out;
}

int ScenarioPython::workerLine(int worker) const
{
    return worker >= 0 && size_t(worker) < m_workerLines.size() ? m_workerLines[size_t(worker)] : 0;
}

int ScenarioPython::flowAt(int line) const
{
    for (size_t i = 0; i < m_flowRanges.size(); ++i) {
        if (line >= m_flowRanges[i].first && line <= m_flowRanges[i].second)
            return i + 1 == m_flowRanges.size() ? -1 : int(i);
    }
    return -2;
}

} // namespace Forkline
