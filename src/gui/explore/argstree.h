// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>
#include <QTreeWidget>

namespace Forkline {

// A foreign event's own args (clang's "detail", PyTorch's "External id" ...) in Details, as a
// tree: objects and arrays unfold, values read as the file wrote them. Hidden when the event
// has none.
class ArgsTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ArgsTree(QWidget* parent = nullptr);

    // The members as the model keeps them: compact JSON without the braces ("" for none).
    void setArgs(const QByteArray& members);
    // "key: value" a top-level member, for the panel's plain text.
    const QStringList& lines() const { return m_lines; }

private:
    QStringList m_lines;
};

} // namespace Forkline
