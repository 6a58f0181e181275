// SPDX-License-Identifier: GPL-3.0-or-later
// The layering of docs/architecture.md, checked on what CMake links: each library's link list
// followed through every target it names (written at configure time, see CMakeLists.txt).
#include <QFile>
#include <QObject>
#include <QStringList>
#include <QTest>

class TestLayers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void links_data();
    void links();
};

void TestLayers::links_data()
{
    QTest::addColumn<QString>("library");
    // What it must link: proves the list was read at all.
    QTest::addColumn<QStringList>("needs");
    QTest::addColumn<QStringList>("never");
    const QStringList above = { QStringLiteral("forkline_gui"), QStringLiteral("forkline_cli") };
    const QStringList widgets = { QStringLiteral("Qt6::Widgets"), QStringLiteral("Qt6::Charts") };
    QTest::newRow("core") << QStringLiteral("forkline_core") << QStringList { QStringLiteral("Qt6::Core") }
                          << above + widgets
            + QStringList { QStringLiteral("Qt6::Gui"), QStringLiteral("forkline_runtime"),
                  QStringLiteral("forkline_timeline") };
    QTest::newRow("runtime") << QStringLiteral("forkline_runtime")
                             << QStringList { QStringLiteral("forkline_core"), QStringLiteral("Qt6::Network") }
                             << above + widgets
            + QStringList { QStringLiteral("Qt6::Gui"), QStringLiteral("forkline_timeline") };
    QTest::newRow("timeline") << QStringLiteral("forkline_timeline")
                              << QStringList { QStringLiteral("forkline_core"), QStringLiteral("Qt6::Gui"),
                                     QStringLiteral("Qt6::Svg") }
                              << above + widgets + QStringList { QStringLiteral("forkline_runtime") };
    QTest::newRow("cli") << QStringLiteral("forkline_cli")
                         << QStringList { QStringLiteral("forkline_timeline"), QStringLiteral("forkline_runtime") }
                         << widgets + QStringList { QStringLiteral("forkline_gui") };
    QTest::newRow("gui") << QStringLiteral("forkline_gui")
                         << QStringList { QStringLiteral("forkline_timeline"), QStringLiteral("Qt6::Widgets") }
                         << QStringList { QStringLiteral("forkline_cli") };
}

void TestLayers::links()
{
    QFETCH(QString, library);
    QFETCH(QStringList, needs);
    QFETCH(QStringList, never);
    QFile file(QStringLiteral(FORKLINE_LAYERS_DIR "/%1.txt").arg(library));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QStringList links = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Qt's versionless targets (Qt::Widgets) stand for the versioned ones.
    for (QString& link : links) {
        if (link.startsWith(QLatin1String("Qt::")))
            link.replace(0, 4, QStringLiteral("Qt6::"));
    }
    for (const QString& n : needs)
        QVERIFY2(links.contains(n), qPrintable(library + QStringLiteral(" does not link ") + n));
    for (const QString& n : never)
        QVERIFY2(!links.contains(n), qPrintable(library + QStringLiteral(" links ") + n));
}

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
