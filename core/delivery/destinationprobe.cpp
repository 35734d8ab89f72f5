#include "destinationprobe.h"

#include "activation/payloadbuilder.h"
#include "delivery/batchenvelope.h"
#include "delivery/qnamtransport.h"
#include "delivery/tlsconfig.h"
#include "store/store.h"

#include <QUuid>

namespace outflow {

namespace {

// A profile the dataflow would export (realized in a mapped audience), built
// as the dataflow builds it; else any profile with the dataflow's mapping;
// else a small document in the exports' shape.
QByteArray sampleExport(Store &store, const Destination &destination, qint64 *profileId)
{
    *profileId = 0;
    if (const std::optional<Dataflow> dataflow = store.dataflowOfDestination(destination.id)) {
        qint64 id = 0;
        for (const MappedAudience &mapped : dataflow->audiences) {
            const QList<qint64> members = store.realizedMembers(mapped.audienceId, 0, 1);
            if (!members.isEmpty()) {
                id = members.constFirst();
                break;
            }
        }
        if (id == 0) {
            const QList<qint64> any = store.profileIds(0, 1);
            id = any.isEmpty() ? 0 : any.constFirst();
        }
        if (const std::optional<Profile> profile = id > 0 ? store.profile(id) : std::nullopt) {
            QHash<QString, Audience> audiences;
            for (const Audience &audience : store.audiences())
                audiences.insert(audience.id, audience);
            const PayloadBuilder builder(*dataflow, destination, audiences);
            QByteArray payload =
                builder.build(profile->attributesJson, profile->identities, store.memberships(id));
            if (!payload.isEmpty()) {
                *profileId = id;
                return payload;
            }
        }
    }
    return QByteArrayLiteral(
        "{\"person\":{\"name\":{\"firstName\":\"Test\",\"lastName\":\"Outflow\"}},"
        "\"segmentMembership\":{\"ups\":{}},\"identityMap\":{\"email\":"
        "[{\"id\":\"outflow-test@example.com\",\"primary\":true}]}}");
}

} // namespace

DestinationProbe::DestinationProbe(Store &store, Destination destination, QObject *parent)
    : QObject(parent)
    , m_destination(std::move(destination))
{
    m_payload = sampleExport(store, m_destination, &m_report.profileId);
    m_report.exportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_report.token.auth = m_destination.auth;
}

DestinationProbe::~DestinationProbe() = default;

void DestinationProbe::start(const DestinationSecrets &secrets)
{
    TlsConfig tls;
    if (m_destination.endpoint.scheme() == QLatin1String("https") ||
        !m_destination.clientCertPath.isEmpty()) {
        tls = TlsConfig::load(
            TlsSettings::fromDestination(m_destination, secrets.keyPassphrase.toUtf8()));
        if (!tls.isValid())
            return finish({}, QStringLiteral("tls"), tls.errorString());
        if (tls.hasClientCertificate())
            m_report.clientCertificate = tls.clientCertificate();
    }
    QString error;
    m_auth = createAuthProvider(m_destination, secrets, {}, &error);
    if (!m_auth) {
        m_report.token.failureReason = QStringLiteral("configuration");
        m_report.token.failure = error;
        return finish({}, QStringLiteral("auth"), error);
    }
    m_redactor = SecretRedactor(m_destination, secrets);
    // Secret headers and query values from the keychain, on the wire only.
    Destination wire = m_destination;
    secrets.applyTo(wire);
    TransportSettings settings = TransportSettings::forDestination(wire, tls);
    settings.keepPeerCertificates = true;
    m_transport = new QnamTransport(settings, nullptr, this);
    connect(m_transport, &Transport::finished, this,
            [this](const QList<TransportResult> &results) { finish(results.constFirst()); });
    m_auth->authorize(this, [this](const AuthResult &result) {
        if (!result.ok()) {
            m_report.token.failureReason = AuthFailure::reasonId(result.failure->reason);
            m_report.token.failure = m_redactor.redact(result.failure->message);
            return finish({}, QStringLiteral("auth"), m_report.token.failure);
        }
        m_report.token.obtained = !result.authorization.isEmpty();
        m_report.token.lifetimeSeconds = result.lifetimeSeconds;
        m_report.token.refreshable = result.refreshable;
        m_redactor.addAuthorization(result.authorization);
        TransportRequest request{
            1, m_report.exportId.toLatin1(), m_payload, result.authorization, {}};
        if (m_destination.isBatched()) {
            // Batched delivery (issue #22): the shape the receiver gets.
            OutboxExport row;
            row.exportId = m_report.exportId;
            row.payload = m_payload;
            request.body = batchenvelope::build({row});
            request.exportId.clear();
            request.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
        }
        m_transport->send({request});
    });
}

void DestinationProbe::finish(const TransportResult &result, QString reason, QString error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (reason.isEmpty() && result.error != TransportError::None) {
        reason = transportErrorId(result.error);
        error = m_redactor.redact(result.errorString);
    } else if (reason.isEmpty() && !result.isSuccess()) {
        reason = QStringLiteral("http-status");
        error = tr("HTTP %1 from the endpoint.").arg(result.httpStatus);
    }
    m_report.httpStatus = result.httpStatus;
    m_report.latencyMs = result.latencyUs / 1000;
    m_report.http2 = result.http2;
    m_report.reason = reason;
    m_report.error = error;
    m_report.response = m_redactor.excerpt(result.body);
    for (const QSslCertificate &certificate : result.peerCertificateChain)
        m_report.serverCertificates.append(CertificateInfo::fromCertificate(certificate));
    emit finished(m_report);
}

} // namespace outflow
