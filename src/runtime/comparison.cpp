// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparison.h"

#include "collector.h"
#include "cpusampler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace Forkline {

Comparison::Comparison(QObject* parent)
    : QObject(parent)
{ }

Comparison::~Comparison() = default;

bool Comparison::start(const QString& scenario, const RunOptions& options, const QString& program, QString* error)
{
    Scenario sc;
    ScenarioError serr;
    if (!loadScenario(scenario, &sc, &serr)) {
        *error = serr.toString();
        return false;
    }
    if (sc.variants.empty()) {
        *error = tr("%1 has no variants to compare (its \"compare\" member is missing)").arg(scenario);
        return false;
    }
    m_plan.clear();
    m_results.clear();
    for (const bool gil : { true, false }) {
        for (const Scenario::Variant& v : sc.variants) {
            Scenario variant;
            if (!loadScenario(v.scenario, &variant, &serr)) {
                *error = serr.toString();
                return false;
            }
            VariantResult r;
            r.name = v.name;
            r.scenario = v.scenario;
            r.kind = v.kind;
            r.workers = v.workers;
            r.gil = gil;
            m_plan.push_back(r);
        }
    }
    m_options = options;
    m_program = program;
    m_next = 0;
    m_running = true;
    m_cancelled = false;
    runNext();
    return true;
}

void Comparison::cancel()
{
    m_cancelled = true;
    if (m_collector)
        m_collector->stop();
}

void Comparison::runNext()
{
    if (m_cancelled || m_next >= int(m_plan.size())) {
        m_running = false;
        computeSpeedups();
        Q_EMIT finished(!m_cancelled);
        return;
    }
    const int index = m_next++;
    VariantResult r = m_plan[size_t(index)];
    m_collector = std::make_unique<Collector>();
    // Timings are only worth comparing when nothing else took the cores meanwhile.
    auto* sampler = new CpuSampler(m_collector.get());
    Collector::Launch launch;
    launch.scenario = r.scenario;
    launch.options = m_options;
    launch.options.gil = r.gil ? 1 : 0;
    launch.program = m_program;
    connect(m_collector.get(), &Collector::finished, this, [this, index, sampler](int exitCode) {
        VariantResult& done = m_plan[size_t(index)];
        done.model = m_collector->takeModel();
        done.ok = exitCode == 0;
        if (!done.ok)
            done.error = m_collector->errorText().isEmpty() ? tr("the run ended with code %1").arg(exitCode)
                                                            : m_collector->errorText();
        done.wallSeconds = wallSeconds(done.model);
        done.otherCores = sampler->otherCores();
        done.contended = sampler->contended();
        done.result = lastPrintedNumber(done.model);
        m_results.push_back(done);
        Q_EMIT variantFinished(index);
        // Leave the collector's own signal handler before replacing it.
        QMetaObject::invokeMethod(this, &Comparison::runNext, Qt::QueuedConnection);
    });
    Q_EMIT variantStarted(index, r.name, r.gil);
    QString error;
    if (!m_collector->start(launch, &error)) {
        r.error = error;
        m_results.push_back(r);
        Q_EMIT variantFinished(index);
        QMetaObject::invokeMethod(this, &Comparison::runNext, Qt::QueuedConnection);
    }
}

void Comparison::computeSpeedups()
{
    for (VariantResult& r : m_results) {
        for (const VariantResult& base : m_results) {
            if (base.gil == r.gil && base.ok) {
                r.speedup = r.ok && r.wallSeconds > 0 ? base.wallSeconds / r.wallSeconds : 0;
                break; // the first variant of each GIL setting is the yardstick
            }
        }
    }
}

double Comparison::wallSeconds(const TraceModel& model)
{
    for (const ProcessInfo& p : model.processes()) {
        for (int li : p.lanes) {
            const Lane& l = model.lane(li);
            if (l.kind != LaneKind::Process || l.parent >= 0)
                continue;
            qint64 start = -1;
            qint64 end = -1;
            for (const Instant& in : l.instants) {
                if (in.kind == InstantKind::Start && start < 0)
                    start = in.t;
                if (isTerminal(in.kind))
                    end = in.t;
            }
            if (start >= 0 && end >= start)
                return double(end - start) / 1e9;
        }
    }
    return 0;
}

QString Comparison::lastPrintedNumber(const TraceModel& model)
{
    static const QRegularExpression number(QStringLiteral("(-?\\d+)\\s*$"));
    for (auto it = model.prints().rbegin(); it != model.prints().rend(); ++it) {
        if (it->text < 0)
            continue;
        const QRegularExpressionMatch m = number.match(model.texts().at(it->text));
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

bool Comparison::contended() const
{
    return std::any_of(m_results.begin(), m_results.end(), [](const VariantResult& r) { return r.contended; });
}

double Comparison::maxOtherCores() const
{
    double most = 0;
    for (const VariantResult& r : m_results)
        most = std::max(most, r.otherCores);
    return most;
}

QString Comparison::contentionWarning() const
{
    if (!contended())
        return {};
    QStringList names;
    for (const VariantResult& r : m_results) {
        if (r.contended)
            names << r.name + QLatin1Char(' ') + (r.gil ? tr("GIL on") : tr("GIL off"));
    }
    return tr("Timings unreliable: other programs kept %1 of a core busy during %2. Close them and compare again.")
        .arg(QString::number(maxOtherCores(), 'f', 2), names.join(QStringLiteral(", ")));
}

QByteArray Comparison::toJson() const
{
    QJsonArray variants;
    for (const VariantResult& r : m_results) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), r.name);
        o.insert(QStringLiteral("kind"), r.kind);
        o.insert(QStringLiteral("workers"), r.workers);
        o.insert(QStringLiteral("gil"), r.gil);
        o.insert(QStringLiteral("wall_s"), r.wallSeconds);
        o.insert(QStringLiteral("speedup"), r.speedup);
        o.insert(QStringLiteral("result"), r.result);
        o.insert(QStringLiteral("contended"), r.contended);
        o.insert(QStringLiteral("other_cpu"), std::round(r.otherCores * 100) / 100);
        if (!r.ok)
            o.insert(QStringLiteral("error"), r.error);
        variants.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("variants"), variants);
    root.insert(QStringLiteral("contended"), contended());
    root.insert(QStringLiteral("other_cpu"), std::round(maxOtherCores() * 100) / 100);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString Comparison::toTable() const
{
    QString out = tr("%1  %2  %3  %4  %5\n")
                      .arg(tr("variant"), -14)
                      .arg(tr("GIL"), -3)
                      .arg(tr("wall (s)"), 9)
                      .arg(tr("speedup"), 8)
                      .arg(tr("result"));
    for (const VariantResult& r : m_results) {
        out += QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(r.name, -14)
                   .arg(r.gil ? tr("on") : tr("off"), -3)
                   .arg(r.wallSeconds, 9, 'f', 2)
                   .arg(QString::number(r.speedup, 'f', 2) + QLatin1Char('x'), 8)
                   .arg(r.ok ? r.result : r.error);
    }
    if (contended())
        out += QLatin1Char('\n') + contentionWarning() + QLatin1Char('\n');
    return out;
}

} // namespace Forkline
