// The product is bilingual: every user-visible string has a French
// translation, and strings use the ellipsis character, never "...".
#include "app/translations.h"
#include "testconfig.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Catalogue
{
    int messages = 0;
    QStringList unfinished; // source texts without a finished translation
    QStringList obsolete;
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return catalogue;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            ++catalogue.messages;
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || (type.isEmpty() && text.isEmpty()))
                catalogue.unfinished << source;
            else if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                catalogue.obsolete << source;
        }
    }
    return catalogue;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    // Runs lupdate on the current sources against a copy of outflow_fr.ts: a
    // string added to the code without its translation shows up as unfinished.
    void frenchCatalogueIsCompleteForTheCurrentSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("outflow_fr.ts"));
        QVERIFY(QFile::copy(QStringLiteral(OUTFLOW_TRANSLATIONS_DIR "/outflow_fr.ts"), copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(OUTFLOW_SOURCE_DIR));
        lupdate.start(
            QStringLiteral(OUTFLOW_LUPDATE_BINARY),
            {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
             QStringLiteral("-source-language"), QStringLiteral("en"),
             QStringLiteral("-target-language"), QStringLiteral("fr"), QStringLiteral("-silent"),
             QStringLiteral("@" OUTFLOW_TRANSLATABLE_SOURCES_LIST), QStringLiteral("-ts"), copy});
        QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish");
        QCOMPARE(lupdate.exitCode(), 0);

        const Catalogue catalogue = readCatalogue(copy);
        QVERIFY2(catalogue.messages > 50, "the catalogue looks empty");
        QVERIFY2(catalogue.unfinished.isEmpty(),
                 qPrintable(QStringLiteral("untranslated in outflow_fr.ts (run the "
                                           "update_translations target, then translate):\n  ") +
                            catalogue.unfinished.join(QStringLiteral("\n  "))));
    }

    void committedCataloguesHaveNoUnfinishedOrObsoleteEntries_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("fr") << QStringLiteral("outflow_fr.ts");
        QTest::newRow("en") << QStringLiteral("outflow_en.ts");
    }

    void committedCataloguesHaveNoUnfinishedOrObsoleteEntries()
    {
        QFETCH(QString, file);
        const Catalogue catalogue =
            readCatalogue(QStringLiteral(OUTFLOW_TRANSLATIONS_DIR "/") + file);
        QVERIFY2(catalogue.unfinished.isEmpty(), qPrintable(catalogue.unfinished.join(u'\n')));
        QVERIFY2(catalogue.obsolete.isEmpty(), qPrintable(catalogue.obsolete.join(u'\n')));
    }

    // "..." in a translatable string: use "…" (U+2026), in sources and in French.
    void userVisibleStringsUseTheEllipsisCharacter()
    {
        static const QRegularExpression trCall(QStringLiteral(
            R"re((?:\btr|translate|QT_TRANSLATE_NOOP)\s*\((?:[^;]*?)"([^"]*\.\.\.[^"]*)")re"));
        QStringList offenders;
        QDirIterator it(QStringLiteral(OUTFLOW_SOURCE_DIR),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QLatin1String("/build")) || path.contains(QLatin1String("/tests/")))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            auto matches = trCall.globalMatch(text);
            while (matches.hasNext())
                offenders << path + QStringLiteral(": ") + matches.next().captured(1);
        }
        QFile fr(QStringLiteral(OUTFLOW_TRANSLATIONS_DIR "/outflow_fr.ts"));
        QVERIFY(fr.open(QIODevice::ReadOnly));
        const QString frText = QString::fromUtf8(fr.readAll());
        static const QRegularExpression dots(
            QStringLiteral(R"(<translation>[^<]*\.\.\.[^<]*</translation>)"));
        auto frMatches = dots.globalMatch(frText);
        while (frMatches.hasNext())
            offenders << QStringLiteral("outflow_fr.ts: ") + frMatches.next().captured(0);
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    void embeddedFrenchCatalogueTranslates()
    {
        QVERIFY(outflow::i18n::install(*QCoreApplication::instance(), QStringLiteral("fr")));
        QCOMPARE(QCoreApplication::translate("outflowctl", "Commands:"),
                 QStringLiteral("Commandes :"));
        QCOMPARE(QLocale().name(), QStringLiteral("fr_FR"));
    }

    void languageResolution()
    {
        QCOMPARE(outflow::i18n::resolveLanguage(QStringLiteral("fr")), QStringLiteral("fr"));
        QCOMPARE(outflow::i18n::resolveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        // LANG=C.UTF-8 / LANGUAGE=en in the test environment: unsupported
        // requests fall back to the system's language, here English.
        QCOMPARE(outflow::i18n::resolveLanguage(QStringLiteral("xx")), QStringLiteral("en"));
        QVERIFY(!outflow::i18n::isSupported(QStringLiteral("de")));
    }

    void rawOptionValueTakesOnlyGlobalOptions()
    {
        using outflow::i18n::rawOptionValue;
        const QString lang = QStringLiteral("lang");
        QCOMPARE(rawOptionValue(
                     {QStringLiteral("x"), QStringLiteral("--lang"), QStringLiteral("fr")}, lang),
                 QStringLiteral("fr"));
        QCOMPARE(rawOptionValue({QStringLiteral("x"), QStringLiteral("--lang=fr")}, lang),
                 QStringLiteral("fr"));
        QCOMPARE(
            rawOptionValue({QStringLiteral("x"), QStringLiteral("--store"), QStringLiteral("a.db"),
                            QStringLiteral("--lang"), QStringLiteral("fr")},
                           lang),
            QStringLiteral("fr"));
        QCOMPARE(rawOptionValue({QStringLiteral("x"), QStringLiteral("ingest"),
                                 QStringLiteral("--lang"), QStringLiteral("fr")},
                                lang),
                 QString());
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
