#include "app/settings.h"

#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using outflow::Settings;

class TestSettings final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void defaultsWhenNothingIsStored()
    {
        Settings settings(m_dir.filePath(QStringLiteral("defaults.ini")));
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.notificationsEnabled(), true);
        QCOMPARE(settings.ingestPort(), 8765);
        QCOMPARE(settings.value(Settings::Key::LastPage).toInt(), 0);
    }

    void valuesSurviveAReopen()
    {
        const QString file = m_dir.filePath(QStringLiteral("roundtrip.ini"));
        {
            Settings settings(file);
            settings.setValue(Settings::Key::Language, QStringLiteral("fr"));
            settings.setValue(Settings::Key::IngestPort, 9000);
            settings.setValue(Settings::Key::NotificationsEnabled, false);
            settings.setValue(Settings::Key::MainWindowGeometry, QByteArray("\x01\x02\x00\x03", 4));
            settings.sync();
        }
        Settings reopened(file);
        QCOMPARE(reopened.language(), QStringLiteral("fr"));
        QCOMPARE(reopened.ingestPort(), 9000);
        QCOMPARE(reopened.notificationsEnabled(), false);
        QCOMPARE(reopened.value(Settings::Key::MainWindowGeometry).toByteArray(),
                 QByteArray("\x01\x02\x00\x03", 4));
    }

    void unusableStoredValueFallsBackToDefault()
    {
        const QString file = m_dir.filePath(QStringLiteral("garbage.ini"));
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(Settings::name(Settings::Key::IngestPort), QStringLiteral("not a port"));
            raw.sync();
        }
        Settings settings(file);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("ingest/port.*default")));
        QCOMPARE(settings.ingestPort(), Settings::defaultValue(Settings::Key::IngestPort).toInt());
    }

    void resetRestoresTheDefault()
    {
        Settings settings(m_dir.filePath(QStringLiteral("reset.ini")));
        settings.setValue(Settings::Key::StorePath, QStringLiteral("/tmp/elsewhere.db"));
        QCOMPARE(settings.storePath(), QStringLiteral("/tmp/elsewhere.db"));
        settings.reset(Settings::Key::StorePath);
        QCOMPARE(settings.storePath(), QString());
    }

    void everyKeyHasOneUniqueName()
    {
        QSet<QString> names;
        for (const Settings::Key key : Settings::allKeys()) {
            const QString name = Settings::name(key);
            QVERIFY2(!name.isEmpty(), "a key without a name");
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
        }
        QCOMPARE(names.size(), Settings::allKeys().size());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
