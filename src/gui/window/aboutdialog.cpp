// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "appicon.h"
#include "documentation.h"
#include "ui_aboutdialog.h"

#include <QApplication>
#include <QPushButton>
#include <QUrl>

namespace Forkline {

AboutDialog::AboutDialog(const QString& documentation, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    const QString docs
        = documentation.isEmpty() ? Documentation::onlineReadme() : QUrl::fromLocalFile(documentation).toString();
    // One pass over every marker: a path's own "%20" is not taken for one.
    m_ui->text->setText(m_ui->text->text().arg(QCoreApplication::applicationVersion(), docs,
        QStringLiteral("https://www.gnu.org/licenses/gpl-3.0.html"), QStringLiteral(QT_VERSION_STR),
        QString::fromLatin1(qVersion())));
    m_ui->icon->setPixmap(appIcon().pixmap(64, 64));

    // Designer puts only standard buttons in a button box; this one is added here.
    m_aboutQt = m_ui->buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    connect(m_aboutQt, &QPushButton::clicked, this, &QApplication::aboutQt);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog() = default;

QLabel* AboutDialog::textLabel() const
{
    return m_ui->text;
}

} // namespace Forkline
