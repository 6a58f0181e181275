// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTextBrowser;
class QToolButton;

namespace Forkline {

// Help > Documentation (F1): the README and docs/ that come with the program, read in a
// window of its own, offline; a link between them follows inside, a web link opens the browser.
class DocumentationWindow : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentationWindow(QWidget* parent = nullptr);

    // False when the program came without its documentation (`readme` empty or missing).
    bool showReadme(const QString& readme);
    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser = nullptr;
    QToolButton* m_back = nullptr;
    QToolButton* m_home = nullptr;
};

} // namespace Forkline
