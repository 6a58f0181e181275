// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace Forkline {

// The strip under the timeline that drives a replay: play/pause and step buttons, a slider
// over the whole run, the playhead's time and the speed. Speaks in nanoseconds; the slider
// is only a view of the position.
class ReplayBar : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayBar(QWidget* parent = nullptr);

    enum class Glyph : std::uint8_t { ToStart, Previous, Play, Pause, Next, ToEnd, Leave };
    // Media buttons drawn in the palette's text colour: the style's own are black bitmaps
    // that vanish on a dark theme.
    QIcon glyph(Glyph g) const;

    // Tool buttons for these actions, in this order, left of the slider.
    void addButtons(const QList<QAction*>& actions);
    // A button right of the speed, for leaving the replay.
    void addTrailingButton(QAction* action);

    void setRange(qint64 start, qint64 end);
    void setPosition(qint64 t, bool active);
    double speed() const;
    void setSpeed(double speed);
    // One notch slower (-1) or faster (+1); false at either end.
    bool stepSpeed(int direction);

    QString timeText() const;

    static constexpr int kSliderSteps = 10000;

Q_SIGNALS:
    // The user moved the slider.
    void positionRequested(qint64 t);
    void speedChanged(double speed);
    // The palette changed: icons from glyph() want drawing again.
    void paletteChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onSliderMoved(int value);

    QSlider* m_slider = nullptr;
    QLabel* m_time = nullptr;
    QComboBox* m_speed = nullptr;
    qint64 m_start = 0;
    qint64 m_end = 1;
};

} // namespace Forkline
