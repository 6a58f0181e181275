// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>
#include <optional>
#include <vector>

namespace Forkline {

namespace {

// What installTranslators() put in, so that a language switch takes it out again.
std::vector<QPointer<QTranslator>>& installed()
{
    static std::vector<QPointer<QTranslator>> translators;
    return translators;
}

QTranslator* install(const QLocale& locale, const QString& name, const QString& directory)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        installed().emplace_back(translator);
        return translator;
    }
    delete translator;
    return nullptr;
}

// The language installed last: what the user interface speaks now.
std::optional<QLocale>& current()
{
    static std::optional<QLocale> locale;
    return locale;
}

void removeInstalled()
{
    for (const QPointer<QTranslator>& t : installed()) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t.data();
        }
    }
    installed().clear();
}

} // namespace

QLocale uiLocale(const QString& chosen)
{
    if (current())
        return *current();
    if (qEnvironmentVariableIsEmpty("FORKLINE_LANG") && !chosen.isEmpty())
        return QLocale(chosen);
    return systemUiLocale();
}

QLocale systemUiLocale()
{
    const QString forced = qEnvironmentVariable("FORKLINE_LANG");
    return forced.isEmpty() ? QLocale() : QLocale(forced);
}

QStringList qtTranslationDirectories()
{
    const QDir program(QCoreApplication::applicationDirPath());
    // Windows: translations/ beside forkline.exe; macOS: Contents/Resources/translations.
    return { program.filePath(QStringLiteral("translations")),
        program.filePath(QStringLiteral("../Resources/translations")),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) };
}

QStringList installQtTranslators(const QLocale& locale, const QStringList& directories)
{
    // qt_<lang> loads its parts (qtbase_<lang>, ...) from its own folder; some systems have
    // qtbase_<lang> alone. One of each, from the first folder that has it.
    QStringList files;
    for (const QString& name : { QStringLiteral("qt"), QStringLiteral("qtbase") }) {
        for (const QString& directory : directories) {
            if (QTranslator* t = install(locale, name, directory)) {
                files << t->filePath();
                break;
            }
        }
    }
    return files;
}

void installTranslators(const QLocale& locale)
{
    removeInstalled();
    current() = locale;
    install(locale, QStringLiteral("forkline"), QStringLiteral(":/i18n"));
    installQtTranslators(locale, qtTranslationDirectories());
}

void installTranslators()
{
    installTranslators(uiLocale());
}

} // namespace Forkline
