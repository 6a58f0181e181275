// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectiondetails.h"

#include "argstree.h"
#include "spanlabel.h"

#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>
#include <algorithm>

namespace Forkline {

namespace {
constexpr double kPresentationScale = 1.45;

QString who(const Lane& lane)
{
    QString s = TimelineLayout::laneTitle(lane);
    const QString sub = TimelineLayout::laneSubtitle(lane);
    if (!sub.isEmpty())
        s += QStringLiteral(" (") + sub + QLatin1Char(')');
    return s;
}
} // namespace

SelectionDetails::SelectionDetails(QWidget* parent)
    : QWidget(parent)
{
    m_swatch = new QLabel(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_rows = new QLabel(this);
    m_rows->setTextFormat(Qt::RichText);
    m_rows->setWordWrap(true);
    m_rows->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_rows->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setToolTip(tr("Details of the box or mark selected on the timeline. Esc clears the selection."));
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);

    auto* head = new QHBoxLayout;
    head->addWidget(m_swatch);
    head->addWidget(m_title, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_rows);
    m_args = new ArgsTree(this);
    layout->addWidget(m_args, 1);
    layout->addStretch(1);
    showSelection(nullptr, {});
}

void SelectionDetails::showSelection(const TraceModel* model, const TimelineHit& hit)
{
    m_model = model;
    m_hit = hit;
    render();
}

void SelectionDetails::addRow(const QString& name, const QString& value, bool mono)
{
    m_plain << name + QStringLiteral(": ") + value;
    QString html = value.toHtmlEscaped();
    if (mono)
        html = QStringLiteral("<tt>") + html.replace(QLatin1Char('\n'), QStringLiteral("<br>"))
            + QStringLiteral("</tt>");
    m_html += QStringLiteral("<tr><td style=\"color:%1; padding-right:8px\">%2</td><td>%3</td></tr>")
                  .arg(palette().color(QPalette::PlaceholderText).name(), name.toHtmlEscaped(), html);
}

void SelectionDetails::addLaneRows(const TraceModel& model, int laneIndex)
{
    if (laneIndex < 0 || laneIndex >= model.laneCount())
        return;
    const Lane& lane = model.lane(laneIndex);
    addRow(tr("Thread"), who(lane));
    QString kind = lane.kind == LaneKind::Process ? tr("main thread of its process") : tr("thread");
    if (lane.daemon)
        kind += QStringLiteral(", ") + tr("daemon");
    addRow(tr("Kind"), kind);
    addRow(tr("PID"), QString::number(lane.pid));
    addRow(tr("TID"), QString::number(lane.tid));
    // The thread that started this one, else the process that started its process.
    if (lane.parent >= 0 && lane.parent < model.laneCount()) {
        const Lane& parent = model.lane(lane.parent);
        addRow(tr("Parent"), tr("%1 · PID %2 · TID %3").arg(who(parent)).arg(parent.pid).arg(parent.tid));
    } else if (const ProcessInfo* proc = model.process(lane.pid); proc && proc->ppid != 0) {
        const ProcessInfo* parent = model.process(proc->ppid);
        addRow(tr("Parent"),
            parent && !parent->name.isEmpty() ? tr("PID %1 · %2").arg(proc->ppid).arg(parent->name)
                                              : tr("PID %1").arg(proc->ppid));
    } else {
        addRow(tr("Parent"), tr("none recorded"));
    }
}

void SelectionDetails::addScopeRows(const TraceModel& model)
{
    if (m_hit.global) {
        addRow(tr("Scope"), tr("the whole trace"));
        return;
    }
    const ProcessInfo& proc = model.processes()[size_t(m_hit.process)];
    addRow(tr("Scope"), tr("the whole process"));
    addRow(tr("Process"), TimelineLayout::processTitle(proc));
    addRow(tr("PID"), QString::number(proc.pid));
}

void SelectionDetails::addDepthRow(const TraceModel& model, const Span& s)
{
    if (m_hit.depth <= 0)
        return;
    // The slice it lies in: the one a level up that is open when it begins.
    const Lane& lane = model.lane(m_hit.lane);
    const std::vector<Span>& outer = TraceModel::spansAt(lane, m_hit.depth - 1);
    const size_t i = TraceModel::firstSpanEndingAfter(outer, s.start);
    if (i < outer.size() && outer[i].start <= s.start)
        addRow(tr("Depth"), tr("%1, inside %2").arg(m_hit.depth).arg(model.nameOf(outer[i])));
    else
        addRow(tr("Depth"), QString::number(m_hit.depth));
}

void SelectionDetails::addCategoryRow(const TraceModel& model)
{
    const Lane& lane = model.lane(m_hit.lane);
    if (lane.categories.empty() || m_hit.openSpan)
        return;
    const qint64 index = TraceModel::spanIndex(lane, m_hit.depth, m_hit.span);
    const QString category = index < 0 ? QString() : model.categoryOf(lane, m_hit.depth, size_t(index));
    if (!category.isEmpty())
        addRow(tr("Category"), category);
}

QByteArray SelectionDetails::selectedArgs(const TraceModel& model) const
{
    const Lane& lane = model.lane(m_hit.lane);
    if (m_hit.kind == TimelineHit::Kind::Span) {
        if (lane.spanArgs.empty() || m_hit.openSpan)
            return {};
        const qint64 index = TraceModel::spanIndex(lane, m_hit.depth, m_hit.span);
        return index < 0 ? QByteArray() : model.spanArgs(lane, m_hit.depth, size_t(index));
    }
    if (lane.instantArgs.empty())
        return {};
    const Instant& in = m_hit.instant;
    auto it = std::lower_bound(
        lane.instants.begin(), lane.instants.end(), in.t, [](const Instant& i, qint64 v) { return i.t < v; });
    for (; it != lane.instants.end() && it->t == in.t; ++it) {
        if (it->kind == in.kind && it->name == in.name && it->text == in.text && it->code == in.code)
            return model.instantArgs(lane, size_t(it - lane.instants.begin()));
    }
    return {};
}

void SelectionDetails::showNothing()
{
    m_swatch->clear();
    m_swatch->hide();
    m_title->setText(tr("Nothing selected"));
    m_rows->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                        .arg(palette().color(QPalette::PlaceholderText).name(),
                            tr("Click a box or a mark on the timeline, or a line in the console, to see here "
                               "what it is, when it happened and which thread did it.")
                                .toHtmlEscaped()));
    m_plain << m_title->text();
    m_args->setArgs({});
}

void SelectionDetails::showSwatch(const TimelineStyle& style, bool span)
{
    // The swatch repeats the picture's own vocabulary, so the panel teaches the legend too.
    const int h = style.laneHeight;
    const qreal dpr = devicePixelRatioF();
    QPixmap swatch(QSize(h * 2, h) * dpr);
    swatch.setDevicePixelRatio(dpr);
    swatch.fill(style.laneBackground());
    {
        QPainter p(&swatch);
        if (span) {
            style.drawStateBox(&p, QRect(0, 0, h * 2, h), m_hit.span.state);
        } else {
            p.setRenderHint(QPainter::Antialiasing, true);
            style.drawInstant(&p, QPointF(h, h / 2.0), m_hit.instant.kind);
        }
    }
    m_swatch->setPixmap(swatch);
    m_swatch->show();
}

void SelectionDetails::render()
{
    m_plain.clear();
    m_html.clear();
    TimelineStyle style(font(), m_presentation);
    style.usePalette(palette());
    const bool span = m_hit.kind == TimelineHit::Kind::Span;
    const bool mark = m_hit.kind == TimelineHit::Kind::Instant;
    // A mark of a whole process or of the whole trace belongs to no lane.
    const bool scoped = mark && m_hit.lane < 0
        && (m_hit.global || (m_model && m_hit.process >= 0 && m_hit.process < int(m_model->processes().size())));
    if (!m_model || (!span && !mark) || (!scoped && (m_hit.lane < 0 || m_hit.lane >= m_model->laneCount()))) {
        showNothing();
        return;
    }
    const TraceModel& model = *m_model;

    showSwatch(style, span);

    // Times count from where the axis does: the trace's start, said once below when it is not 0.
    const qint64 origin = TimeAxis::extent(model).first;
    if (span) {
        const Span& s = m_hit.span;
        const QString state = TimelineStyle::stateLabel(s.state);
        const QString name = SpanLabel::of(model, s);
        m_title->setText(name);
        m_plain << name;
        addRow(tr("State"), name == state ? state : tr("%1 (shown as %2)").arg(name, state));
        addRow(tr("Start"), TimeAxis::timePoint(subNs(s.start, origin)));
        if (m_hit.openSpan) {
            addRow(tr("End"), tr("still going"));
            addRow(tr("Duration"), tr("%1 so far").arg(TimeAxis::duration(s.end - s.start)));
        } else {
            addRow(tr("End"), TimeAxis::timePoint(subNs(s.end, origin)));
            addRow(tr("Duration"), TimeAxis::duration(s.end - s.start));
        }
        addDepthRow(model, s);
        addCategoryRow(model);
    } else {
        const Instant& in = m_hit.instant;
        const QString name = in.name >= 0 ? model.nameOf(in) : TimelineStyle::instantLabel(in.kind);
        m_title->setText(name);
        m_plain << name;
        addRow(tr("Mark"), name);
        addRow(tr("Time"), TimeAxis::timePoint(subNs(in.t, origin)));
        if (in.text >= 0 && in.text < model.texts().size())
            addRow(in.kind == InstantKind::Print ? tr("Printed") : tr("Text"), model.texts().at(in.text),
                in.kind == InstantKind::Print);
        if (in.code != 0)
            addRow(tr("Code"), QString::number(in.code));
    }
    if (origin != 0)
        addRow(tr("Trace start"), TimeAxis::absoluteTime(origin));
    if (scoped)
        addScopeRows(model);
    else
        addLaneRows(model, m_hit.lane);
    m_args->setArgs(scoped ? QByteArray() : selectedArgs(model));
    m_plain << m_args->lines();
    m_rows->setText(
        QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">") + m_html + QStringLiteral("</table>"));
}

void SelectionDetails::setPresentation(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    QFont f = QApplication::font(this);
    if (on)
        f.setPointSizeF(f.pointSizeF() * kPresentationScale);
    setFont(f);
}

void SelectionDetails::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        QFont bold = font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.15);
        m_title->setFont(bold);
        render();
    }
}

} // namespace Forkline
