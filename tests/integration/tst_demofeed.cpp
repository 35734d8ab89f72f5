// The demo that moves (issue #18): DemoFeed's fragments, and `outflowctl
// demo-feed` merging them into a store set up as tools/run.sh --demo does,
// where they enter audiences and create exports.
#include "demo/demofeed.h"
#include "ingest/fragmentparser.h"
#include "support/processrunner.h"
#include "testconfig.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

namespace {

const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);
const QString sampleDir = QStringLiteral(OUTFLOW_SOURCE_DIR "/resources/sample");

QList<DemoFeed::Sample> samples()
{
    QFile file(sampleDir + u"/profiles.ndjson"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString error;
    return DemoFeed::readSamples(file, &error).value_or(QList<DemoFeed::Sample>());
}

} // namespace

class TestDemoFeed final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    ProcessResult run(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LANGUAGE"_s, u"en"_s);
        return runProcess(cli, QStringList{u"--store"_s, m_store} + arguments, environment, 60000);
    }

    QJsonObject status()
    {
        return QJsonDocument::fromJson(
                   run({u"--json"_s, u"status"_s, u"Demo receiver"_s}).out.toUtf8())
            .array()
            .at(0)
            .toObject();
    }

private slots:
    void readsTheSampleProfiles()
    {
        const QList<DemoFeed::Sample> all = samples();
        QCOMPARE(all.size(), 40);
        QVERIFY(!all.first().identityMap.isEmpty());
        QVERIFY(all.first().email.endsWith(u"@example.com"_s));
        QCOMPARE(all.first().firstName, u"Karim"_s);

        QBuffer bad;
        bad.setData("{\"identityMap\":{\"email\":[{\"id\":\"a@b.c\"}]}}\n{nope\n");
        QVERIFY(bad.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY(!DemoFeed::readSamples(bad, &error));
        QVERIFY2(error.contains(u"line 2"_s), qPrintable(error));
    }

    // Valid fragments, the same for the same seed, updates of the samples
    // and now and then a new profile with a fresh address.
    void fragmentsAreValidAndRepeatable()
    {
        DemoFeed feed(samples(), 7);
        DemoFeed same(samples(), 7);
        DemoFeed other(samples(), 8);
        FragmentParser parser;
        QSet<QString> emails;
        for (const DemoFeed::Sample &sample : samples())
            emails.insert(sample.email);
        bool differs = false;
        int updates = 0;
        QSet<QString> created;
        for (int i = 0; i < 2000; ++i) {
            const QByteArray line = feed.next();
            QCOMPARE(same.next(), line);
            differs = differs || other.next() != line;
            const ReadRecord record = parser.parseLine(line, i + 1);
            QVERIFY2(record.fragment, qPrintable(record.error));
            const QJsonObject json = QJsonDocument::fromJson(line).object();
            QVERIFY(json[u"loyalty"][u"points"].isDouble());
            const QString email = json[u"personalEmail"][u"address"].toString();
            if (emails.contains(email) || email.isEmpty())
                ++updates;
            else
                created.insert(email);
        }
        QVERIFY(differs);
        QCOMPARE(qint64(created.size()), feed.newProfiles());
        // One in DemoFeed::NewProfileEvery on average.
        QVERIFY2(feed.newProfiles() > 20 && feed.newProfiles() < 90,
                 qPrintable(QString::number(feed.newProfiles())));
        QCOMPARE(updates + int(created.size()), 2000);
    }

    void feedsAStoreSetUpLikeTheDemo()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(u"demo.sqlite"_s);
        QFile audiences(sampleDir + u"/audiences.txt"_s);
        QVERIFY(audiences.open(QIODevice::ReadOnly | QIODevice::Text));
        while (!audiences.atEnd()) {
            const QStringList fields =
                QString::fromUtf8(audiences.readLine()).trimmed().split(u'\t');
            if (fields.size() != 2)
                continue;
            const ProcessResult added = run(
                {u"audience"_s, u"add"_s, u"--name"_s, fields.at(0), u"--rule"_s, fields.at(1)});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        ProcessResult step = run({u"destination"_s, u"add"_s, u"--name"_s, u"Demo receiver"_s,
                                  u"--endpoint"_s, u"http://127.0.0.1:9/exports"_s});
        QVERIFY2(step.exitCode == 0, qPrintable(step.err));
        step = run({u"activate"_s, u"Demo receiver"_s, u"--audience"_s, u"Reachable by email"_s,
                    u"--attribute"_s, u"personalEmail.address"_s, u"--identifier"_s,
                    u"personalEmail.address"_s});
        QVERIFY2(step.exitCode == 0, qPrintable(step.err));
        step = run({u"ingest"_s, sampleDir + u"/profiles.ndjson"_s});
        QVERIFY2(step.exitCode == 0, qPrintable(step.err));
        const qint64 createdBefore = status()[u"created"].toInteger();
        const qint64 profilesBefore = run({u"--json"_s, u"profiles"_s, u"--count"_s})
                                          .out.section(u':', 1)
                                          .remove(u'}')
                                          .trimmed()
                                          .toLongLong();
        QCOMPARE(profilesBefore, 40);

        const ProcessResult fed =
            run({u"demo-feed"_s, sampleDir + u"/profiles.ndjson"_s, u"--rate"_s, u"2000"_s,
                 u"--count"_s, u"120"_s, u"--seed"_s, u"11"_s});
        QVERIFY2(fed.exitCode == 0, qPrintable(fed.err));
        DemoFeed expected(samples(), 11);
        for (int i = 0; i < 120; ++i)
            expected.next();
        QVERIFY2(fed.out.contains(
                     u"Merged 120 fragments (%1 new profiles)."_s.arg(expected.newProfiles())),
                 qPrintable(fed.out));
        // Every update rewrites a realized member's address: an export each.
        const qint64 created = status()[u"created"].toInteger() - createdBefore;
        QVERIFY2(created >= 60, qPrintable(QString::number(created)));
        const qint64 profilesAfter = run({u"--json"_s, u"profiles"_s, u"--count"_s})
                                         .out.section(u':', 1)
                                         .remove(u'}')
                                         .trimmed()
                                         .toLongLong();
        QCOMPARE(profilesAfter, 40 + expected.newProfiles());

        const QList<QPair<QStringList, QString>> bad{
            {{u"--rate"_s, u"0"_s}, u"--rate"_s},
            {{u"--count"_s, u"many"_s}, u"--count"_s},
            {{u"--seed"_s, u"-1"_s}, u"--seed"_s},
        };
        for (const auto &[options, named] : bad) {
            const ProcessResult refused =
                run(QStringList{u"demo-feed"_s, sampleDir + u"/profiles.ndjson"_s} + options);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(named), qPrintable(refused.err));
        }
        const ProcessResult missing = run({u"demo-feed"_s, m_dir.filePath(u"none.ndjson"_s)});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(u"none.ndjson"_s), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestDemoFeed)
#include "tst_demofeed.moc"
