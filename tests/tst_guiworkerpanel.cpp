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
    void groupIsOneRow();
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

// Thousands of threads written as one "count" entry are one row, whose daemon switch sets
// every member, as the run's --daemon GROUP=on does (a row and a button each froze the
// window for as long as it took to build them).
void TestWorkerPanel::groupIsOneRow()
{
    const QByteArray json = R"({"main": [{"start": "w"}, {"start": "solo"}, {"join": "w"}, {"join": "solo"}],
        "workers": [{"name": "w", "count": 9999, "steps": [{"sleep": 0.01}]},
                    {"name": "solo", "steps": [{"print": "hi"}]}]})";
    Scenario s;
    ScenarioError error;
    QVERIFY2(loadScenarioData(QStringLiteral("group.json"), json, &s, &error), qPrintable(error.toString()));
    QCOMPARE(int(s.workers.size()), 10000);
    WorkerPanel panel;
    panel.setScenario(s);
    QCOMPARE(panel.workerCount(), 2);
    auto* tree = panel.findChild<QTreeWidget*>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("w × 9999"));
    QVERIFY(panel.controlButton(QStringLiteral("w")));
    panel.setDaemon(QStringLiteral("w"), true);
    RunOptions options;
    options.daemon = panel.daemonFlags();
    QCOMPARE(options.daemon.size(), 2);
    QVERIFY2(applyRunOptions(&s, options, &error), qPrintable(error.toString()));
    QVERIFY(s.worker(QStringLiteral("w-1"))->daemon);
    QVERIFY(s.worker(QStringLiteral("w-9999"))->daemon);
    QVERIFY(!s.worker(QStringLiteral("solo"))->daemon);
}

QTEST_MAIN(TestWorkerPanel)
#include "tst_guiworkerpanel.moc"
