// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "atomicfile.h"
#include "optionranges.h"
#include "settingsformat.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <algorithm>
#include <cmath>

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
const QString kCompactTime = QStringLiteral("view/compactTime");
const QString kTraceDir = QStringLiteral("open/lastTraceDir");
const QString kPython = QStringLiteral("python/interpreter");
const QString kRecent = QStringLiteral("open/recentFiles");
const QString kLanguage = QStringLiteral("view/language");
constexpr int kSyncDelayMs = 500;

// A value the file holds out of range (edited by hand, or from a version with other limits)
// is brought into the range the command line and the boxes use.
double clampTo(const OptionRange& range, double value)
{
    return std::clamp(value, range.boxMinimum(), range.high);
}

// As QSettings' own default constructor names the folder.
QString organization()
{
    const QString name = QCoreApplication::organizationName();
    return name.isEmpty() ? QCoreApplication::organizationDomain() : name;
}

std::unique_ptr<QSettings> openSettings()
{
    auto settings = std::make_unique<QSettings>(
        SettingsFormat::format(), QSettings::UserScope, organization(), QCoreApplication::applicationName());
    settings->setAtomicSyncRequired(true); // never write in place, even where a folder is read-only
    return settings;
}
} // namespace

Settings::Settings(QObject* parent)
    : QObject(parent)
    , m_settings(openSettings())
{
    takeOverIniFile();
    // Changes reach the disk a moment after they are made, so a failure shows while the
    // window is there to say so.
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(kSyncDelayMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &Settings::sync);
}

// QSettings writes what is left when it goes, through the same careful format; no signal
// then, as the window listening may be half gone.
Settings::~Settings() = default;

// Earlier versions kept the settings in an INI file beside this one: what it held carries
// over once.
void Settings::takeOverIniFile()
{
    if (QFileInfo::exists(m_settings->fileName()))
        return;
    const QSettings old(
        QSettings::NativeFormat, QSettings::UserScope, organization(), QCoreApplication::applicationName());
    if (!QFileInfo::exists(old.fileName()))
        return;
    const QStringList keys = old.allKeys();
    for (const QString& key : keys)
        m_settings->setValue(key, old.value(key));
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QString Settings::sync()
{
    m_syncTimer.stop();
    SettingsFormat::takeWriteError();
    if (m_settings->status() != QSettings::NoError) {
        // QSettings keeps its first error for good. A fresh object over the same file (the
        // values not yet written are shared with it) writes them as it starts, and its status
        // is this attempt's.
        std::unique_ptr<QSettings> fresh = openSettings();
        m_settings.swap(fresh);
    }
    m_settings->sync();
    if (m_settings->status() != QSettings::AccessError)
        return {};
    QString reason = SettingsFormat::takeWriteError();
    if (reason.isEmpty())
        reason = SettingsFormat::probe(m_settings->fileName());
    const QString sentence = cannotWriteMessage(m_settings->fileName(), reason);
    Q_EMIT writeFailed(sentence);
    return sentence;
}

void Settings::store(const QString& key, const QVariant& value)
{
    m_settings->setValue(key, value);
    m_syncTimer.start();
}

QString Settings::lastScenario() const
{
    return m_settings->value(kLastScenario).toString();
}

void Settings::setLastScenario(const QString& nameOrPath)
{
    if (nameOrPath == lastScenario())
        return;
    store(kLastScenario, nameOrPath);
}

double Settings::timeScale() const
{
    bool ok = false;
    const double v = m_settings->value(kTimeScale, 1.0).toDouble(&ok);
    return ok && !std::isnan(v) ? clampTo(OptionRanges::timeScale, v) : OptionRanges::timeScale.defaultValue;
}

void Settings::setTimeScale(double scale)
{
    scale = clampTo(OptionRanges::timeScale, scale);
    if (qFuzzyCompare(scale, timeScale()))
        return;
    store(kTimeScale, scale);
    Q_EMIT timeScaleChanged(scale);
}

double Settings::workScale() const
{
    bool ok = false;
    const double v = m_settings->value(kWorkScale, 1.0).toDouble(&ok);
    return ok && !std::isnan(v) ? clampTo(OptionRanges::workScale, v) : OptionRanges::workScale.defaultValue;
}

void Settings::setWorkScale(double scale)
{
    scale = clampTo(OptionRanges::workScale, scale);
    if (qFuzzyCompare(scale, workScale()))
        return;
    store(kWorkScale, scale);
    Q_EMIT workScaleChanged(scale);
}

QByteArray Settings::geometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void Settings::setGeometry(const QByteArray& geometry)
{
    store(kGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(kWindowState).toByteArray();
}

void Settings::setWindowState(const QByteArray& state)
{
    store(kWindowState, state);
}

QByteArray Settings::splitterState(const QString& name) const
{
    return m_settings->value(kSplitters + name).toByteArray();
}

void Settings::setSplitterState(const QString& name, const QByteArray& state)
{
    store(kSplitters + name, state);
}

QString Settings::lastExportDir() const
{
    return m_settings->value(kExportDir).toString();
}

void Settings::setLastExportDir(const QString& dir)
{
    store(kExportDir, dir);
}

bool Settings::presentationMode() const
{
    return m_settings->value(kPresentation, false).toBool();
}

void Settings::setPresentationMode(bool on)
{
    if (on == presentationMode())
        return;
    store(kPresentation, on);
    Q_EMIT presentationModeChanged(on);
}

bool Settings::compactTime() const
{
    return m_settings->value(kCompactTime, false).toBool();
}

void Settings::setCompactTime(bool on)
{
    if (on == compactTime())
        return;
    store(kCompactTime, on);
}

QString Settings::lastTraceDir() const
{
    return m_settings->value(kTraceDir).toString();
}

void Settings::setLastTraceDir(const QString& dir)
{
    store(kTraceDir, dir);
}

QString Settings::pythonInterpreter() const
{
    return m_settings->value(kPython).toString().trimmed();
}

void Settings::setPythonInterpreter(const QString& interpreter)
{
    const QString value = interpreter.trimmed();
    if (value == pythonInterpreter())
        return;
    store(kPython, value);
    Q_EMIT pythonInterpreterChanged(value);
}

QStringList Settings::recentFiles() const
{
    QStringList paths = m_settings->value(kRecent).toStringList();
    paths.removeAll(QString());
    paths.removeDuplicates();
    return paths.mid(0, kMaxRecentFiles);
}

void Settings::setRecentFiles(const QStringList& paths)
{
    const QStringList kept = paths.mid(0, kMaxRecentFiles);
    if (kept == recentFiles())
        return;
    store(kRecent, kept);
    Q_EMIT recentFilesChanged();
}

QString Settings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void Settings::setLanguage(const QString& language)
{
    if (language == this->language())
        return;
    store(kLanguage, language);
}

} // namespace Forkline
