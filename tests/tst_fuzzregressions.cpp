// SPDX-License-Identifier: GPL-3.0-or-later
// Every input the fuzzers found a bug with (tests/data/fuzz/<target>/) and every seed they
// start from, through the same checks as the fuzzers (fuzz/*input.h), in every build: a
// regression shows here without clang or libFuzzer, and under ASan/UBSan in the asan preset.
// A broken promise aborts with the check that failed.
#include "channelinput.h"
#include "scenarioinput.h"
#include "traceinput.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Forkline;

namespace {

enum class Target { Scenario, Trace, Channel };

const QString kSource = QStringLiteral(FORKLINE_SOURCE_DIR "/");
const QString kData = QStringLiteral(FORKLINE_TEST_DATA "/");

// Seed folders must hold files; a folder of findings exists once there is one.
void addFiles(Target target, const QString& dir, bool findings, const QStringList& filters = {})
{
    const QDir d(dir);
    const QStringList files = d.entryList(filters, QDir::Files, QDir::Name);
    QVERIFY2(findings || !files.isEmpty(), qPrintable(dir));
    for (const QString& f : files)
        QTest::newRow(qPrintable(d.dirName() + QLatin1Char('/') + f)) << int(target) << d.filePath(f);
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputs_data();
    void inputs();
};

void TestFuzzRegressions::inputs_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("path");

    addFiles(Target::Scenario, kData + QStringLiteral("fuzz/scenario"), true);
    addFiles(Target::Scenario, kData + QStringLiteral("loader"), false);
    addFiles(Target::Scenario, kSource + QStringLiteral("resources/scenarios"), false, { QStringLiteral("*.json") });
    addFiles(Target::Trace, kData + QStringLiteral("fuzz/trace"), true);
    addFiles(Target::Trace, kData + QStringLiteral("chrome"), false);
    addFiles(Target::Channel, kData + QStringLiteral("fuzz/channel"), true);
}

void TestFuzzRegressions::inputs()
{
    QFETCH(int, target);
    QFETCH(QString, path);

    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = f.readAll();
    switch (Target(target)) {
    case Target::Scenario:
        ForklineFuzz::scenarioInput(bytes);
        break;
    case Target::Trace:
        ForklineFuzz::traceInput(bytes, JsonBackend::QtJson);
        if (chromeTraceSimdjsonAvailable())
            ForklineFuzz::traceInput(bytes, JsonBackend::Simdjson);
        break;
    case Target::Channel:
        ForklineFuzz::channelInput(bytes);
        break;
    }
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
