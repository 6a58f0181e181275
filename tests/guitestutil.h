// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for the window's tests (tst_gui*): they need Widgets, which the other tests do not link.

#include <QApplication>
#include <QTimer>
#include <QWidget>
#include <functional>

namespace ForklineTest {

// Runs `act` on the modal dialog the next trigger opens, then makes sure it closes: a test
// must not hang on a dialog it did not expect.
inline void onNextDialog(const std::function<void(QWidget*)>& act)
{
    QTimer::singleShot(0, qApp, [act] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal) {
            onNextDialog(act); // not up yet
            return;
        }
        act(modal);
        if (modal->isVisible())
            modal->close();
    });
}

} // namespace ForklineTest
