// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinepainter.h"

#include <QWidget>
#include <vector>

class QLabel;
class QLineEdit;

namespace Forkline {

class TimelineView;

// Ctrl+F: finds slices and marks by name in what the timeline shows (a run or an imported
// trace). Typing selects the first match; Enter (or F3) steps to the next, Shift+Enter to the
// previous, each brought into sight and shown in Details; Esc closes the bar.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(TimelineView* view, QWidget* parent = nullptr);

    QLineEdit* edit() const { return m_edit; }
    int matchCount() const { return int(m_matches.size()); }
    int current() const { return m_current; } // -1 before the first step
    // Focuses the text (selected), searching again if the timeline changed since.
    void activate();
    void next();
    void previous();

Q_SIGNALS:
    void closeRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void refreshIfStale();
    void go(int index);
    void updateCount();

    TimelineView* m_view = nullptr;
    QLineEdit* m_edit = nullptr;
    QLabel* m_count = nullptr;
    std::vector<TimelineHit> m_matches;
    int m_current = -1;
    const void* m_searchedModel = nullptr;
    qint64 m_searchedSpans = -1;
};

} // namespace Forkline
