// The audience lifecycle and custom uploads (DESIGN §1, §3) on a real store.
#include "identity/profilemerger.h"
#include "segmentation/audienceservice.h"
#include "segmentation/ruleparser.h"
#include "segmentation/segmenter.h"
#include "store/sqlitestore.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace outflow;

namespace {

constexpr int kProfiles = 100'000;

QByteArray attributesOf(int i)
{
    return QByteArray("{\"loyalty\":{\"points\":")
        .append(QByteArray::number(i % 1000))
        .append("},\"tier\":\"")
        .append(i % 3 == 0 ? "gold" : "silver")
        .append("\"}");
}

QByteArray csvOf(const QList<QByteArray> &emails)
{
    QByteArray csv("email\n");
    for (const QByteArray &e : emails)
        csv.append(e).append('\n');
    return csv;
}

} // namespace

class TestAudienceService final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<SqliteStore>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(m_store->open(), qPrintable(m_store->lastError()));
        m_now = 1'700'000'000'000;
        m_service = std::make_unique<AudienceService>(*m_store, [this] { return m_now; });
        m_transitions.clear();
        m_service->setTransitionCallback([this](const MembershipTransition &t, QString *) {
            m_transitions.append(t);
            return true;
        });
    }

    void cleanup()
    {
        m_service.reset();
        m_store.reset();
    }

    void createRenameEditRemove()
    {
        seed(10);
        const auto gold =
            m_service->create(QStringLiteral("Gold"), QStringLiteral("loyalty.points >= 5"),
                              QStringLiteral("Big spenders"));
        QVERIFY2(gold, qPrintable(m_service->lastError()));
        QCOMPARE(gold->createdAt, m_now);
        QCOMPARE(gold->updatedAt, m_now);
        QCOMPARE(gold->origin, AudienceOrigin::Segmentation);
        QCOMPARE(gold->mergePolicyId, QStringLiteral("default"));
        QVERIFY(!QUuid::fromString(gold->id).isNull());
        QCOMPARE(m_transitions.size(), 5); // points 5..9
        QCOMPARE(m_store->membershipCounts(gold->id).realized, 5);

        m_now += 1000;
        QVERIFY(m_service->rename(QStringLiteral("Gold"), QStringLiteral("Platinum")));
        auto stored = m_store->audience(gold->id);
        QVERIFY(stored);
        QCOMPARE(stored->name, QStringLiteral("Platinum"));
        QCOMPARE(stored->updatedAt, m_now);
        QCOMPARE(stored->createdAt, gold->createdAt);
        QCOMPARE(stored->description, QStringLiteral("Big spenders"));

        m_transitions.clear();
        QVERIFY(m_service->editRule(gold->id, QStringLiteral("loyalty.points >= 8")));
        QCOMPARE(m_transitions.size(), 3); // 5, 6, 7 exit
        for (const auto &t : std::as_const(m_transitions))
            QVERIFY(!t.entered);
        QCOMPARE(m_store->membershipCounts(gold->id).realized, 2);
        QCOMPARE(m_store->membershipCounts(gold->id).exited, 3);
        QCOMPARE(m_store->audience(gold->id)->rule, QStringLiteral("loyalty.points >= 8"));

        m_transitions.clear();
        QVERIFY(m_service->remove(QStringLiteral("Platinum")));
        QCOMPARE(m_transitions.size(), 2); // the realized members exit
        QVERIFY(!m_transitions[0].entered && !m_transitions[1].entered);
        QVERIFY(!m_store->audience(gold->id));
        QCOMPARE(m_store->membershipCounts(gold->id).realized, 0);
        QCOMPARE(m_store->membershipCounts(gold->id).exited, 0);
        QVERIFY(m_store->audiences().isEmpty());
    }

    // A removed audience leaves the dataflows that activated it; their other
    // audiences stay, in order, and a dataflow without it is not touched.
    void removingAnAudienceUnmapsItFromItsDataflows()
    {
        const auto gold = m_service->create(QStringLiteral("Gold"), QStringLiteral("a exists"));
        const auto silver = m_service->create(QStringLiteral("Silver"), QStringLiteral("b exists"));
        const auto bronze = m_service->create(QStringLiteral("Bronze"), QStringLiteral("c exists"));
        QVERIFY(gold && silver && bronze);
        const auto addDataflow = [this](const QString &id, const QStringList &audienceIds) {
            Destination destination;
            destination.id = id;
            destination.name = QStringLiteral("Dest ") + id;
            destination.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9/in"));
            if (!m_store->insertDestination(destination))
                return false;
            Dataflow dataflow;
            dataflow.id = QStringLiteral("flow-") + id;
            dataflow.destinationId = id;
            for (const QString &audienceId : audienceIds)
                dataflow.audiences.append({audienceId, 1000, 2000});
            dataflow.attributes.append({QStringLiteral("person.name"), false, true});
            return m_store->saveDataflow(dataflow);
        };
        QVERIFY2(addDataflow(QStringLiteral("a"), {silver->id, gold->id, bronze->id}),
                 qPrintable(m_store->lastError()));
        QVERIFY2(addDataflow(QStringLiteral("b"), {bronze->id}), qPrintable(m_store->lastError()));

        QVERIFY2(m_service->remove(QStringLiteral("Gold")), qPrintable(m_service->lastError()));
        QHash<QString, Dataflow> byId;
        for (const Dataflow &dataflow : m_store->dataflows())
            byId.insert(dataflow.id, dataflow);
        QCOMPARE(byId.size(), 2);
        const Dataflow a = byId.value(QStringLiteral("flow-a"));
        QCOMPARE(a.audiences.size(), 2);
        QCOMPARE(a.audiences[0].audienceId, silver->id);
        QCOMPARE(a.audiences[1].audienceId, bronze->id);
        QCOMPARE(a.audiences[1].mappingCreatedAt, 1000); // the rest of each mapping kept
        QCOMPARE(a.audiences[1].mappingUpdatedAt, 2000);
        QCOMPARE(a.attributes.size(), 1); // the rest of the configuration too
        QCOMPARE(byId.value(QStringLiteral("flow-b")).audiences.size(), 1);
    }

    void duplicateNameIsAnInputError()
    {
        QVERIFY(m_service->create(QStringLiteral("Gold"), QStringLiteral("a exists")));
        QVERIFY(m_service->create(QStringLiteral("Silver"), QStringLiteral("a exists")));
        QVERIFY(!m_service->create(QStringLiteral("Gold"), QStringLiteral("b exists")));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Input);
        QVERIFY2(m_service->lastError().contains(QStringLiteral("“Gold”")),
                 qPrintable(m_service->lastError()));
        QVERIFY(!m_service->rename(QStringLiteral("Silver"), QStringLiteral("Gold")));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Input);
        QVERIFY(m_service->lastError().contains(QStringLiteral("“Gold”")));
        QCOMPARE(m_store->audiences().size(), 2);
        QVERIFY(!m_service->create(QStringLiteral("  "), QStringLiteral("a exists")));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Input);
    }

    void badRuleNamesLineAndColumn()
    {
        QVERIFY(!m_service->create(QStringLiteral("Bad"), QStringLiteral("a = 1 and\n  b >")));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Input);
        QVERIFY2(m_service->lastError().contains(QLatin1String("line 2, column 6")),
                 qPrintable(m_service->lastError()));
        QVERIFY(m_store->audiences().isEmpty());
        QVERIFY(m_service->create(QStringLiteral("Ok"), QStringLiteral("a exists")));
        QVERIFY(!m_service->editRule(QStringLiteral("Ok"), QStringLiteral("a in [1,")));
        QVERIFY(m_service->lastError().contains(QLatin1String("line 1, column")));
        QCOMPARE(m_store->audienceByName(QStringLiteral("Ok"))->rule, QStringLiteral("a exists"));
    }

    void editOnManyProfilesEmitsExactlyTheImpliedTransitions()
    {
        seed(kProfiles);
        const QString oldText = QStringLiteral("loyalty.points >= 500");
        const QString newText =
            QStringLiteral("loyalty.points >= 300 and loyalty.points < 800 or tier = \"gold\"");
        const auto audience = m_service->create(QStringLiteral("Mid"), oldText);
        QVERIFY2(audience, qPrintable(m_service->lastError()));

        // Expected, independently: both rules on every profile's own attributes.
        const Rule oldRule = parseRule(oldText).rule();
        const Rule newRule = parseRule(newText).rule();
        QSet<qint64> expectEnter, expectExit;
        qint64 expectRealized = 0;
        for (int i = 0; i < kProfiles; ++i) {
            const QJsonObject xdm = QJsonDocument::fromJson(attributesOf(i)).object();
            const bool before = oldRule.matches(xdm), after = newRule.matches(xdm);
            const qint64 id = m_ids.at(i);
            if (after && !before)
                expectEnter.insert(id);
            if (before && !after)
                expectExit.insert(id);
            expectRealized += after;
        }
        QVERIFY(!expectEnter.isEmpty() && !expectExit.isEmpty());

        m_transitions.clear();
        qint64 lastDone = -1, lastTotal = -1;
        m_service->setProgressCallback([&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        });
        m_now += 60'000;
        QVERIFY2(m_service->editRule(QStringLiteral("Mid"), newText),
                 qPrintable(m_service->lastError()));
        QSet<qint64> entered, exited;
        for (const auto &t : std::as_const(m_transitions)) {
            QCOMPARE(t.time, qualificationTime(m_now));
            QSet<qint64> &set = t.entered ? entered : exited;
            QVERIFY2(!set.contains(t.profileId), "a transition emitted twice");
            set.insert(t.profileId);
        }
        QCOMPARE(entered, expectEnter);
        QCOMPARE(exited, expectExit);
        QCOMPARE(lastDone, qint64(kProfiles));
        QCOMPARE(lastTotal, qint64(kProfiles));
        QCOMPARE(m_store->membershipCounts(audience->id).realized, expectRealized);
    }

    void importWithBomQuotedNewlinesAndBadRows()
    {
        QByteArray csv("\xEF\xBB\xBF"
                       "email,note\n");
        qint64 line = 2;
        QList<qint64> badLines;
        for (int i = 0; i < 50'000; ++i) {
            if (i == 777) { // no identity value
                badLines.append(line);
                csv.append(",\"no email\"\n");
                line += 1;
                continue;
            }
            if (i == 31'000) { // one field too many
                badLines.append(line);
                csv.append("x@y.z,a,b\n");
                line += 1;
                continue;
            }
            csv.append("user").append(QByteArray::number(i)).append("@example.com,");
            if (i % 10 == 0) {
                csv.append("\"two\nlines, and a \"\"quote\"\"\"\n");
                line += 2;
            } else {
                csv.append("plain\n");
                line += 1;
            }
        }
        QBuffer buffer(&csv);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        qint64 progressCalls = 0, lastDone = 0;
        m_service->setProgressCallback([&](qint64 done, qint64) {
            ++progressCalls;
            lastDone = done;
        });
        const auto summary = m_service->import(QStringLiteral("Upload"), QStringLiteral("email"),
                                               QStringLiteral("email"), &buffer);
        QVERIFY2(summary, qPrintable(m_service->lastError()));
        QVERIFY(summary->createdAudience);
        QCOMPARE(summary->audience.origin, AudienceOrigin::CustomUpload);
        QCOMPARE(summary->members, 49'998);
        QCOMPARE(summary->entered, 49'998);
        QCOMPARE(summary->profilesCreated, 49'998);
        QCOMPARE(summary->errors.size(), 2);
        QCOMPARE(summary->errors[0].line, badLines[0]);
        QCOMPARE(summary->errors[1].line, badLines[1]);
        QVERIFY2(summary->errors[0].error.contains(QStringLiteral("line %1").arg(badLines[0])),
                 qPrintable(summary->errors[0].error));
        QVERIFY2(summary->errors[1].error.contains(QStringLiteral("line %1").arg(badLines[1])),
                 qPrintable(summary->errors[1].error));
        QCOMPARE(m_store->membershipCounts(summary->audience.id).realized, 49'998);
        QVERIFY(progressCalls > 10);
        QCOMPARE(lastDone, qint64(csv.size()));
        const auto owner =
            m_store->owner({QStringLiteral("email"), QStringLiteral("user10@example.com"), false});
        QVERIFY(owner);
        const auto memberships = m_store->memberships(*owner);
        QCOMPARE(memberships.size(), 1);
        QCOMPARE(memberships[0].lastQualificationTime, qualificationTime(m_now));
    }

    void reuploadReplacesTheSet()
    {
        QBuffer first;
        first.setData(csvOf({"a@x.com", "b@x.com", "c@x.com", "a@x.com"}));
        QVERIFY(first.open(QIODevice::ReadOnly));
        const auto one = m_service->import(QStringLiteral("List"), QStringLiteral("email"),
                                           QStringLiteral("email"), &first);
        QVERIFY2(one, qPrintable(m_service->lastError()));
        QCOMPARE(one->members, 3);
        const QString firstTime = qualificationTime(m_now);

        m_now += 3'600'000;
        m_transitions.clear();
        QBuffer second;
        second.setData(csvOf({"b@x.com", "c@x.com", "d@x.com"}));
        QVERIFY(second.open(QIODevice::ReadOnly));
        const auto two = m_service->import(QStringLiteral("List"), QStringLiteral("email"),
                                           QStringLiteral("email"), &second);
        QVERIFY2(two, qPrintable(m_service->lastError()));
        QVERIFY(!two->createdAudience);
        QCOMPARE(two->audience.id, one->audience.id);
        QCOMPARE(two->entered, 1);
        QCOMPARE(two->exited, 1);
        QCOMPARE(two->members, 3);
        QCOMPARE(m_transitions.size(), 2);
        const auto counts = m_store->membershipCounts(one->audience.id);
        QCOMPARE(counts.realized, 3);
        QCOMPARE(counts.exited, 1);
        QCOMPARE(timeOf("a@x.com", one->audience.id),
                 QStringLiteral("exited@") + qualificationTime(m_now));
        QCOMPARE(timeOf("b@x.com", one->audience.id), QStringLiteral("realized@") + firstTime);
        QCOMPARE(timeOf("d@x.com", one->audience.id),
                 QStringLiteral("realized@") + qualificationTime(m_now));
        QCOMPARE(m_store->audience(one->audience.id)->updatedAt, m_now);
    }

    void importErrors()
    {
        QBuffer buffer;
        buffer.setData("Email,Name\na@x.com,A\n");
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(!m_service->import(QStringLiteral("L"), QStringLiteral("crm"),
                                   QStringLiteral("crmId"), &buffer));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Input);
        QVERIFY2(m_service->lastError().contains(QStringLiteral("“crm”")) &&
                     m_service->lastError().contains(QLatin1String("Email, Name")),
                 qPrintable(m_service->lastError()));
        QVERIFY(m_store->audiences().isEmpty());

        QVERIFY(m_service->create(QStringLiteral("Rule"), QStringLiteral("a exists")));
        buffer.seek(0);
        QVERIFY(!m_service->import(QStringLiteral("Rule"), QStringLiteral("email"),
                                   QStringLiteral("email"), &buffer));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Input);
        QCOMPARE(m_store->profileCount(), 0);
    }

    void importedProfilesMeetTheRules()
    {
        QVERIFY(m_service->create(QStringLiteral("Emails"),
                                  QStringLiteral("identityMap.email exists")));
        Segmenter segmenter(*m_store);
        QVERIFY(segmenter.reload());
        m_service->setMergedCallback([&segmenter](const MergeReport &report, QString *error) {
            return segmenter.process(report) || (*error = segmenter.lastError(), false);
        });
        QBuffer buffer;
        buffer.setData(csvOf({"a@x.com"}));
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(m_service->import(QStringLiteral("List"), QStringLiteral("email"),
                                  QStringLiteral("email"), &buffer));
        const QString emails = m_store->audienceByName(QStringLiteral("Emails"))->id;
        QCOMPARE(m_store->membershipCounts(emails).realized, 1);
        QCOMPARE(segmenter.counters().entered, 1);
        QCOMPARE(segmenter.counters().evaluations, 1);
    }

    // The Audiences page's Edit dialog (issue #17): name, description and
    // rule in one transaction; a cancelled change leaves everything as it was.
    void changeSeveralFieldsAtOnceOrNone()
    {
        seed(10);
        const auto gold =
            m_service->create(QStringLiteral("Gold"), QStringLiteral("loyalty.points >= 5"));
        QVERIFY2(gold, qPrintable(m_service->lastError()));
        QVERIFY(m_service->create(QStringLiteral("Silver"), QStringLiteral("a exists")));
        m_now += 1000;
        AudienceChanges changes;
        changes.name = QStringLiteral("  Platinum ");
        changes.description = QStringLiteral("The top");
        changes.rule = QStringLiteral("loyalty.points >= 9");
        QVERIFY2(m_service->change(gold->id, changes), qPrintable(m_service->lastError()));
        auto stored = m_store->audience(gold->id);
        QCOMPARE(stored->name, QStringLiteral("Platinum"));
        QCOMPARE(stored->description, QStringLiteral("The top"));
        QCOMPARE(stored->rule, QStringLiteral("loyalty.points >= 9"));
        QCOMPARE(stored->updatedAt, m_now);
        QCOMPARE(m_store->membershipCounts(gold->id).realized, 1);

        // A taken name: nothing changes, the rule included.
        changes.name = QStringLiteral("Silver");
        changes.rule = QStringLiteral("loyalty.points >= 0");
        QVERIFY(!m_service->change(gold->id, changes));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Input);
        QCOMPARE(m_store->audience(gold->id)->name, QStringLiteral("Platinum"));
        QCOMPARE(m_store->membershipCounts(gold->id).realized, 1);

        // Cancelled in the middle of the re-evaluation: rolled back.
        changes.name.reset();
        m_service->setCancelCheck([] { return true; });
        QVERIFY(!m_service->change(gold->id, changes));
        QCOMPARE(m_service->lastErrorKind(), AudienceService::ErrorKind::Cancelled);
        QCOMPARE(m_store->audience(gold->id)->rule, QStringLiteral("loyalty.points >= 9"));
        QCOMPARE(m_store->membershipCounts(gold->id).realized, 1);
        m_service->setCancelCheck({});

        // What a Delete confirmation names: none here.
        const std::optional<QStringList> mapping = m_service->mappingDestinations(gold->id);
        QVERIFY(mapping);
        QVERIFY(mapping->isEmpty());
    }

private:
    void seed(int count)
    {
        QVERIFY(m_store->begin());
        m_ids.clear();
        m_ids.reserve(count);
        for (int i = 0; i < count; ++i) {
            Profile profile;
            profile.attributesJson = attributesOf(i);
            profile.createdAt = profile.updatedAt = m_now;
            const qint64 id = m_store->insertProfile(profile);
            QVERIFY2(id > 0, qPrintable(m_store->lastError()));
            m_ids.append(id);
        }
        QVERIFY(m_store->commit());
    }

    QString timeOf(const char *address, const QString &audienceId)
    {
        const auto owner =
            m_store->owner({QStringLiteral("email"), QString::fromLatin1(address), false});
        if (!owner)
            return {};
        for (const Membership &m : m_store->memberships(*owner)) {
            if (m.audienceId == audienceId)
                return membershipStatusName(m.status) + u'@' + m.lastQualificationTime;
        }
        return {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<AudienceService> m_service;
    QList<MembershipTransition> m_transitions;
    QList<qint64> m_ids;
    qint64 m_now = 0;
};

QTEST_GUILESS_MAIN(TestAudienceService)
#include "tst_audienceservice.moc"
