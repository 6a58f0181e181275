// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"
#include "scenariopython.h"
#include "timelinepainter.h"

#include <QWidget>
#include <vector>

class QLabel;

namespace Forkline {

class CodeEditor;
class TraceModel;

// The lesson as code beside its timeline: a Python program's own source, or the Python a
// scenario's steps stand for (ScenarioPython). A box or mark picked on the timeline
// highlights the line behind it; a click on a line picks that line's events; during replay
// every thread's current line is marked in the thread's colour.
class CodePane : public QWidget
{
    Q_OBJECT
public:
    explicit CodePane(QWidget* parent = nullptr);

    // The lesson picked: its program's file, or its steps written out. False (and an empty
    // pane that says why) when a program's file cannot be read.
    bool showLesson(const Scenario& scenario);
    void clear();
    // The model on the timeline; it may grow between calls (a live run).
    void setModel(const TraceModel* model);

    // Timeline -> code.
    void showEvent(const TimelineHit& hit);
    void setPlayhead(qint64 t);

    CodeEditor* editor() const { return m_editor; }
    bool isGenerated() const { return m_generated; }
    // The source file of the model this pane reads lines of, -1 for none.
    qint32 sourceFile() const;
    // A colour per lane, the same for a lane every time.
    static QColor laneColor(int lane);

Q_SIGNALS:
    // The user clicked a line: the events it made (maybe none).
    void eventsPicked(const std::vector<TimelineHit>& hits);

private:
    void onLineClicked(int line);
    // The scenario's worker a lane runs, -1 for main, -2 for none.
    int flowOfLane(int lane) const;

    QLabel* m_title = nullptr;
    CodeEditor* m_editor = nullptr;
    const TraceModel* m_model = nullptr;
    QString m_path; // the program's file; empty for a scenario
    bool m_generated = false;
    Scenario m_scenario;
    ScenarioPython m_python;
};

} // namespace Forkline
