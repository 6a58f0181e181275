// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonlauncher.h"

#include "pythontracer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace Forkline {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::PythonLauncher", s);
}

// Run by the interpreter itself, isolated (-E -s -S: no PYTHON* variables, no site; -I would
// do, but Python 2 does not know it) so that nothing of the program runs: its version, where
// it lives, and whether the file compiles. Written for any Python that may be on the path, so
// that an old one can say how old it is.
const char kCheck[] = "import sys\n"
                      "w = getattr(sys.stdout, 'buffer', sys.stdout).write\n"
                      "w(('%d.%d.%d\\n' % tuple(sys.version_info[:3])).encode('utf-8'))\n"
                      "w((sys.executable or '').encode('utf-8', 'surrogateescape') + b'\\n')\n"
                      "g = getattr(sys, '_is_gil_enabled', None)\n"
                      "off = g is not None and not g()\n"
                      "if off:\n"
                      "    import os\n"
                      "    off = os.environ.get('PYTHON_GIL', '') != '1'\n"
                      "w(b'gil off\\n' if off else b'gil on\\n')\n"
                      "if sys.version_info >= (3, 8):\n"
                      "    try:\n"
                      "        with open(sys.argv[1], 'rb') as f:\n"
                      "            compile(f.read(), sys.argv[1], 'exec', dont_inherit=True)\n"
                      "    except SyntaxError as e:\n"
                      "        w(('%s\\t%d\\t%d\\t%s\\n' % (type(e).__name__, e.lineno or 0, e.offset or 0,"
                      " e.msg)).encode('utf-8'))\n"
                      "    except ValueError as e:\n"
                      "        w(('SyntaxError\\t0\\t0\\t%s\\n' % e).encode('utf-8'))\n";

constexpr int kCheckTimeoutMs = 60000;

bool failWith(PythonLauncher::Failure kind, const QString& message, QString* error, PythonLauncher::Failure* failure)
{
    *error = message;
    if (failure)
        *failure = kind;
    return false;
}
} // namespace

bool PythonLauncher::isPythonFile(const QString& path)
{
    return path.endsWith(QLatin1String(".py"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".pyw"), Qt::CaseInsensitive);
}

QStringList PythonLauncher::defaultInterpreter()
{
#if defined(Q_OS_WIN)
    return { QStringLiteral("py"), QStringLiteral("-3") };
#else
    return { QStringLiteral("python3") };
#endif
}

QString PythonLauncher::firstInvalidUtf8(const QByteArray& bytes)
{
    int line = 1;
    int column = 1;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char b = p[i];
        int extra = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (b < 0x80) {
            extra = 0;
            cp = b;
        } else if ((b & 0xE0) == 0xC0) {
            extra = 1;
            cp = b & 0x1F;
            min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            extra = 2;
            cp = b & 0x0F;
            min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            extra = 3;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            return QStringLiteral("%1:%2").arg(line).arg(column);
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return QStringLiteral("%1:%2").arg(line).arg(column);
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points past Unicode are not UTF-8 either.
        if (extra > 0 && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            return QStringLiteral("%1:%2").arg(line).arg(column);
        if (b == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += extra + 1;
    }
    return {};
}

// The program file exists, is a file, reads, and is UTF-8 text.
bool PythonLauncher::checkProgramFile(const QString& file, const QFileInfo& info, QString* error, Failure* failure)
{
    if (!info.exists())
        return failWith(Failure::BadFile, tr("%1: no such file").arg(file), error, failure);
    if (!info.isFile())
        return failWith(Failure::BadFile, tr("%1: not a file").arg(file), error, failure);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return failWith(Failure::BadFile, tr("%1: cannot read it: %2").arg(file, f.errorString()), error, failure);
    const QString bad = firstInvalidUtf8(f.readAll());
    if (!bad.isEmpty())
        return failWith(Failure::BadFile,
            tr("%1:%2: not UTF-8 text; save the program as UTF-8 to run it").arg(file, bad), error, failure);
    return true;
}

bool PythonLauncher::runCheck(QProcess* check, const QStringList& command, const QFileInfo& info, bool byDefault,
    QString* error, Failure* failure)
{
    const QString shownPython = command.join(QLatin1Char(' '));
    check->setProcessChannelMode(QProcess::SeparateChannels);
    check->start(command.first(),
        command.mid(1) << QStringLiteral("-E") << QStringLiteral("-s") << QStringLiteral("-S") << QStringLiteral("-c")
                       << QString::fromLatin1(kCheck) << info.absoluteFilePath());
    if (!check->waitForStarted(kCheckTimeoutMs)) {
        return failWith(Failure::NoInterpreter,
            byDefault ? tr("no Python interpreter: \"%1\" was not found; install Python 3.8 or newer (python.org, or "
                           "\"sudo apt install python3\") or name one with --python PATH")
                            .arg(shownPython)
                      : tr("no Python interpreter at \"%1\": %2; name another with --python PATH")
                            .arg(shownPython, check->errorString()),
            error, failure);
    }
    check->closeWriteChannel();
    if (!check->waitForFinished(kCheckTimeoutMs)) {
        check->kill();
        check->waitForFinished();
        return failWith(Failure::NoInterpreter,
            tr("\"%1\" did not answer; name another interpreter with --python PATH").arg(shownPython), error, failure);
    }
    return true;
}

bool PythonLauncher::prepare(
    const Request& request, Collector::Launch* launch, QString* error, Interpreter* interpreter, Failure* failure)
{
    if (failure)
        *failure = Failure::None;
    const QString& file = request.file;
    const QFileInfo info(file);
    if (!checkProgramFile(file, info, error, failure))
        return false;

    QStringList command = request.python.isEmpty() ? defaultInterpreter() : QStringList { request.python };
    const QString shownPython = command.join(QLatin1Char(' '));
    QProcess check;
    if (!runCheck(&check, command, info, request.python.isEmpty(), error, failure))
        return false;
    const QStringList lines = QString::fromUtf8(check.readAllStandardOutput()).split(QLatin1Char('\n'));
    const QStringList version = lines.value(0).trimmed().split(QLatin1Char('.'));
    const int major = version.size() == 3 ? version[0].toInt() : 0;
    const int minor = version.size() == 3 ? version[1].toInt() : 0;
    // An old Python says its version before the rest of the check fails on it.
    if (major > 0 && (major < 3 || (major == 3 && minor < 8))) {
        return failWith(Failure::OldInterpreter,
            tr("\"%1\" is Python %2; tracing needs Python 3.8 or newer: name another with --python PATH")
                .arg(shownPython, version.join(QLatin1Char('.'))),
            error, failure);
    }
    if (check.exitStatus() != QProcess::NormalExit || check.exitCode() != 0 || major == 0) {
        return failWith(Failure::NoInterpreter,
            tr("\"%1\" is not a Python interpreter that Forkline can use; name another with --python PATH")
                .arg(shownPython),
            error, failure);
    }
    // A line "gil off" or "gil on"; an interpreter that says neither (an older tracer's
    // check) keeps its GIL.
    int next = 2;
    bool gilEnabled = true;
    if (lines.value(next).startsWith(QLatin1String("gil "))) {
        gilEnabled = lines.value(next).trimmed() != QLatin1String("gil off");
        ++next;
    }
    const QString syntax = lines.value(next);
    if (!syntax.isEmpty()) {
        const QStringList parts = syntax.split(QLatin1Char('\t'));
        return failWith(Failure::SyntaxError,
            QStringLiteral("%1:%2:%3: %4: %5")
                .arg(file, parts.value(1), parts.value(2), parts.value(0), parts.mid(3).join(QLatin1Char('\t'))),
            error, failure);
    }
    QString tracerError;
    const QString tracer = PythonTracer::directory(&tracerError);
    if (tracer.isEmpty())
        return failWith(Failure::NoTracer, tracerError, error, failure);

    // The real interpreter rather than what named it (a pyenv shim, the py launcher): the run
    // then starts no second program first.
    const QString executable = lines.value(1).trimmed();
    if (!executable.isEmpty() && QFileInfo(executable).isExecutable())
        command = QStringList { executable };
    if (interpreter) {
        interpreter->version = version.join(QLatin1Char('.'));
        interpreter->executable = command.first();
        interpreter->gilEnabled = gilEnabled;
    }
    QString pythonPath = QDir::toNativeSeparators(tracer);
    const QString inherited = qEnvironmentVariable("PYTHONPATH");
    if (!inherited.isEmpty())
        pythonPath += QDir::listSeparator() + inherited;
    launch->program = command.first();
    launch->arguments = command.mid(1) << file << request.arguments;
    launch->environment = QStringList { QStringLiteral("PYTHONPATH=") + pythonPath, QStringLiteral("FORKLINE_ROOT=1") };
    launch->workingDirectory = request.workingDirectory;
    launch->forwardStdio = request.forwardStdio;
    launch->lowerPriority = request.lowerPriority;
    // The tracer does not listen for `abort`: Stop ends the program's processes at once, and
    // the collector marks what was still running.
    launch->stopGraceMs = 0;
    launch->scenario = info.fileName();
    return true;
}

} // namespace Forkline
