#pragma once

#include <functional>
#include <optional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace outflow::test {

// One request as it arrived, byte for byte.
struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;                            // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers; // in order, names as sent
    QByteArray body;
    qint64 receivedAtMs = 0; // QDateTime::currentMSecsSinceEpoch()
    int connection = 0;      // which connection carried it (1, 2, …)

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
    int headerCount(QByteArrayView name) const;
    QByteArray exportId() const { return header("X-Outflow-Export-Id"); }
};

// What the receiver does with a request.
struct Reply
{
    enum class Action { Answer, Reset, Hang };
    Action action = Action::Answer;
    int status = 200;
    QByteArray body = QByteArrayLiteral("ok\n");
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0; // before answering (without blocking the receiver)

    static Reply withStatus(int status, QByteArray body = {})
    {
        Reply reply;
        reply.status = status;
        reply.body = std::move(body);
        return reply;
    }
    static Reply reset() { return Reply{Action::Reset, 0, {}, {}, 0}; }
    static Reply hang() { return Reply{Action::Hang, 0, {}, {}, 0}; }
};

// A minimal HTTP/1.1 server on 127.0.0.1 for delivery tests: records every
// request exactly (headers, body, target) and answers as the test says, per
// request: any status, headers and body, after a delay, or not at all
// (hang), or by resetting the connection (a TCP RST once the request is in,
// instead of the answer). Keep-alive, one
// request at a time per connection (what Qt's HTTP/1.1 client does). Lives in
// the test's thread: its event loop runs while the test waits (QSignalSpy,
// QTRY_*).
class HttpTestReceiver final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<Reply(const ReceivedRequest &request, int index)>;

    HttpTestReceiver();
    ~HttpTestReceiver() override;

    bool listen(); // an ephemeral port of 127.0.0.1
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &pathAndQuery = QStringLiteral("/exports")) const;
    void close() { m_server.close(); }

    // index: 0 for the first request received, 1 for the next, …
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    QList<QByteArray> exportIds() const;
    int connections() const { return m_connections; }

signals:
    void requestReceived();

private:
    struct Connection
    {
        int number = 0;
        QByteArray buffer;
        bool busy = false;          // answering the previous request
        std::optional<Reply> reply; // decided when the headers came, for the body coming
        ReceivedRequest request;    // its headers, meanwhile
        qsizetype headerBytes = 0;
        qsizetype contentLength = 0;
    };
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Reply &reply);

    QTcpServer m_server;
    Handler m_handler;
    QList<ReceivedRequest> m_requests;
    QHash<QTcpSocket *, Connection> m_sockets;
    int m_connections = 0;
};

} // namespace outflow::test
