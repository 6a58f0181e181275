// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceopener.h"

#include "scenario.h"
#include "settings/settings.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMimeData>
#include <QProgressBar>
#include <QPromise>
#include <QStatusBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>
#include <cctype>

namespace Forkline {

namespace {
constexpr int kProgressSteps = 1000;
// A trace's "traceEvents" key may follow a metadata object; this much is plenty to find it
// and still instant to read.
constexpr qint64 kSniffBytes = 1 << 20;

QString droppedJson(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    for (const QUrl& url : urls) {
        const QString path = url.toLocalFile();
        // A trace or scenario (.json), or a Python program to run (.py).
        const bool wanted = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || isPythonProgramPath(path);
        if (!path.isEmpty() && wanted && QFileInfo(path).isFile())
            return path;
    }
    return {};
}
} // namespace

TraceOpener::TraceOpener(QMainWindow* window, Settings* settings)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
{
    m_open = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open T&race…"), this);
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_open->setToolTip(tr("Open a Chrome trace (.json) saved by Forkline, Perfetto or another tool (%1)")
                           .arg(m_open->shortcut().toString(QKeySequence::NativeText)));
    m_open->setStatusTip(tr("Open a Chrome trace (.json) and show it on the timeline"));
    connect(m_open, &QAction::triggered, this, &TraceOpener::openDialog);

    m_cancel = new QAction(tr("Cancel Opening"), this);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Stop reading the trace; the timeline stays as it is (Esc)"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QAction::triggered, this, &TraceOpener::cancel);
    window->addAction(m_cancel);

    m_progressBox = new QWidget;
    m_progressLabel = new QLabel(m_progressBox);
    m_progress = new QProgressBar(m_progressBox);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    auto* cancelButton = new QToolButton(m_progressBox);
    cancelButton->setDefaultAction(m_cancel);
    cancelButton->setText(tr("Cancel"));
    auto* layout = new QHBoxLayout(m_progressBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(cancelButton);
    window->statusBar()->addPermanentWidget(m_progressBox);
    m_progressBox->hide();

    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

TraceOpener::~TraceOpener()
{
    // The import holds nothing of ours; it only needs telling that nobody waits for it.
    if (m_watcher)
        m_watcher->cancel();
}

bool TraceOpener::looksLikeTrace(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(kSniffBytes);
    // A compressed trace (.json.gz): what else would be gzipped among the files Forkline opens?
    if (head.startsWith("\x1f\x8b"))
        return true;
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head.at(i))))
        ++i;
    if (i >= head.size())
        return false;
    if (head.at(i) == '[')
        return true;
    return head.at(i) == '{' && head.contains("\"traceEvents\"");
}

void TraceOpener::openDialog()
{
    QString dir = m_settings->lastTraceDir();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    const QString path
        = QFileDialog::getOpenFileName(m_window, tr("Open Trace"), dir, tr("Chrome traces (*.json);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void TraceOpener::open(const QString& path)
{
    if (!m_open->isEnabled()) {
        Q_EMIT failed(tr("Stop the run before opening a trace."));
        return;
    }
    abandon(); // superseded
    auto* watcher = new QFutureWatcher<ChromeTraceImportResult>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] { onFinished(watcher); });
    m_path = path;
    m_progressLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_progress->setValue(0);
    setBusy(watcher);
    watcher->setFuture(QtConcurrent::run([path](QPromise<ChromeTraceImportResult>& promise) {
        promise.setProgressRange(0, kProgressSteps);
        ChromeTraceImportOptions options;
        options.progress = [&promise](double p) { promise.setProgressValue(int(p * kProgressSteps)); };
        options.isCanceled = [&promise] { return promise.isCanceled(); };
        promise.addResult(importChromeTrace(path, options));
    }));
}

void TraceOpener::abandon()
{
    if (!m_watcher)
        return;
    // Let it stop at its next check and never look at what it returns.
    m_watcher->disconnect(this);
    m_watcher->cancel();
    m_watcher->deleteLater();
    setBusy(nullptr);
}

void TraceOpener::cancel()
{
    if (!m_watcher)
        return;
    abandon();
    Q_EMIT failed(tr("Opening %1 was cancelled; the timeline is as it was.").arg(QFileInfo(m_path).fileName()));
}

void TraceOpener::setBusy(QFutureWatcher<ChromeTraceImportResult>* watcher)
{
    const bool was = m_watcher != nullptr;
    m_watcher = watcher;
    m_cancel->setEnabled(watcher != nullptr);
    m_progressBox->setVisible(watcher != nullptr);
    if (was != (watcher != nullptr))
        Q_EMIT busyChanged(watcher != nullptr);
}

void TraceOpener::onFinished(QFutureWatcher<ChromeTraceImportResult>* watcher)
{
    watcher->deleteLater();
    if (watcher != m_watcher)
        return; // a file the user has since given up on
    setBusy(nullptr);
    QFuture<ChromeTraceImportResult> future = watcher->future();
    if (future.isCanceled() || future.resultCount() == 0) {
        Q_EMIT failed(tr("Opening %1 was cancelled; the timeline is as it was.").arg(QFileInfo(m_path).fileName()));
        return;
    }
    m_result = future.takeResult();
    if (!m_result.ok()) {
        Q_EMIT failed(m_result.error.isEmpty()
                ? tr("%1 could not be opened as a trace.").arg(QDir::toNativeSeparators(m_path))
                : m_result.error);
        m_result = {};
        return;
    }
    if (m_result.model.isEmpty()) {
        // Only events the timeline has no place for: nothing to show instead of the run.
        Q_EMIT failed(tr("%1 has no threads or events the timeline can show.").arg(QDir::toNativeSeparators(m_path)));
        m_result = {};
        return;
    }
    m_settings->setLastTraceDir(QFileInfo(m_path).absolutePath());
    Q_EMIT loaded(m_path);
}

bool TraceOpener::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_window)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDropEvent*>(event);
        if (!droppedJson(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = droppedJson(drop->mimeData());
        if (!path.isEmpty()) {
            drop->acceptProposedAction();
            if (!isPythonProgramPath(path) && looksLikeTrace(path))
                open(path);
            else
                Q_EMIT scenarioDropped(path);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Forkline
