// SPDX-License-Identifier: GPL-3.0-or-later
#include "lessons/workerpanel.h"
#include "scenario.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Forkline;

class TestWorkerPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsComeFromTheScenario();
    void togglesFeedRunOptions();
};

void TestWorkerPanel::defaultsComeFromTheScenario()
{
    Scenario s;
    ScenarioError error;
    QVERIFY2(loadScenario(QStringLiteral("input-worker-daemon"), &s, &error), qPrintable(error.toString()));
    WorkerPanel panel;
    panel.setScenario(s);
    QCOMPARE(panel.workerCount(), int(s.workers.size()));
    for (const WorkerSpec& w : s.workers)
        QCOMPARE(panel.daemonFlags().value(w.name), w.daemon);
    // The daemon switch explains itself the way Python does.
    auto* tree = panel.findChild<QTreeWidget*>();
    QVERIFY(tree);
    QVERIFY(tree->headerItem()->toolTip(2).contains(QLatin1String("daemon = True")));
}

void TestWorkerPanel::togglesFeedRunOptions()
{
    Scenario s;
    ScenarioError error;
    QVERIFY(loadScenario(QStringLiteral("buyer-seller"), &s, &error));
    WorkerPanel panel;
    panel.setScenario(s);
    QSignalSpy changed(&panel, &WorkerPanel::daemonFlagsChanged);
    panel.setDaemon(QStringLiteral("seller"), true);
    QCOMPARE(changed.size(), 1);
    RunOptions options;
    options.daemon = panel.daemonFlags();
    QVERIFY(applyRunOptions(&s, options, &error));
    QVERIFY(s.worker(QStringLiteral("seller"))->daemon);
    QVERIFY(!s.worker(QStringLiteral("buyer"))->daemon);
}

QTEST_MAIN(TestWorkerPanel)
#include "tst_guiworkerpanel.moc"
