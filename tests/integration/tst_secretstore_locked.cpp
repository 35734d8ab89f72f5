// SecretStore when the keyring exists but is locked and nobody can unlock it
// (run by tests/integration/locked-keyring.sh): saving is refused with the
// typed AccessDenied error, never written elsewhere.
#include "support/secrethelpers.h"

#include <QCoreApplication>

using outflow::SecretResult;
using outflow::SecretStore;
using outflow::test::waitFor;
using Status = outflow::SecretResult::Status;

class TestSecretStoreLocked final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/integration/locked-keyring.sh");
    }

    void storingIntoALockedKeyringIsAccessDenied()
    {
        SecretStore store(QStringLiteral("io.github.outflow.tests.locked"), nullptr);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("access-denied")));
        const SecretResult result =
            waitFor(store.store(QStringLiteral("destination-1"), QStringLiteral("value")));
        QCOMPARE(result.statusId(), QStringLiteral("access-denied"));
        QVERIFY(result.isError());
        QVERIFY2(result.message().contains(QLatin1String("locked")), qPrintable(result.message()));
        QVERIFY2(!result.detail.isEmpty(), "the backend's words are kept for the details pane");
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreLocked)
#include "tst_secretstore_locked.moc"
