// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariosteps_p.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace Forkline {

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

// Whole numbers up to 2^53 are exact in JSON numbers as every parser reads them.
bool wholeNumber(const JsonValue& v, qint64 min, qint64 max, qint64* out)
{
    if (!v.isNumber() || v.number != std::floor(v.number) || v.number < double(min) || v.number > double(max))
        return false;
    *out = qint64(v.number);
    return true;
}

bool name(StepParser& p, const JsonValue& arg, const QString& kind, QString* out)
{
    if (!arg.isString() || arg.string.isEmpty())
        return p.fail(arg, tr("\"%1\" takes a name").arg(kind));
    *out = arg.string;
    return true;
}

bool optionalName(StepParser& p, const JsonValue& s, const QString& key, QString* out, bool required)
{
    const JsonValue* v = s.member(key);
    if (!v)
        return required ? p.fail(s, tr("missing \"%1\"").arg(key)) : true;
    if (!v->isString() || v->string.isEmpty())
        return p.fail(*v, tr("\"%1\" takes a variable name").arg(key));
    *out = v->string;
    return true;
}

// A value to send or add: a string (placeholders allowed) or a whole number.
// A blocking step's "timeout": seconds from 0 to a day; -1 (for ever) when there is none.
bool optionalTimeout(StepParser& p, const JsonValue& s, double* seconds)
{
    *seconds = -1;
    const JsonValue* t = s.member(QStringLiteral("timeout"));
    if (!t)
        return true;
    if (!t->isNumber() || t->number < 0 || t->number > kMaxSleepSeconds)
        return p.fail(*t, tr("\"timeout\" takes a number of seconds from 0 to a day"));
    *seconds = t->number;
    return true;
}

bool valueText(StepParser& p, const JsonValue& s, const QString& key, QString* out)
{
    const JsonValue* v = s.member(key);
    if (!v)
        return p.fail(s, tr("missing \"%1\"").arg(key));
    if (v->isString()) {
        *out = v->string;
        return true;
    }
    qint64 n = 0;
    if (wholeNumber(*v, -(1LL << 53), 1LL << 53, &n)) {
        *out = QString::number(n);
        return true;
    }
    return p.fail(*v, tr("\"%1\" takes a text or a whole number").arg(key));
}

// Events, conditions and the endless loop: the steps of the synchronisation lessons.
bool parseSyncStep(StepParser& p, const QString& kind, const JsonValue& s, const JsonValue& arg, Step* step)
{
    if (kind == QLatin1String("set") || kind == QLatin1String("clear") || kind == QLatin1String("notify_all")) {
        step->kind = kind == QLatin1String("set") ? Step::Kind::Set
            : kind == QLatin1String("clear")      ? Step::Kind::Clear
                                                  : Step::Kind::NotifyAll;
        return name(p, arg, kind, &step->target) && p.checkKeys(s, { kind }, tr("a %1 step").arg(kind));
    }
    if (kind == QLatin1String("notify")) {
        step->kind = Step::Kind::Notify;
        step->count = 1;
        if (!name(p, arg, kind, &step->target) || !p.checkKeys(s, { kind, QStringLiteral("n") }, tr("a notify step")))
            return false;
        if (const JsonValue* n = s.member(QStringLiteral("n"))) {
            if (!wholeNumber(*n, 1, kMaxThreadWorkers, &step->count))
                return p.fail(*n, tr("\"n\" takes a whole number from 1 to %1").arg(kMaxThreadWorkers));
        }
        return true;
    }
    if (kind == QLatin1String("wait")) {
        step->kind = Step::Kind::Wait;
        return name(p, arg, kind, &step->target)
            && p.checkKeys(s, { kind, QStringLiteral("timeout"), QStringLiteral("into") }, tr("a wait step"))
            && optionalName(p, s, QStringLiteral("into"), &step->var, false) && optionalTimeout(p, s, &step->seconds);
    }
    if (kind == QLatin1String("spin")) {
        step->kind = Step::Kind::Spin;
        if (!arg.isString() || arg.string != QLatin1String("forever"))
            return p.fail(arg, tr("\"spin\" takes \"forever\" (while True: pass, until terminated)"));
        return p.checkKeys(s, { kind }, tr("a spin step"));
    }
    return p.fail(arg, tr("unknown step \"%1\"").arg(kind));
}

// "semaphores": {"pool": 2}, "rlocks": ["r"], "conditions": {"cv": "lock"}.
bool parseSyncMembers(StepParser& p, const JsonValue& root, Scenario* out)
{
    if (const JsonValue* sem = root.member(QStringLiteral("semaphores"))) {
        if (!sem->isObject())
            return p.fail(*sem, tr("\"semaphores\" maps names to their values, e.g. {\"pool\": 2}"));
        for (const auto& [key, value] : sem->object) {
            qint64 n = 0;
            if (!wholeNumber(value, 0, 1LL << 31, &n))
                return p.fail(value, tr("semaphore \"%1\" takes a whole number from 0").arg(key));
            out->semaphores.insert(key, n);
        }
    }
    if (const JsonValue* r = root.member(QStringLiteral("rlocks"))) {
        if (!r->isArray())
            return p.fail(*r, tr("\"rlocks\" lists the names of reentrant locks"));
        for (const JsonValue& v : r->array) {
            if (!v.isString() || v.string.isEmpty() || out->semaphores.contains(v.string))
                return p.fail(v, tr("an rlock is a name that is not a semaphore's"));
            out->rlocks.append(v.string);
        }
    }
    if (const JsonValue* c = root.member(QStringLiteral("conditions"))) {
        if (!c->isObject())
            return p.fail(*c, tr("\"conditions\" maps names to the lock each uses, e.g. {\"cv\": \"lock\"}"));
        for (const auto& [key, value] : c->object) {
            if (!value.isString() || value.string.isEmpty() || out->semaphores.contains(value.string))
                return p.fail(value, tr("condition \"%1\" takes the name of a lock or rlock").arg(key));
            out->conditions.insert(key, value.string);
        }
    }
    return true;
}

} // namespace

bool repeatedMember(const JsonValue& obj, size_t i, QSet<QString>* seen)
{
    constexpr size_t kLookBack = 8; // below this, comparing is cheaper than hashing
    const QString& key = obj.object[i].first;
    if (obj.object.size() <= kLookBack) {
        for (size_t j = 0; j < i; ++j) {
            if (obj.object[j].first == key)
                return true;
        }
        return false;
    }
    const qsizetype before = seen->size();
    seen->insert(key);
    return seen->size() == before;
}

QStringList dataStepKinds()
{
    return { QStringLiteral("compute"), QStringLiteral("acquire"), QStringLiteral("release"), QStringLiteral("send"),
        QStringLiteral("recv"), QStringLiteral("load"), QStringLiteral("store"), QStringLiteral("add"),
        QStringLiteral("alloc"), QStringLiteral("touch"), QStringLiteral("free"), QStringLiteral("set"),
        QStringLiteral("clear"), QStringLiteral("wait"), QStringLiteral("notify"), QStringLiteral("notify_all"),
        QStringLiteral("spin") };
}

// Over 80 lines on purpose: one case a data step kind, each a few lines, read as the table of
// what each kind takes (docs/scenarios.md lists them in the same order).
bool parseDataStep(StepParser& p, const QString& kind, const JsonValue& s, const JsonValue& arg, Step* step)
{
    if (kind == QLatin1String("compute")) {
        step->kind = Step::Kind::Compute;
        if (!arg.isString() || arg.string != QLatin1String("sum"))
            return p.fail(arg, tr("\"compute\" takes \"sum\" (the sum of the whole numbers from \"from\" to \"to\")"));
        if (!p.checkKeys(s,
                { QStringLiteral("compute"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("into") },
                tr("a compute step")))
            return false;
        const JsonValue* from = s.member(QStringLiteral("from"));
        const JsonValue* to = s.member(QStringLiteral("to"));
        if (!from || !to)
            return p.fail(s, tr("\"compute\" needs \"from\" and \"to\" (the range [from, to) to sum)"));
        if (!wholeNumber(*from, 0, 1LL << 53, &step->from))
            return p.fail(*from, tr("\"from\" takes a whole number from 0 to 2^53"));
        if (!wholeNumber(*to, 0, 1LL << 53, &step->to) || step->to < step->from)
            return p.fail(*to, tr("\"to\" takes a whole number no smaller than \"from\""));
        if (step->to - step->from > kMaxComputeSize)
            return p.fail(*to,
                tr("a compute step sums at most %1 numbers (10^12); this one asks for %2")
                    .arg(kMaxComputeSize)
                    .arg(step->to - step->from));
        return optionalName(p, s, QStringLiteral("into"), &step->var, false);
    }
    if (kind == QLatin1String("acquire") || kind == QLatin1String("release")) {
        step->kind = kind == QLatin1String("acquire") ? Step::Kind::Acquire : Step::Kind::Release;
        return name(p, arg, kind, &step->target) && p.checkKeys(s, { kind }, tr("a %1 step").arg(kind));
    }
    if (kind == QLatin1String("send")) {
        step->kind = Step::Kind::Send;
        p.channelUses.push_back({ arg.string, true, false, &arg });
        return name(p, arg, kind, &step->target) && p.checkKeys(s, { kind, QStringLiteral("value") }, tr("a send step"))
            && valueText(p, s, QStringLiteral("value"), &step->text);
    }
    if (kind == QLatin1String("recv")) {
        step->kind = Step::Kind::Recv;
        if (!name(p, arg, kind, &step->target)
            || !p.checkKeys(s, { kind, QStringLiteral("into"), QStringLiteral("timeout") }, tr("a recv step"))
            || !optionalName(p, s, QStringLiteral("into"), &step->var, false) || !optionalTimeout(p, s, &step->seconds))
            return false;
        p.channelUses.push_back({ step->target, false, step->seconds >= 0, &arg });
        return true;
    }
    if (kind == QLatin1String("load")) {
        step->kind = Step::Kind::Load;
        if (!name(p, arg, kind, &step->target) || !p.checkKeys(s, { kind, QStringLiteral("into") }, tr("a load step"))
            || !optionalName(p, s, QStringLiteral("into"), &step->var, true))
            return false;
        p.sharedUses.emplace_back(step->target, &arg);
        return true;
    }
    if (kind == QLatin1String("store")) {
        step->kind = Step::Kind::Store;
        if (!name(p, arg, kind, &step->target)
            || !p.checkKeys(s, { kind, QStringLiteral("value"), QStringLiteral("add") }, tr("a store step"))
            || !valueText(p, s, QStringLiteral("value"), &step->text))
            return false;
        if (const JsonValue* a = s.member(QStringLiteral("add"))) {
            if (!wholeNumber(*a, -(1LL << 53), 1LL << 53, &step->amount))
                return p.fail(*a, tr("\"add\" takes a whole number"));
        }
        p.sharedUses.emplace_back(step->target, &arg);
        return true;
    }
    if (kind == QLatin1String("add")) {
        step->kind = Step::Kind::Add;
        return name(p, arg, kind, &step->target) && p.checkKeys(s, { kind, QStringLiteral("value") }, tr("an add step"))
            && valueText(p, s, QStringLiteral("value"), &step->text);
    }
    if (kind == QLatin1String("alloc")) {
        step->kind = Step::Kind::Alloc;
        if (!name(p, arg, kind, &step->target) || !p.checkKeys(s, { kind, QStringLiteral("mb") }, tr("an alloc step")))
            return false;
        const JsonValue* mb = s.member(QStringLiteral("mb"));
        if (!mb)
            return p.fail(s, tr("\"alloc\" needs \"mb\" (the size in MiB)"));
        if (!wholeNumber(*mb, 1, kMaxAllocMiB, &step->amount))
            return p.fail(*mb, tr("\"mb\" takes a whole number of MiB from 1 to %1").arg(kMaxAllocMiB));
        p.memoryUses.push_back({ step->target, step->amount, QString(), mb, 1 });
        return true;
    }
    if (kind == QLatin1String("touch") || kind == QLatin1String("free")) {
        step->kind = kind == QLatin1String("touch") ? Step::Kind::Touch : Step::Kind::Free;
        if (!name(p, arg, kind, &step->target) || !p.checkKeys(s, { kind }, tr("a %1 step").arg(kind)))
            return false;
        // A process worker that touches a buffer gets its own copy of it.
        if (step->kind == Step::Kind::Touch && !p.processWorker.isEmpty())
            p.memoryUses.push_back({ step->target, 0, p.processWorker, &arg, p.processCopies });
        return true;
    }
    return parseSyncStep(p, kind, s, arg, step);
}

// A repeat allocates a named buffer again in place of the old one, and a process worker copies
// a buffer once however often it touches it: steps count as written, not as run.
bool checkMemoryTotal(StepParser& p)
{
    QHash<QString, qint64> sizes; // the largest alloc of each buffer
    for (const StepParser::MemoryUse& use : p.memoryUses) {
        qint64& size = sizes[use.buffer];
        size = std::max(size, use.mib);
    }
    QSet<QPair<QString, QString>> copied; // (worker, buffer)
    qint64 total = 0;
    for (const StepParser::MemoryUse& use : p.memoryUses) {
        if (use.mib == 0) {
            const qsizetype before = copied.size();
            copied.insert({ use.worker, use.buffer });
            if (copied.size() == before)
                continue;
        }
        total += use.mib > 0 ? use.mib : sizes.value(use.buffer) * use.copies;
        if (total > kMaxAllocTotalMiB)
            return p.fail(*use.at,
                tr("with this step the scenario's buffers add up to %1 MiB, more than the %2 MiB a scenario may "
                   "allocate in all")
                    .arg(total)
                    .arg(kMaxAllocTotalMiB));
    }
    return true;
}

namespace {
// "expect": {"counter": 4000}: what shared values should end at once the run is over.
bool parseExpect(StepParser& p, const JsonValue& root, const QSet<QString>& declared, Scenario* out)
{
    const JsonValue* ex = root.member(QStringLiteral("expect"));
    if (!ex)
        return true;
    if (!ex->isObject())
        return p.fail(*ex, tr("\"expect\" maps shared values to what they should end at, e.g. {\"counter\": 4000}"));
    QSet<QString> seen;
    for (size_t i = 0; i < ex->object.size(); ++i) {
        const auto& [key, value] = ex->object[i];
        if (repeatedMember(*ex, i, &seen))
            return p.fail(value, tr("\"%1\" appears twice in %2").arg(key, tr("\"expect\"")));
        if (!declared.contains(key)) {
            QStringList names = declared.values();
            names.sort();
            return p.fail(value,
                names.isEmpty() ? tr("\"expect\" names \"%1\", but the scenario declares no \"shared\" values").arg(key)
                                : tr("\"expect\" names \"%1\", which is not a shared value (declared: %2)")
                                      .arg(key, names.join(QLatin1String(", "))));
        }
        qint64 n = 0;
        if (!wholeNumber(value, -(1LL << 53), 1LL << 53, &n))
            return p.fail(value,
                value.isNumber()
                    ? tr("the expected value of \"%1\" must be a whole number (%2)").arg(key).arg(value.number)
                    : tr("the expected value of \"%1\" must be a number, not %2").arg(key, value.typeName()));
        out->expect.append({ key, n });
    }
    return true;
}
} // namespace

bool parseDataMembers(StepParser& p, const JsonValue& root, Scenario* out)
{
    if (!parseSyncMembers(p, root, out) || !parseChannelMembers(p, root, out))
        return false;
    if (const JsonValue* g = root.member(QStringLiteral("gil"))) {
        if (!g->isBool())
            return p.fail(*g, tr("\"gil\" must be true or false"));
        out->gil = g->boolean;
    }
    if (const JsonValue* si = root.member(QStringLiteral("switch_interval"))) {
        if (!si->isNumber() || !OptionRanges::switchInterval.contains(si->number))
            return p.fail(
                *si, tr("\"switch_interval\" takes seconds %1").arg(OptionRanges::switchInterval.rangeText()));
        out->switchInterval = si->number;
    }
    if (const JsonValue* sh = root.member(QStringLiteral("shared"))) {
        if (!sh->isObject())
            return p.fail(*sh, tr("\"shared\" maps names to whole numbers, e.g. {\"counter\": 0}"));
        QSet<QString> seen;
        for (size_t i = 0; i < sh->object.size(); ++i) {
            const auto& [key, value] = sh->object[i];
            if (repeatedMember(*sh, i, &seen))
                return p.fail(value, tr("shared value \"%1\" appears twice").arg(key));
            qint64 n = 0;
            if (!wholeNumber(value, -(1LL << 53), 1LL << 53, &n))
                return p.fail(value, tr("shared value \"%1\" must be a whole number").arg(key));
            out->shared.append({ key, n });
        }
    }
    QSet<QString> declared;
    declared.reserve(out->shared.size());
    for (const auto& kv : out->shared)
        declared.insert(kv.first);
    for (const auto& [used, at] : p.sharedUses) {
        if (!declared.contains(used))
            return p.fail(*at, tr("\"%1\" is not declared in \"shared\"").arg(used));
    }
    if (!parseExpect(p, root, declared, out))
        return false;
    if (const JsonValue* cmp = root.member(QStringLiteral("compare"))) {
        if (!cmp->isArray() || cmp->array.empty())
            return p.fail(*cmp, tr("\"compare\" lists the variants to compare"));
        for (const JsonValue& v : cmp->array) {
            if (!v.isObject())
                return p.fail(v, tr("a variant is an object with name, scenario, kind and workers"));
            if (!p.checkKeys(v,
                    { QStringLiteral("name"), QStringLiteral("scenario"), QStringLiteral("kind"),
                        QStringLiteral("workers") },
                    tr("a variant")))
                return false;
            Scenario::Variant variant;
            if (!optionalName(p, v, QStringLiteral("name"), &variant.name, true)
                || !optionalName(p, v, QStringLiteral("scenario"), &variant.scenario, true)
                || !optionalName(p, v, QStringLiteral("kind"), &variant.kind, true))
                return false;
            if (variant.kind != QLatin1String("thread") && variant.kind != QLatin1String("process"))
                return p.fail(*v.member(QStringLiteral("kind")), tr("\"kind\" is \"thread\" or \"process\""));
            qint64 workers = 1;
            if (const JsonValue* w = v.member(QStringLiteral("workers"))) {
                if (!wholeNumber(*w, 1, kMaxWorkers, &workers))
                    return p.fail(*w, tr("\"workers\" takes a whole number from 1 to %1").arg(kMaxWorkers));
            }
            variant.workers = int(workers);
            out->variants.push_back(variant);
        }
    }
    return true;
}

} // namespace Forkline
