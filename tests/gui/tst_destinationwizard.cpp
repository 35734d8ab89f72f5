// The destination wizard (issue #16) on the real window: the Engine on its
// thread, a real store, the real keychain, a loopback receiver and the pinned
// OAuth2 server. Each authentication type end to end; inline errors that keep
// Next from advancing; the token check (refused, cancelled with its late
// answer ignored); an expired client certificate refused; Cancel leaves
// nothing; Finish stores each secret in the keychain only.
#include "app/settings.h"
#include "app/translations.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "secrets/secretstore.h"
#include "settings/tlseditor.h"
#include "store/sqlitestore.h"
#include "support/httptestreceiver.h"
#include "support/nginxserver.h"
#include "support/oauth2mockserver.h"
#include "support/secrethelpers.h"
#include "support/testpki.h"
#include "wizard/authpage.h"
#include "wizard/reviewpage.h"
#include "wizarddriver.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace outflow;
using namespace outflow::test;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;
using Page = DestinationWizard::PageId;

namespace {

QStringList g_log; // every message the app logged during the test
QtMessageHandler g_previous = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    g_previous(type, context, message);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDestinationWizard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(i18n::install(*qApp, QStringLiteral("en")));
        g_previous = qInstallMessageHandler(recordMessage);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
        m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_engine = std::make_unique<EngineHost>(m_store);
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->setEngine(m_engine.get());
        QSignalSpy opened(m_engine.get(), &EngineHost::storeOpened);
        m_engine->start();
        QVERIFY(opened.wait(20000));
        m_window->show();
        g_log.clear();
    }

    void cleanup()
    {
        m_window.reset();
        m_engine.reset();
        m_settings.reset();
    }

    // Bearer: inline errors on a bad URL and a bad header, Send test on the
    // review page, Finish; the token is in the keychain and nowhere else.
    void bearerEndToEnd()
    {
        test::HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        DestinationWizard *wizard = m_window->openDestinationWizard();
        QVERIFY(wizard);
        QSignalSpy saved(wizard, &DestinationWizard::destinationSaved);
        QVERIFY(!nextEnabled(*wizard)); // no name yet
        fillConnect(*wizard, QStringLiteral("CRM webhook"));
        QVERIFY(nextEnabled(*wizard));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::AuthenticatePage));

        chooseAuth(*wizard, AuthType::Bearer);
        QVERIFY(!nextEnabled(*wizard));
        QVERIFY(pageMessage(*wizard, Page::AuthenticatePage).contains(QLatin1String("Bearer")));
        auto *token = field<QLineEdit>(*wizard, Page::AuthenticatePage, "bearerTokenEdit");
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        type(token, kToken);
        QVERIFY(nextEnabled(*wizard));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::DetailsPage));

        // A bad URL and a bad header each say what is wrong and hold Next.
        auto *endpoint = field<QLineEdit>(*wizard, Page::DetailsPage, "endpointEdit");
        type(endpoint, QStringLiteral("ftp://example.com/in"));
        QVERIFY(!nextEnabled(*wizard));
        QVERIFY2(pageMessage(*wizard, Page::DetailsPage).startsWith(QLatin1String("endpoint")),
                 qPrintable(pageMessage(*wizard, Page::DetailsPage)));
        auto *message =
            wizard->page(Page::DetailsPage)->findChild<QLabel *>(QStringLiteral("editorMessage"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), pageMessage(*wizard, Page::DetailsPage));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::DetailsPage));
        type(endpoint, receiver.url().toString());
        QVERIFY(nextEnabled(*wizard));
        auto *headers = wizard->page(Page::DetailsPage)
                            ->findChild<ui::KeyValueTableEditor *>(QStringLiteral("headersEditor"));
        addRow(headers, QStringLiteral("X Bad"), QStringLiteral("1"), false);
        QVERIFY(!nextEnabled(*wizard));
        QVERIFY2(pageMessage(*wizard, Page::DetailsPage).contains(QLatin1String("X Bad")),
                 qPrintable(pageMessage(*wizard, Page::DetailsPage)));
        headers->model()->item(0, 0)->setText(QStringLiteral("X-Team"));
        QVERIFY(nextEnabled(*wizard));
        // A secret header: its value must be typed, then travels only on the wire.
        addRow(headers, QStringLiteral("X-Api-Key"), QString(), true);
        QVERIFY(!nextEnabled(*wizard));
        QVERIFY2(pageMessage(*wizard, Page::DetailsPage).contains(QLatin1String("X-Api-Key")),
                 qPrintable(pageMessage(*wizard, Page::DetailsPage)));
        headers->model()->item(1, 1)->setText(kApiKey);
        QVERIFY(nextEnabled(*wizard));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::AlertsPage)); // no TLS page unless asked
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::ReviewPageId));

        // The review shows everything, the secret as bullets; Send test sends.
        const QString summary = wizard->reviewPage()->summary()->text();
        QVERIFY(summary.contains(QLatin1String("CRM webhook")));
        QVERIFY(summary.contains(QStringLiteral("••••")));
        QVERIFY(!summary.contains(kToken));
        QVERIFY(!summary.contains(kApiKey));
        wizard->reviewPage()->testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            wizard->reviewPage()->testResult()->text().contains(QLatin1String("HTTP 200")), 20000);
        QCOMPARE(receiver.requests().size(), 1);
        QCOMPARE(receiver.requests().constFirst().header("authorization"),
                 QByteArray("Bearer " + kToken.toUtf8()));
        QCOMPARE(receiver.requests().constFirst().header("x-api-key"), kApiKey.toUtf8());
        QVERIFY(!storedDestination(QStringLiteral("CRM webhook"))); // nothing saved yet

        wizard->button(QWizard::FinishButton)->click();
        QVERIFY(saved.wait(20000));
        const std::optional<Destination> stored = storedDestination(QStringLiteral("CRM webhook"));
        QVERIFY(stored);
        QCOMPARE(stored->auth, AuthType::Bearer);
        QCOMPARE(stored->endpoint, receiver.url());
        QCOMPARE(stored->headers.size(), 2);
        QVERIFY(stored->headers.at(1).secret);
        QVERIFY(stored->headers.at(1).value.isEmpty());
        QCOMPARE(stored->description, QStringLiteral("Profiles for the CRM team"));
        SecretStore keychain;
        QCOMPARE(test::waitFor(keychain.read(DestinationSecrets::keychainKey(
                                   stored->id, DestinationSecrets::Kind::BearerToken)))
                     .value,
                 kToken);
        QCOMPARE(
            test::waitFor(keychain.read(DestinationSecrets::Ref::header(QStringLiteral("X-Api-Key"))
                                            .keychainKey(stored->id)))
                .value,
            kApiKey);
        assertSecretNowhere(kToken);
        assertSecretNowhere(kApiKey);
    }

    // OAuth2: Next asks the token endpoint first; a refusal stays inline on
    // the page with the OAuth2 error, a correct secret moves on.
    void oauth2TokenCheck_data()
    {
        QTest::addColumn<AuthType>("authType");
        QTest::addColumn<CredentialsPlacement>("placement");
        QTest::newRow("client credentials, basic")
            << AuthType::OAuth2ClientCredentials << CredentialsPlacement::BasicHeader;
        QTest::newRow("client credentials, body")
            << AuthType::OAuth2ClientCredentials << CredentialsPlacement::Body;
        QTest::newRow("password grant, body")
            << AuthType::OAuth2Password << CredentialsPlacement::Body;
    }

    void oauth2TokenCheck()
    {
        QFETCH(AuthType, authType);
        QFETCH(CredentialsPlacement, placement);
        test::OAuth2MockServer oauth2;
        const QString started = oauth2.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QJsonObject settings;
        settings.insert(QStringLiteral("placement"), placement == CredentialsPlacement::Body
                                                         ? QStringLiteral("body")
                                                         : QStringLiteral("basic"));
        oauth2.configure(settings);
        test::HttpTestReceiver receiver;
        QVERIFY(receiver.listen());

        DestinationWizard *wizard = m_window->openDestinationWizard();
        QSignalSpy saved(wizard, &DestinationWizard::destinationSaved);
        fillConnect(*wizard, QStringLiteral("OAuth2 receiver"));
        wizard->next();
        chooseAuth(*wizard, authType);
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "tokenUrlEdit"),
             oauth2.tokenUrl().toString());
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "clientIdEdit"), test::clientId);
        auto *placementCombo =
            field<QComboBox>(*wizard, Page::AuthenticatePage, "credentialsInCombo");
        placementCombo->setCurrentIndex(placementCombo->findData(int(placement)));
        if (authType == AuthType::OAuth2Password) {
            type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "usernameEdit"), test::username);
            type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "passwordEdit"), test::password);
        }
        auto *secret = field<QLineEdit>(*wizard, Page::AuthenticatePage, "clientSecretEdit");
        type(secret, QStringLiteral("not the secret"));
        QVERIFY(nextEnabled(*wizard));

        // Refused: the OAuth2 error inline, still on the page, Next usable again.
        ui::AuthPage *auth = wizard->authPage();
        wizard->next();
        QVERIFY(auth->isChecking());
        QVERIFY(!nextEnabled(*wizard));
        QTRY_VERIFY_WITH_TIMEOUT(!auth->isChecking(), 20000);
        QCOMPARE(wizard->currentId(), int(Page::AuthenticatePage));
        QVERIFY2(auth->checkMessage()->text().contains(QLatin1String("invalid_client")),
                 qPrintable(auth->checkMessage()->text()));
        QVERIFY(nextEnabled(*wizard));

        type(secret, test::clientSecret);
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Page::DetailsPage), 20000);
        type(field<QLineEdit>(*wizard, Page::DetailsPage, "endpointEdit"),
             receiver.url().toString());
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::ReviewPageId));
        wizard->button(QWizard::FinishButton)->click();
        QVERIFY(saved.wait(20000));
        const std::optional<Destination> stored =
            storedDestination(QStringLiteral("OAuth2 receiver"));
        QVERIFY(stored);
        QCOMPARE(stored->auth, authType);
        QCOMPARE(stored->credentialsIn, placement);
        QCOMPARE(stored->clientId, test::clientId);
        assertSecretNowhere(test::clientSecret);
        if (authType == AuthType::OAuth2Password)
            assertSecretNowhere(test::password);
    }

    // A token endpoint that does not answer: Cancel ends the wait, and the
    // answer that comes later moves nothing.
    void aHangingTokenCheckIsCancelledAndItsLateAnswerIgnored()
    {
        test::OAuth2MockServer oauth2;
        QVERIFY(oauth2.start().isEmpty());
        QJsonObject settings;
        settings.insert(QStringLiteral("hold"), true);
        oauth2.configure(settings);
        DestinationWizard *wizard = m_window->openDestinationWizard();
        fillConnect(*wizard, QStringLiteral("Slow tokens"));
        wizard->next();
        chooseAuth(*wizard, AuthType::OAuth2ClientCredentials);
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "tokenUrlEdit"),
             oauth2.tokenUrl().toString());
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "clientIdEdit"), test::clientId);
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "clientSecretEdit"),
             test::clientSecret);
        ui::AuthPage *auth = wizard->authPage();
        QSignalSpy checked(m_engine.get(), &EngineHost::tokenChecked);
        wizard->next();
        QVERIFY(auth->isChecking());
        QTRY_COMPARE_WITH_TIMEOUT(oauth2.heldRequests(), 1, 20000);
        QVERIFY(auth->cancelCheckButton()->isVisible());
        auth->cancelCheckButton()->click();
        QVERIFY(!auth->isChecking());
        QVERIFY(nextEnabled(*wizard));
        QVERIFY(auth->checkMessage()->text().contains(QLatin1String("cancelled")));

        // The endpoint answers now, late: nothing follows (the request went
        // with its provider, and an answer to it would be dropped by its id).
        QCOMPARE(oauth2.call(QStringLiteral("release")).value(u"released").toInt(), 1);
        QVERIFY(!checked.wait(1000));
        QCOMPARE(wizard->currentId(), int(Page::AuthenticatePage));
        QVERIFY(auth->checkMessage()->text().contains(QLatin1String("cancelled")));
    }

    // TLS: an expired client certificate is refused with its reason; a valid
    // one shows its card.
    void anExpiredClientCertificateIsRefused()
    {
        test::TestPki pki;
        QVERIFY2(pki.generate(), qPrintable(pki.errorString()));
        DestinationWizard *wizard = m_window->openDestinationWizard();
        fillConnect(*wizard, QStringLiteral("Mutual TLS"));
        wizard->next();
        wizard->next();
        type(field<QLineEdit>(*wizard, Page::DetailsPage, "endpointEdit"),
             QStringLiteral("https://127.0.0.1:9/in"));
        field<QCheckBox>(*wizard, Page::DetailsPage, "tlsCheck")->setChecked(true);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::TlsPage));
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientCertEdit"),
             pki.expiredClientCertificate());
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientKeyEdit"), pki.expiredClientKey());
        QVERIFY(!nextEnabled(*wizard));
        // The files are read once typing pauses (TlsEditor): QTRY.
        QTRY_VERIFY2(pageMessage(*wizard, Page::TlsPage).contains(QLatin1String("expired")),
                     qPrintable(pageMessage(*wizard, Page::TlsPage)));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::TlsPage));

        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientCertEdit"), pki.clientCertificate());
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientKeyEdit"), pki.clientKey());
        QTRY_VERIFY2(nextEnabled(*wizard), qPrintable(pageMessage(*wizard, Page::TlsPage)));
        auto *card = field<QLabel>(*wizard, Page::TlsPage, "certificateCard");
        QVERIFY2(card->text().contains(QLatin1String("day")), qPrintable(card->text()));
        // A key that is not the certificate's is named too.
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientKeyEdit"), pki.expiredClientKey());
        QVERIFY(!nextEnabled(*wizard));
        QTRY_VERIFY(!pageMessage(*wizard, Page::TlsPage).isEmpty());
        QVERIFY(!nextEnabled(*wizard));
    }

    // The whole wizard from the keyboard, as a screen-reader user goes
    // through it: typing into the focused field, Tab, and the buttons'
    // mnemonics (Alt+N Next, Alt+S Send test, Alt+F Finish).
    void keyboardOnlyWithoutAuthentication()
    {
        test::HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        DestinationWizard *wizard = m_window->openDestinationWizard();
        QSignalSpy saved(wizard, &DestinationWizard::destinationSaved);
        QApplication::setActiveWindow(wizard); // mnemonics reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        const auto focused = [] { return QApplication::focusWidget(); };
        QTRY_COMPARE(focused()->objectName(), QStringLiteral("nameLineEdit"));
        QTest::keyClicks(focused(), QStringLiteral("Keyboard hook"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        // (A mnemonic clicks its button after a short press animation: QTRY.)
        QCOMPARE(focused()->objectName(), QStringLiteral("descriptionEdit"));
        QTest::keyClicks(focused(), QStringLiteral("Typed only"));
        QTest::keyClick(wizard->windowHandle(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(wizard->currentId(), int(Page::AuthenticatePage));
        QTRY_COMPARE(focused()->objectName(), QStringLiteral("authTypeCombo"));
        QTest::keyClick(wizard->windowHandle(), Qt::Key_N, Qt::AltModifier); // authentication: none
        QTRY_COMPARE(wizard->currentId(), int(Page::DetailsPage));
        QTRY_COMPARE(focused()->objectName(), QStringLiteral("endpointEdit"));
        QTest::keyClicks(focused(), receiver.url().toString());
        QTest::keyClick(wizard->windowHandle(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(wizard->currentId(), int(Page::AlertsPage));
        QTest::keyClick(wizard->windowHandle(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(wizard->currentId(), int(Page::ReviewPageId));
        QTest::keyClick(wizard->windowHandle(), Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(
            wizard->reviewPage()->testResult()->text().contains(QLatin1String("HTTP 200")), 20000);
        QTest::keyClick(wizard->windowHandle(), Qt::Key_F, Qt::AltModifier);
        QVERIFY(saved.wait(20000));
        const std::optional<Destination> stored =
            storedDestination(QStringLiteral("Keyboard hook"));
        QVERIFY(stored);
        QCOMPARE(stored->auth, AuthType::None);
        QCOMPARE(stored->description, QStringLiteral("Typed only"));
        QCOMPARE(receiver.requests().size(), 1);
    }

    // mTLS against a real nginx that demands a client certificate: the TLS
    // page's files, then Send test shows the answer, the server's
    // certificate and the client certificate presented; Finish keeps them.
    void mutualTlsSendTest()
    {
        QVERIFY2(test::NginxServer::isInstalled(), "nginx is not installed: run tools/test.sh");
        test::TestPki pki;
        QVERIFY2(pki.generate(), qPrintable(pki.errorString()));
        test::NginxOptions options;
        options.http = false;
        options.https = true;
        options.certificatePath = pki.serverCertificate();
        options.keyPath = pki.serverKey();
        options.clientCaPath = pki.caCertificate();
        test::NginxServer nginx(options);
        QVERIFY2(nginx.start(), qPrintable(nginx.errorString()));

        DestinationWizard *wizard = m_window->openDestinationWizard();
        QSignalSpy saved(wizard, &DestinationWizard::destinationSaved);
        fillConnect(*wizard, QStringLiteral("Mutual TLS"));
        wizard->next();
        wizard->next();
        type(field<QLineEdit>(*wizard, Page::DetailsPage, "endpointEdit"),
             nginx.httpsUrl(QStringLiteral("/exports")).toString());
        field<QCheckBox>(*wizard, Page::DetailsPage, "tlsCheck")->setChecked(true);
        wizard->next();
        type(field<QLineEdit>(*wizard, Page::TlsPage, "caBundleEdit"), pki.caCertificate());
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientCertEdit"), pki.clientCertificate());
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientKeyEdit"), pki.clientKey());
        QTRY_VERIFY2(nextEnabled(*wizard), qPrintable(pageMessage(*wizard, Page::TlsPage)));
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::ReviewPageId));
        wizard->reviewPage()->testButton()->click();
        QLabel *result = wizard->reviewPage()->testResult();
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QLatin1String("HTTP 200")) ||
                                     result->text().contains(QLatin1String("Failed")),
                                 20000);
        QVERIFY2(result->text().contains(QLatin1String("HTTP 200")), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QLatin1String("Server certificate:")),
                 qPrintable(result->text()));
        QVERIFY2(result->text().contains(QLatin1String("Client certificate presented:")),
                 qPrintable(result->text()));
        wizard->button(QWizard::FinishButton)->click();
        QVERIFY(saved.wait(20000));
        const std::optional<Destination> stored = storedDestination(QStringLiteral("Mutual TLS"));
        QVERIFY(stored);
        QCOMPARE(stored->clientCertPath, pki.clientCertificate());
        QCOMPARE(stored->caCertPath, pki.caCertificate());
    }

    // Cancel on the review page: no row, no keychain entry.
    void cancelLeavesNothing()
    {
        DestinationWizard *wizard = m_window->openDestinationWizard();
        fillConnect(*wizard, QStringLiteral("Abandoned"));
        wizard->next();
        chooseAuth(*wizard, AuthType::Bearer);
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "bearerTokenEdit"), kToken);
        wizard->next();
        type(field<QLineEdit>(*wizard, Page::DetailsPage, "endpointEdit"),
             QStringLiteral("http://127.0.0.1:9/in"));
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::ReviewPageId));
        const QString id = wizard->draft().destination.id;
        QSignalSpy finished(wizard, &QDialog::finished);
        wizard->button(QWizard::CancelButton)->click();
        QVERIFY(finished.size() == 1 || finished.wait(5000));
        QVERIFY(!storedDestination(QStringLiteral("Abandoned")));
        SecretStore keychain;
        QVERIFY(test::waitFor(keychain.read(DestinationSecrets::keychainKey(
                                  id, DestinationSecrets::Kind::BearerToken)))
                    .isNotFound());
    }

private:
    std::optional<Destination> storedDestination(const QString &name) const
    {
        SqliteStore store(m_store);
        if (!store.open())
            return std::nullopt;
        return store.destinationByName(name);
    }

    // The secret is in none of the files Outflow writes, nor in its log.
    void assertSecretNowhere(const QString &secret)
    {
        m_settings->sync();
        for (const QString &path :
             QStringList{m_store, m_store + QStringLiteral("-wal"), m_settings->fileName()})
            QVERIFY2(!fileBytes(path).contains(secret.toUtf8()), qPrintable(path));
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(secret), "a log line holds the secret");
    }

    const QString kToken = QStringLiteral("wizard-t0ken-4b1d");
    const QString kApiKey = QStringLiteral("api-k3y-77c2e1");
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<EngineHost> m_engine;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestDestinationWizard)
#include "tst_destinationwizard.moc"
