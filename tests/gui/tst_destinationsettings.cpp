// The Edit dialog (issue #16) on the real window and Engine, with a store
// prepared by the real outflowctl: changes keep the dataflow and its queued
// exports; a rotated bearer token is used from the next request (the
// receiver accepts only the new one); secrets are never loaded into fields
// and only the retyped ones are written.
#include "app/settings.h"
#include "app/translations.h"
#include "dialogs/destinationsettingsdialog.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "secrets/secretstore.h"
#include "settings/destinationeditor.h"
#include "store/sqlitestore.h"
#include "support/httptestreceiver.h"
#include "support/processrunner.h"
#include "support/secrethelpers.h"
#include "testconfig.h"
#include "widgets/secretlineedit.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using outflow::ui::DestinationSettingsDialog;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;

class TestDestinationSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void editingKeepsQueuedExportsAndRotatesTheToken()
    {
        QTemporaryDir dir;
        m_store = dir.filePath(QStringLiteral("store.sqlite"));
        test::HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        // Only the new token is accepted; the old one would be a 401.
        receiver.setHandler([](const test::ReceivedRequest &request, int) {
            return request.header("authorization") == QByteArrayLiteral("Bearer new-t0ken")
                       ? test::Reply::withStatus(200)
                       : test::Reply::withStatus(401);
        });

        // outflowctl: a bearer destination with 5 exports queued, then disabled
        // (a disabled destination keeps its queue but queues nothing new).
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OUTFLOW_BEARER_TOKEN"), QStringLiteral("old-t0ken"));
        ctl(QStringList{QStringLiteral("destination"), QStringLiteral("add"),
                        QStringLiteral("--name"), QStringLiteral("Hook"),
                        QStringLiteral("--endpoint"), receiver.url().toString(),
                        QStringLiteral("--auth"), QStringLiteral("bearer")},
            environment);
        ctl({"audience", "add", "--name", "Everyone", "--rule", "personalEmail.address exists"});
        ctl({"activate", "Hook", "--audience", "Everyone", "--attribute", "personalEmail.address"});
        QByteArray ndjson;
        for (int i = 0; i < 5; ++i)
            ndjson += QStringLiteral("{\"identityMap\":{\"email\":[{\"id\":\"p%1@example.com\"}]},"
                                     "\"personalEmail\":{\"address\":\"p%1@example.com\"}}\n")
                          .arg(i)
                          .toUtf8();
        const QString file = dir.filePath(QStringLiteral("profiles.ndjson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(ndjson) == ndjson.size());
        out.close();
        ctl(QStringList{QStringLiteral("ingest"), file});
        ctl({"destination", "disable", "Hook"});
        const QString id = destination()->id;
        QCOMPARE(queued(id), 5);

        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));
        window.show();

        // An edit without retyping keeps the stored token (the field says so).
        DestinationSettingsDialog *dialog = window.openDestinationSettings(id);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 20000);
        auto *token = dialog->findChild<ui::SecretLineEdit *>(QStringLiteral("bearerTokenEdit"));
        QVERIFY(token->text().isEmpty());
        QVERIFY(token->isStoredInKeychain());
        QVERIFY(token->placeholderText().contains(QLatin1String("keychain")));
        auto *description = dialog->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
        description->setPlainText(QStringLiteral("Edited in the app"));
        QSignalSpy saved(dialog, &DestinationSettingsDialog::destinationSaved);
        dialog->accept();
        QVERIFY(saved.wait(20000));
        QCOMPARE(destination()->description, QStringLiteral("Edited in the app"));
        SecretStore keychain;
        const QString tokenKey =
            DestinationSecrets::keychainKey(id, DestinationSecrets::Kind::BearerToken);
        QCOMPARE(test::waitFor(keychain.read(tokenKey)).value, QStringLiteral("old-t0ken"));
        QCOMPARE(queued(id), 5);

        // A bad endpoint: OK shows the tab and the problem, nothing is saved.
        dialog = window.openDestinationSettings(id);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 20000);
        auto *endpoint = dialog->findChild<QLineEdit *>(QStringLiteral("endpointEdit"));
        endpoint->setText(QStringLiteral("not a url"));
        dialog->tabs()->setCurrentIndex(DestinationSettingsDialog::ConnectionTab);
        dialog->accept();
        QCOMPARE(dialog->tabs()->currentIndex(), int(DestinationSettingsDialog::DetailsTab));
        QVERIFY2(dialog->errorLabel()->text().startsWith(QLatin1String("endpoint")),
                 qPrintable(dialog->errorLabel()->text()));
        QVERIFY(dialog->isVisible());
        endpoint->setText(receiver.url().toString());

        // The token rotated: written, and used from the next request.
        token = dialog->findChild<ui::SecretLineEdit *>(QStringLiteral("bearerTokenEdit"));
        token->setText(QStringLiteral("new-t0ken"));
        QSignalSpy savedAgain(dialog, &DestinationSettingsDialog::destinationSaved);
        dialog->accept();
        QVERIFY(savedAgain.wait(20000));
        QCOMPARE(test::waitFor(keychain.read(tokenKey)).value, QStringLiteral("new-t0ken"));
        QCOMPARE(queued(id), 5);          // the dataflow and its exports stayed
        QVERIFY(!destination()->enabled); // still as disabled by outflowctl
        QVERIFY(receiver.requests().isEmpty());

        // Enabled by outflowctl while an Edit dialog is open: saving the
        // dialog changes its settings, not that flag. The dialog also turns
        // batched delivery on (issue #22): 10 profiles a request, the first
        // waiting up to 2 s, at most 256 KiB.
        dialog = window.openDestinationSettings(id);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 20000);
        ctl({"destination", "enable", "Hook"});
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"))
            ->setPlainText(QStringLiteral("Edited again"));
        auto *batchExports = dialog->findChild<QSpinBox *>(QStringLiteral("batchExportsSpin"));
        auto *batchAge = dialog->findChild<QSpinBox *>(QStringLiteral("batchAgeSpin"));
        auto *batchSize = dialog->findChild<QSpinBox *>(QStringLiteral("batchSizeSpin"));
        QVERIFY(batchExports && batchAge && batchSize);
        QCOMPARE(batchExports->value(), 1);
        QVERIFY(!batchAge->isEnabled()); // meaningless for one profile a request
        batchExports->setValue(10);
        QVERIFY(batchAge->isEnabled() && batchSize->isEnabled());
        batchAge->setValue(2000);
        batchSize->setValue(256);
        QSignalSpy savedThird(dialog, &DestinationSettingsDialog::destinationSaved);
        dialog->accept();
        QVERIFY(savedThird.wait(20000));
        QCOMPARE(destination()->description, QStringLiteral("Edited again"));
        QVERIFY(destination()->enabled);
        QCOMPARE(destination()->batchMaxExports, 10);
        QCOMPARE(destination()->batchMaxAgeMs, 2000);
        QCOMPARE(destination()->batchMaxBytes, 256 * 1024);
        // The 5 queued exports leave in batches: JSON arrays, a batch id each.
        const auto exportsReceived = [&receiver] {
            qsizetype count = 0;
            for (const test::ReceivedRequest &request : receiver.requests())
                count += QJsonDocument::fromJson(request.body).array().size();
            return count;
        };
        QTRY_COMPARE_WITH_TIMEOUT(exportsReceived(), 5, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(queued(id), 0, 20000);
        QVERIFY(receiver.requests().size() < 5);
        for (const test::ReceivedRequest &request : receiver.requests()) {
            QCOMPARE(request.header("authorization"), QByteArrayLiteral("Bearer new-t0ken"));
            QVERIFY(!request.header("X-Outflow-Batch-Id").isEmpty());
        }
    }

private:
    void ctl(std::initializer_list<const char *> arguments)
    {
        QStringList args;
        for (const char *argument : arguments)
            args.append(QString::fromUtf8(argument));
        ctl(args);
    }

    void ctl(const QStringList &arguments,
             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        const QStringList args = QStringList{QStringLiteral("--store"), m_store} + arguments;
        const test::ProcessResult result =
            test::runProcess(QStringLiteral(OUTFLOW_CLI_BINARY), args, environment);
        QVERIFY2(result.exitCode == 0, qPrintable(args.join(u' ') + u'\n' + result.err));
    }

    std::optional<Destination> destination() const
    {
        SqliteStore store(m_store);
        return store.open() ? store.destinationByName(QStringLiteral("Hook")) : std::nullopt;
    }

    int queued(const QString &destinationId) const
    {
        SqliteStore store(m_store);
        if (!store.open())
            return -1;
        const std::optional<Dataflow> dataflow = store.dataflowOfDestination(destinationId);
        if (!dataflow)
            return -2;
        const std::optional<OutboxSummary> outbox = store.outboxSummary(dataflow->id);
        return outbox ? int(outbox->backlog()) : -3;
    }

    QString m_store;
};

QTEST_MAIN(TestDestinationSettings)
#include "tst_destinationsettings.moc"
