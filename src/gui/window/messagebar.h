// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace Forkline {

// A dismissible line above the timeline for things the user must not miss (a scenario file
// that does not load, a runner that does not start) without a modal dialog in the way.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind : std::uint8_t { Info, Error };
    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind);
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel* m_label = nullptr;
    Kind m_kind = Kind::Info;
};

} // namespace Forkline
