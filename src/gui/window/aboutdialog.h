// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <memory>

class QLabel;
class QPushButton;

namespace Forkline {

namespace Ui {
class AboutDialog;
}

// Help > About Forkline: the version, the license, where the documentation is (the copy that
// came with the program, else the project's site) and Qt's own About. The layout is
// ui/aboutdialog.ui.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // `documentation`: README.md's path, or empty when the program came without it.
    AboutDialog(const QString& documentation, QWidget* parent = nullptr);
    ~AboutDialog() override;

    QLabel* textLabel() const;
    QPushButton* aboutQtButton() const { return m_aboutQt; }

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
    QPushButton* m_aboutQt = nullptr;
};

} // namespace Forkline
