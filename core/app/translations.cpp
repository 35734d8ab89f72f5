#include "translations.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace outflow::i18n {

QStringList supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

bool isSupported(const QString &language)
{
    return supportedLanguages().contains(language);
}

QString resolveLanguage(const QString &requested)
{
    if (isSupported(requested))
        return requested;
    for (const QString &uiLanguage : QLocale::system().uiLanguages()) {
        QString code = uiLanguage.section(QLatin1Char('-'), 0, 0).toLower();
        if (isSupported(code))
            return code;
    }
    return QStringLiteral("en");
}

QString rawOptionValue(const QStringList &arguments, const QString &name)
{
    const QString flag = QStringLiteral("--") + name;
    const QString prefix = flag + QLatin1Char('=');
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == flag && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(prefix))
            return arg.mid(prefix.size());
        if (!arg.startsWith(QLatin1Char('-')))
            break; // a command's own arguments start here
        if (arg == QLatin1String("--store") || arg == QLatin1String("--settings") ||
            arg == QLatin1String("--lang") || arg == QLatin1String("--demo-receiver"))
            ++i; // skip the value of a global option that takes one
    }
    return {};
}

bool install(QCoreApplication &app, const QString &language)
{
    QLocale::setDefault(QLocale(language));
    // English is the source language: no catalogue, but Qt's may still be
    // needed when the system is in another language, so always reset to ours.
    auto *own = new QTranslator(&app);
    const bool ownLoaded = own->load(QStringLiteral(":/i18n/outflow_%1.qm").arg(language));
    if (ownLoaded)
        QCoreApplication::installTranslator(own);
    else
        qCWarning(lcApp) << "No embedded catalogue for language" << language;

    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else if (language != QLatin1String("en")) {
        qCDebug(lcApp) << "Qt's own catalogue for" << language << "is not installed";
    }
    return ownLoaded;
}

} // namespace outflow::i18n
