// SecretStore when no Secret Service can answer: ctest points
// DBUS_SESSION_BUS_ADDRESS at a socket that does not exist. Every operation
// must end with the typed NoKeychain error, and nothing may be written
// anywhere else (no plaintext fallback).
#include "support/secrethelpers.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QStandardPaths>

using outflow::SecretResult;
using outflow::SecretStore;
using outflow::test::waitFor;
using Status = outflow::SecretResult::Status;

class TestSecretStoreNoKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(
            qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QLatin1String("no-such-bus")),
            "this test must run with the bogus bus address set by ctest");
        m_store = new SecretStore(QStringLiteral("io.github.outflow.tests.nokeychain"), this);
        m_store->setRetryDelay(std::chrono::milliseconds(50));
    }

    void everyOperationReportsNoKeychain_data()
    {
        QTest::addColumn<int>("operation");
        QTest::newRow("store") << 0;
        QTest::newRow("read") << 1;
        QTest::newRow("remove") << 2;
    }

    void everyOperationReportsNoKeychain()
    {
        QFETCH(int, operation);
        const QString id = QStringLiteral("destination-1");
        outflow::SecretRequest *request = operation == 0
                                              ? m_store->store(id, QStringLiteral("value"))
                                          : operation == 1 ? m_store->read(id)
                                                           : m_store->remove(id);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no-keychain")));
        const SecretResult result = waitFor(request);
        QCOMPARE(result.statusId(), QStringLiteral("no-keychain"));
        QCOMPARE(result.status, Status::NoKeychain);
        QVERIFY(result.isError());
        QVERIFY(!result.isNotFound());
        QVERIFY(result.value.isEmpty());
        QVERIFY(result.message().contains(QLatin1String("keychain")));
    }

    void nothingWasWrittenToTheDataOrConfigFolders()
    {
        for (const auto location :
             {QStandardPaths::GenericDataLocation, QStandardPaths::GenericConfigLocation}) {
            QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains("io.github.outflow.tests.nokeychain"),
                         qPrintable(path));
            }
        }
    }

private:
    SecretStore *m_store = nullptr;
};

QTEST_GUILESS_MAIN(TestSecretStoreNoKeychain)
#include "tst_secretstore_nokeychain.moc"
