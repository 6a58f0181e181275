// SPDX-License-Identifier: GPL-3.0-or-later
// `forkline render`: a trace file drawn or written again without running anything, as a
// teacher's script sees it: files, one-line errors and exit codes.
#include "chrometraceimport.h"
#include "imagelimits.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QImage>
#include <QRegularExpression>
#include <QTest>
#include <thread>

#if !defined(Q_OS_WIN)
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using ForklineTest::runCli;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString foreignTrace()
{
    return QStringLiteral(FORKLINE_TEST_DATA "/chrome/foreign.json");
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reexportIsIdentical();
    void drawsPictures();
    void csv();
    void foreignTraceDraws();
    void gzippedTraceDraws();
    void badInput_data();
    void badInput();
    void cannotWrite();
    void writesIntoAPipe();
    void tooWideIsRefused_data();
    void tooWideIsRefused();
    void manyLanesAreLeftOutWithANote_data();
    void manyLanesAreLeftOutWithANote();
    void hostileTimesRefused();
    void lastNanosecondDraws();
    void compactTimeDraws();

private:
    QTemporaryDir m_dir;
    QString m_trace; // written by a real run
};

void TestRender::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_trace = m_dir.filePath(QStringLiteral("run.json"));
    const auto r = runCli({ QStringLiteral("run"), QStringLiteral("buyer-seller"), QStringLiteral("--time-scale"),
        QStringLiteral("0.02"), QStringLiteral("--trace"), m_trace });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFile::exists(m_trace));
}

void TestRender::reexportIsIdentical()
{
    const QString again = m_dir.filePath(QStringLiteral("again.json"));
    const auto r = runCli({ QStringLiteral("render"), m_trace, QStringLiteral("--trace"), again });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.isEmpty(), r.err.constData()); // nothing left out of our own file
    QCOMPARE(readAll(again), readAll(m_trace));
}

void TestRender::drawsPictures()
{
    const QString png = m_dir.filePath(QStringLiteral("t.png"));
    const QString svg = m_dir.filePath(QStringLiteral("t.svg"));
    const auto r = runCli({ QStringLiteral("render"), m_trace, QStringLiteral("--png"), png, QStringLiteral("--svg"),
        svg, QStringLiteral("--width"), QStringLiteral("900"), QStringLiteral("--scale"), QStringLiteral("1") });
    QCOMPARE(r.exitCode, 0);
    const QByteArray pngData = readAll(png);
    QVERIFY(pngData.size() > 1000);
    QVERIFY(pngData.startsWith("\x89PNG"));
    const QByteArray svgData = readAll(svg);
    QVERIFY(svgData.size() > 1000);
    QVERIFY(svgData.contains("<svg"));
    // Fonts name the CSS generic family, which every SVG reader knows.
    QVERIFY(svgData.contains("sans-serif\""));
    QVERIFY(!svgData.contains("\"Sans Serif\""));
}

void TestRender::csv()
{
    const QString csv = m_dir.filePath(QStringLiteral("t.csv"));
    const auto r = runCli({ QStringLiteral("render"), m_trace, QStringLiteral("--csv"), csv });
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = readAll(csv).trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("pid,tid,worker,state,start_us,end_us,duration_us,depth"));
    QVERIFY(lines.size() > 10);
}

void TestRender::foreignTraceDraws()
{
    // Another tool's trace draws too; what it cannot show is said in one line on stderr.
    const QString png = m_dir.filePath(QStringLiteral("foreign.png"));
    const QString json = m_dir.filePath(QStringLiteral("foreign.json"));
    const auto r = runCli(
        { QStringLiteral("render"), foreignTrace(), QStringLiteral("--png"), png, QStringLiteral("--trace"), json });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(readAll(png).startsWith("\x89PNG"));
    QCOMPARE(r.err.trimmed().count('\n'), 0);
    QVERIFY2(r.err.contains("Left out 4 of 27 events"), r.err.constData());
    QVERIFY2(r.err.contains("Slices without an end: 2, drawn to the end of the trace."), r.err.constData());
    const QByteArray out = readAll(json);
    QVERIFY(out.contains("\"name\":\"MessageLoop::Run\""));
    QVERIFY(out.contains("\"name\":\"Layout\""));
}

// DevTools and Bazel save traces gzipped: render reads them as it reads plain ones.
void TestRender::gzippedTraceDraws()
{
    const QString png = m_dir.filePath(QStringLiteral("gzipped.png"));
    const QString plain = m_dir.filePath(QStringLiteral("plain.json"));
    const QString unzipped = m_dir.filePath(QStringLiteral("unzipped.json"));
    auto r = runCli({ QStringLiteral("render"), QStringLiteral(FORKLINE_TEST_DATA "/chrome/foreign.json.gz"),
        QStringLiteral("--png"), png, QStringLiteral("--trace"), unzipped });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(readAll(png).startsWith("\x89PNG"));
    r = runCli({ QStringLiteral("render"), foreignTrace(), QStringLiteral("--trace"), plain });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readAll(unzipped), readAll(plain));
}

void TestRender::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("--trace");
    const QString outFile = QStringLiteral("/tmp/forkline-render-never.json");
    QTest::newRow("no trace") << QStringList { QStringLiteral("render") } << QStringLiteral("needs a trace file");
    QTest::newRow("no output") << QStringList { QStringLiteral("render"), foreignTrace() }
                               << QStringLiteral("needs somewhere to put");
    QTest::newRow("missing file") << QStringList { QStringLiteral("render"), QStringLiteral("/nonexistent/t.json"), out,
        outFile } << QStringLiteral("/nonexistent/t.json");
    QTest::newRow("not a trace") << QStringList { QStringLiteral("render"),
        QStringLiteral(FORKLINE_SOURCE_DIR "/CMakeLists.txt"), out, outFile }
                                 << QStringLiteral("byte 0: not a Chrome trace");
    QTest::newRow("a scenario, not a trace") << QStringList { QStringLiteral("render"),
        QStringLiteral(FORKLINE_SOURCE_DIR "/resources/scenarios/buyer-seller.json"), out, outFile }
                                             << QStringLiteral("no traceEvents array");
    QTest::newRow("unknown option") << QStringList { QStringLiteral("render"), foreignTrace(),
        QStringLiteral("--fast") } << QStringLiteral("unknown option --fast");
    QTest::newRow("two traces") << QStringList { QStringLiteral("render"), foreignTrace(), foreignTrace(), out,
        outFile } << QStringLiteral("one trace at a time");
    QTest::newRow("bad width") << QStringList { QStringLiteral("render"), foreignTrace(), QStringLiteral("--png"),
        QStringLiteral("/tmp/x.png"), QStringLiteral("--width"), QStringLiteral("wide") }
                               << QStringLiteral("--width");
    QTest::newRow("nothing to draw") << QStringList { QStringLiteral("render"),
        QStringLiteral(FORKLINE_TEST_DATA "/chrome/nothing-to-draw.json"), out, outFile }
                                     << QStringLiteral("has no threads or events the timeline can show");
    QTest::newRow("option without value")
        << QStringList { QStringLiteral("render"), foreignTrace(), out } << QStringLiteral("--trace needs a value");
}

void TestRender::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QByteArray err = r.err.trimmed();
    QCOMPARE(err.count('\n'), 0); // one line
    QVERIFY2(err.startsWith("forkline: "), err.constData());
    QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/forkline-render-never.json")));
}

void TestRender::cannotWrite()
{
    const auto r = runCli(
        { QStringLiteral("render"), m_trace, QStringLiteral("--trace"), QStringLiteral("/nonexistent/dir/t.json") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("/nonexistent/dir/t.json"));
}

void TestRender::writesIntoAPipe()
{
#if defined(Q_OS_WIN)
    QSKIP("no named pipes in the file system here");
#else
    // `--trace /dev/null` or a pipe must be written through, not replaced by a regular file.
    const QString fifo = m_dir.filePath(QStringLiteral("pipe"));
    QVERIFY(mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QByteArray received;
    std::thread reader([&fifo, &received] {
        // Non-blocking, with a deadline: the test cannot hang if nothing ever writes.
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
        if (fd < 0)
            return;
        QElapsedTimer timer;
        timer.start();
        bool writerSeen = false;
        char buf[65536];
        while (timer.elapsed() < 60000) {
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n > 0) {
                received.append(buf, qsizetype(n));
                writerSeen = true;
            } else if (n == 0 && writerSeen) {
                break; // the writer closed its end
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
        ::close(fd);
    });
    const auto r = runCli({ QStringLiteral("render"), m_trace, QStringLiteral("--trace"), fifo });
    reader.join();
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(received, readAll(m_trace));
    QVERIFY(QFileInfo(fifo).exists());
    QVERIFY(!QFileInfo(fifo).isFile()); // still the pipe
#endif
}

void TestRender::tooWideIsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("asked");
    const QString png = QStringLiteral("OUT");
    QTest::newRow("render 16384 at 8x") << QStringList { QStringLiteral("render"), QStringLiteral("TRACE"),
        QStringLiteral("--png"), png, QStringLiteral("--width"), QStringLiteral("16384"), QStringLiteral("--scale"),
        QStringLiteral("8") } << QStringLiteral("131072");
    QTest::newRow("render 32768 at 2x") << QStringList { QStringLiteral("render"), QStringLiteral("TRACE"),
        QStringLiteral("--png"), png, QStringLiteral("--scale"), QStringLiteral("2"), QStringLiteral("--width"),
        QStringLiteral("32768") } << QStringLiteral("65536");
    // Refused before the scenario runs: nothing is printed, nothing waits.
    QTest::newRow("run 8000 at 8x") << QStringList { QStringLiteral("run"), QStringLiteral("buyer-seller"),
        QStringLiteral("--png"), png, QStringLiteral("--width"), QStringLiteral("8000"), QStringLiteral("--scale"),
        QStringLiteral("8") } << QStringLiteral("64000");
}

void TestRender::tooWideIsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, asked);
    const QString png = m_dir.filePath(QStringLiteral("never-wide.png"));
    args.replaceInStrings(QStringLiteral("TRACE"), m_trace);
    args.replaceInStrings(QStringLiteral("OUT"), png);
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err.trimmed());
    QCOMPARE(err.count(QLatin1Char('\n')), 0);
    QVERIFY2(err.startsWith(QLatin1String("forkline: ")), qPrintable(err));
    // What was asked, the limit, and what to do.
    for (const QString& part : { asked, QStringLiteral("32768"), QStringLiteral("lower --scale") })
        QVERIFY2(err.contains(part), qPrintable(part + QStringLiteral(" not in: ") + err));
    QVERIFY(!QFile::exists(png));
}

void TestRender::manyLanesAreLeftOutWithANote_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("svg") << QStringLiteral("svg");
}

void TestRender::manyLanesAreLeftOutWithANote()
{
    QFETCH(QString, format);
    // 20,000 threads: far more than fit a picture. Written by hand, one slice each.
    const QString many = m_dir.filePath(QStringLiteral("many.json"));
    if (!QFile::exists(many)) {
        QByteArray json = "{\"traceEvents\":[\n";
        for (int i = 0; i < 20000; ++i) {
            json += "{\"ph\":\"X\",\"name\":\"work\",\"pid\":1,\"tid\":" + QByteArray::number(i + 1)
                + ",\"ts\":" + QByteArray::number(i * 10) + ",\"dur\":5000},\n";
        }
        json += "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"many\"}}]}\n";
        QFile f(many);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
    }
    const QString out = m_dir.filePath(QStringLiteral("many.") + format);
    const auto r = runCli({ QStringLiteral("render"), many, QStringLiteral("--") + format, out,
        QStringLiteral("--scale"), QStringLiteral("1"), QStringLiteral("--width"), QStringLiteral("800") });
    QCOMPARE(r.exitCode, 0);
    // One line that says what was left out, and no flood from QPainter or the image writer.
    const QString err = QString::fromUtf8(r.err.trimmed());
    QCOMPARE(err.count(QLatin1Char('\n')), 0);
    QVERIFY2(err.startsWith(QStringLiteral("forkline: ") + out + QStringLiteral(": ")), qPrintable(err));
    // Numbers as the locale writes them (20,000 in English).
    static const QRegularExpression leftOut(
        QStringLiteral(": [0-9,]+ more threads not drawn \\(20,?000 in all\\): a picture stops at 2,?160 points tall"));
    QVERIFY2(err.contains(leftOut), qPrintable(err));
    if (format == QLatin1String("png")) {
        const QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 800);
        // No taller than a slide holds, and that room is used.
        QVERIFY(image.height() <= Forkline::ImageLimits::kMaxPictureHeight);
        QVERIFY(image.height() > Forkline::ImageLimits::kMaxPictureHeight * 9 / 10);
    } else {
        const QByteArray svg = readAll(out);
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("more threads not drawn"));
    }
}

void TestRender::hostileTimesRefused()
{
    // Two slices 317 years apart once overflowed the axis and filled memory with ticks; now
    // the import refuses them with the event's index, before anything is drawn.
    const QString png = m_dir.filePath(QStringLiteral("hostile.png"));
    QElapsedTimer timer;
    timer.start();
    const auto r = runCli({ QStringLiteral("render"), QStringLiteral(FORKLINE_TEST_DATA "/chrome/hostile-times.json"),
        QStringLiteral("--png"), png });
    QCOMPARE(r.exitCode, 2);
    const QByteArray err = r.err.trimmed();
    QCOMPARE(err.count('\n'), 0);
    QVERIFY2(err.startsWith("forkline: "), err.constData());
    QVERIFY2(err.contains("hostile-times.json, byte 107: traceEvents[1] is 316.9 years after traceEvents[0]"),
        err.constData());
    QVERIFY(!QFile::exists(png));
    QVERIFY(timer.elapsed() < 60000);
}

void TestRender::lastNanosecondDraws()
{
    // A trace may end at the last nanosecond a qint64 holds: the axis must stop there rather
    // than step past it (which once wrapped round and never ended).
    if (!Forkline::chromeTraceSimdjsonAvailable())
        QSKIP("QJsonDocument reads times through a double, which does not reach the last nanosecond");
    const QString trace = ForklineTest::writeFile(m_dir, QStringLiteral("end.json"),
        "{\"traceEvents\":[{\"ph\":\"X\",\"name\":\"running\",\"pid\":1,\"tid\":1,"
        "\"ts\":9223372036854775,\"dur\":0.807}]}");
    const QString png = m_dir.filePath(QStringLiteral("end.png"));
    const QString svg = m_dir.filePath(QStringLiteral("end.svg"));
    const auto r = runCli(
        { QStringLiteral("render"), trace, QStringLiteral("--png"), png, QStringLiteral("--svg"), svg }, {}, 60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(QFileInfo(svg).size() > 0);
}

// --compact-time draws a 3 s sleep on both lanes as a short break with its length on the axis.
void TestRender::compactTimeDraws()
{
    const QString trace = ForklineTest::writeFile(m_dir, QStringLiteral("sleep.json"),
        "{\"traceEvents\":["
        "{\"ph\":\"X\",\"name\":\"running\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":10000},"
        "{\"ph\":\"X\",\"name\":\"sleeping\",\"pid\":1,\"tid\":1,\"ts\":10000,\"dur\":3000000},"
        "{\"ph\":\"X\",\"name\":\"running\",\"pid\":1,\"tid\":1,\"ts\":3010000,\"dur\":10000},"
        "{\"ph\":\"X\",\"name\":\"running\",\"pid\":1,\"tid\":2,\"ts\":2000,\"dur\":10000},"
        "{\"ph\":\"X\",\"name\":\"sleeping\",\"pid\":1,\"tid\":2,\"ts\":12000,\"dur\":2999000},"
        "{\"ph\":\"X\",\"name\":\"running\",\"pid\":1,\"tid\":2,\"ts\":3011000,\"dur\":10000}]}");
    QStringList plain { QStringLiteral("render"), trace, QStringLiteral("--width=800"), QStringLiteral("--scale=1") };
    QStringList compact = plain;
    compact << QStringLiteral("--compact-time");
    const QString plainPng = m_dir.filePath(QStringLiteral("plain.png"));
    const QString compactPng = m_dir.filePath(QStringLiteral("compact.png"));
    const QString compactSvg = m_dir.filePath(QStringLiteral("compact.svg"));
    const auto a = runCli(plain << QStringLiteral("--png=") + plainPng);
    QVERIFY2(a.exitCode == 0, a.err.constData());
    const auto b = runCli(compact << QStringLiteral("--png=") + compactPng << QStringLiteral("--svg=") + compactSvg);
    QVERIFY2(b.exitCode == 0, b.err.constData());
    const QImage before(plainPng);
    const QImage after(compactPng);
    QVERIFY(!before.isNull());
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    // The axis says how long the break is (2.999 s, to three digits), and the subtitle why.
    const QByteArray svg = readAll(compactSvg);
    QVERIFY2(svg.contains("3.00 s"), svg.left(2000).constData());
    QVERIFY(svg.contains("compact time: 1 idle stretch drawn short"));
}

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
