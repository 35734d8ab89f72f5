#pragma once

#include <chrono>
#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSslCertificate>
#include <QString>

namespace outflow {

// Why a request got no HTTP answer (TransportResult::error).
enum class TransportError : quint8 {
    None,              // an HTTP answer came (whatever its status)
    ConnectionRefused, // nothing listens there (now)
    ConnectionReset,   // the connection closed before a complete answer
    Timeout,           // no complete answer within the destination's timeout
    Tls,               // a TLS failure: retrying the same request cannot help
    HostNotFound,      // the name does not resolve
    Other,             // any other network failure
};

// The clock of TransportResult::sentAtNs: monotonic, in nanoseconds.
inline qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Stable identifiers for the delivery log and --json: "connection-refused",
// "connection-reset", "timeout", "tls", "host-not-found", "network"; empty for None.
QString transportErrorId(TransportError error);

// One POST of one export, or of a batch of them (issue #22). The rest of the
// request (URL, headers, TLS, timeout) is the transport's configuration, the
// same for every request it sends.
struct TransportRequest
{
    quint64 id = 0;           // the caller's handle, returned in the result (the outbox sequence)
    QByteArray exportId;      // X-Outflow-Export-Id; empty for a batch
    QByteArray body;          // the export's JSON, implicitly shared with the outbox row
    QByteArray authorization; // the whole Authorization value; empty: no header
    // --- Batched delivery (issue #22) ---
    QByteArray batchId; // X-Outflow-Batch-Id: the body is a batch envelope (batchenvelope.h)
    // --- end Batched delivery ---
};

// What came back for one request.
struct TransportResult
{
    // At most this much of a response body is kept (the delivery log shows 1 KiB;
    // the rest lets redaction see a secret that straddles the cut).
    static constexpr int BodyBytesKept = 1024 + 256;

    quint64 id = 0;
    int httpStatus = 0; // 0: no HTTP answer
    TransportError error = TransportError::None;
    QString errorString; // translated; for TLS, TlsFailure's diagnosis
    QByteArray retryAfter;
    QByteArray location;  // of a redirect, which is not followed
    QByteArray body;      // the first BodyBytesKept bytes of the answer
    qint64 sentAtNs = 0;  // steady clock (std::chrono::steady_clock), when handed to the network
    qint64 latencyUs = 0; // from sending to the complete answer (or the failure)
    bool http2 = false;
    // An answer that is not a 2xx only (the delivery inspector shows it; a
    // 2xx costs nothing more): its header lines, "Name: value\n" each, whole
    // lines up to HeaderBytesKept (the log keeps 2 KiB after redaction).
    QByteArray responseHeaders;
    static constexpr int HeaderBytesKept = 2048 + 512;
    // The server's certificate chain, leaf first: only when the transport was
    // asked to keep it (TransportSettings::keepPeerCertificates, the probe),
    // never on the bulk path.
    QList<QSslCertificate> peerCertificateChain;

    bool isSuccess() const { return error == TransportError::None && httpStatus / 100 == 2; }
};

// The network behind the sender: requests in, results out, nothing else, so
// that another HTTP stack can be measured behind the same sender. Lives in
// the sender's thread; send() is called there and finished() is emitted
// there. Every request sent gets exactly one result, unless the transport
// is destroyed first (its requests are then abandoned: the outbox still
// holds them).
class Transport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transport)

public:
    using QObject::QObject;
    ~Transport() override = default;

    virtual void send(const QList<TransportRequest> &requests) = 0;

    // A transport that keeps a backlog (issue #19) starts at most
    // setConcurrency()'s limit of the requests it was given, and each of the
    // others as soon as one of those is answered, in its own thread, without
    // waiting for the caller to send more: the caller may then give it more
    // than its window, and wakes per batch of answers rather than per answer.
    // One that does not starts every request at once.
    virtual bool keepsBacklog() const { return false; }
    virtual void setConcurrency(int limit) { Q_UNUSED(limit) }

signals:
    // In batches: one queued signal for everything that finished together.
    void finished(const QList<outflow::TransportResult> &results);
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::TransportRequest)
Q_DECLARE_METATYPE(outflow::TransportResult)
