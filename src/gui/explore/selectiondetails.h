// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinepainter.h"

#include <QFont>
#include <QStringList>
#include <QWidget>

class QLabel;

namespace Forkline {

class ArgsTree;
class TraceModel;

// The side panel that says everything about the box or mark selected on the timeline: what
// it is, when, which thread of which process, its parent and the printed text. Selectable,
// so a teacher can copy a value into a slide.
class SelectionDetails : public QWidget
{
    Q_OBJECT
public:
    explicit SelectionDetails(QWidget* parent = nullptr);

    // A Span or Instant hit of `model`; anything else shows how to select something.
    void showSelection(const TraceModel* model, const TimelineHit& hit);
    // The rows as "Name: value" lines, the title first (tests, copy).
    QString text() const { return m_plain.join(QLatin1Char('\n')); }
    void setPresentation(bool on);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showNothing();
    // The selected box or mark drawn small, as the picture draws it.
    void showSwatch(const TimelineStyle& style, bool span);
    void addRow(const QString& name, const QString& value, bool mono = false);
    void addLaneRows(const TraceModel& model, int lane);
    // For a slice nested in another: its depth and the slice it lies in.
    void addDepthRow(const TraceModel& model, const Span& span);
    // Whose a mark of no lane is: a process's or the whole trace's.
    void addScopeRows(const TraceModel& model);
    // A foreign slice's `cat`, beside its args.
    void addCategoryRow(const TraceModel& model);
    // The selected event's own args, from the model ("" for none).
    QByteArray selectedArgs(const TraceModel& model) const;
    void render();

    QLabel* m_swatch = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_rows = nullptr;
    ArgsTree* m_args = nullptr;
    QStringList m_plain;
    QString m_html;
    const TraceModel* m_model = nullptr;
    TimelineHit m_hit;
    bool m_presentation = false;
};

} // namespace Forkline
