// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include "tracesearch.h"
#include "view/timelineview.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace Forkline {

FindBar::FindBar(TimelineView* view, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
{
    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(tr("Find slices and marks by name or by the words on their boxes"));
    m_edit->setAccessibleName(tr("Find"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_count = new QLabel(this);
    auto* previousButton = new QToolButton(this);
    previousButton->setArrowType(Qt::UpArrow);
    previousButton->setToolTip(tr("Previous match (Shift+Enter)"));
    previousButton->setAccessibleName(tr("Previous match"));
    auto* nextButton = new QToolButton(this);
    nextButton->setArrowType(Qt::DownArrow);
    nextButton->setToolTip(tr("Next match (Enter)"));
    nextButton->setAccessibleName(tr("Next match"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(previousButton);
    layout->addWidget(nextButton);
    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::search);
    connect(previousButton, &QToolButton::clicked, this, &FindBar::previous);
    connect(nextButton, &QToolButton::clicked, this, &FindBar::next);
    updateCount();
}

void FindBar::activate()
{
    refreshIfStale();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    // The window's own Esc (clear the selection) must not take the key from the bar: the bar
    // claims Esc, Enter and F3 while its text has the focus.
    if (watched == m_edit && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool ours = key->key() == Qt::Key_Escape || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter
            || key->key() == Qt::Key_F3;
        if (ours && event->type() == QEvent::ShortcutOverride) {
            event->accept();
            return true;
        }
        if (ours) {
            if (key->key() == Qt::Key_Escape)
                Q_EMIT closeRequested();
            else if (key->modifiers() & Qt::ShiftModifier)
                previous();
            else
                next();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::search()
{
    const TraceModel* model = m_view->model();
    m_matches = model ? TraceSearch::find(*model, m_edit->text()) : std::vector<TimelineHit>();
    m_searchedModel = model;
    m_searchedSpans = model ? model->spanCount() : -1;
    m_current = -1;
    if (!m_matches.empty())
        go(0);
    updateCount();
}

void FindBar::refreshIfStale()
{
    // Another run or trace, or a run that went on: the matches are found again.
    const TraceModel* model = m_view->model();
    if (model != m_searchedModel || (model && model->spanCount() != m_searchedSpans))
        search();
}

void FindBar::next()
{
    refreshIfStale();
    if (!m_matches.empty())
        go(m_current < 0 ? 0 : (m_current + 1) % int(m_matches.size()));
}

void FindBar::previous()
{
    refreshIfStale();
    if (!m_matches.empty())
        go(m_current <= 0 ? int(m_matches.size()) - 1 : m_current - 1);
}

void FindBar::go(int index)
{
    m_current = index;
    const TimelineHit& hit = m_matches[size_t(index)];
    m_view->reveal(hit.lane, hit.kind == TimelineHit::Kind::Span ? hit.span.start : hit.instant.t);
    m_view->select(hit);
    updateCount();
}

void FindBar::updateCount()
{
    if (m_edit->text().isEmpty())
        m_count->clear();
    else if (m_matches.empty())
        m_count->setText(tr("No match"));
    else
        m_count->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
}

} // namespace Forkline
