// SPDX-License-Identifier: GPL-3.0-or-later
// One table of ranges (optionranges.h): what it accepts, how it says what it refuses, and the
// scenario loader and applyRunOptions() reading the same numbers.
#include "optionranges.h"
#include "scenario.h"

#include <QTest>
#include <limits>

using namespace Forkline;

class TestOptionRanges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contains_data();
    void contains();
    void refusalNamesTheRange();
    void runOptionsUseTheTable();
    void scenarioSwitchIntervalUsesTheTable();
};

void TestOptionRanges::contains_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("inRange");
    QTest::newRow("time 0") << QStringLiteral("--time-scale") << 0.0 << true;
    QTest::newRow("time 1000") << QStringLiteral("--time-scale") << 1000.0 << true;
    QTest::newRow("time 1000.5") << QStringLiteral("--time-scale") << 1000.5 << false;
    QTest::newRow("time -1") << QStringLiteral("--time-scale") << -1.0 << false;
    QTest::newRow("time nan") << QStringLiteral("--time-scale") << std::numeric_limits<double>::quiet_NaN() << false;
    // The GUI's old top (10) and bottom (0.01) lie inside.
    QTest::newRow("time 10") << QStringLiteral("--time-scale") << 10.0 << true;
    QTest::newRow("time 500") << QStringLiteral("--time-scale") << 500.0 << true;
    QTest::newRow("work 0") << QStringLiteral("--work-scale") << 0.0 << false;
    QTest::newRow("work 0.001") << QStringLiteral("--work-scale") << 0.001 << true;
    QTest::newRow("work 1000") << QStringLiteral("--work-scale") << 1000.0 << true;
    QTest::newRow("switch 0.00001") << QStringLiteral("--switch-interval") << 0.00001 << false;
    QTest::newRow("switch 0.0001") << QStringLiteral("--switch-interval") << 0.0001 << true;
    QTest::newRow("switch 2") << QStringLiteral("--switch-interval") << 2.0 << false;
}

void TestOptionRanges::contains()
{
    QFETCH(QString, option);
    QFETCH(double, value);
    QFETCH(bool, inRange);
    for (const OptionRange* r : { &OptionRanges::timeScale, &OptionRanges::workScale, &OptionRanges::switchInterval }) {
        if (option == QLatin1String(r->option)) {
            QCOMPARE(r->contains(value), inRange);
            // What a spin box with the table's decimals can hold is in range too.
            QVERIFY(r->contains(r->boxMinimum()));
            QVERIFY(r->contains(r->defaultValue));
            return;
        }
    }
    QFAIL("no such option in the table");
}

void TestOptionRanges::refusalNamesTheRange()
{
    QCOMPARE(OptionRanges::timeScale.refusal(QStringLiteral("fast")),
        QStringLiteral("--time-scale takes a number from 0 to 1000, not \"fast\""));
    QCOMPARE(OptionRanges::workScale.refusal(QStringLiteral("0")),
        QStringLiteral("--work-scale takes a number from 0.001 to 1000, not \"0\""));
}

void TestOptionRanges::runOptionsUseTheTable()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY(loadScenario(QStringLiteral("gil-sum"), &sc, &err));
    RunOptions tooSmall;
    tooSmall.workScale = 0.0005; // above 0, below the table's 0.001
    Scenario copy = sc;
    QVERIFY(!applyRunOptions(&copy, tooSmall, &err));
    QCOMPARE(err.message, OptionRanges::workScale.refusal(QStringLiteral("0.0005")));
    RunOptions slow;
    slow.timeScale = 500; // beyond the window's old 10
    copy = sc;
    QVERIFY2(applyRunOptions(&copy, slow, &err), qPrintable(err.toString()));
}

void TestOptionRanges::scenarioSwitchIntervalUsesTheTable()
{
    Scenario sc;
    ScenarioError err;
    QVERIFY(!parseScenario("{\"switch_interval\": 5, \"main\": []}", QStringLiteral("t.json"), &sc, &err));
    QVERIFY2(err.message.contains(OptionRanges::switchInterval.rangeText()), qPrintable(err.message));
    QVERIFY(parseScenario("{\"switch_interval\": 1, \"main\": []}", QStringLiteral("t.json"), &sc, &err));
    QCOMPARE(sc.switchInterval, OptionRanges::switchInterval.high);
}

QTEST_GUILESS_MAIN(TestOptionRanges)
#include "tst_optionranges.moc"
