// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAction>

namespace Forkline {

class Settings;

// Run > Python Interpreter…: which interpreter runs Python programs, kept in Settings. An
// empty answer goes back to the default (python3; py -3 on Windows).
class PythonInterpreterAction : public QAction
{
    Q_OBJECT
public:
    PythonInterpreterAction(Settings* settings, QWidget* dialogParent);

    // Asks for the interpreter; false when the dialog was cancelled.
    bool choose();

private:
    void updateText();

    Settings* m_settings = nullptr;
    QWidget* m_dialogParent = nullptr;
};

} // namespace Forkline
