// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace Forkline {

// Help > About Forkline: the version, the license, where the documentation is (the copy that
// came with the program, else the project's site) and Qt's own About.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // `documentation`: README.md's path, or empty when the program came without it.
    AboutDialog(const QString& documentation, QWidget* parent = nullptr);

    QLabel* textLabel() const { return m_text; }
    QPushButton* aboutQtButton() const { return m_aboutQt; }

private:
    QLabel* m_text = nullptr;
    QPushButton* m_aboutQt = nullptr;
};

} // namespace Forkline
