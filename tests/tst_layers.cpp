// SPDX-License-Identifier: GPL-3.0-or-later
// The layering of docs/architecture.md, checked on what CMake links: each library's link list
// followed through every target it names (written at configure time, see CMakeLists.txt).
#include <QDir>
#include <QDirIterator>
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
    void everyFormIsBuilt();
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

// A form in ui/ that the window's target does not list is never compiled, and one that no
// source includes is compiled for nothing: either is a dialog laid out twice or not at all.
void TestLayers::everyFormIsBuilt()
{
    QFile file(QStringLiteral(FORKLINE_LAYERS_DIR "/forkline_gui.forms.txt"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QStringList built = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList forms
        = QDir(QStringLiteral(FORKLINE_SOURCE_DIR "/ui")).entryList({ QStringLiteral("*.ui") }, QDir::Files);
    QVERIFY(!forms.isEmpty());
    QStringList included;
    QDirIterator sources(QStringLiteral(FORKLINE_SOURCE_DIR "/src/gui"), { QStringLiteral("*.cpp") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (sources.hasNext()) {
        QFile source(sources.next());
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray text = source.readAll();
        for (const QString& form : forms) {
            const QByteArray include = "#include \"ui_" + form.chopped(3).toUtf8() + ".h\"";
            if (text.contains(include))
                included << form;
        }
    }
    for (const QString& form : forms) {
        QVERIFY2(built.contains(form), qPrintable(form + QStringLiteral(" is not among forkline_gui's sources")));
        QVERIFY2(included.contains(form), qPrintable(form + QStringLiteral(" is included by no source in src/gui")));
    }
}

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
