// SPDX-License-Identifier: GPL-3.0-or-later
// A Python program as a lesson: what the list and the window show of it before it runs.
#include "scenario.h"
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Forkline {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::ScenarioLoader", s);
}

// Reads `# key: value` and `# key.LANG: value` lines from the comment block at the top.
void readHeader(const QByteArray& source, Scenario* out)
{
    static const QRegularExpression field(
        QStringLiteral("^#\\s*(title|description)(?:\\.([A-Za-z_]+))?\\s*:\\s*(.*)$"));
    const QList<QByteArray> lines = source.left(16 * 1024).split('\n');
    for (const QByteArray& raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1String("#!")) || line.startsWith(QLatin1String("# -*-")))
            continue;
        if (!line.startsWith(QLatin1Char('#')))
            break;
        const QRegularExpressionMatch m = field.match(line);
        if (!m.hasMatch())
            continue;
        const bool title = m.captured(1) == QLatin1String("title");
        const QString lang = m.captured(2);
        const QString value = m.captured(3).trimmed();
        if (lang.isEmpty())
            (title ? out->title : out->description) = value;
        else
            (title ? out->translations[lang].title : out->translations[lang].description) = value;
    }
}
} // namespace

bool isPythonProgramPath(const QString& path)
{
    return path.endsWith(QLatin1String(".py"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".pyw"), Qt::CaseInsensitive);
}

bool loadPythonProgram(const QString& path, Scenario* out, ScenarioError* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = { path, 0, 0, tr("cannot open: %1").arg(file.errorString()) };
        return false;
    }
    Scenario sc;
    readHeader(file.read(16 * 1024), &sc);
    sc.name = QFileInfo(path).completeBaseName();
    if (sc.title.isEmpty())
        sc.title = QFileInfo(path).fileName();
    if (sc.description.isEmpty())
        sc.description = tr("A Python program. Run starts it with the Python interpreter, traced: every thread, "
                            "process, sleep, print, wait and join of the real program appears on the timeline.");
    localizeScenario(&sc, uiLocale());
    sc.source = path;
    sc.program = path;
    *out = std::move(sc);
    return true;
}

} // namespace Forkline
