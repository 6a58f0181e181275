// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

class QSettings;

namespace Forkline {

// Typed access to what the app remembers between sessions; the only place that knows the
// QSettings keys. The file (JSON, see SettingsFormat) is written half a second after a change,
// at sync() and on destruction, always whole: a full disk or a read-only folder leaves the
// old file as it was, and writeFailed() says why.
class Settings : public QObject
{
    Q_OBJECT
public:
    explicit Settings(QObject* parent = nullptr);
    ~Settings() override;

    QString lastScenario() const;
    void setLastScenario(const QString& nameOrPath);
    double timeScale() const;
    void setTimeScale(double scale);
    // Remembered across scenarios and sessions: how much compute a machine can afford is a
    // property of the classroom's computer, not of a lesson. The GIL switch and the switch
    // interval are the lesson's own and start from the scenario each time.
    double workScale() const;
    void setWorkScale(double scale);
    QByteArray geometry() const;
    void setGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState(const QString& name) const;
    void setSplitterState(const QString& name, const QByteArray& state);
    QString lastExportDir() const;
    void setLastExportDir(const QString& dir);
    // Larger fonts and lanes on screen, for a projector.
    bool presentationMode() const;
    void setPresentationMode(bool on);
    // View > Compact Time: idle gaps drawn short.
    bool compactTime() const;
    void setCompactTime(bool on);
    QString lastTraceDir() const;
    void setLastTraceDir(const QString& dir);
    // The interpreter that runs Python programs: a path or a name on PATH; empty for the
    // default (python3; py -3 on Windows).
    QString pythonInterpreter() const;
    void setPythonInterpreter(const QString& interpreter);

    // File > Open Recent: absolute paths, the newest first, at most kMaxRecentFiles.
    QStringList recentFiles() const;
    void setRecentFiles(const QStringList& paths);
    static constexpr int kMaxRecentFiles = 10;
    // View > Language: "en", "ko", or empty for the system's language.
    QString language() const;
    void setLanguage(const QString& language);

    // Writes what changed now. Empty on success, else "cannot write FILE: <the system's
    // reason>", also sent as writeFailed().
    QString sync();
    QString fileName() const;

Q_SIGNALS:
    void writeFailed(const QString& sentence);
    void pythonInterpreterChanged(const QString& interpreter);
    void recentFilesChanged();
    // For the boxes and actions that show these, when Preferences changes them.
    void timeScaleChanged(double scale);
    void workScaleChanged(double scale);
    void presentationModeChanged(bool on);

private:
    void store(const QString& key, const QVariant& value);
    void takeOverIniFile();

    std::unique_ptr<QSettings> m_settings;
    QTimer m_syncTimer;
};

} // namespace Forkline
