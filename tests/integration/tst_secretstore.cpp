// SecretStore against the real Secret Service: gnome-keyring, started and
// unlocked by tools/test.sh inside a private D-Bus session.
#include "support/secrethelpers.h"

#include <QCoreApplication>
#include <QUuid>

using outflow::SecretResult;
using outflow::SecretStore;
using outflow::test::waitFor;
using Status = outflow::SecretResult::Status;

class TestSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run through tools/test.sh, which starts gnome-keyring");
        QVERIFY2(qEnvironmentVariableIsSet("OUTFLOW_TEST_SECRET_SEED"),
                 "the seed comes from CMake");
        // A unique service per run: runs never see each other's entries.
        m_store = new SecretStore(QStringLiteral("io.github.outflow.tests.%1")
                                      .arg(QUuid::createUuid().toString(QUuid::Id128)),
                                  this);
    }

    void storeThenReadBack()
    {
        const QString secret = outflow::test::derivedTestSecret();
        const SecretResult stored =
            waitFor(m_store->store(QStringLiteral("destination-1"), secret));
        QCOMPARE(stored.statusId(), QStringLiteral("ok"));
        QVERIFY(!stored.isError());
        QVERIFY2(stored.value.isEmpty(), "a store result must not echo the secret");

        const SecretResult read = waitFor(m_store->read(QStringLiteral("destination-1")));
        QCOMPARE(read.statusId(), QStringLiteral("ok"));
        QVERIFY(read.value == secret); // not QCOMPARE: a failure must not print the secret
    }

    void overwriteReplacesTheValue()
    {
        const QString id = QStringLiteral("destination-overwrite");
        QCOMPARE(waitFor(m_store->store(id, QStringLiteral("first value"))).status, Status::Ok);
        QCOMPARE(waitFor(m_store->store(id, QStringLiteral("second value"))).status, Status::Ok);
        const SecretResult read = waitFor(m_store->read(id));
        QCOMPARE(read.status, Status::Ok);
        QCOMPARE(read.value, QStringLiteral("second value"));
    }

    void readingAMissingEntryIsNotFoundNotAnError()
    {
        const SecretResult read = waitFor(m_store->read(QStringLiteral("never-stored")));
        QCOMPARE(read.statusId(), QStringLiteral("not-found"));
        QVERIFY(read.isNotFound());
        QVERIFY(!read.isError());
        QVERIFY(read.value.isEmpty());
    }

    void removeThenReadIsNotFound()
    {
        const QString id = QStringLiteral("destination-remove");
        QCOMPARE(waitFor(m_store->store(id, QStringLiteral("to be removed"))).status, Status::Ok);
        const SecretResult removed = waitFor(m_store->remove(id));
        QVERIFY2(!removed.isError(), qPrintable(removed.detail));
        QCOMPARE(waitFor(m_store->read(id)).status, Status::NotFound);
    }

    void removingAMissingEntryIsNotAnError()
    {
        const SecretResult removed =
            waitFor(m_store->remove(QStringLiteral("never-stored-either")));
        QVERIFY2(!removed.isError(), qPrintable(removed.detail));
    }

    void valuesRoundTripExactly_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("unicode") << QStringLiteral("pâté-Ωμέγα-密码-🔑-\u00a0tab\there");
        QTest::newRow("json-like") << QStringLiteral("{\"token\":\"a=b&c\",\"q\":\"\\\"x\\\"\"}");
        QTest::newRow("16 KiB") << QString(16 * 1024, QLatin1Char('k'));
        QTest::newRow("long mixed") << QStringLiteral("é€").repeated(5000);
        QTest::newRow("single char") << QStringLiteral("x");
    }

    void valuesRoundTripExactly()
    {
        QFETCH(QString, value);
        const QString id =
            QStringLiteral("roundtrip-") + QString::fromLatin1(QTest::currentDataTag());
        QCOMPARE(waitFor(m_store->store(id, value)).status, Status::Ok);
        const SecretResult read = waitFor(m_store->read(id));
        QCOMPARE(read.status, Status::Ok);
        QCOMPARE(read.value.size(), value.size());
        QVERIFY(read.value == value);
    }

    // Key = service + object id: the same id under another service is another entry.
    void entriesAreKeyedByServiceAndObjectId()
    {
        SecretStore other(m_store->service() + QStringLiteral(".other"), nullptr);
        const QString id = QStringLiteral("shared-id");
        QCOMPARE(waitFor(m_store->store(id, QStringLiteral("mine"))).status, Status::Ok);
        QCOMPARE(waitFor(other.read(id)).status, Status::NotFound);
        QCOMPARE(waitFor(other.store(id, QStringLiteral("theirs"))).status, Status::Ok);
        QCOMPARE(waitFor(m_store->read(id)).value, QStringLiteral("mine"));
        QCOMPARE(waitFor(other.read(id)).value, QStringLiteral("theirs"));
        QVERIFY(!waitFor(other.remove(id)).isError());
    }

    void emptyObjectIdIsRefused()
    {
        const SecretResult result = waitFor(m_store->store(QString(), QStringLiteral("x")));
        QCOMPARE(result.status, Status::Failed);
        QVERIFY(result.isError());
        QVERIFY(!result.message().isEmpty());
    }

    void requestDeletesItselfAfterFinishing()
    {
        QPointer<outflow::SecretRequest> request = m_store->read(QStringLiteral("never-stored"));
        QSignalSpy spy(request.data(), &outflow::SecretRequest::finished);
        QVERIFY(spy.wait(20000));
        QTRY_VERIFY(request.isNull());
    }

    void cleanupTestCase()
    {
        // Leave the secret written by storeThenReadBack() in the keyring: the
        // secrets_not_on_disk test then proves the keyring file holds it
        // encrypted. Remove the others.
        for (const QString &id :
             {QStringLiteral("destination-overwrite"), QStringLiteral("shared-id")})
            waitFor(m_store->remove(id));
    }

private:
    SecretStore *m_store = nullptr;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
