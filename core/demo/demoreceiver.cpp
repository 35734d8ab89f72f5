#include "demoreceiver.h"

#include "app/logging.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QUrlQuery>

namespace outflow {

namespace {

// --- Batched delivery (issue #22) ---
// A batch's body: an array of {"exportId": string, "profile": object}, at
// least one. Its size and its first export id when so.
bool isBatchEnvelope(const QJsonDocument &body, int *exports, QString *firstId)
{
    const QJsonArray elements = body.array();
    if (!body.isArray() || elements.isEmpty())
        return false;
    for (const QJsonValue &element : elements) {
        if (!element[QLatin1String("exportId")].isString() ||
            !element[QLatin1String("profile")].isObject())
            return false;
    }
    *exports = int(elements.size());
    *firstId = elements.at(0)[QLatin1String("exportId")].toString();
    return true;
}
// --- end Batched delivery ---

} // namespace

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

int DemoReceiver::flakyDraw(const QString &exportId, int attempt, QStringView purpose)
{
    // SHA-1 rather than qHash: the same on every platform and Qt version.
    const QByteArray key =
        purpose.toUtf8() + ':' + exportId.toUtf8() + ':' + QByteArray::number(attempt);
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha1);
    const quint32 value = (quint32(quint8(digest[0])) << 24) | (quint32(quint8(digest[1])) << 16) |
                          (quint32(quint8(digest[2])) << 8) | quint32(quint8(digest[3]));
    return int(value % 100);
}

int DemoReceiver::flakyStatus(const QHttpServerRequest &request, const QString &exportId,
                              QString *error)
{
    const QUrlQuery query(request.url());
    int shares[2] = {0, 0}; // fail, reject
    const QString names[2] = {QStringLiteral("fail"), QStringLiteral("reject")};
    bool flaky = false;
    for (int i = 0; i < 2; ++i) {
        if (!query.hasQueryItem(names[i]))
            continue;
        flaky = true;
        bool ok = false;
        shares[i] = query.queryItemValue(names[i]).toInt(&ok);
        if (!ok || shares[i] < 0 || shares[i] > 100) {
            *error = QStringLiteral("%1 must be a percentage from 0 to 100").arg(names[i]);
            return 400;
        }
    }
    if (!flaky)
        return 200;
    const QString id = exportId.isEmpty() ? QString::number(++m_unnamed) : exportId;
    if (m_attempts.size() >= MaxRememberedExports && !m_attempts.contains(id))
        m_attempts.clear(); // a long demo: forget, rather than grow without end
    const int attempt = m_attempts[id]++;
    if (attempt == 0 && flakyDraw(id, attempt, u"reject") < shares[1]) {
        *error = QStringLiteral("demo: export rejected (reject=%1%)").arg(shares[1]);
        return 400;
    }
    if (flakyDraw(id, attempt, u"fail") < shares[0]) {
        *error = QStringLiteral("demo: temporarily unavailable (fail=%1%)").arg(shares[0]);
        return 503;
    }
    return 200;
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
    // Batched delivery (issue #22): the envelope instead of one export.
    seen.batchId = QString::fromLatin1(request.value(QByteArrayLiteral("X-Outflow-Batch-Id")));
    QString flakyId = seen.exportId;
    if (!seen.batchId.isEmpty())
        seen.validJson = parseError.error == QJsonParseError::NoError &&
                         isBatchEnvelope(body, &seen.exports, &flakyId);

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
            error =
                !seen.batchId.isEmpty()
                    ? QStringLiteral("body is not a batch of {\"exportId\", \"profile\"} "
                                     "objects")
                    : QStringLiteral("body is not a JSON object: %1").arg(parseError.errorString());
        } else {
            status = static_cast<Status>(flakyStatus(request, flakyId, &error));
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
