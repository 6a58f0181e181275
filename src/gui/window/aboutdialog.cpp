// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "appicon.h"
#include "documentation.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Forkline {

AboutDialog::AboutDialog(const QString& documentation, QWidget* parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setWindowTitle(tr("About Forkline"));
    const QString docs
        = documentation.isEmpty() ? Documentation::onlineReadme() : QUrl::fromLocalFile(documentation).toString();
    m_text->setText(
        tr("<h3>Forkline %1</h3>"
           "<p>Forkline runs concurrency lessons for real, with real threads and processes, and draws "
           "what happened on a timeline: one lane per thread, grouped by process.</p>"
           "<p>Solid boxes: the thread runs. Hatched: it sleeps. Pale boxes with a patterned line: it waits "
           "(for a join, the GIL, a lock, input or a queue). Arrows show which thread started or joined "
           "which.</p>"
           "<p>Wheel: zoom. Drag: pan. Shift+drag: zoom to a range. 0: fit all.</p>")
            .arg(QCoreApplication::applicationVersion())
        + tr("<p><a href=\"%1\">Documentation</a> (F1): how to use it, and how to write your own "
             "lessons.</p>")
              .arg(docs)
        + tr("<p>Free software under the GNU General Public License, version 3 or (at your option) any later "
             "version (GPL-3.0-or-later): you may share and change it under its terms. It comes with no "
             "warranty. <a href=\"%1\">The license</a>.</p>"
             "<p>Built with Qt %2, running on Qt %3.</p>")
              .arg(QStringLiteral("https://www.gnu.org/licenses/gpl-3.0.html"), QStringLiteral(QT_VERSION_STR),
                  QString::fromLatin1(qVersion())));
    m_text->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setMinimumWidth(460);

    auto* icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(tr("Forkline's icon"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    connect(m_aboutQt, &QPushButton::clicked, this, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(m_text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
}

} // namespace Forkline
