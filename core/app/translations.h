#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace outflow::i18n {

// Languages the product ships, as ISO 639-1 codes ("en" first: the source language).
QStringList supportedLanguages();
bool isSupported(const QString &language);

// The language to use: `requested` when it is supported, else the system
// locale's when supported, else English.
QString resolveLanguage(const QString &requested);

// The value of `--name VALUE` or `--name=VALUE` among the global options of
// `arguments` (before the first positional argument). Catalogues must be
// installed before any option parser builds its translated help, so the
// language (and the settings file holding it) is taken from the raw arguments.
QString rawOptionValue(const QStringList &arguments, const QString &name);

// Installs Outflow's embedded catalogue and Qt's own (standard dialogs) for
// `language` on `app`, and makes it the default QLocale. Returns false when
// a catalogue that should exist could not be loaded.
bool install(QCoreApplication &app, const QString &language);

} // namespace outflow::i18n
