// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace Forkline {

class DocumentationWindow;

// The Help menu: Documentation (F1, the README and docs/ that came with the program), About
// Forkline and About Qt.
class HelpMenu : public QObject
{
    Q_OBJECT
public:
    explicit HelpMenu(QWidget* window);

    QMenu* menu() const { return m_menu; }
    QAction* documentationAction() const { return m_documentation; }
    QAction* aboutQtAction() const { return m_aboutQt; }

    // Shows the documentation window; false (and the project's site in the browser) when
    // the program came without its documentation.
    bool showDocumentation();
    DocumentationWindow* documentationWindow() const;

Q_SIGNALS:
    void message(const QString& text);

private:
    void about();

    QWidget* m_window = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_documentation = nullptr;
    QAction* m_about = nullptr;
    QAction* m_aboutQt = nullptr;
    QPointer<DocumentationWindow> m_docs;
};

} // namespace Forkline
