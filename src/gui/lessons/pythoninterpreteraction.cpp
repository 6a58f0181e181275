// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythoninterpreteraction.h"

#include "pythonlauncher.h"
#include "settings/settings.h"

#include <QInputDialog>

namespace Forkline {

PythonInterpreterAction::PythonInterpreterAction(Settings* settings, QWidget* dialogParent)
    : QAction(dialogParent)
    , m_settings(settings)
    , m_dialogParent(dialogParent)
{
    setText(tr("&Python Interpreter…"));
    setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(this, &QAction::triggered, this, &PythonInterpreterAction::choose);
    connect(m_settings, &Settings::pythonInterpreterChanged, this, &PythonInterpreterAction::updateText);
    updateText();
}

void PythonInterpreterAction::updateText()
{
    const QString current = m_settings->pythonInterpreter();
    const QString shown = current.isEmpty() ? PythonLauncher::defaultInterpreter().join(QLatin1Char(' ')) : current;
    setStatusTip(tr("The interpreter that runs Python programs: %1").arg(shown));
    setToolTip(statusTip());
}

bool PythonInterpreterAction::choose()
{
    bool ok = false;
    const QString answer = QInputDialog::getText(m_dialogParent, tr("Python Interpreter"),
        tr("The Python 3.8 or newer that runs Python programs: a path, or a name found on PATH.\n"
           "Leave it empty for the default (%1).")
            .arg(PythonLauncher::defaultInterpreter().join(QLatin1Char(' '))),
        QLineEdit::Normal, m_settings->pythonInterpreter(), &ok);
    if (!ok)
        return false;
    m_settings->setPythonInterpreter(answer);
    return true;
}

} // namespace Forkline
