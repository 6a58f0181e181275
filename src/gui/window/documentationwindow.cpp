// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentationwindow.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Forkline {

DocumentationWindow::DocumentationWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_browser(new QTextBrowser(this))
    , m_back(new QToolButton(this))
    , m_home(new QToolButton(this))
{
    setWindowTitle(tr("Forkline Documentation"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    resize(900, 760);
    m_browser->setOpenExternalLinks(true);
    m_browser->setAccessibleName(tr("Documentation"));
    m_back->setText(tr("&Back"));
    m_back->setAccessibleName(tr("Back"));
    m_back->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    m_back->setEnabled(false);
    m_home->setText(tr("&Contents"));
    m_home->setAccessibleName(tr("Contents"));
    m_home->setIcon(QIcon::fromTheme(QStringLiteral("go-home")));
    for (QToolButton* b : { m_back, m_home })
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_home, &QToolButton::clicked, m_browser, &QTextBrowser::home);
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QToolButton::setEnabled);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_home);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_browser, 1);
}

bool DocumentationWindow::showReadme(const QString& readme)
{
    if (readme.isEmpty() || !QFileInfo(readme).isFile())
        return false;
    // The .md suffix makes the browser read Markdown, here and for every link it follows.
    m_browser->setSource(QUrl::fromLocalFile(readme), QTextDocument::MarkdownResource);
    return true;
}

} // namespace Forkline
