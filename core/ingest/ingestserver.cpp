#include "ingestserver.h"

#include "ingestor.h"
#include "ndjsonreader.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

namespace outflow {
namespace {

using Status = QHttpServerResponder::StatusCode;

struct ExtraHeader
{
    QByteArray name;
    QByteArray value;
};

void answer(QHttpServerResponder &responder, Status status, const QJsonObject &body,
            std::initializer_list<ExtraHeader> extra = {})
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(status);
    responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(json.size()));
    for (const ExtraHeader &header : extra)
        responder.writeHeader(header.name, header.value);
    responder.writeBody(json);
}

QJsonObject errorBody(const QString &message)
{
    return QJsonObject{{QStringLiteral("error"), message}};
}

// Equal-length comparison whose time does not depend on where the bytes differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

IngestServer::IngestServer(Ingestor &ingestor, QByteArray token, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_ingestor(ingestor)
    , m_token(std::move(token))
{}

quint16 IngestServer::start(quint16 port, const QHostAddress &address)
{
    const quint16 bound = listen(address, port);
    if (bound == 0) {
        const auto all = servers();
        m_error = all.isEmpty() ? tr("cannot listen on %1:%2").arg(address.toString()).arg(port)
                                : all.constLast()->errorString();
    }
    return bound;
}

bool IngestServer::authorized(const QHttpServerRequest &request) const
{
    if (m_token.isEmpty())
        return false; // never an open endpoint, even when misconfigured
    const QByteArray header = request.value(QByteArrayLiteral("Authorization")).trimmed();
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (header.size() <= scheme.size() || header.left(scheme.size()).toLower() != scheme)
        return false;
    return constantTimeEquals(header.mid(scheme.size()).trimmed(), m_token);
}

bool IngestServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    if (request.url().path() != QLatin1String("/v1/fragments")) {
        answer(responder, Status::NotFound,
               errorBody(tr("unknown path; POST fragments to /v1/fragments")));
        return true;
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        answer(responder, Status::MethodNotAllowed, errorBody(tr("only POST is accepted")),
               {{QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")}});
        return true;
    }
    if (!authorized(request)) {
        answer(responder, Status::Unauthorized,
               errorBody(tr("missing or invalid bearer token (see: outflowctl ingest-token)")),
               {{QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}});
        return true;
    }
    const QByteArray &body = request.body();
    if (body.size() > m_maxBodyBytes) {
        answer(responder, Status::PayloadTooLarge,
               errorBody(tr("request body of %1 bytes exceeds the limit of %2 bytes")
                             .arg(body.size())
                             .arg(m_maxBodyBytes)));
        return true;
    }

    QList<Fragment> fragments;
    QJsonArray errors;
    const QList<ReadRecord> records = NdjsonReader::parseDocument(body);
    for (const ReadRecord &record : records) {
        if (record.fragment) {
            fragments.append(*record.fragment);
        } else {
            errors.append(QJsonObject{{QStringLiteral("line"), record.line},
                                      {QStringLiteral("error"), record.error}});
        }
    }
    if (records.isEmpty()) {
        answer(responder, Status::BadRequest, errorBody(tr("the request body holds no fragment")));
        return true;
    }

    QString storeError;
    const std::optional<QList<MergeReport>> reports = m_ingestor.mergeAll(fragments, &storeError);
    if (!reports) {
        answer(responder, Status::ServiceUnavailable,
               errorBody(
                   tr("the store failed; nothing of this request was stored: %1").arg(storeError)));
        return true;
    }
    if (!fragments.isEmpty()) {
        qint64 profileDelta = 0;
        for (const MergeReport &report : *reports)
            profileDelta += (report.created ? 1 : 0) - report.mergedProfileIds.size();
        emit fragmentsCommitted(int(fragments.size()), profileDelta);
    }

    QJsonObject result{{QStringLiteral("accepted"), qint64(fragments.size())}};
    if (!errors.isEmpty())
        result.insert(QStringLiteral("errors"), errors);
    answer(responder, errors.isEmpty() ? Status::Ok : Status::BadRequest, result);
    return true;
}

void IngestServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    answer(responder, Status::NotFound, errorBody(tr("unknown path")));
}

} // namespace outflow
