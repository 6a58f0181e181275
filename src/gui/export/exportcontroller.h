// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <functional>

class QAction;
class QWidget;

namespace Forkline {

class Settings;
class TraceModel;

// Export Image, Export Trace, Export CSV and Copy Image: the actions, their dialogs, and where
// the files go (the last export folder, named after what is shown).
class ExportController : public QObject
{
    Q_OBJECT
public:
    // `model` gives what is on screen with its title; `baseName` the file name to suggest,
    // without extension.
    ExportController(
        QWidget* window, Settings* settings, std::function<TraceModel()> model, std::function<QString()> baseName);

    QAction* exportImageAction() const { return m_exportImage; }
    QAction* exportTraceAction() const { return m_exportTrace; }
    QAction* exportCsvAction() const { return m_exportCsv; }
    QAction* copyImageAction() const { return m_copyImage; }

    // Exports need something to export.
    void setHasData(bool hasData);
    // Pictures follow the screen: callouts as switched there, larger text by default while
    // presenting.
    void setCallouts(bool on) { m_callouts = on; }
    void setCompactTime(bool on) { m_compactTime = on; }
    void setPresentation(bool on) { m_presentation = on; }

Q_SIGNALS:
    // A note for the status bar, shown for `ms` milliseconds.
    void message(const QString& text, int ms);
    void failed(const QString& text);

private:
    void exportImageDialog();
    void exportTraceDialog();
    void exportCsvDialog();
    void copyImage();
    QString suggestedPath(const QString& extension) const;

    QWidget* m_window = nullptr;
    bool m_callouts = true;
    bool m_compactTime = false;
    bool m_presentation = false;
    Settings* m_settings = nullptr;
    std::function<TraceModel()> m_model;
    std::function<QString()> m_baseName;
    QAction* m_exportImage = nullptr;
    QAction* m_exportTrace = nullptr;
    QAction* m_exportCsv = nullptr;
    QAction* m_copyImage = nullptr;
};

} // namespace Forkline
