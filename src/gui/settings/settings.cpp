// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QSettings>
#include <algorithm>

namespace Forkline {

namespace {
const QString kLastScenario = QStringLiteral("run/lastScenario");
const QString kTimeScale = QStringLiteral("run/timeScale");
const QString kWorkScale = QStringLiteral("run/workScale");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kSplitters = QStringLiteral("window/splitters/");
const QString kExportDir = QStringLiteral("export/lastDir");
const QString kPresentation = QStringLiteral("view/presentationMode");
const QString kTraceDir = QStringLiteral("open/lastTraceDir");
} // namespace

Settings::Settings(QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{ }

Settings::~Settings() = default;

QString Settings::lastScenario() const
{
    return m_settings->value(kLastScenario).toString();
}

void Settings::setLastScenario(const QString& nameOrPath)
{
    if (nameOrPath == lastScenario())
        return;
    m_settings->setValue(kLastScenario, nameOrPath);
}

double Settings::timeScale() const
{
    bool ok = false;
    const double v = m_settings->value(kTimeScale, 1.0).toDouble(&ok);
    return ok ? std::clamp(v, kMinTimeScale, kMaxTimeScale) : 1.0;
}

void Settings::setTimeScale(double scale)
{
    scale = std::clamp(scale, kMinTimeScale, kMaxTimeScale);
    if (qFuzzyCompare(scale, timeScale()))
        return;
    m_settings->setValue(kTimeScale, scale);
}

double Settings::workScale() const
{
    bool ok = false;
    const double v = m_settings->value(kWorkScale, 1.0).toDouble(&ok);
    return ok ? std::clamp(v, kMinWorkScale, kMaxWorkScale) : 1.0;
}

void Settings::setWorkScale(double scale)
{
    scale = std::clamp(scale, kMinWorkScale, kMaxWorkScale);
    if (qFuzzyCompare(scale, workScale()))
        return;
    m_settings->setValue(kWorkScale, scale);
}

QByteArray Settings::geometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void Settings::setGeometry(const QByteArray& geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(kWindowState).toByteArray();
}

void Settings::setWindowState(const QByteArray& state)
{
    m_settings->setValue(kWindowState, state);
}

QByteArray Settings::splitterState(const QString& name) const
{
    return m_settings->value(kSplitters + name).toByteArray();
}

void Settings::setSplitterState(const QString& name, const QByteArray& state)
{
    m_settings->setValue(kSplitters + name, state);
}

QString Settings::lastExportDir() const
{
    return m_settings->value(kExportDir).toString();
}

void Settings::setLastExportDir(const QString& dir)
{
    m_settings->setValue(kExportDir, dir);
}

bool Settings::presentationMode() const
{
    return m_settings->value(kPresentation, false).toBool();
}

void Settings::setPresentationMode(bool on)
{
    if (on == presentationMode())
        return;
    m_settings->setValue(kPresentation, on);
}

QString Settings::lastTraceDir() const
{
    return m_settings->value(kTraceDir).toString();
}

void Settings::setLastTraceDir(const QString& dir)
{
    m_settings->setValue(kTraceDir, dir);
}

} // namespace Forkline
