// The Engine's audience snapshots (what the GUI's Audiences page shows):
// after open(), on request, and after ingest commits, never synchronously
// with a commit (they are coalesced on a timer).
#include "engine/engine.h"
#include "ingest/ingestserver.h"
#include "store/sqlitestore.h"

#include <algorithm>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;

namespace {

const QByteArray token = QByteArrayLiteral("engine-audiences-test-token");

QList<AudienceSummary> snapshot(const QSignalSpy &spy, qsizetype at)
{
    return spy.at(at).at(0).value<QList<AudienceSummary>>();
}

} // namespace

class TestEngineAudiences final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        Audience gold;
        gold.id = QStringLiteral("gold");
        gold.name = QStringLiteral("Gold");
        gold.rule = QStringLiteral("loyalty.points > 100");
        gold.createdAt = 1'700'000'000'000;
        gold.updatedAt = 1'700'000'000'500;
        QVERIFY2(store.insertAudience(gold), qPrintable(store.lastError()));
    }

    void openAndRefreshSendASnapshot()
    {
        Engine engine(m_path);
        QSignalSpy changed(&engine, &Engine::audiencesChanged);
        engine.refreshAudiences(); // not open yet: nothing to read
        QCOMPARE(changed.size(), 0);
        engine.open();
        QVERIFY(engine.store());
        QCOMPARE(changed.size(), 1);
        const QList<AudienceSummary> audiences = snapshot(changed, 0);
        QCOMPARE(audiences.size(), 1);
        QCOMPARE(audiences.at(0).id, QStringLiteral("gold"));
        QCOMPARE(audiences.at(0).name, QStringLiteral("Gold"));
        QCOMPARE(audiences.at(0).origin, AudienceOrigin::Segmentation);
        QCOMPARE(audiences.at(0).rule, QStringLiteral("loyalty.points > 100"));
        QCOMPARE(audiences.at(0).mergePolicyId, QStringLiteral("default"));
        QCOMPARE(audiences.at(0).realized, 0);
        QCOMPARE(audiences.at(0).updatedAt, 1'700'000'000'500);
        engine.refreshAudiences();
        QCOMPARE(changed.size(), 2);
        QCOMPARE(snapshot(changed, 1), audiences);
    }

    void anIngestCommitSendsASnapshotLater()
    {
        Engine engine(m_path);
        engine.open();
        QSignalSpy changed(&engine, &Engine::audiencesChanged);
        QSignalSpy started(&engine, &Engine::ingestEndpointStarted);
        engine.startIngestEndpoint(0, QHostAddress(QHostAddress::LocalHost),
                                   IngestServer::DefaultMaxBodyBytes, token);
        QCOMPARE(started.size(), 1);
        const quint16 port = started.at(0).at(0).value<quint16>();
        QVERIFY(port != 0);
        qsizetype snapshotsAtCommit = -1;
        connect(&engine, &Engine::fragmentsCommitted, this,
                [&] { snapshotsAtCommit = changed.size(); });

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/fragments").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = network.post(
            request, QByteArrayLiteral("{\"loyalty\":{\"points\":500},"
                                       "\"identityMap\":{\"email\":[{\"id\":\"a@x.io\"}]}}"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QTRY_COMPARE(snapshotsAtCommit, 0); // the commit itself does not read the audiences
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
        const QList<AudienceSummary> audiences = snapshot(changed, 0);
        QCOMPARE(audiences.size(), 1);
        QCOMPARE(audiences.at(0).realized, 1);
        QCOMPARE(audiences.at(0).exited, 0);
    }

    // The rule editor's live count (issue #17): a newer preview supersedes
    // the running one, which never answers; the answer is what a save realizes.
    void aNewerPreviewSupersedesTheOlderOne()
    {
        {
            SqliteStore store(m_path);
            QVERIFY2(store.open() && store.begin(), qPrintable(store.lastError()));
            for (int n = 0; n < 10'000; ++n) {
                Profile profile;
                profile.identities = {
                    {QStringLiteral("email"), QStringLiteral("p%1@x.io").arg(n), true}};
                profile.attributesJson =
                    QStringLiteral("{\"loyalty\":{\"points\":%1}}").arg(n).toUtf8();
                QVERIFY2(store.insertProfile(profile) > 0, qPrintable(store.lastError()));
            }
            QVERIFY2(store.commit(), qPrintable(store.lastError()));
        }
        Engine engine(m_path);
        engine.open();
        QSignalSpy previewed(&engine, &Engine::audiencePreviewed);
        engine.previewAudienceRule(1, QStringLiteral("loyalty.points >= 0"), 3);
        engine.previewAudienceRule(2, QStringLiteral("loyalty.points >= 9000"), 3);
        QVERIFY(previewed.wait(30000));
        QCOMPARE(previewed.size(), 1);
        QCOMPARE(previewed.at(0).at(0).value<quint64>(), quint64(2));
        const auto preview = previewed.at(0).at(1).value<AudiencePreview>();
        QCOMPARE(preview.matching, 1000);
        QCOMPARE(preview.evaluated, 10'000);
        QCOMPARE(preview.sampleIds.size(), 3);
        QCOMPARE(previewed.at(0).at(2).toString(), QString());

        // A rule that does not parse: the parser's message, nothing counted.
        engine.previewAudienceRule(3, QStringLiteral("loyalty.points >="), 3);
        QVERIFY(previewed.wait(30000));
        QVERIFY2(previewed.at(1).at(2).toString().contains(QStringLiteral("line 1, column 18")),
                 qPrintable(previewed.at(1).at(2).toString()));

        QSignalSpy finished(&engine, &Engine::audienceOperationFinished);
        QSignalSpy changed(&engine, &Engine::audiencesChanged);
        engine.createAudience(4, QStringLiteral("Top"), {}, QStringLiteral("default"),
                              QStringLiteral("loyalty.points >= 9000"));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(2).toString(), QString());
        QVERIFY(!changed.isEmpty()); // at once, not at the next timer
        const auto audiences = changed.last().at(0).value<QList<AudienceSummary>>();
        const auto top = std::find_if(audiences.cbegin(), audiences.cend(),
                                      [](const AudienceSummary &a) { return a.name == u"Top"; });
        QVERIFY(top != audiences.cend());
        QCOMPARE(top->id, finished.at(0).at(1).toString());
        QCOMPARE(top->realized, preview.matching);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestEngineAudiences)
#include "tst_engineaudiences.moc"
