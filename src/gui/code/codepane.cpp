// SPDX-License-Identifier: GPL-3.0-or-later
#include "code/codepane.h"

#include "code/codeeditor.h"
#include "code/sourceindex.h"
#include "tracemodel.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

namespace Forkline {

CodePane::CodePane(QWidget* parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_editor = new CodeEditor(this);
    // Narrower than this, a tutorial's lines are cut to a word or two.
    m_editor->setMinimumWidth(m_editor->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);
    m_editor->setAccessibleName(tr("Lesson code"));
    m_editor->setAccessibleDescription(
        tr("The lesson's code. Pick a box or mark on the timeline to highlight its line; click a line to pick its "
           "events on the timeline."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_editor, 1);
    connect(m_editor, &CodeEditor::lineClicked, this, &CodePane::onLineClicked);
    clear();
}

bool CodePane::showLesson(const Scenario& scenario)
{
    m_scenario = scenario;
    if (!scenario.program.isEmpty()) {
        m_generated = false;
        m_path = scenario.program;
        QFile f(scenario.program);
        if (!f.open(QIODevice::ReadOnly)) {
            m_editor->setSource({});
            m_title->setText(tr("%1: cannot be read").arg(QFileInfo(scenario.program).fileName()));
            return false;
        }
        m_editor->setSource(QString::fromUtf8(f.readAll()));
        m_title->setText(QFileInfo(scenario.program).fileName());
        return true;
    }
    m_generated = true;
    m_path.clear();
    m_python = ScenarioPython::generate(scenario);
    m_editor->setSource(m_python.text());
    m_title->setText(tr("%1 as Python (written from its steps)").arg(scenario.name));
    return true;
}

void CodePane::clear()
{
    m_scenario = {};
    m_python = {};
    m_path.clear();
    m_generated = false;
    m_editor->setSource({});
    m_title->setText(tr("The lesson's code appears here."));
}

void CodePane::setModel(const TraceModel* model)
{
    m_model = model;
    m_editor->setHighlightedLine(0);
    m_editor->setLineMarks({});
}

qint32 CodePane::sourceFile() const
{
    if (!m_model || m_generated || m_path.isEmpty())
        return -1;
    const QStringList& files = m_model->sourceFiles();
    const qint32 exact = m_model->sourceFileIndex(QFileInfo(m_path).absoluteFilePath());
    if (exact >= 0)
        return exact;
    // A built-in lesson runs from a copy written out for the interpreter: the same name.
    const QString name = QFileInfo(m_path).fileName();
    for (qint32 i = 0; i < files.size(); ++i) {
        if (QFileInfo(files.at(i)).fileName() == name)
            return i;
    }
    return -1;
}

int CodePane::flowOfLane(int lane) const
{
    if (!m_model || lane < 0 || lane >= m_model->laneCount())
        return -2;
    const Lane& l = m_model->lane(lane);
    const int worker = m_scenario.workerIndex(l.name);
    if (worker >= 0)
        return worker;
    // The runner's main thread: the first lane of the first process.
    return lane == 0 || l.name == QLatin1String("MainThread") ? -1 : -2;
}

void CodePane::showEvent(const TimelineHit& hit)
{
    if (!m_model || (hit.kind != TimelineHit::Kind::Span && hit.kind != TimelineHit::Kind::Instant)) {
        m_editor->setHighlightedLine(0);
        return;
    }
    if (m_generated) {
        // The runner's events do not say which step made them: the worker's function (or
        // main's block) is as close as the pane can tell.
        const int flow = flowOfLane(hit.lane);
        m_editor->setHighlightedLine(flow == -1 ? m_python.mainLine() : m_python.workerLine(flow));
        return;
    }
    m_editor->setHighlightedLine(SourceIndex(*m_model, sourceFile()).lineOf(hit));
}

void CodePane::setPlayhead(qint64 t)
{
    std::vector<CodeEditor::LineMark> marks;
    const qint32 file = sourceFile();
    if (t >= 0 && m_model && file >= 0) {
        const SourceIndex index(*m_model, file);
        for (int lane = 0; lane < m_model->laneCount(); ++lane) {
            const Lane& l = m_model->lane(lane);
            // Threads not started yet, or over, are nowhere.
            const qint64 first = !l.spans.empty() ? l.spans.front().start : (l.open ? l.openSince : -1);
            if (first < 0 || t < first)
                continue;
            const qint64 last = l.open ? m_model->endTime() : (l.spans.empty() ? first : l.spans.back().end);
            if (l.ended && t > last)
                continue;
            const int line = index.lineAt(lane, t);
            if (line > 0)
                marks.push_back({ line, laneColor(lane), l.label.isEmpty() ? l.name : l.label });
        }
    }
    m_editor->setLineMarks(marks);
}

void CodePane::onLineClicked(int line)
{
    if (!m_model || m_generated) {
        Q_EMIT eventsPicked({});
        return;
    }
    m_editor->setHighlightedLine(line);
    Q_EMIT eventsPicked(SourceIndex(*m_model, sourceFile()).eventsAt(line));
}

QColor CodePane::laneColor(int lane)
{
    // Eight hues far apart, then round again.
    static const QColor colors[]
        = { QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
              QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9), QColor(0x8c, 0x56, 0x4b), QColor(0x59, 0x59, 0x59) };
    return colors[size_t(std::max(0, lane)) % std::size(colors)];
}

} // namespace Forkline
