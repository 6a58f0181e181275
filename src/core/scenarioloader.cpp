// SPDX-License-Identifier: GPL-3.0-or-later
// Over 500 lines: the reader of a scenario's top level and its limits, kept with the error
// positions it reports. Steps are in scenariosteps.cpp, the workers list and its groups in
// scenarioworkers.cpp; a worker entry itself is read here, where steps are.
#include "jsonvalue.h"
#include "scenario.h"
#include "scenariosteps_p.h"
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace Forkline {

int Scenario::workerIndex(const QString& workerName) const
{
    if (size_t(workerIndexes.size()) == workers.size())
        return workerIndexes.value(workerName, -1);
    for (size_t i = 0; i < workers.size(); ++i) {
        if (workers[i].name == workerName)
            return int(i);
    }
    return -1;
}

const WorkerSpec* Scenario::worker(const QString& workerName) const
{
    const int i = workerIndex(workerName);
    return i < 0 ? nullptr : &workers[size_t(i)];
}

const Scenario::Group* Scenario::group(const QString& groupName) const
{
    // A handful of groups at most: a scan is cheaper than keeping a second index in step.
    for (const Group& g : groups) {
        if (g.name == groupName)
            return &g;
    }
    return nullptr;
}

QString ScenarioError::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
    return QStringLiteral("%1: %2").arg(file, message);
}

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

class Loader
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::ScenarioLoader)

public:
    Loader(const QString& file, ScenarioError* error)
        : m_file(file)
        , m_error(error)
    {
        m_data.fail = [this](const JsonValue& at, const QString& message) { return fail(at, message); };
        m_data.checkKeys = [this](const JsonValue& obj, const QStringList& allowed, const QString& what) {
            return checkKeys(obj, allowed, what);
        };
    }

    bool fail(const JsonValue& at, const QString& message)
    {
        m_error->file = m_file;
        m_error->line = at.line;
        m_error->column = at.column;
        m_error->message = message;
        return false;
    }

    bool string(const JsonValue& obj, const QString& key, QString* out, bool required)
    {
        const JsonValue* v = obj.member(key);
        if (!v) {
            if (required)
                return fail(obj, tr("missing \"%1\"").arg(key));
            return true;
        }
        if (!v->isString())
            return fail(*v, tr("\"%1\" must be a string, not %2").arg(key, v->typeName()));
        *out = v->string;
        return true;
    }

    bool checkKeys(const JsonValue& obj, const QStringList& allowed, const QString& what)
    {
        QSet<QString> seen;
        for (size_t i = 0; i < obj.object.size(); ++i) {
            const auto& kv = obj.object[i];
            if (!allowed.contains(kv.first))
                return fail(kv.second,
                    tr("unknown member \"%1\" in %2 (allowed: %3)")
                        .arg(kv.first, what, allowed.join(QLatin1String(", "))));
            // Only the first of two equal members would be read; the second must not vanish silently.
            if (repeatedMember(obj, i, &seen))
                return fail(kv.second, tr("\"%1\" appears twice in %2").arg(kv.first, what));
        }
        return true;
    }

    bool steps(const JsonValue& v, std::vector<Step>* out, int depth)
    {
        if (!v.isArray())
            return fail(v, tr("steps must be an array, not %1").arg(v.typeName()));
        if (depth > 32)
            return fail(v, tr("repeat blocks are nested too deeply (at most 32 levels)"));
        for (const JsonValue& s : v.array) {
            Step step;
            if (!oneStep(s, &step, depth))
                return false;
            out->push_back(std::move(step));
        }
        return true;
    }

    bool workerName(const JsonValue& v, const QString& key, QString* out)
    {
        if (!v.isString() || v.string.isEmpty())
            return fail(v, tr("\"%1\" takes a worker name").arg(key));
        *out = v.string;
        m_references.push_back({ key, v.string, &v });
        return true;
    }

    // Over 80 lines on purpose: one case a step kind, each a few lines, read as the table of
    // what each kind takes (docs/scenarios.md lists them in the same order).
    bool oneStep(const JsonValue& s, Step* step, int depth)
    {
        if (!s.isObject())
            return fail(s, tr("a step must be an object such as {\"print\": \"text\"}, not %1").arg(s.typeName()));
        if (++m_stepCount > kMaxSteps)
            return fail(s, tr("too many steps (at most %1)").arg(kMaxSteps));
        if (s.object.empty())
            return fail(s, tr("empty step"));
        step->line = s.line;
        step->column = s.column;
        // JSON members have no order (editors and formatters reorder them), so the step's kind
        // is whichever member names one, not necessarily the first.
        static const QStringList kinds = QStringList { QStringLiteral("print"), QStringLiteral("sleep"),
            QStringLiteral("start"), QStringLiteral("join"), QStringLiteral("repeat"), QStringLiteral("terminate"),
            QStringLiteral("kill"), QStringLiteral("input"), QStringLiteral("crash"), QStringLiteral("raise") }
            + dataStepKinds();
        auto named
            = std::find_if(s.object.begin(), s.object.end(), [](const auto& kv) { return kinds.contains(kv.first); });
        // "add" is also a member of a store step, and sorted keys put it before "store".
        if (named != s.object.end() && named->first == QLatin1String("add")) {
            const auto store = std::find_if(
                s.object.begin(), s.object.end(), [](const auto& kv) { return kv.first == QLatin1String("store"); });
            if (store != s.object.end())
                named = store;
        }
        const auto& [kind, arg] = named == s.object.end() ? s.object.front() : *named;
        if (kind == QLatin1String("print")) {
            step->kind = Step::Kind::Print;
            if (!arg.isString())
                return fail(arg, tr("\"print\" takes a string, not %1").arg(arg.typeName()));
            step->text = arg.string;
            return checkKeys(s, { QStringLiteral("print") }, tr("a print step"));
        }
        if (kind == QLatin1String("sleep")) {
            step->kind = Step::Kind::Sleep;
            if (!arg.isNumber())
                return fail(arg, tr("\"sleep\" takes a number of seconds, not %1").arg(arg.typeName()));
            if (arg.number < 0)
                return fail(arg, tr("\"sleep\" cannot be negative (%1)").arg(arg.number));
            if (arg.number > kMaxSleepSeconds)
                return fail(arg, tr("\"sleep\" is longer than a day (%1 s)").arg(arg.number));
            step->seconds = arg.number;
            return checkKeys(s, { QStringLiteral("sleep") }, tr("a sleep step"));
        }
        if (kind == QLatin1String("start") || kind == QLatin1String("join") || kind == QLatin1String("terminate")
            || kind == QLatin1String("kill")) {
            step->kind = kind == QLatin1String("start") ? Step::Kind::Start
                : kind == QLatin1String("join")         ? Step::Kind::Join
                : kind == QLatin1String("kill")         ? Step::Kind::Kill
                                                        : Step::Kind::Terminate;
            if (!workerName(arg, kind, &step->target))
                return false;
            if (step->kind == Step::Kind::Start)
                m_starts.push_back({ step->target, &arg, m_multiplier, m_owner });
            if (step->kind != Step::Kind::Join)
                return checkKeys(s, { kind }, tr("a %1 step").arg(kind));
            // join(timeout): waits at most that long; the worker may still be running after.
            step->seconds = -1;
            if (!checkKeys(s, { kind, QStringLiteral("timeout") }, tr("a join step")))
                return false;
            if (const JsonValue* t = s.member(QStringLiteral("timeout"))) {
                if (!t->isNumber() || t->number < 0 || t->number > kMaxSleepSeconds)
                    return fail(*t, tr("\"timeout\" takes a number of seconds from 0 to a day"));
                step->seconds = t->number;
            }
            return true;
        }
        if (kind == QLatin1String("repeat")) {
            step->kind = Step::Kind::Repeat;
            if (!arg.isNumber() || arg.number < 0 || arg.number != std::floor(arg.number))
                return fail(arg, tr("\"repeat\" takes a whole number of times"));
            if (arg.number > double(kMaxRepeat))
                return fail(arg, tr("\"repeat\" is limited to %1 times").arg(kMaxRepeat));
            step->count = qint64(arg.number);
            if (!checkKeys(s, { QStringLiteral("repeat"), QStringLiteral("steps"), QStringLiteral("as") },
                    tr("a repeat step")))
                return false;
            if (!string(s, QStringLiteral("as"), &step->var, false))
                return false;
            const JsonValue* body = s.member(QStringLiteral("steps"));
            if (!body)
                return fail(s, tr("\"repeat\" needs \"steps\""));
            const qint64 saved = m_multiplier;
            m_multiplier = std::min<qint64>(m_multiplier * std::max<qint64>(step->count, 1), kMaxRepeat * 1000);
            if (step->count == 0)
                m_multiplier = 0;
            const bool ok = steps(*body, &step->body, depth + 1);
            m_multiplier = saved;
            return ok;
        }
        if (kind == QLatin1String("input")) {
            step->kind = Step::Kind::Input;
            if (!arg.isString())
                return fail(arg, tr("\"input\" takes the prompt text"));
            step->text = arg.string;
            if (!checkKeys(s, { QStringLiteral("input"), QStringLiteral("into") }, tr("an input step")))
                return false;
            return string(s, QStringLiteral("into"), &step->target, false);
        }
        if (kind == QLatin1String("crash")) {
            step->kind = Step::Kind::Crash;
            if (!arg.isString() || (arg.string != QLatin1String("abort") && arg.string != QLatin1String("segfault")))
                return fail(arg, tr("\"crash\" takes \"abort\" or \"segfault\""));
            step->text = arg.string;
            return checkKeys(s, { QStringLiteral("crash") }, tr("a crash step"));
        }
        if (kind == QLatin1String("raise"))
            return raiseStep(s, arg, step);
        if (dataStepKinds().contains(kind))
            return parseDataStep(m_data, kind, s, arg, step);
        return fail(
            s.object.front().second, tr("unknown step \"%1\" (known: %2)").arg(kind, kinds.join(QLatin1String(", "))));
    }

    // {"raise": "ValueError", "message": "boom"}: the name is printed as Python prints an
    // exception's class; the exceptions that do not end a thread with a traceback in Python
    // (SystemExit, KeyboardInterrupt, ...) would behave differently, so they are refused.
    bool raiseStep(const JsonValue& s, const JsonValue& arg, Step* step)
    {
        step->kind = Step::Kind::Raise;
        static const QRegularExpression className(
            QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"));
        if (!arg.isString() || !className.match(arg.string).hasMatch())
            return fail(arg, tr("\"raise\" takes the name of an exception class, such as \"ValueError\""));
        static const QStringList special { QStringLiteral("SystemExit"), QStringLiteral("KeyboardInterrupt"),
            QStringLiteral("GeneratorExit"), QStringLiteral("BaseException") };
        if (special.contains(arg.string))
            return fail(arg, tr("\"raise\" cannot raise %1 (it does not end a flow as an error does)").arg(arg.string));
        step->target = arg.string;
        if (!checkKeys(s, { QStringLiteral("raise"), QStringLiteral("message") }, tr("a raise step")))
            return false;
        return string(s, QStringLiteral("message"), &step->text, false);
    }

    bool worker(const JsonValue& w, WorkerSpec* out, qint64* count)
    {
        if (!w.isObject())
            return fail(w, tr("a worker must be an object, not %1").arg(w.typeName()));
        out->line = w.line;
        out->column = w.column;
        if (!checkKeys(w,
                { QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("kind"), QStringLiteral("daemon"),
                    QStringLiteral("steps"), QStringLiteral("count") },
                tr("a worker")))
            return false;
        if (!string(w, QStringLiteral("name"), &out->name, true)
            || !string(w, QStringLiteral("label"), &out->label, false))
            return false;
        if (out->name.isEmpty() || out->name == QLatin1String("all") || out->name == QLatin1String("main"))
            return fail(
                *w.member(QStringLiteral("name")), tr("a worker needs a name other than \"\", \"all\" and \"main\""));
        QString kind = QStringLiteral("thread");
        if (!string(w, QStringLiteral("kind"), &kind, false))
            return false;
        if (kind == QLatin1String("thread"))
            out->kind = WorkerSpec::Kind::Thread;
        else if (kind == QLatin1String("process"))
            out->kind = WorkerSpec::Kind::Process;
        else
            return fail(
                *w.member(QStringLiteral("kind")), tr("\"kind\" is \"thread\" or \"process\", not \"%1\"").arg(kind));
        if (const JsonValue* d = w.member(QStringLiteral("daemon"))) {
            if (!d->isBool())
                return fail(*d, tr("\"daemon\" must be true or false"));
            out->daemon = d->boolean;
            out->daemonExplicit = true;
        }
        if (const JsonValue* c = w.member(QStringLiteral("count"))) {
            if (!c->isNumber() || c->number < 1 || c->number != std::floor(c->number) || c->number > kMaxThreadWorkers)
                return fail(*c, tr("\"count\" takes a whole number from 1 to %1").arg(kMaxThreadWorkers));
            *count = qint64(c->number);
        }
        const JsonValue* body = w.member(QStringLiteral("steps"));
        if (!body)
            return fail(w, tr("worker \"%1\" has no \"steps\"").arg(out->name));
        m_data.processWorker = out->kind == WorkerSpec::Kind::Process ? out->name : QString();
        m_data.processCopies = std::max<qint64>(*count, 1);
        // A group's steps run once per member: a start in them counts that many times, and
        // the starter of what they start is a member (only one, or the start is refused).
        m_owner = *count ? out->name + QStringLiteral("-1") : out->name;
        m_multiplier = std::max<qint64>(*count, 1);
        const bool ok = steps(*body, &out->steps, 0);
        m_multiplier = 1;
        m_owner.clear();
        m_data.processWorker.clear();
        m_data.processCopies = 1;
        return ok;
    }

    bool load(const JsonValue& root, Scenario* out)
    {
        if (!root.isObject())
            return fail(root, tr("a scenario must be a JSON object, not %1").arg(root.typeName()));
        if (!checkKeys(root,
                { QStringLiteral("$schema"), QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("title"),
                    QStringLiteral("description"), QStringLiteral("main"), QStringLiteral("workers"),
                    QStringLiteral("gil"), QStringLiteral("switch_interval"), QStringLiteral("shared"),
                    QStringLiteral("compare"), QStringLiteral("translations"), QStringLiteral("semaphores"),
                    QStringLiteral("rlocks"), QStringLiteral("conditions"), QStringLiteral("expect"),
                    QStringLiteral("pipes"), QStringLiteral("process_locks") },
                tr("a scenario")))
            return false;
        if (const JsonValue* f = root.member(QStringLiteral("format"))) {
            if (!f->isNumber() || f->number != 1)
                return fail(*f, tr("unsupported format (this version reads format 1)"));
        }
        if (!string(root, QStringLiteral("name"), &out->name, false)
            || !string(root, QStringLiteral("title"), &out->title, false)
            || !string(root, QStringLiteral("description"), &out->description, false) || !translations(root, out))
            return false;
        const JsonValue* main = root.member(QStringLiteral("main"));
        if (!main)
            return fail(root, tr("missing \"main\" (the main thread's steps)"));
        // "main" and "workers" are read in file order, so the error reported is the first in the file.
        for (const auto& kv : root.object) {
            if (kv.first == QLatin1String("workers") && !workers(kv.second, out))
                return false;
            if (kv.first == QLatin1String("main") && !steps(kv.second, &out->main, 0))
                return false;
        }
        if (!parseDataMembers(m_data, root, out) || !crossCheck(*out) || !checkMemoryTotal(m_data))
            return false;
        for (const Start& s : m_starts) {
            if (s.multiplier > 0) {
                for (const int i : namedWorkers(*out, s.name))
                    out->workers[size_t(i)].starter = s.owner;
            }
        }
        inheritDaemon(out);
        return true;
    }

    // "translations": {"ko": {"title": "...", "description": "..."}, ...}
    bool translations(const JsonValue& root, Scenario* out)
    {
        const JsonValue* t = root.member(QStringLiteral("translations"));
        if (!t)
            return true;
        if (!t->isObject())
            return fail(*t, tr("\"translations\" must be an object of languages, not %1").arg(t->typeName()));
        QSet<QString> seen;
        for (size_t i = 0; i < t->object.size(); ++i) {
            const auto& kv = t->object[i];
            static const QRegularExpression languageCode(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
            if (!languageCode.match(kv.first).hasMatch())
                return fail(kv.second, tr("\"%1\" is not a language code such as \"ko\" or \"pt_BR\"").arg(kv.first));
            if (repeatedMember(*t, i, &seen))
                return fail(kv.second, tr("\"%1\" appears twice in %2").arg(kv.first, tr("\"translations\"")));
            if (!kv.second.isObject())
                return fail(kv.second, tr("a translation must be an object, not %1").arg(kv.second.typeName()));
            if (!checkKeys(kv.second, { QStringLiteral("title"), QStringLiteral("description") }, tr("a translation")))
                return false;
            Scenario::Translation text;
            if (!string(kv.second, QStringLiteral("title"), &text.title, false)
                || !string(kv.second, QStringLiteral("description"), &text.description, false))
                return false;
            out->translations.insert(kv.first, text);
        }
        return true;
    }

    bool workers(const JsonValue& ws, Scenario* out)
    {
        return parseWorkers(m_data, ws, out,
            [this](const JsonValue& w, WorkerSpec* spec, qint64* count) { return worker(w, spec, count); });
    }

    bool crossCheck(const Scenario& sc)
    {
        // Within each kind of mistake, report the first one in the file.
        const auto byPosition = [](const auto& a, const auto& b) {
            return std::make_pair(a.at->line, a.at->column) < std::make_pair(b.at->line, b.at->column);
        };
        std::stable_sort(m_references.begin(), m_references.end(), byPosition);
        std::stable_sort(m_starts.begin(), m_starts.end(), byPosition);
        for (const Ref& r : m_references) {
            const std::vector<int> ws = namedWorkers(sc, r.name);
            if (ws.empty())
                return fail(*r.at, tr("\"%1\" names an unknown worker \"%2\"").arg(r.step, r.name));
            const WorkerSpec* w = &sc.workers[size_t(ws.front())];
            if ((r.step == QLatin1String("terminate") || r.step == QLatin1String("kill"))
                && w->kind == WorkerSpec::Kind::Thread)
                return fail(*r.at,
                    r.step == QLatin1String("kill")
                        ? tr("cannot kill thread \"%1\": a thread cannot be killed from outside (only processes can)")
                              .arg(r.name)
                        : tr("cannot terminate thread \"%1\": a thread cannot be killed from outside (only processes "
                             "can)")
                              .arg(r.name));
        }
        QHash<QString, qint64> started;
        started.reserve(qsizetype(sc.workers.size()));
        for (const Start& s : m_starts) {
            for (const int i : namedWorkers(sc, s.name)) {
                const QString& name = sc.workers[size_t(i)].name;
                qint64& n = started[name];
                n += s.multiplier;
                if (n > 1)
                    return fail(*s.at,
                        tr("worker \"%1\" is started more than once (a thread or process can only be started once)")
                            .arg(name));
            }
        }
        for (const Ref& r : m_references) {
            if ((r.step == QLatin1String("join") || r.step == QLatin1String("terminate")
                    || r.step == QLatin1String("kill"))
                && !started.value(sc.workers[size_t(namedWorkers(sc, r.name).front())].name))
                return fail(*r.at, tr("\"%1\" on worker \"%2\", which no step starts").arg(r.step, r.name));
        }
        return true;
    }

private:
    struct Ref
    {
        QString step;
        QString name;
        const JsonValue* at;
    };
    struct Start
    {
        QString name;
        const JsonValue* at;
        qint64 multiplier;
        QString owner; // the worker whose steps hold the start; empty: main
    };
    QString m_file;
    ScenarioError* m_error;
    int m_stepCount = 0;
    qint64 m_multiplier = 1;
    QString m_owner; // the worker whose steps are being read; empty: main
    std::vector<Ref> m_references;
    std::vector<Start> m_starts;
    StepParser m_data;
};

} // namespace

bool parseScenario(const QByteArray& data, const QString& fileName, Scenario* out, ScenarioError* error)
{
    JsonValue root;
    JsonError jerr;
    if (!parseJson(data, &root, &jerr)) {
        *error = { fileName, jerr.line, jerr.column, tr("not valid JSON: %1").arg(jerr.message) };
        return false;
    }
    Scenario sc;
    Loader loader(fileName, error);
    if (!loader.load(root, &sc))
        return false;
    *out = std::move(sc);
    return true;
}

void localizeScenario(Scenario* scenario, const QLocale& locale)
{
    // The most specific entry wins: "pt_BR" before "pt".
    const QString names[] = { locale.name(), QLocale::languageToCode(locale.language()) };
    for (const QString& key : names) {
        const auto it = scenario->translations.constFind(key);
        if (it == scenario->translations.constEnd())
            continue;
        if (!it->title.isEmpty())
            scenario->title = it->title;
        if (!it->description.isEmpty())
            scenario->description = it->description;
        return;
    }
}

namespace {
bool looksLikeScenarioFile(const QString& nameOrPath)
{
    return nameOrPath.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || nameOrPath.contains(QLatin1Char('/'))
        || nameOrPath.contains(QLatin1Char('\\'));
}

QString scenarioPath(const QString& nameOrPath)
{
    return looksLikeScenarioFile(nameOrPath) ? nameOrPath : QStringLiteral(":/scenarios/%1.json").arg(nameOrPath);
}
} // namespace

bool readScenarioFile(const QString& nameOrPath, QByteArray* data, ScenarioError* error)
{
    QFile file(scenarioPath(nameOrPath));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {};
        error->file = nameOrPath;
        error->message = looksLikeScenarioFile(nameOrPath)
            ? tr("cannot open: %1").arg(file.errorString())
            : tr("no built-in scenario of that name (see 'forkline list')");
        return false;
    }
    if (file.size() > kMaxScenarioFileBytes) {
        *error = { nameOrPath, 0, 0, tr("file is larger than 64 MiB") };
        return false;
    }
    *data = file.readAll();
    return true;
}

bool loadScenarioData(const QString& nameOrPath, const QByteArray& data, Scenario* out, ScenarioError* error)
{
    if (!parseScenario(data, nameOrPath, out, error))
        return false;
    const QString path = scenarioPath(nameOrPath);
    localizeScenario(out, uiLocale());
    out->source = path;
    if (out->name.isEmpty())
        out->name = QFileInfo(path).completeBaseName();
    if (out->title.isEmpty())
        out->title = out->name;
    return true;
}

bool loadScenario(const QString& nameOrPath, Scenario* out, ScenarioError* error, QByteArray* data)
{
    if (data)
        data->clear();
    // A Python program, named by its file or (a built-in lesson) by its name.
    if (isPythonProgramPath(nameOrPath))
        return loadPythonProgram(nameOrPath, out, error);
    if (!looksLikeScenarioFile(nameOrPath) && !QFile::exists(scenarioPath(nameOrPath))) {
        const QString program = QStringLiteral(":/scenarios/%1.py").arg(nameOrPath);
        if (QFile::exists(program))
            return loadPythonProgram(program, out, error);
    }
    QByteArray bytes;
    if (!readScenarioFile(nameOrPath, &bytes, error) || !loadScenarioData(nameOrPath, bytes, out, error))
        return false;
    if (data)
        *data = bytes;
    return true;
}

QList<BuiltinScenario> builtinScenarios()
{
    QList<BuiltinScenario> result;
    QFile index(QStringLiteral(":/scenarios/index.txt"));
    if (!index.open(QIODevice::ReadOnly))
        return result;
    const QList<QByteArray> names = index.readAll().split('\n');
    for (const QByteArray& raw : names) {
        const QString name = QString::fromUtf8(raw.trimmed());
        if (name.isEmpty() || name.startsWith(QLatin1Char('#')))
            continue;
        Scenario sc;
        ScenarioError err;
        if (!loadScenario(name, &sc, &err)) {
            qWarning("built-in scenario %s does not load: %s", qPrintable(name), qPrintable(err.toString()));
            continue;
        }
        result.append({ sc.name, sc.title, sc.description });
    }
    return result;
}

} // namespace Forkline
