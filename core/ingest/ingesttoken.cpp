#include "ingesttoken.h"

#include "secrets/secretstore.h"

#include <QRandomGenerator>

namespace outflow {

QByteArray generateIngestToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void obtainIngestToken(SecretStore &secrets, bool rotate, QObject *context,
                       std::function<void(const QByteArray &, const SecretResult &)> done)
{
    const QString id(IngestTokenObjectId);
    auto storeNew = [&secrets, context, done, id] {
        const QByteArray token = generateIngestToken();
        SecretRequest *request = secrets.store(id, QString::fromLatin1(token));
        QObject::connect(request, &SecretRequest::finished, context,
                         [done, token](const SecretResult &result) {
                             done(result.isError() ? QByteArray() : token, result);
                         });
    };
    if (rotate) {
        storeNew();
        return;
    }
    SecretRequest *request = secrets.read(id);
    QObject::connect(request, &SecretRequest::finished, context,
                     [done, storeNew](const SecretResult &result) {
                         if (result.status == SecretResult::Status::Ok && !result.value.isEmpty())
                             done(result.value.toLatin1(), result);
                         else if (result.isNotFound())
                             storeNew();
                         else
                             done({}, result);
                     });
}

} // namespace outflow
