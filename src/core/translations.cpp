// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Forkline {

namespace {

void install(const QLocale& locale, const QString& name, const QString& directory)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, QStringLiteral("_"), directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

QLocale uiLocale()
{
    const QString forced = qEnvironmentVariable("FORKLINE_LANG");
    return forced.isEmpty() ? QLocale() : QLocale(forced);
}

void installTranslators()
{
    const QLocale locale = uiLocale();
    install(locale, QStringLiteral("forkline"), QStringLiteral(":/i18n"));
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace Forkline
