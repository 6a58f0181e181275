// SPDX-License-Identifier: GPL-3.0-or-later
// Forkline in Korean: the embedded catalogue, what it says, and the command line speaking it.
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one per numerus form
    bool finished = false;
};

QList<Message> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            const bool numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            Message m;
            m.context = context;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    // unfinished, vanished and obsolete entries carry a type; lrelease skips them
                    m.finished = !xml.attributes().hasAttribute(QLatin1String("type"));
                    if (!numerus) {
                        m.translations << xml.readElementText();
                        continue;
                    }
                    while (xml.readNextStartElement())
                        m.translations << xml.readElementText();
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// The %1..%99 and %n markers of a text, each once.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d{1,2}|n)"));
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

// The letter after a lone & (a keyboard accelerator), or a null QChar.
QChar accelerator(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (text[i + 1].isLetterOrNumber())
            return text[i + 1].toUpper();
    }
    return {};
}

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runForkline(const QStringList& args, const QString& lang)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE")); // Qt would take its languages before LC_ALL's
    if (lang.isEmpty())
        env.remove(QStringLiteral("FORKLINE_LANG"));
    else
        env.insert(QStringLiteral("FORKLINE_LANG"), lang);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FORKLINE_BIN), args);
    CliRun r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void catalogueIsEmbedded();
    void knownStrings_data();
    void knownStrings();
    void qtDialogsSpeakKorean();
    void qtCatalogueOfADeployedFolder();
    void placeholdersAndAcceleratorsKept();
    void cliErrorInKorean();
    void cliUsageInKorean();
    void cliStaysEnglishInTheCLocale();
};

void TestTranslation::initTestCase()
{
    qputenv("FORKLINE_LANG", "ko");
    QCOMPARE(Forkline::uiLocale().language(), QLocale::Korean);
    Forkline::installTranslators();
}

void TestTranslation::catalogueIsEmbedded()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/forkline_ko.qm")));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.language(), QStringLiteral("ko_KR"));
}

void TestTranslation::knownStrings_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("korean");
    QTest::newRow("menu") << QStringLiteral("Forkline::MainWindow") << QStringLiteral("&File")
                          << QStringLiteral("파일(&F)");
    QTest::newRow("a box's name: a sleep")
        << QStringLiteral("Forkline::SpanLabel") << QStringLiteral("sleep %1") << QStringLiteral("잠자기 %1");
    QTest::newRow("a box's name: a join")
        << QStringLiteral("Forkline::SpanLabel") << QStringLiteral("join %1") << QStringLiteral("join %1 대기");
    QTest::newRow("export, filed under its own class")
        << QStringLiteral("Forkline::ExportController") << QStringLiteral("Export &Image…")
        << QStringLiteral("이미지 내보내기(&I)…");
    QTest::newRow("loader: no such scenario")
        << QStringLiteral("Forkline") << QStringLiteral("no built-in scenario of that name (see 'forkline list')")
        << QStringLiteral("그런 이름의 내장 시나리오가 없습니다 ('forkline list'로 목록을 볼 수 있습니다)");
    QTest::newRow("loader: a worker without steps")
        << QStringLiteral("Forkline::ScenarioLoader") << QStringLiteral("worker \"%1\" has no \"steps\"")
        << QStringLiteral("워커 \"%1\"에 \"steps\"가 없습니다");
    QTest::newRow("json type") << QStringLiteral("Forkline::JsonParser") << QStringLiteral("an array")
                               << QStringLiteral("배열");
    QTest::newRow("cli") << QStringLiteral("Forkline") << QStringLiteral("--gil takes on or off")
                         << QStringLiteral("--gil 값은 on 또는 off여야 합니다");
    // The legend, tooltips and pictures speak one language; the trace keeps its English keys.
    QTest::newRow("state in the legend") << QStringLiteral("Forkline::TimelineStyle") << QStringLiteral("computing")
                                         << QStringLiteral("계산 중");
    QTest::newRow("GIL wait in the legend")
        << QStringLiteral("Forkline::TimelineStyle") << QStringLiteral("waiting: GIL") << QStringLiteral("대기: GIL");
    QTest::newRow("mark in the legend") << QStringLiteral("Forkline::TimelineStyle") << QStringLiteral("killed")
                                        << QStringLiteral("강제 종료됨");
    QTest::newRow("cores strip") << QStringLiteral("Forkline::CounterPainter") << QStringLiteral("cores busy")
                                 << QStringLiteral("사용 중인 코어");
}

void TestTranslation::knownStrings()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, korean);
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), korean);
}

void TestTranslation::qtDialogsSpeakKorean()
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(dir + QStringLiteral("/qtbase_ko.qm")))
        QSKIP("Qt's Korean translations are not installed (Debian: qt6-translations-l10n)");
    QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
}

// windeployqt and macdeployqt put qt_<lang>.qm beside the program, not qtbase_<lang>.qm: a
// folder with only that one still translates Qt's own dialogs.
void TestTranslation::qtCatalogueOfADeployedFolder()
{
    const QString system = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_ko.qm");
    if (!QFile::exists(system))
        QSKIP("Qt's Korean translations are not installed (Debian: qt6-translations-l10n)");
    QTemporaryDir deployed;
    const QString qt = deployed.filePath(QStringLiteral("qt_ko.qm"));
    QVERIFY(QFile::copy(system, qt));
    const QStringList installed = Forkline::installQtTranslators(QLocale(QStringLiteral("ko")), { deployed.path() });
    QCOMPARE(installed, QStringList { qt });
    QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
    // The program's own folder comes first, then Qt's.
    const QStringList folders = Forkline::qtTranslationDirectories();
    QCOMPARE(folders.constLast(), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    QVERIFY(folders.constFirst().startsWith(QCoreApplication::applicationDirPath()));
}

void TestTranslation::placeholdersAndAcceleratorsKept()
{
    QString error;
    const QList<Message> messages = readTs(QStringLiteral(FORKLINE_SOURCE_DIR "/translations/forkline_ko.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    int translated = 0;
    for (const Message& m : messages) {
        if (!m.finished)
            continue;
        ++translated;
        const QString where = m.context + QStringLiteral(": ") + m.source;
        for (const QString& t : m.translations) {
            QVERIFY2(!t.isEmpty(), qPrintable(where));
            QVERIFY2(placeholders(t) == placeholders(m.source), qPrintable(where + QStringLiteral(" -> ") + t));
            QVERIFY2(accelerator(t) == accelerator(m.source), qPrintable(where + QStringLiteral(" -> ") + t));
        }
    }
    QVERIFY(translated > messages.size() / 2);
}

void TestTranslation::cliErrorInKorean()
{
    const CliRun r = runForkline({ QStringLiteral("run"), QStringLiteral("no-such-thing") }, QStringLiteral("ko"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
        QStringLiteral("no-such-thing: 그런 이름의 내장 시나리오가 없습니다 ('forkline list'로 목록을 볼 수 "
                       "있습니다)\n"));
}

void TestTranslation::cliUsageInKorean()
{
    const CliRun r = runForkline({ QStringLiteral("--help") }, QStringLiteral("ko"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("사용법:\n")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("--time-scale F")));
}

void TestTranslation::cliStaysEnglishInTheCLocale()
{
    const CliRun r = runForkline({ QStringLiteral("run"), QStringLiteral("no-such-thing") }, QString());
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("no-such-thing: no built-in scenario of that name (see 'forkline list')\n"));
}

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
