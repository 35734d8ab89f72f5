// The local ingest endpoint over a real socket on 127.0.0.1, with a real
// SQLite store behind it.
#include "ingest/ingestor.h"
#include "ingest/ingestserver.h"
#include "store/sqlitestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;

namespace {
const QByteArray token = QByteArrayLiteral("test-ingest-token-0123456789");

struct Answer
{
    int status = -1;
    QJsonObject body;
    QByteArray authenticate;
};
} // namespace

class TestIngestServer final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_store = std::make_unique<SqliteStore>(m_path);
        QVERIFY2(m_store->open(), qPrintable(m_store->lastError()));
        m_ingestor = std::make_unique<Ingestor>(*m_store);
        m_server = std::make_unique<IngestServer>(*m_ingestor, token);
        m_port = m_server->start(0);
        QVERIFY2(m_port != 0, qPrintable(m_server->errorString()));
    }

    void cleanup()
    {
        m_server.reset();
        m_ingestor.reset();
        m_store.reset();
    }

    void listensOnLoopbackByDefault()
    {
        for (const QTcpServer *server : m_server->servers())
            QVERIFY(server->serverAddress().isLoopback());
    }

    void requiresTheBearerToken_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("wrong") << QByteArray("Bearer not-the-token");
        QTest::newRow("prefix of it") << QByteArray("Bearer ") + token.left(10);
        QTest::newRow("basic") << QByteArray("Basic ") + token.toBase64();
    }

    void requiresTheBearerToken()
    {
        QFETCH(QByteArray, authorization);
        const Answer answer = post(R"({"identityMap":{"email":[{"id":"a@x.io"}]}})", authorization);
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.authenticate, QByteArray("Bearer"));
        QCOMPARE(m_store->profileCount(), 0);
    }

    void acceptsOneObject()
    {
        QSignalSpy committed(m_server.get(), &IngestServer::fragmentsCommitted);
        const Answer answer = post(
            R"({"identityMap":{"email":[{"id":"a@x.io"}]},"person":{"name":{"firstName":"Ana"}}})");
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(QStringLiteral("accepted")).toInt(), 1);
        QCOMPARE(committed.size(), 1);
        QCOMPARE(committed.at(0).at(0).toInt(), 1);
        QCOMPARE(committed.at(0).at(1).toLongLong(), 1); // one new profile
        QCOMPARE(m_store->profileCount(), 1);
        const auto id = m_store->owner({QStringLiteral("email"), QStringLiteral("a@x.io"), false});
        QVERIFY(id.has_value());
        QCOMPARE(m_store->profile(*id)
                     ->attributes().value(QStringLiteral("person"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toObject()
                     .value(QStringLiteral("firstName"))
                     .toString(),
                 QStringLiteral("Ana"));
    }

    void acceptsAnArray()
    {
        const Answer answer = post("[{\"identityMap\":{\"email\":[{\"id\":\"a@x.io\"}]}},\n"
                                   " {\"identityMap\":{\"email\":[{\"id\":\"b@x.io\"}]}},\n"
                                   " {\"identityMap\":{\"email\":[{\"id\":\"c@x.io\"}]}}]");
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(QStringLiteral("accepted")).toInt(), 3);
        QCOMPARE(m_store->profileCount(), 3);
    }

    void acceptsNdjsonAndReportsBadLinesKeepingTheGoodOnes()
    {
        const Answer answer = post("{\"identityMap\":{\"email\":[{\"id\":\"a@x.io\"}]}}\n"
                                   "{\"person\":{}}\n"
                                   "{\"identityMap\":{\"email\":[{\"id\":\"b@x.io\"}]}}\n"
                                   "{broken\n");
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.body.value(QStringLiteral("accepted")).toInt(), 2);
        const QJsonArray errors = answer.body.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).toObject().value(QStringLiteral("line")).toInt(), 2);
        QVERIFY(errors.at(0)
                    .toObject()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QLatin1String("identit")));
        QCOMPARE(errors.at(1).toObject().value(QStringLiteral("line")).toInt(), 4);
        QCOMPARE(m_store->profileCount(), 2);
    }

    void refusesABodyOverTheLimit()
    {
        m_server->setMaxBodyBytes(1024);
        QByteArray big = "{\"identityMap\":{\"email\":[{\"id\":\"a@x.io\"}]},\"blob\":\"";
        big += QByteArray(2048, 'x') + "\"}";
        const Answer answer = post(big);
        QCOMPARE(answer.status, 413);
        QVERIFY(
            answer.body.value(QStringLiteral("error")).toString().contains(QLatin1String("1024")));
        QCOMPARE(m_store->profileCount(), 0);
    }

    void emptyBodyIsABadRequest() { QCOMPARE(post("").status, 400); }

    void otherMethodsAndPaths()
    {
        QNetworkRequest get(url(QStringLiteral("/v1/fragments")));
        get.setRawHeader("Authorization", "Bearer " + token);
        QCOMPARE(finish(m_network.get(get)).status, 405);
        QNetworkRequest other(url(QStringLiteral("/v2/things")));
        other.setRawHeader("Authorization", "Bearer " + token);
        QCOMPARE(finish(m_network.post(other, QByteArray("{}"))).status, 404);
    }

    // Every fragment acknowledged with 2xx is in the store after a restart.
    void acknowledgedFragmentsSurviveARestart()
    {
        QStringList acknowledged;
        for (int i = 0; i < 20; ++i) {
            const QString id = QStringLiteral("user%1@x.io").arg(i);
            const Answer answer =
                post(QStringLiteral(R"({"identityMap":{"email":[{"id":"%1"}]},"n":%2})")
                         .arg(id)
                         .arg(i)
                         .toUtf8());
            if (answer.status == 200)
                acknowledged << id;
        }
        QCOMPARE(acknowledged.size(), 20);
        cleanup(); // closes the store as a stopped process would

        SqliteStore reopened(m_path);
        QVERIFY2(reopened.open(), qPrintable(reopened.lastError()));
        QCOMPARE(reopened.profileCount(), qint64(acknowledged.size()));
        for (const QString &id : acknowledged)
            QVERIFY2(reopened.owner({QStringLiteral("email"), id, false}).has_value(),
                     qPrintable(id));
    }

private:
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    Answer post(const QByteArray &body, const QByteArray &authorization = "Bearer " + token)
    {
        QNetworkRequest request(url(QStringLiteral("/v1/fragments")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        return finish(m_network.post(request, body));
    }

    static Answer finish(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Answer answer;
        if (!finished.wait(10000))
            return answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = QJsonDocument::fromJson(reply->readAll()).object();
        answer.authenticate = reply->rawHeader("WWW-Authenticate");
        reply->deleteLater();
        return answer;
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<Ingestor> m_ingestor;
    std::unique_ptr<IngestServer> m_server;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestIngestServer)
#include "tst_ingestserver.moc"
