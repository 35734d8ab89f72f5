#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QMetaType>

namespace outflow {

// What the demo receiver saw of one request: enough for a person to watch
// exports arrive, never a header value (they may carry credentials).
struct ReceivedRequest
{
    QDateTime receivedAt;
    QByteArray method;
    QString path;
    QString exportId; // X-Outflow-Export-Id, empty when absent
    qsizetype bodyBytes = 0;
    bool validJson = false;
    int answeredStatus = 200;
    // --- Batched delivery (issue #22) ---
    QString batchId; // X-Outflow-Batch-Id, empty when absent
    int exports = 1; // in a batch: how many
    // --- end Batched delivery ---
};

// A small HTTP endpoint on loopback that accepts exports the way a customer's
// endpoint would: any POST with a JSON body gets 200, anything else a 4xx.
// A batch (an X-Outflow-Batch-Id header, issue #22) must be a JSON array of
// {"exportId", "profile"} objects; its flaky answers follow from its first
// export id.
// `outflowctl receiver` and `tools/run.sh --demo` run it so that a new user
// sees exports flow without an endpoint of their own. GET /stats reports the
// counts as JSON.
//
// A flaky partner on demand, for demos of retries, dead letters and alerts:
// on any path, the query `fail=P` answers P % of the attempts 503 (retried),
// and `reject=R` answers R % of the exports 400 at their first attempt (a
// dead letter; a replay then passes unless `fail` strikes). Each answer
// depends only on the export id and how many times this receiver saw it,
// so the same requests get the same answers and a retry may succeed.
class DemoReceiver final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoReceiver)

public:
    explicit DemoReceiver(QObject *parent = nullptr);

    // Listens on 127.0.0.1 only; port 0 picks a free one. Returns the port,
    // or 0 when it could not listen (errorString() says why).
    quint16 start(quint16 port);
    QString errorString() const { return m_error; }

    qint64 acceptedCount() const { return m_accepted; }
    qint64 rejectedCount() const { return m_rejected; } // every answer but 200

    // A number from 0 to 99 for this export id and attempt (0: its first),
    // drawn per purpose ("fail", "reject"): the flaky answers' dice.
    static int flakyDraw(const QString &exportId, int attempt, QStringView purpose);

signals:
    void requestReceived(const outflow::ReceivedRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // What the query's `fail` and `reject` make of this attempt: 200, 503 or
    // 400, with why (or a 400 naming a bad parameter).
    int flakyStatus(const QHttpServerRequest &request, const QString &exportId, QString *error);

    static constexpr qsizetype MaxRememberedExports = 100'000;
    QHash<QString, int> m_attempts; // flaky paths: attempts seen per export id
    qint64 m_unnamed = 0;           // requests without an export id, numbered
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
    QString m_error;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::ReceivedRequest)
