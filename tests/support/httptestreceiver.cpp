#include "httptestreceiver.h"

#include <QDateTime>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

namespace outflow::test {

QByteArray ReceivedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

int ReceivedRequest::headerCount(QByteArrayView name) const
{
    return int(std::count_if(headers.cbegin(), headers.cend(), [&](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    }));
}

HttpTestReceiver::HttpTestReceiver()
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpTestReceiver::onNewConnection);
}

HttpTestReceiver::~HttpTestReceiver()
{
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
    }
}

bool HttpTestReceiver::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl HttpTestReceiver::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

QList<QByteArray> HttpTestReceiver::exportIds() const
{
    QList<QByteArray> ids;
    for (const ReceivedRequest &request : m_requests)
        ids.append(request.exportId());
    return ids;
}

void HttpTestReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        Connection connection;
        connection.number = ++m_connections;
        m_sockets.insert(socket, connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_sockets.remove(socket);
            socket->deleteLater();
        });
    }
}

void HttpTestReceiver::onReadyRead(QTcpSocket *socket)
{
    auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    it->buffer.append(socket->readAll());
    while (!it->busy) {
        if (!it->reply) {
            const qsizetype end = it->buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            ReceivedRequest request;
            const QList<QByteArray> lines = it->buffer.left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            qsizetype contentLength = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
                if (line.left(colon).compare("content-length", Qt::CaseInsensitive) == 0)
                    contentLength = line.mid(colon + 1).trimmed().toLongLong();
            }
            request.connection = it->number;
            const int index = int(m_requests.size());
            const Reply reply = m_handler ? m_handler(request, index) : Reply();
            it->reply = reply;
            it->request = request;
            it->headerBytes = end + 4;
            it->contentLength = contentLength;
        }
        if (it->buffer.size() < it->headerBytes + it->contentLength)
            return; // the body is still coming
        ReceivedRequest request = std::move(it->request);
        const Reply reply = *std::exchange(it->reply, std::nullopt);
        request.body = it->buffer.mid(it->headerBytes, it->contentLength);
        it->buffer.remove(0, it->headerBytes + it->contentLength);
        request.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        m_requests.append(request);
        if (reply.action == Reply::Action::Reset) {
            // The whole request read, no answer: a TCP reset (SO_LINGER 0),
            // not an orderly close.
            const linger abortive{1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive,
                         sizeof abortive);
            m_sockets.erase(it);
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            emit requestReceived();
            return;
        }
        emit requestReceived();
        if (reply.action == Reply::Action::Hang) {
            it->busy = true; // never answers; the client gives up
            return;
        }
        if (reply.delayMs > 0) {
            it->busy = true;
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(reply.delayMs, this, [this, guard, reply] {
                if (!guard)
                    return;
                answer(guard, reply);
                auto again = m_sockets.find(guard);
                if (again == m_sockets.end())
                    return;
                again->busy = false;
                onReadyRead(guard);
            });
            return;
        }
        answer(socket, reply);
    }
}

void HttpTestReceiver::answer(QTcpSocket *socket, const Reply &reply)
{
    QByteArray response = QByteArrayLiteral("HTTP/1.1 ");
    response.append(QByteArray::number(reply.status)).append(" Answer\r\n");
    response.append("Content-Length: ").append(QByteArray::number(reply.body.size()));
    response.append("\r\n");
    for (const auto &[name, value] : reply.headers)
        response.append(name).append(": ").append(value).append("\r\n");
    response.append("\r\n").append(reply.body);
    socket->write(response);
}

} // namespace outflow::test
