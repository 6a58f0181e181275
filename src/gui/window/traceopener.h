// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chrometraceimport.h"

#include <QFutureWatcher>
#include <QObject>

class QAction;
class QLabel;
class QMainWindow;
class QProgressBar;
class QWidget;

namespace Forkline {

class Settings;

// Opens Chrome trace files without freezing the window: File > Open Trace… or a file
// dropped on the window is imported on a worker thread, with a progress bar and Cancel in
// the status bar. Only the newest request counts: opening another file (or starting a run)
// cancels the one still loading and its result is dropped. Dropped scenario files are
// handed back to the window.
class TraceOpener : public QObject
{
    Q_OBJECT
public:
    TraceOpener(QMainWindow* window, Settings* settings);
    ~TraceOpener() override;

    QAction* openAction() const { return m_open; }
    QAction* cancelAction() const { return m_cancel; }
    QWidget* progressWidget() const { return m_progressBox; }

    // Starts importing `path`; whatever was loading before is cancelled and forgotten.
    void open(const QString& path);
    // Stops the import in progress with a sentence for the user; abandon() without one (a
    // run that starts makes the file moot).
    void cancel();
    void abandon();
    bool isBusy() const { return m_watcher != nullptr; }
    // The model of the last `loaded` signal, moved out.
    TraceModel takeModel() { return std::move(m_result.model); }
    const ChromeTraceImportResult& result() const { return m_result; }

    // A trace has {"traceEvents": ...} or is a bare array; anything else is taken for a
    // scenario. Reads only the start of the file.
    static bool looksLikeTrace(const QString& path);

Q_SIGNALS:
    void busyChanged(bool busy);
    // The import of `path` succeeded; takeModel() has it.
    void loaded(const QString& path);
    // It failed or was cancelled: one sentence; the timeline stays as it was.
    void failed(const QString& sentence);
    void scenarioDropped(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openDialog();
    void onFinished(QFutureWatcher<ChromeTraceImportResult>* watcher);
    void setBusy(QFutureWatcher<ChromeTraceImportResult>* watcher);

    QMainWindow* m_window = nullptr;
    Settings* m_settings = nullptr;
    QAction* m_open = nullptr;
    QAction* m_cancel = nullptr;
    QWidget* m_progressBox = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QFutureWatcher<ChromeTraceImportResult>* m_watcher = nullptr;
    QString m_path;
    ChromeTraceImportResult m_result;
};

} // namespace Forkline
