// The GUI runs the Engine on a worker thread and, when enabled, the local
// ingest endpoint: toggled from the Tools menu, persisted, shown in the
// status bar, and fragments posted to it land in the store.
#include "app/settings.h"
#include "app/translations.h"
#include "enginehost.h"
#include "ingest/ingesttoken.h"
#include "mainwindow.h"
#include "secrets/secretstore.h"
#include "store/sqlitestore.h"
#include "support/secrethelpers.h"

#include <QAction>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;

class TestGuiIngest final : public QObject
{
    Q_OBJECT

private slots:
    // As the app does at start: English plural forms come from outflow_en.qm.
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void enablingTheEndpointServesFragmentsIntoTheStore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setValue(Settings::Key::IngestPort, 0); // any free port
        {
            EngineHost engine(storePath);
            MainWindow window(settings);
            window.setEngine(&engine);
            window.show();
            auto *action = window.findChild<QAction *>(QStringLiteral("ingestAction"));
            QVERIFY(action);
            QVERIFY(!action->isChecked());

            QSignalSpy opened(&engine, &EngineHost::storeOpened);
            QSignalSpy started(&engine, &EngineHost::ingestEndpointStarted);
            QSignalSpy committed(&engine, &EngineHost::fragmentsCommitted);
            engine.start();
            QVERIFY(opened.wait(20000));
            QTRY_VERIFY(action->isEnabled());
            action->trigger(); // the person ticks Tools › Local Ingest Endpoint
            QVERIFY(settings.value(Settings::Key::IngestEnabled).toBool());
            QVERIFY(started.wait(20000));
            const quint16 port = started.at(0).at(0).value<quint16>();
            QVERIFY(port != 0);
            auto *label = window.findChild<QLabel *>(QStringLiteral("ingestStatusLabel"));
            QTRY_VERIFY(label->isVisible());
            QVERIFY2(label->text().contains(QStringLiteral(":%1/v1/fragments").arg(port)),
                     qPrintable(label->text()));

            // The token the engine created in the keychain, read as an administrator would.
            SecretStore secrets;
            const SecretResult token = test::waitFor(secrets.read(QString(IngestTokenObjectId)));
            QCOMPARE(token.status, SecretResult::Status::Ok);

            QNetworkAccessManager network;
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1/v1/fragments").arg(port)));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + token.value.toLatin1());
            QNetworkReply *reply = network.post(
                request, QByteArray(R"({"identityMap":{"email":[{"id":"gui@x.io"}]}})"));
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait(10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
            QTRY_COMPARE(committed.size(), 1);
            // The Profiles page counts what is stored.
            auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
            auto *heading = pages->widget(int(MainWindow::Page::Profiles))
                                ->findChild<QLabel *>(QStringLiteral("headingLabel"));
            QTRY_COMPARE(heading->text(), QStringLiteral("1 profile in the store"));

            action->trigger(); // and unticks it
            QVERIFY(!settings.value(Settings::Key::IngestEnabled).toBool());
            QTRY_VERIFY(!label->isVisible());
        }
        SqliteStore store(storePath);
        QVERIFY(store.open());
        QCOMPARE(store.profileCount(), 1);
    }
};

QTEST_MAIN(TestGuiIngest)
#include "tst_guiingest.moc"
