// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorecontroller.h"

#include "findbar.h"

#include "console/consolepane.h"
#include "replay/replaycontroller.h"
#include "selectiondetails.h"
#include "settings/settings.h"
#include "spanlabel.h"
#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "tracemodel.h"
#include "view/timelineview.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QToolBar>
#include <QToolTip>
#include <algorithm>

namespace Forkline {

namespace {
void describe(QAction* action, const QString& tip)
{
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
}
} // namespace

ExploreController::ExploreController(QMainWindow* window, QDockWidget* details, TimelineView* view,
    ConsolePane* console, ReplayController* replay, Settings* settings)
    : QObject(window)
    , m_view(view)
    , m_console(console)
    , m_replay(replay)
    , m_settings(settings)
    , m_dock(details)
{
    m_details = new SelectionDetails;
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Details"));
    m_dock->setWidget(scroll);
    window->resizeDocks({ m_dock }, { 250 }, Qt::Horizontal);

    m_detailsAction = m_dock->toggleViewAction();
    m_detailsAction->setText(tr("&Details Panel"));
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    describe(m_detailsAction, tr("Show or hide the panel with the details of the selected box or mark"));

    m_clear = new QAction(tr("C&lear Selection"), this);
    m_clear->setShortcut(QKeySequence(Qt::Key_Escape));
    describe(m_clear, tr("Let go of the selected box or mark; with nothing selected, leave the replay"));
    connect(m_clear, &QAction::triggered, this, &ExploreController::escape);
    window->addAction(m_clear);

    createViewActions();
    createFindBar(window);

    connect(m_view, &TimelineView::selectionChanged, this, &ExploreController::onSelectionChanged);
    connect(m_view, &TimelineView::liveChanged, this, &ExploreController::updateClear);
    connect(m_replay, &ReplayController::activeChanged, this, &ExploreController::updateClear);
    connect(m_console, &ConsolePane::printClicked, this, [this](int print) {
        if (!selectPrint(print))
            Q_EMIT message(tr("That line has no mark on the timeline"));
    });
    // Preferences can switch it too; the check keeps this from answering its own change.
    connect(m_settings, &Settings::presentationModeChanged, this, [this](bool on) {
        if (on != isPresentation())
            setPresentation(on);
    });
    setPresentation(m_settings->presentationMode());
    updateClear();
}

void ExploreController::createViewActions()
{
    m_presentation = new QAction(tr("&Presentation Mode"), this);
    m_presentation->setCheckable(true);
    m_presentation->setShortcuts({ QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::Key_P) });
    describe(m_presentation, tr("Larger text and taller lanes, readable from the back of a classroom"));
    connect(m_presentation, &QAction::toggled, this, &ExploreController::setPresentation);

    m_callouts = new QAction(tr("C&allouts"), this);
    m_callouts->setCheckable(true);
    m_callouts->setChecked(m_view->callouts());
    m_callouts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    describe(m_callouts,
        tr("Sentences beside the marks that make a lesson's point: who waited for whom, who was killed or "
           "terminated"));
    connect(m_callouts, &QAction::toggled, m_view, &TimelineView::setCallouts);

    m_compactTime = new QAction(tr("Co&mpact Time"), this);
    m_compactTime->setCheckable(true);
    m_compactTime->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    describe(m_compactTime,
        tr("Draw long stretches in which nothing changes short, with a break on the time axis that says how "
           "long each one was, so the forks and joins around them get the width"));
    connect(m_compactTime, &QAction::toggled, m_view, &TimelineView::setCompactTime);
    connect(m_compactTime, &QAction::toggled, m_settings, &Settings::setCompactTime);
    m_compactTime->setChecked(m_settings->compactTime());
}

void ExploreController::createFindBar(QMainWindow* window)
{
    // Ctrl+F: a bar under the timeline that finds slices and marks by name; Esc closes it.
    auto* findToolBar = new QToolBar(tr("Find"), window);
    findToolBar->setObjectName(QStringLiteral("findBar"));
    findToolBar->setMovable(false);
    m_find = new FindBar(m_view, findToolBar);
    findToolBar->addWidget(m_find);
    window->addToolBar(Qt::BottomToolBarArea, findToolBar);
    findToolBar->hide();
    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    describe(m_findAction, tr("Find slices and marks by name or by the words on their boxes and step through them"));
    connect(m_findAction, &QAction::triggered, this, [this, findToolBar] {
        findToolBar->show();
        m_find->activate();
    });
    connect(m_find, &FindBar::closeRequested, this, [this, findToolBar] {
        findToolBar->hide();
        m_view->setFocus();
    });
    window->addAction(m_findAction);
}

int ExploreController::printIndexOf(const TraceModel& model, const TimelineHit& hit)
{
    if (hit.kind != TimelineHit::Kind::Instant || hit.instant.kind != InstantKind::Print)
        return -1;
    const auto& prints = model.prints();
    for (size_t i = 0; i < prints.size(); ++i) {
        const PrintRecord& r = prints[i];
        if (r.lane == hit.lane && r.t == hit.instant.t && r.text == hit.instant.text)
            return int(i);
    }
    return -1;
}

TimelineHit ExploreController::printHit(const TraceModel& model, int print)
{
    TimelineHit hit;
    if (print < 0 || size_t(print) >= model.prints().size())
        return hit;
    const PrintRecord& r = model.prints()[size_t(print)];
    if (r.lane < 0 || r.lane >= model.laneCount())
        return hit;
    const auto& instants = model.lane(r.lane).instants;
    auto it
        = std::lower_bound(instants.begin(), instants.end(), r.t, [](const Instant& in, qint64 v) { return in.t < v; });
    for (; it != instants.end() && it->t == r.t; ++it) {
        if (it->kind == InstantKind::Print && it->text == r.text) {
            hit.kind = TimelineHit::Kind::Instant;
            hit.lane = r.lane;
            hit.instant = *it;
            return hit;
        }
    }
    return hit;
}

bool ExploreController::selectPrint(int print)
{
    const TraceModel* model = m_view->model();
    if (!model)
        return false;
    const TimelineHit hit = printHit(*model, print);
    if (hit.kind == TimelineHit::Kind::None)
        return false;
    m_view->reveal(hit.lane, hit.instant.t);
    m_view->select(hit);
    return true;
}

void ExploreController::onSelectionChanged()
{
    const TraceModel* model = m_view->model();
    const TimelineHit& hit = m_view->selection();
    m_details->showSelection(model, hit);
    const int print = model ? printIndexOf(*model, hit) : -1;
    if (print != m_console->currentPrint())
        m_console->setCurrentPrint(print);
    updateClear();
    if (!model || hit.lane < 0 || hit.lane >= model->laneCount())
        return;
    const QString who = TimelineLayout::laneTitle(model->lane(hit.lane));
    if (hit.kind == TimelineHit::Kind::Span) {
        Q_EMIT message(tr("Selected: %1 of %2, %3 from %4")
                           .arg(SpanLabel::of(*model, hit.span), who, TimeAxis::duration(hit.span.end - hit.span.start),
                               TimeAxis::timePoint(subNs(hit.span.start, TimeAxis::extent(*model).first))));
    } else if (hit.kind == TimelineHit::Kind::Instant) {
        Q_EMIT message(tr("Selected: %1 of %2 at %3")
                           .arg(TimelineStyle::instantLabel(hit.instant.kind), who,
                               TimeAxis::timePoint(subNs(hit.instant.t, TimeAxis::extent(*model).first))));
    }
}

void ExploreController::escape()
{
    if (m_view->selection().kind != TimelineHit::Kind::None) {
        m_view->clearSelection();
        Q_EMIT message(tr("Selection cleared"));
    } else if (m_replay->isActive()) {
        m_replay->stop();
    }
}

void ExploreController::updateClear()
{
    // Esc stops a live run (the Stop action), so it clears only when no run is going.
    const bool something = m_view->selection().kind != TimelineHit::Kind::None || m_replay->isActive();
    m_clear->setEnabled(something && !m_view->isLive() && !m_escapeTaken);
}

void ExploreController::setEscapeTaken(bool taken)
{
    m_escapeTaken = taken;
    updateClear();
}

bool ExploreController::isPresentation() const
{
    return m_view->isPresentation();
}

namespace {
// Tool tips are read from the back of the room too, enlarged as the rest of the mode's text.
// QToolTip's font is the application's: every tip of the window follows.
void enlargeToolTips(bool on)
{
    static const QFont normal = QToolTip::font();
    QFont font = normal;
    if (on)
        font.setPointSizeF(normal.pointSizeF() * ExploreController::kPresentationScale);
    QToolTip::setFont(font);
}
} // namespace

void ExploreController::setPresentation(bool on)
{
    enlargeToolTips(on);
    m_view->setPresentation(on);
    m_console->setPresentation(on);
    m_details->setPresentation(on);
    if (m_presentation->isChecked() != on)
        m_presentation->setChecked(on);
    if (m_settings->presentationMode() != on) {
        m_settings->setPresentationMode(on);
        Q_EMIT message(
            on ? tr("Presentation mode: larger text and lanes for the projector") : tr("Presentation mode off"));
    }
}

} // namespace Forkline
