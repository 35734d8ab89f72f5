// A profile's lineage (issue #17): each export decision of each destination
// with what became of the export, as the Profiles page and `outflowctl
// profiles --why` show it. A real store file, the real pipeline
// (tests/support/activationworld.h), an Engine delivering to receivers on
// 127.0.0.1 that accept, fail for a while or reject, and the real outflowctl.
#include "activation/profilelineage.h"
#include "engine/engine.h"
#include "support/activationworld.h"
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"
#include "support/processrunner.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

const Identity kAna{QStringLiteral("email"), QStringLiteral("ana@example.com"), true};
const Identity kBob{QStringLiteral("email"), QStringLiteral("bob@example.com"), true};

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestProfileLineage final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void decisionsWithTheirFates();
    void suppressedDecisionsAreBounded();
    void unknownIdentity();

private:
    // A destination sending to `endpoint` with these retries, Gold and two
    // attributes mapped (the e-mail address mandatory), these triggers.
    void addDestination(const QString &name, const QUrl &endpoint, QList<int> retryScheduleMs,
                        const ActivationTriggers &triggers = {});
    ProfileLineage lineage(const Identity &identity);
    // The newest (or oldest) decision of `kind` for the destination, or one
    // with id -1.
    ProfileLineage::Decision newest(const ProfileLineage &lineage, const QString &destination,
                                    ActivationOutcome kind, bool oldest = false);
    ProcessResult why(const Identity &identity, const QString &destination, bool json = false);

    QTemporaryDir m_dir;
    std::unique_ptr<ActivationWorld> m_world;
    HttpTestReceiver m_accepting, m_unavailable, m_rejecting;
};

void TestProfileLineage::init()
{
    QVERIFY(m_dir.isValid());
    m_world = std::make_unique<ActivationWorld>(m_dir.filePath(
        QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
    // The Engine prunes decisions older than the retention period: real time.
    m_world->now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(m_world->open(), qPrintable(m_world->lastError));
    QVERIFY2(m_world->createAudience(s("Gold"), s("loyalty.points >= 100")),
             qPrintable(m_world->lastError));
    for (HttpTestReceiver *receiver : {&m_accepting, &m_unavailable, &m_rejecting}) {
        if (!receiver->port())
            QVERIFY(receiver->listen());
    }
    m_unavailable.setHandler([](const ReceivedRequest &, int) { return Reply::withStatus(503); });
    m_rejecting.setHandler(
        [](const ReceivedRequest &, int) { return Reply::withStatus(400, "bad profile\n"); });
}

void TestProfileLineage::cleanup()
{
    m_world.reset();
}

void TestProfileLineage::addDestination(const QString &name, const QUrl &endpoint,
                                        QList<int> retryScheduleMs,
                                        const ActivationTriggers &triggers)
{
    Destination destination;
    destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    destination.name = name;
    destination.endpoint = endpoint;
    destination.retryScheduleMs = std::move(retryScheduleMs);
    destination.createdAt = destination.updatedAt = m_world->now;
    QVERIFY2(m_world->store.insertDestination(destination), qPrintable(m_world->store.lastError()));
    ActivationRequest request;
    request.destination = name;
    request.audiences = {s("Gold")};
    request.attributes = {s("person.name.firstName"), s("personalEmail.address")};
    request.mandatory = {s("personalEmail.address")};
    request.triggers = triggers;
    QVERIFY2(!m_world->activate(request).isEmpty(), qPrintable(m_world->lastError));
}

ProfileLineage TestProfileLineage::lineage(const Identity &identity)
{
    QString error;
    const std::optional<ProfileLineage> lineage =
        ProfileLineage::read(m_world->store, identity, {}, &error);
    if (!lineage)
        qWarning("lineage: %s", qPrintable(error));
    return lineage.value_or(ProfileLineage());
}

ProfileLineage::Decision TestProfileLineage::newest(const ProfileLineage &lineage,
                                                    const QString &destination,
                                                    ActivationOutcome kind, bool oldest)
{
    ProfileLineage::Decision found;
    found.id = -1;
    for (const ProfileLineage::DestinationHistory &history : lineage.destinations) {
        if (history.destinationName != destination)
            continue;
        for (const ProfileLineage::Decision &decision : history.decisions) {
            if (decision.kind != kind)
                continue;
            found = decision;
            if (!oldest)
                break;
        }
    }
    return found;
}

ProcessResult TestProfileLineage::why(const Identity &identity, const QString &destination,
                                      bool json)
{
    QStringList arguments{s("--store"), m_world->store.path()};
    if (json)
        arguments << s("--json");
    arguments << s("profiles") << s("--identity") << identity.ns + QLatin1Char(':') + identity.id
              << s("--why") << destination;
    return runProcess(QStringLiteral(OUTFLOW_CLI_BINARY), arguments);
}

void TestProfileLineage::decisionsWithTheirFates()
{
    addDestination(s("Hook"), m_accepting.url(), {});
    addDestination(s("Later"), m_unavailable.url(), {600'000}); // one retry, in ten minutes
    addDestination(s("Strict"), m_rejecting.url(), {});
    // The attribute trigger switched off: Ana's new first name is not sent.
    addDestination(s("Quiet"), m_accepting.url(), {}, ActivationTriggers{false, true, true});

    // Ana enters Gold with her e-mail address; Bob without one.
    QVERIFY2(m_world->ingest(fragmentLine(
                 {s("email:ana@example.com")},
                 R"({"loyalty":{"points":150},"personalEmail":{"address":"ana@example.com"}})")),
             qPrintable(m_world->lastError));
    QVERIFY(m_world->ingest(
        fragmentLine({s("email:bob@example.com")}, R"({"loyalty":{"points":200}})")));
    m_world->now += 1000;
    QVERIFY(m_world->ingest(
        fragmentLine({s("email:ana@example.com")}, R"({"person":{"name":{"firstName":"Ana"}}})")));

    ProfileLineage ana = lineage(kAna);
    QVERIFY(ana.profileId > 0);
    QCOMPARE(ana.profile.value(s("personalEmail")).toObject().value(s("address")).toString(),
             s("ana@example.com"));
    QCOMPARE(
        ana.profile.value(s("person")).toObject().value(s("name")).toObject().value(s("firstName")),
        QJsonValue(s("Ana")));
    QVERIFY(ana.profile.value(s("identityMap")).toObject().contains(s("email")));
    QCOMPARE(ana.identities.size(), 1);
    QCOMPARE(ana.memberships.size(), 1);
    QCOMPARE(ana.memberships.constFirst().audienceName, s("Gold"));
    QCOMPARE(ana.memberships.constFirst().status, MembershipStatus::Realized);
    QVERIFY(!ana.memberships.constFirst().lastQualificationTime.isEmpty());
    QCOMPARE(ana.destinations.size(), 4);
    // Nothing sent yet: every export waits in the outbox.
    ProfileLineage::Decision exported = newest(ana, s("Hook"), ActivationOutcome::Exported);
    QCOMPARE(exported.fate, ExportFate::Pending);
    QCOMPARE(exported.exportId.size(), 36);
    // Quiet exported her entry, and suppressed the change of her first name.
    const ProfileLineage::Decision suppressed =
        newest(ana, s("Quiet"), ActivationOutcome::Suppressed);
    QVERIFY(suppressed.id > 0);
    QCOMPARE(suppressed.fate, ExportFate::None);
    QCOMPARE(suppressed.reason.value(s("suppressedTriggers")).toArray(),
             QJsonArray{s("attribute")});
    QCOMPARE(suppressed.reasonText(), s("trigger switched off: attribute"));
    QVERIFY(newest(ana, s("Quiet"), ActivationOutcome::Exported).id > 0);

    const ProfileLineage bob = lineage(kBob);
    const ProfileLineage::Decision excluded = newest(bob, s("Hook"), ActivationOutcome::Excluded);
    QVERIFY(excluded.id > 0);
    QCOMPARE(excluded.fate, ExportFate::None);
    QVERIFY(excluded.exportId.isEmpty());
    QCOMPARE(excluded.reason.value(s("missing")).toArray(), QJsonArray{s("personalEmail.address")});
    QCOMPARE(excluded.reasonText(), s("missing mandatory attribute personalEmail.address"));

    // Delivery: accepted, retried later, rejected.
    Engine engine(m_world->store.path());
    engine.setSenderOptions(fastSenderOptions());
    engine.open();
    QVERIFY(engine.store());
    // Ana has two exports per destination but Quiet: her entry, then her name.
    const auto fateOf = [this](const QString &destination, bool oldest) {
        return newest(lineage(kAna), destination, ActivationOutcome::Exported, oldest).fate;
    };
    QTRY_COMPARE_WITH_TIMEOUT(fateOf(s("Hook"), false), ExportFate::Delivered, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(fateOf(s("Later"), true), ExportFate::Retrying, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(fateOf(s("Strict"), false), ExportFate::Failed, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(fateOf(s("Quiet"), false), ExportFate::Delivered, 15000);
    ana = lineage(kAna);
    exported = newest(ana, s("Hook"), ActivationOutcome::Exported);
    QCOMPARE(newest(ana, s("Hook"), ActivationOutcome::Exported, true).fate, ExportFate::Delivered);
    QVERIFY(exported.fateAt >= m_world->now - 1000);
    QCOMPARE(exported.attempts, 1);
    QVERIFY(m_accepting.exportIds().contains(exported.exportId.toLatin1()));
    QVERIFY2(exported.fateText().startsWith(s("delivered at ")), qPrintable(exported.fateText()));
    const ProfileLineage::Decision later =
        newest(ana, s("Later"), ActivationOutcome::Exported, true);
    QCOMPARE(later.attempts, 1);
    QCOMPARE(later.httpStatus, 503);
    QVERIFY(later.fateAt > QDateTime::currentMSecsSinceEpoch() + 60'000);
    QVERIFY2(later.fateText().startsWith(s("retrying (attempt 2 at ")),
             qPrintable(later.fateText()));
    // Her next export waits behind it (one profile's exports go in order).
    QCOMPARE(newest(ana, s("Later"), ActivationOutcome::Exported).fate, ExportFate::Pending);
    const ProfileLineage::Decision strict = newest(ana, s("Strict"), ActivationOutcome::Exported);
    QCOMPARE(strict.httpStatus, 400);
    QCOMPARE(strict.attempts, 1);
    QVERIFY2(strict.fateText().contains(s("dead letter")), qPrintable(strict.fateText()));

    // outflowctl says the same.
    ProcessResult r = why(kAna, s("Hook"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(s("\texported\t")), qPrintable(r.out));
    QVERIFY2(r.out.contains(exported.exportId + s("\tdelivered at ")), qPrintable(r.out));
    r = why(kAna, s("Later"));
    QVERIFY2(r.out.contains(s("\tretrying (attempt 2 at ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("\twaiting to be sent\n")), qPrintable(r.out));
    r = why(kAna, s("Strict"));
    QVERIFY2(r.out.contains(s("\tfailed after 1 attempts at ")), qPrintable(r.out));
    r = why(kAna, s("Quiet"));
    QVERIFY2(r.out.contains(s("\tsuppressed\t{\"attributesWritten\":[\"person.name.firstName\"],"
                              "\"suppressedTriggers\":[\"attribute\"]}\n")),
             qPrintable(r.out));
    r = why(kBob, s("Hook"));
    QVERIFY2(r.out.contains(s("\texcluded\t")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("\"missing\":[\"personalEmail.address\"]")), qPrintable(r.out));
    r = why(kAna, s("Quiet"), true);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray quiet = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(quiet.size(), 2); // newest first: suppressed, then exported (and delivered)
    QCOMPARE(quiet.at(0).toObject().value(s("outcome")).toString(), s("suppressed"));
    QVERIFY(!quiet.at(0).toObject().contains(s("delivery")));
    const QJsonObject delivery = quiet.at(1).toObject().value(s("delivery")).toObject();
    QCOMPARE(delivery.value(s("status")).toString(), s("delivered"));
    QVERIFY(!delivery.value(s("at")).toString().isEmpty());
    QCOMPARE(delivery.value(s("attempts")).toInt(), 1);

    // Strict accepts now and its dead letters are replayed: Ana's newer
    // export is sent again and delivered; the older one, superseded by it,
    // is not sent again.
    m_rejecting.setHandler([](const ReceivedRequest &, int) { return Reply(); });
    QString strictFlow;
    for (const ProfileLineage::DestinationHistory &history : std::as_const(ana.destinations)) {
        if (history.destinationName == s("Strict"))
            strictFlow = history.dataflowId;
    }
    qint64 superseded = 0;
    QCOMPARE(
        m_world->store.replayFailed(strictFlow, QDateTime::currentMSecsSinceEpoch(), &superseded),
        1);
    QCOMPARE(superseded, 1);
    QTRY_COMPARE_WITH_TIMEOUT(fateOf(s("Strict"), false), ExportFate::Delivered, 15000);
    ana = lineage(kAna);
    const ProfileLineage::Decision replayed = newest(ana, s("Strict"), ActivationOutcome::Exported);
    QVERIFY(replayed.replayed);
    QVERIFY2(replayed.fateText().startsWith(s("replayed, delivered at ")),
             qPrintable(replayed.fateText()));
    QCOMPARE(newest(ana, s("Strict"), ActivationOutcome::Exported, true).fate,
             ExportFate::Superseded);
    r = why(kAna, s("Strict"), true);
    const QJsonArray strictJson = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(strictJson.size(), 2);
    QCOMPARE(strictJson.at(0).toObject().value(s("delivery")).toObject().value(s("replayed")),
             QJsonValue(true));
    QCOMPARE(strictJson.at(1).toObject().value(s("delivery")).toObject().value(s("status")),
             QJsonValue(s("superseded")));
}

// Suppressed decisions can come at every write: only the newest are kept.
void TestProfileLineage::suppressedDecisionsAreBounded()
{
    addDestination(s("Quiet"), m_accepting.url(), {}, ActivationTriggers{false, true, true});
    QVERIFY(m_world->ingest(fragmentLine(
        {s("email:ana@example.com")},
        R"({"loyalty":{"points":150},"personalEmail":{"address":"ana@example.com"}})")));
    const int writes = Store::KeptSuppressedDecisions + 5;
    for (int i = 0; i < writes; ++i) {
        m_world->now += 1000;
        QVERIFY(m_world->ingest(fragmentLine(
            {s("email:ana@example.com")},
            QStringLiteral(R"({"person":{"name":{"firstName":"Ana %1"}}})").arg(i).toUtf8())));
    }
    const ProfileLineage ana = lineage(kAna);
    QCOMPARE(ana.destinations.size(), 1);
    const QList<ProfileLineage::Decision> &decisions = ana.destinations.constFirst().decisions;
    QCOMPARE(decisions.size(), Store::KeptSuppressedDecisions + 1); // and the export
    QCOMPARE(decisions.constLast().kind, ActivationOutcome::Exported);
    QCOMPARE(decisions.constFirst().kind, ActivationOutcome::Suppressed);
    QCOMPARE(decisions.constFirst().time, m_world->now); // the newest kept
    // The counter still counts them all.
    const QString dataflowId = ana.destinations.constFirst().dataflowId;
    QCOMPARE(m_world->store.dataflowCounters(dataflowId).value(s("suppressed")), writes);
}

void TestProfileLineage::unknownIdentity()
{
    QString error;
    bool notFound = false;
    QVERIFY(!ProfileLineage::read(m_world->store, kAna, {}, &error, &notFound));
    QVERIFY(notFound);
    QCOMPARE(error, s("No profile has the identity email:ana@example.com."));
}

QTEST_GUILESS_MAIN(TestProfileLineage)
#include "tst_profilelineage.moc"
