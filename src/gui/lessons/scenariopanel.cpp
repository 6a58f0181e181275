// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopanel.h"

#include "scenario.h"
#include "workerpanel.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTextLayout>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace Forkline {

namespace {
enum Column { TitleColumn, NameColumn };
constexpr int kKeyRole = Qt::UserRole + 1;
} // namespace

ScenarioPanel::ScenarioPanel(QWidget* parent)
    : QWidget(parent)
{
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    // A title is the lesson's point in a few words: wrapped onto a second line rather than
    // cut to "One…" in a narrow panel (a 1024 px projector, a long Korean title).
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->setTextElideMode(Qt::ElideMiddle); // for names, which are one word
    m_list->setAccessibleName(tr("Scenarios"));
    m_list->setHeaderLabels({ tr("Scenario"), tr("Name") });
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_list->viewport()->installEventFilter(this);
    // Wrapped rows change height with the title column's width.
    connect(m_list->header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == TitleColumn)
            QMetaObject::invokeMethod(this, &ScenarioPanel::fitRows, Qt::QueuedConnection);
    });
    m_list->setToolTip(tr("Built-in scenarios in the order of the lessons, and scenario files you opened. "
                          "Double-click one to run it."));
    const QColor dim = palette().color(QPalette::PlaceholderText);
    for (const BuiltinScenario& s : builtinScenarios()) {
        auto* it = new QTreeWidgetItem(m_list, { s.title, s.name });
        it->setData(TitleColumn, kKeyRole, s.name);
        setTip(it, s.title, s.description, s.name);
        it->setForeground(NameColumn, dim);
    }
    fitNameColumn();

    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_description->setMinimumHeight(m_description->fontMetrics().lineSpacing() * 4);
    m_description->setToolTip(tr("What the selected scenario does"));

    m_workers = new WorkerPanel(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* listLabel = new QLabel(tr("&Scenarios"), this);
    listLabel->setBuddy(m_list);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 3);
    layout->addWidget(m_description);
    auto* workersLabel = new QLabel(tr("&Workers"), this);
    workersLabel->setBuddy(m_workers);
    layout->addWidget(workersLabel);
    layout->addWidget(m_workers, 2);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            Q_EMIT currentChanged(item->data(TitleColumn, kKeyRole).toString());
    });
    connect(m_list, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem* item) { Q_EMIT activated(item->data(TitleColumn, kKeyRole).toString()); });
}

QTreeWidgetItem* ScenarioPanel::find(const QString& nameOrPath) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = m_list->topLevelItem(i);
        if (it->data(TitleColumn, kKeyRole).toString() == nameOrPath)
            return it;
    }
    return nullptr;
}

void ScenarioPanel::addFile(const QString& path, const Scenario& scenario)
{
    QTreeWidgetItem* it = find(path);
    if (!it) {
        it = new QTreeWidgetItem(m_list);
        it->setData(TitleColumn, kKeyRole, path);
        it->setForeground(NameColumn, palette().color(QPalette::PlaceholderText));
    }
    const QString title = scenario.title.isEmpty() ? QFileInfo(path).completeBaseName() : scenario.title;
    it->setText(TitleColumn, title);
    it->setText(NameColumn, QFileInfo(path).fileName());
    setTip(it, title, scenario.description, path);
    fitNameColumn();
    fitRows();
}

void ScenarioPanel::setTip(QTreeWidgetItem* item, const QString& title, const QString& description, const QString& name)
{
    // Rich text, so the tool tip wraps a long description instead of running off the screen.
    QString tip = QStringLiteral("<p><b>%1</b></p>").arg(title.toHtmlEscaped());
    if (!description.isEmpty())
        tip += QStringLiteral("<p>%1</p>").arg(description.toHtmlEscaped());
    tip += QStringLiteral("<p><tt>%1</tt></p>").arg(name.toHtmlEscaped());
    item->setToolTip(TitleColumn, tip);
    item->setToolTip(NameColumn, tip);
}

void ScenarioPanel::fitNameColumn()
{
    // The names (what `forkline run` takes) get what they need up to a third of the list;
    // the titles get the rest. A longer name is elided in its middle; its tool tip has it whole.
    const QFontMetrics fm(m_list->font());
    int wanted = m_list->header()->sectionSizeHint(NameColumn);
    const int margins = 4 * (m_list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_list) + 1);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        wanted = std::max(wanted, fm.horizontalAdvance(m_list->topLevelItem(i)->text(NameColumn)) + margins);
    const int room = m_list->viewport()->width() / 3;
    m_list->header()->resizeSection(NameColumn, std::min(wanted, std::max(room, 40)));
}

namespace {
int wrappedHeight(const QString& text, const QFont& font, int width)
{
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        height += line.height();
    }
    layout.endLayout();
    return int(std::ceil(height));
}
} // namespace

void ScenarioPanel::fitRows()
{
    // QTreeView asks its delegate for a row's height without the column's width, so a wrapped
    // title would keep one line's height: each row is told the height of its title wrapped at
    // the column's width.
    const int width = m_list->header()->sectionSize(TitleColumn);
    if (width <= 0)
        return;
    QStyleOptionViewItem option;
    option.initFrom(m_list);
    option.widget = m_list;
    option.font = m_list->font();
    option.features = QStyleOptionViewItem::WrapText;
    // Measured a little narrower than drawn: painting takes the text margins off the width
    // again, and a line break measured at the very edge would put the last word on a line the
    // row has no room for (then elided, as a long Korean title was).
    const int margin = 2 * (m_list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_list) + 1);
    option.rect = QRect(0, 0, std::max(1, width - margin), 1 << 16); // a style wraps only in a valid rectangle
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        item->setSizeHint(TitleColumn, QSize());
        const QModelIndex index = m_list->model()->index(i, TitleColumn);
        const QSize hint = m_list->itemDelegate()->sizeHint(option, index);
        // The style measures lines with the list's font; Korean or Japanese text is drawn with
        // a fallback font whose lines are taller, which a text layout knows.
        const int laidOut = wrappedHeight(item->text(TitleColumn), option.font, option.rect.width())
            + 2 * (m_list->style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, m_list) + 1);
        item->setSizeHint(TitleColumn, QSize(width, std::max(hint.height(), laidOut)));
    }
}

bool ScenarioPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Resize) {
        fitNameColumn();
        // The header settles its stretched section after this event, not always with a signal.
        QMetaObject::invokeMethod(this, &ScenarioPanel::fitRows, Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

bool ScenarioPanel::select(const QString& nameOrPath)
{
    QTreeWidgetItem* it = find(nameOrPath);
    if (!it)
        return false;
    if (m_list->currentItem() == it)
        Q_EMIT currentChanged(nameOrPath);
    else
        m_list->setCurrentItem(it);
    return true;
}

QString ScenarioPanel::current() const
{
    const QTreeWidgetItem* it = m_list->currentItem();
    return it ? it->data(TitleColumn, kKeyRole).toString() : QString();
}

void ScenarioPanel::showScenario(const Scenario& scenario)
{
    m_description->setText(scenario.description.isEmpty() ? tr("(no description)") : scenario.description);
    m_workers->setScenario(scenario);
}

} // namespace Forkline
