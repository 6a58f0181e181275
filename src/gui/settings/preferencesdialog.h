// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <memory>

namespace Forkline {

namespace Ui {
class PreferencesDialog;
}

class Settings;

// Edit > Preferences…: the settings a person chooses (the Python interpreter, the time and
// work scales, the language, presentation mode) in one place. The boxes take only what the
// command line accepts (OptionRanges); OK writes them to Settings, Cancel leaves Settings as
// it was, Restore Defaults puts the boxes back to the defaults (applied on OK). The layout is
// ui/preferencesdialog.ui.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Settings* settings, QWidget* parent = nullptr);
    ~PreferencesDialog() override;

    void accept() override;
    // Shows the defaults; nothing reaches Settings before OK.
    void restoreDefaults();
    // The language code chosen in the box ("" for the system's language).
    QString language() const;

private:
    void load();
    void apply();
    void browsePython();
    void updatePythonNote();

    Settings* m_settings = nullptr;
    std::unique_ptr<Ui::PreferencesDialog> m_ui;
};

} // namespace Forkline
