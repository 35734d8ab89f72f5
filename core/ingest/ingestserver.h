#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHostAddress>

namespace outflow {

class Ingestor;

// The local ingest endpoint (DESIGN §5, `outflowctl run --ingest-port`):
// POST /v1/fragments with one JSON object, a JSON array of objects, or NDJSON.
// A bearer token is required. The answer is sent only after the good
// fragments are committed: 200 {"accepted": n} when every record was good,
// 400 {"accepted": n, "errors": [{"line", "error"}]} when some were not (the
// good ones are stored), 401 without the token, 413 over the size limit, 503
// when the store failed (nothing of that request is stored).
class IngestServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestServer)

public:
    static constexpr qint64 DefaultMaxBodyBytes = 16LL * 1024 * 1024;

    IngestServer(Ingestor &ingestor, QByteArray token, QObject *parent = nullptr);

    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // Loopback unless told otherwise. Returns the port, 0 on failure (see errorString()).
    quint16 start(quint16 port, const QHostAddress &address = QHostAddress::LocalHost);
    QString errorString() const { return m_error; }

signals:
    // After a commit: how many fragments the request stored, and by how much
    // the number of profiles changed (created minus merged away).
    void fragmentsCommitted(int count, qint64 profileDelta);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool authorized(const QHttpServerRequest &request) const;

    Ingestor &m_ingestor;
    QByteArray m_token;
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
    QString m_error;
};

} // namespace outflow
