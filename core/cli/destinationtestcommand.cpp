// `outflowctl destination test N`: one sample export through the sender's own
// transport, authentication and TLS, without touching the outbox. Reached
// from destinationcommand.cpp's "test" action.
#include "activation/activationservice.h"
#include "activation/payloadbuilder.h"
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "delivery/authprovider.h"
#include "delivery/destinationsecretsloader.h"
#include "delivery/qnamtransport.h"
#include "delivery/secretredactor.h"
#include "delivery/tlsconfig.h"
#include "secrets/secretstore.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace outflow::cli {

namespace {

struct Sample
{
    QByteArray payload;
    qint64 profileId = 0; // 0: the sample document
};

// A profile the dataflow would export (realized in a mapped audience), built
// as the dataflow builds it; else any profile with the dataflow's mapping;
// else a small document in the exports' shape.
Sample sampleExport(Store &store, const Destination &destination)
{
    const std::optional<Dataflow> dataflow = store.dataflowOfDestination(destination.id);
    if (dataflow) {
        qint64 profileId = 0;
        for (const MappedAudience &mapped : dataflow->audiences) {
            const QList<qint64> members = store.realizedMembers(mapped.audienceId, 0, 1);
            if (!members.isEmpty()) {
                profileId = members.constFirst();
                break;
            }
        }
        if (profileId == 0) {
            const QList<qint64> any = store.profileIds(0, 1);
            profileId = any.isEmpty() ? 0 : any.constFirst();
        }
        const std::optional<Profile> profile =
            profileId > 0 ? store.profile(profileId) : std::nullopt;
        if (profile) {
            QHash<QString, Audience> audiences;
            for (const Audience &audience : store.audiences())
                audiences.insert(audience.id, audience);
            const PayloadBuilder builder(*dataflow, destination, audiences);
            const QByteArray payload = builder.build(profile->attributesJson, profile->identities,
                                                     store.memberships(profileId));
            if (!payload.isEmpty())
                return Sample{payload, profileId};
        }
    }
    return Sample{QByteArrayLiteral(
                      "{\"person\":{\"name\":{\"firstName\":\"Test\",\"lastName\":\"Outflow\"}},"
                      "\"segmentMembership\":{\"ups\":{}},\"identityMap\":{\"email\":"
                      "[{\"id\":\"outflow-test@example.com\",\"primary\":true}]}}"),
                  0};
}

// Sends the sample once the secrets are known; exits the event loop with the
// outcome. Owned by the application object, gone with it.
class DestinationTest final : public QObject
{
public:
    DestinationTest(Context &context, Destination destination, Sample sample)
        : QObject(QCoreApplication::instance())
        , m_context(context)
        , m_destination(std::move(destination))
        , m_sample(std::move(sample))
        , m_exportId(QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1())
    {}

    void send(const DestinationSecrets &secrets)
    {
        TlsConfig tls;
        if (m_destination.endpoint.scheme() == QLatin1String("https") ||
            !m_destination.clientCertPath.isEmpty()) {
            tls = TlsConfig::load(
                TlsSettings::fromDestination(m_destination, secrets.keyPassphrase.toUtf8()));
            if (!tls.isValid())
                return finish({}, QStringLiteral("tls"), tls.errorString());
        }
        QString error;
        m_auth = createAuthProvider(m_destination, secrets, {}, &error);
        if (!m_auth)
            return finish({}, QStringLiteral("auth"), error);
        m_redactor = SecretRedactor(m_destination, secrets);
        m_transport =
            new QnamTransport(TransportSettings::forDestination(m_destination, tls), nullptr, this);
        connect(m_transport, &Transport::finished, this,
                [this](const QList<TransportResult> &results) { finish(results.constFirst()); });
        m_auth->authorize(this, [this](const AuthResult &result) {
            if (!result.ok())
                return finish({}, QStringLiteral("auth"),
                              m_redactor.redact(result.failure->message));
            m_redactor.addAuthorization(result.authorization);
            m_transport->send(
                {TransportRequest{1, m_exportId, m_sample.payload, result.authorization}});
        });
    }

    void finish(const TransportResult &result, QString reason = {}, QString error = {})
    {
        if (reason.isEmpty() && result.error != TransportError::None) {
            reason = transportErrorId(result.error);
            error = m_redactor.redact(result.errorString);
        } else if (reason.isEmpty() && !result.isSuccess()) {
            reason = QStringLiteral("http-status");
            error = Text::tr("HTTP %1 from the endpoint.").arg(result.httpStatus);
        }
        const QString response = m_redactor.excerpt(result.body);
        const qint64 latencyMs = result.latencyUs / 1000;
        if (m_context.json) {
            m_context.out << QJsonDocument(
                                 QJsonObject{
                                     {QStringLiteral("exportId"), QString::fromLatin1(m_exportId)},
                                     {QStringLiteral("profile"), m_sample.profileId},
                                     {QStringLiteral("status"), result.httpStatus},
                                     {QStringLiteral("latencyMs"), latencyMs},
                                     {QStringLiteral("http2"), result.http2},
                                     {QStringLiteral("reason"), reason},
                                     {QStringLiteral("error"), error},
                                     {QStringLiteral("response"), response}})
                                 .toJson(QJsonDocument::Compact)
                          << '\n';
        } else {
            m_context.out << (m_sample.profileId > 0
                                  ? Text::tr("Sample export of profile %1 (export id %2):")
                                        .arg(m_sample.profileId)
                                        .arg(QString::fromLatin1(m_exportId))
                                  : Text::tr("Sample document (export id %1):")
                                        .arg(QString::fromLatin1(m_exportId)))
                          << '\n';
            if (result.httpStatus > 0)
                m_context.out << Text::tr("  status: HTTP %1%2, %3 ms")
                                     .arg(result.httpStatus)
                                     .arg(result.http2 ? QStringLiteral(" (HTTP/2)") : QString())
                                     .arg(latencyMs)
                              << '\n';
            if (!response.isEmpty())
                m_context.out << Text::tr("  response: %1").arg(response) << '\n';
            if (!error.isEmpty())
                m_context.err << Text::tr("destination test: %1").arg(error) << '\n';
        }
        m_context.out.flush();
        m_context.err.flush();
        QCoreApplication::exit(result.isSuccess() ? ExitSuccess : ExitFailure);
    }

private:
    Context &m_context;
    const Destination m_destination;
    const Sample m_sample;
    const QByteArray m_exportId;
    std::shared_ptr<AuthProvider> m_auth;
    SecretRedactor m_redactor;
    QnamTransport *m_transport = nullptr;
};

} // namespace

int destinationTestCommand(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("destination test");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        context.err << command << ": " << Text::tr("give exactly one destination id or name.")
                    << '\n';
        return ExitUsage;
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    ActivationService service(store);
    const std::optional<Destination> destination =
        service.findDestination(parser.positionalArguments().constFirst());
    if (!destination) {
        context.err << command << ": " << service.lastError() << '\n';
        return service.lastErrorKind() == ActivationService::ErrorKind::Input ? ExitUsage
                                                                              : ExitFailure;
    }
    auto *test = new DestinationTest(context, *destination, sampleExport(store, *destination));
    store.close();
    auto *keychain = new SecretStore(test);
    readDestinationSecrets(
        *keychain, *destination, test,
        [test, &context](std::optional<DestinationSecrets> secrets, const QString &problem) {
            if (secrets)
                return test->send(*secrets);
            context.err << Text::tr("destination test: %1").arg(problem) << '\n';
            context.err.flush();
            QCoreApplication::exit(ExitFailure);
        });
    return RunEventLoop;
}

} // namespace outflow::cli
