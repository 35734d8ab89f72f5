#include "demoreceiver.h"

#include "app/logging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

namespace outflow {

DemoReceiver::DemoReceiver(QObject *parent)
    : QAbstractHttpServer(parent)
{
    qRegisterMetaType<ReceivedRequest>();
}

quint16 DemoReceiver::start(quint16 port)
{
    const quint16 bound = listen(QHostAddress::LocalHost, port);
    if (bound == 0) {
        const auto all = servers();
        m_error = all.isEmpty() ? tr("cannot listen on 127.0.0.1:%1").arg(port)
                                : all.constLast()->errorString();
    }
    return bound;
}

bool DemoReceiver::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    using Status = QHttpServerResponder::StatusCode;
    QHttpServerResponder responder = makeResponder(request, socket);

    if (request.method() == QHttpServerRequest::Method::Get &&
        request.url().path() == QLatin1String("/stats")) {
        responder.write(QJsonDocument(QJsonObject{{QStringLiteral("accepted"), m_accepted},
                                                  {QStringLiteral("rejected"), m_rejected}}));
        return true;
    }

    ReceivedRequest seen;
    seen.receivedAt = QDateTime::currentDateTimeUtc();
    seen.path = request.url().path();
    seen.exportId = QString::fromLatin1(request.value(QByteArrayLiteral("X-Outflow-Export-Id")));
    seen.bodyBytes = request.body().size();
    QJsonParseError parseError{};
    const QJsonDocument body = QJsonDocument::fromJson(request.body(), &parseError);
    seen.validJson = parseError.error == QJsonParseError::NoError && body.isObject();

    Status status = Status::Ok;
    QString error;
    if (request.method() != QHttpServerRequest::Method::Post) {
        seen.method = QByteArrayLiteral("OTHER");
        status = Status::MethodNotAllowed;
        error = QStringLiteral("only POST is accepted");
    } else {
        seen.method = QByteArrayLiteral("POST");
        if (!seen.validJson) {
            status = Status::BadRequest;
            error = QStringLiteral("body is not a JSON object: %1").arg(parseError.errorString());
        }
    }
    seen.answeredStatus = static_cast<int>(status);
    if (status == Status::Ok) {
        ++m_accepted;
        responder.write(QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}}), status);
    } else {
        ++m_rejected;
        responder.write(QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}), status);
    }
    emit requestReceived(seen);
    return true;
}

void DemoReceiver::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace outflow
