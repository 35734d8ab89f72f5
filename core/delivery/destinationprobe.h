#pragma once

#include "delivery/authprovider.h"
#include "delivery/certificateinfo.h"
#include "delivery/destinationsecrets.h"
#include "delivery/secretredactor.h"
#include "delivery/transport.h"
#include "model/destination.h"

#include <memory>
#include <optional>
#include <QMetaType>
#include <QObject>

namespace outflow {

class QnamTransport;
class Store;

// How the probe's authentication went: never the token itself.
struct ProbeToken
{
    AuthType auth = AuthType::None;
    bool obtained = false;       // an Authorization value was sent (bearer: from the keychain)
    QString failureReason;       // AuthFailure::reasonId(); empty unless it failed
    QString failure;             // one sentence, redacted; empty unless it failed
    qint64 lifetimeSeconds = -1; // OAuth2 expires_in; -1: not known (or not OAuth2)
    bool refreshable = false;    // OAuth2: a refresh token came with it
};

// What one test request found (issue #16): `outflowctl destination test` and
// the app's Send test both show it. Redacted: no secret, no token.
struct ProbeReport
{
    QString exportId;
    qint64 profileId = 0; // the sample's profile; 0: a small sample document
    int httpStatus = 0;   // 0: no HTTP answer
    qint64 latencyMs = 0;
    bool http2 = false;
    QString reason;   // "" when delivered; else "tls", "auth", "http-status", a transport id
    QString error;    // one sentence, redacted
    QString response; // an excerpt of the answer, redacted

    ProbeToken token;
    // https: the chain the server presented, leaf first (subject CN,
    // issuer, notAfter… of each); empty without an answer over TLS.
    QList<CertificateInfo> serverCertificates;
    // The client certificate the destination presents, when it has one.
    std::optional<CertificateInfo> clientCertificate;

    bool ok() const { return reason.isEmpty() && httpStatus >= 200 && httpStatus < 300; }
};

// One sample export through the sender's own transport, authentication and
// TLS, without touching the outbox: the profile the dataflow would export
// first (built as it would be), else a small document in the exports' shape.
// One implementation for the CLI and the Engine. Emits finished() once.
class DestinationProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationProbe)

public:
    // The sample is read from `store` now; the store is not used afterwards.
    DestinationProbe(Store &store, Destination destination, QObject *parent = nullptr);
    ~DestinationProbe() override;

    void start(const DestinationSecrets &secrets);

signals:
    void finished(const outflow::ProbeReport &report);

private:
    void finish(const TransportResult &result, QString reason = {}, QString error = {});

    const Destination m_destination;
    QByteArray m_payload;
    ProbeReport m_report;
    std::shared_ptr<AuthProvider> m_auth;
    SecretRedactor m_redactor;
    QnamTransport *m_transport = nullptr;
    bool m_finished = false;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::ProbeReport)
