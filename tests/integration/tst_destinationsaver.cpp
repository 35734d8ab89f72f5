// DestinationSaver (issue #16), shared by `outflowctl destination add` and the
// app, against the real keychain: secrets first, then the destination; a
// failure at either step leaves every keychain entry as it was before.
#include "delivery/destinationsaver.h"
#include "secrets/secretstore.h"
#include "support/secrethelpers.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace outflow;
using Kind = DestinationSecrets::Kind;

class TestDestinationSaver final : public QObject
{
    Q_OBJECT

private slots:
    void savesSecretsThenTheDestination()
    {
        const Destination destination = newDestination();
        QString written;
        const auto writer = [&written](const Destination &d,
                                       const std::function<void(const QString &)> &done) {
            written = d.id;
            done({});
        };
        const QList<QVariant> result = save(destination,
                                            {{Kind::ClientSecret, QStringLiteral("cs-1")},
                                             {Kind::Password, QStringLiteral("pw-1")}},
                                            writer);
        QCOMPARE(result.at(0).toBool(), true);
        QCOMPARE(written, destination.id);
        QCOMPARE(read(destination, Kind::ClientSecret).value, QStringLiteral("cs-1"));
        QCOMPARE(read(destination, Kind::Password).value, QStringLiteral("pw-1"));
        cleanUp(destination);
    }

    // The store refuses: the new secret is removed, a replaced one restored.
    void aRefusedDestinationLeavesTheKeychainAsItWas()
    {
        const Destination destination = newDestination();
        QCOMPARE(test::waitFor(m_keychain.store(key(destination, Kind::BearerToken),
                                                QStringLiteral("old-token")))
                     .status,
                 SecretResult::Status::Ok);
        const auto refuse = [](const Destination &,
                               const std::function<void(const QString &)> &done) {
            done(QStringLiteral("a destination named “X” already exists."));
        };
        const QList<QVariant> result = save(destination,
                                            {{Kind::BearerToken, QStringLiteral("new-token")},
                                             {Kind::KeyPassphrase, QStringLiteral("pass")}},
                                            refuse);
        QCOMPARE(result.at(0).toBool(), false);
        QCOMPARE(result.at(1).value<DestinationSaver::Failure>(), DestinationSaver::Failure::Store);
        QVERIFY(result.at(2).toString().contains(QLatin1String("already exists")));
        QCOMPARE(read(destination, Kind::BearerToken).value, QStringLiteral("old-token"));
        QVERIFY(read(destination, Kind::KeyPassphrase).isNotFound());
        cleanUp(destination);
    }

    // Secret header and query values go under their own keys (DESIGN §6).
    void savesHeaderAndQuerySecrets()
    {
        Destination destination = newDestination();
        destination.headers = {{QStringLiteral("X-Api-Key"), QStringLiteral("hk-1"), true}};
        destination.query = QStringLiteral("token=qk-1");
        destination.secretQueryNames = {QStringLiteral("token")};
        const DestinationSecrets secrets = DestinationSecrets::extractInlineSecrets(destination);
        auto *saver = new DestinationSaver(
            m_keychain, destination, secrets,
            [](const Destination &saved, const std::function<void(const QString &)> &done) {
                done(saved.query == QStringLiteral("token=") ? QString()
                                                             : QStringLiteral("a value was kept"));
            });
        QSignalSpy finished(saver, &DestinationSaver::finished);
        saver->start();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
        const QStringList keys = DestinationSecrets::keychainKeys(destination);
        QCOMPARE(keys.size(), 2);
        QCOMPARE(test::waitFor(m_keychain.read(keys.at(0))).value, QStringLiteral("hk-1"));
        QCOMPARE(test::waitFor(m_keychain.read(keys.at(1))).value, QStringLiteral("qk-1"));
        for (const QString &key : keys)
            test::waitFor(m_keychain.remove(key));
    }

private:
    QList<QVariant> save(const Destination &destination, const QList<QPair<Kind, QString>> &secrets,
                         const DestinationSaver::Writer &writer)
    {
        auto *saver = new DestinationSaver(
            m_keychain, destination, DestinationSaver::keyed(destination.id, secrets), writer);
        QSignalSpy finished(saver, &DestinationSaver::finished);
        saver->start();
        if (!finished.wait(20000))
            return {false, QVariant(), QStringLiteral("no answer")};
        return finished.takeFirst();
    }
    static Destination newDestination()
    {
        Destination destination;
        destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        destination.name = QStringLiteral("Saver test");
        return destination;
    }
    static QString key(const Destination &destination, Kind kind)
    {
        return DestinationSecrets::keychainKey(destination.id, kind);
    }
    SecretResult read(const Destination &destination, Kind kind)
    {
        return test::waitFor(m_keychain.read(key(destination, kind)));
    }
    void cleanUp(const Destination &destination)
    {
        for (const Kind kind :
             {Kind::BearerToken, Kind::ClientSecret, Kind::Password, Kind::KeyPassphrase})
            test::waitFor(m_keychain.remove(key(destination, kind)));
    }

    SecretStore m_keychain;
};

QTEST_GUILESS_MAIN(TestDestinationSaver)
#include "tst_destinationsaver.moc"
