// Several processes writing one store at once (issue #23): what an
// administrator does while the app or a server engine runs. An engine
// (`outflowctl run`, three senders and the ingest endpoint), three lanes of
// `outflowctl ingest` processes, HTTP posts to the engine's endpoint and an
// administrator's lane of `audience edit` / `activate` commands all run
// against one SQLite file; the engine is killed with SIGKILL twice and
// restarted. At the end the file passes `PRAGMA integrity_check`, every
// acknowledged fragment is merged, and every export the activation log
// records reached the loopback receiver (by export id).
//
// Before the fix, a sender opening its store read the file's header with a
// QFile of its own; closing that descriptor dropped the engine's POSIX locks
// on the file, so an ingest process closing its connection took the engine
// for gone, checkpointed and deleted the WAL under it: "database disk image
// is malformed".
#include "store/sqlitestore.h"
#include "support/processrunner.h"
#include "support/rawconnection.h"
#include "support/receiverprocess.h"
#include "testconfig.h"

#include <functional>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace outflow;
using namespace outflow::test;

namespace {

const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);

constexpr int kPeople = 1500;
constexpr int kLanes = 3;
constexpr int kFilesPerLane = 12;
constexpr int kFragmentsPerFile = 200;
constexpr int kHttpChunks = 12;
constexpr int kFragmentsPerChunk = 150;

// Fragment `n` of the run: a person chosen by n, a first name that changes
// with every fragment (an attribute change, hence an export when the person
// is gold or silver), and a key of its own, `stress.f<n>`, by which the test
// finds out afterwards that this very fragment was merged.
int personOf(int n)
{
    return int((quint64(n) * 2654435761u) % kPeople);
}

QByteArray fragment(int n)
{
    const int person = personOf(n);
    static constexpr const char *tiers[] = {"gold", "silver", "none"};
    const char *tier = tiers[(n / 7 + person) % 3];
    return QStringLiteral("{\"identityMap\":{\"email\":[{\"id\":\"p%1@stress.test\",\"primary\":"
                          "true}]},\"person\":{\"name\":{\"firstName\":\"F%1-%2\",\"lastName\":"
                          "\"L%2\"}},\"loyalty\":{\"tier\":\"%3\",\"points\":%4},\"stress\":{"
                          "\"f%2\":true}}\n")
        .arg(person)
        .arg(n)
        .arg(QLatin1String(tier))
        .arg(n % 50)
        .toUtf8();
}

// A sequence of outflowctl commands run one after the other, each started
// when the previous one ended; each command's outcome is kept.
class CommandLane : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        QStringList arguments;
        int exitCode = -1;
        QString err;
    };

    CommandLane(QString store, QList<QStringList> commands, QObject *parent = nullptr)
        : QObject(parent)
        , m_store(std::move(store))
        , m_commands(std::move(commands))
    {
        connect(&m_process, &QProcess::finished, this, &CommandLane::onFinished);
    }

    void start() { next(); }
    int done() const { return int(m_outcomes.size()); }
    bool finished() const { return m_outcomes.size() == m_commands.size(); }
    const QList<Outcome> &outcomes() const { return m_outcomes; }

signals:
    void commandFinished(int index);

private:
    void next()
    {
        if (finished())
            return;
        m_process.start(cli, QStringList{QStringLiteral("--store"), m_store} +
                                 m_commands.at(m_outcomes.size()));
    }
    void onFinished(int exitCode, QProcess::ExitStatus status)
    {
        Outcome outcome;
        outcome.arguments = m_commands.at(m_outcomes.size());
        outcome.exitCode = status == QProcess::NormalExit ? exitCode : -1;
        outcome.err = QString::fromUtf8(m_process.readAllStandardError());
        m_process.readAllStandardOutput();
        m_outcomes.append(outcome);
        emit commandFinished(int(m_outcomes.size()) - 1);
        next();
    }

    QString m_store;
    QList<QStringList> m_commands;
    QList<Outcome> m_outcomes;
    QProcess m_process;
};

} // namespace

class TestStoreMultiprocess final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("outflow.sqlite"));
    }

    void cleanup()
    {
        if (m_engine) {
            m_engine->kill();
            m_engine->waitForFinished(10000);
        }
    }

    void engineIngestAndAdministrationShareOneStore()
    {
        ReceiverProcess receiver(cli);
        QTRY_VERIFY_WITH_TIMEOUT(!receiver.url().isEmpty(), 10000);
        setUp(receiver.url());

        // The inputs: three lanes of files for `outflowctl ingest`, and chunks
        // for the engine's endpoint; fragment numbers never repeat.
        QList<CommandLane *> lanes;
        int n = 0;
        for (int lane = 0; lane < kLanes; ++lane) {
            QList<QStringList> commands;
            for (int file = 0; file < kFilesPerLane; ++file) {
                const QString path =
                    m_dir.filePath(QStringLiteral("lane%1-%2.ndjson").arg(lane).arg(file));
                QFile out(path);
                QVERIFY(out.open(QIODevice::WriteOnly));
                for (int i = 0; i < kFragmentsPerFile; ++i)
                    out.write(fragment(n++));
                commands.append({QStringLiteral("ingest"), path});
            }
            lanes.append(new CommandLane(m_store, commands, this));
        }
        const int firstHttpFragment = n;
        QList<QByteArray> chunks;
        for (int chunk = 0; chunk < kHttpChunks; ++chunk) {
            QByteArray body;
            for (int i = 0; i < kFragmentsPerChunk; ++i)
                body += fragment(n++);
            chunks.append(body);
        }
        const int fragments = n;
        // The administrator, meanwhile: rules edited (every profile evaluated
        // again), audiences mapped (backfills), attributes added.
        const QString wideSilver = QStringLiteral("loyalty.tier in [\"silver\", \"gold\"]");
        const QString silver = QStringLiteral("loyalty.tier = \"silver\"");
        CommandLane admin(m_store,
                          {{QStringLiteral("audience"), QStringLiteral("edit"),
                            QStringLiteral("Silver"), QStringLiteral("--rule"), wideSilver},
                           {QStringLiteral("activate"), QStringLiteral("R3"),
                            QStringLiteral("--audience"), QStringLiteral("Silver")},
                           {QStringLiteral("audience"), QStringLiteral("edit"),
                            QStringLiteral("Silver"), QStringLiteral("--rule"), silver},
                           {QStringLiteral("activate"), QStringLiteral("R2"),
                            QStringLiteral("--attribute"), QStringLiteral("person.name.lastName")},
                           {QStringLiteral("audience"), QStringLiteral("add"),
                            QStringLiteral("--name"), QStringLiteral("Bronze"),
                            QStringLiteral("--rule"), QStringLiteral("loyalty.points < 10")},
                           {QStringLiteral("activate"), QStringLiteral("R1"),
                            QStringLiteral("--audience"), QStringLiteral("Bronze")},
                           {QStringLiteral("audience"), QStringLiteral("edit"),
                            QStringLiteral("Silver"), QStringLiteral("--rule"), wideSilver}});

        startEngine();
        QTRY_VERIFY_WITH_TIMEOUT(m_ingestPort != 0 || m_engine->state() == QProcess::NotRunning,
                                 30000);
        QVERIFY2(m_ingestPort != 0, qPrintable(engineLog()));
        const ProcessResult token =
            runProcess(cli, {QStringLiteral("--store"), m_store, QStringLiteral("ingest-token")});
        QVERIFY2(token.exitCode == 0, qPrintable(token.err));
        m_token = token.out.trimmed().toUtf8();

        // The engine dies twice: when a third and two thirds of the files are in.
        int filesDone = 0;
        int kills = 0;
        const int files = kLanes * kFilesPerLane;
        for (CommandLane *lane : std::as_const(lanes)) {
            connect(lane, &CommandLane::commandFinished, this, [&] {
                ++filesDone;
                if ((kills == 0 && filesDone >= files / 3) ||
                    (kills == 1 && filesDone >= 2 * files / 3)) {
                    ++kills;
                    killAndRestartEngine();
                }
            });
            lane->start();
        }
        admin.start();

        // The HTTP lane: each chunk posted until the engine acknowledges it
        // (a post the kill interrupted is posted again to the next engine).
        QNetworkAccessManager network;
        int acknowledgedChunks = 0;
        std::function<void()> post = [&] {
            if (acknowledgedChunks == chunks.size())
                return;
            if (m_ingestPort == 0) {
                QTimer::singleShot(50, this, post); // the engine is restarting
                return;
            }
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1/v1/fragments").arg(m_ingestPort)));
            request.setRawHeader("Authorization", "Bearer " + m_token);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/x-ndjson"));
            QNetworkReply *reply = network.post(request, chunks.at(acknowledgedChunks));
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
                if (status == 200 &&
                    answer.value(QStringLiteral("accepted")).toInt() == kFragmentsPerChunk)
                    ++acknowledgedChunks;
                else if (status != 0)
                    m_httpFailures.append(
                        QStringLiteral("HTTP %1: %2")
                            .arg(status)
                            .arg(QString::fromUtf8(QJsonDocument(answer).toJson())));
                QTimer::singleShot(status == 0 ? 50 : 0, this, post);
            });
        };
        post();

        const auto allDone = [&] {
            for (const CommandLane *lane : std::as_const(lanes))
                if (!lane->finished())
                    return false;
            return admin.finished() && acknowledgedChunks == chunks.size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(allDone() || !m_httpFailures.isEmpty(), 240000);
        QVERIFY2(m_httpFailures.isEmpty(), qPrintable(m_httpFailures.join(u'\n')));
        QCOMPARE(kills, 2);

        // Every command succeeded and none saw a damaged store.
        for (const CommandLane *lane : std::as_const(lanes) + QList<CommandLane *>{&admin}) {
            for (const CommandLane::Outcome &outcome : lane->outcomes()) {
                QVERIFY2(outcome.exitCode == 0, qPrintable(QStringLiteral("%1: exit %2: %3")
                                                               .arg(outcome.arguments.join(u' '))
                                                               .arg(outcome.exitCode)
                                                               .arg(outcome.err)));
            }
        }

        // The engine stops; a last run delivers what is left.
        m_engine->terminate();
        QVERIFY(m_engine->waitForFinished(30000));
        const ProcessResult drain =
            runProcess(cli,
                       {QStringLiteral("--store"), m_store, QStringLiteral("run"),
                        QStringLiteral("--until-idle")},
                       QProcessEnvironment::systemEnvironment(), 240000);
        m_engineErr += drain.err;
        QVERIFY2(drain.finished && drain.exitCode == 0, qPrintable(drain.out + drain.err));
        QVERIFY2(!engineLog().contains(QLatin1String("malformed")), qPrintable(engineLog()));

        // The file is whole.
        {
            RawConnection raw(m_store);
            QCOMPARE(raw.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")),
                     0);
            QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        }

        // Every acknowledged fragment is merged: its own key is on the
        // profile that owns its person's identity.
        SqliteStore store(m_store);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QHash<int, QJsonObject> attributes;
        for (int person = 0; person < kPeople; ++person) {
            const std::optional<qint64> owner = store.owner(
                Identity{QStringLiteral("email"), QStringLiteral("p%1@stress.test").arg(person)});
            if (!owner)
                continue;
            const std::optional<Profile> profile = store.profile(*owner);
            QVERIFY(profile);
            attributes.insert(person, profile->attributes());
        }
        int missing = 0;
        for (int f = 0; f < fragments; ++f) {
            const QJsonObject stress =
                attributes.value(personOf(f)).value(QStringLiteral("stress")).toObject();
            if (!stress.contains(QStringLiteral("f%1").arg(f)))
                ++missing;
        }
        QCOMPARE(missing, 0);
        qInfo("%d fragments merged (%d over HTTP) into %lld profiles, engine killed %d times",
              fragments, fragments - firstHttpFragment, store.profileCount(), kills);

        // Every export the activation log records reached the receiver, and
        // the receiver got nothing else.
        QSet<QString> created;
        {
            RawConnection raw(m_store);
            const QStringList ids = raw.column(
                QStringLiteral("SELECT export_id FROM activations WHERE outcome = 'exported'"));
            created = QSet<QString>(ids.begin(), ids.end());
        }
        QVERIFY(created.size() > fragments / 2); // the load did produce exports
        QTRY_VERIFY_WITH_TIMEOUT(receiver.exportIds().size() >= created.size(), 10000);
        const QHash<QString, int> received = receiver.exportIds();
        int undelivered = 0;
        for (const QString &id : std::as_const(created))
            undelivered += received.contains(id) ? 0 : 1;
        QCOMPARE(undelivered, 0);
        QCOMPARE(received.size(), created.size());
        qInfo("%lld exports created and delivered", qint64(created.size()));
    }

private:
    void setUp(const QUrl &endpoint)
    {
        const QList<QStringList> commands{
            {QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Gold"), QStringLiteral("--rule"),
             QStringLiteral("loyalty.tier = \"gold\"")},
            {QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Silver"), QStringLiteral("--rule"),
             QStringLiteral("loyalty.tier = \"silver\"")},
        };
        for (const QStringList &command : commands)
            run(command);
        for (const QString &name :
             {QStringLiteral("R1"), QStringLiteral("R2"), QStringLiteral("R3")}) {
            run({QStringLiteral("destination"), QStringLiteral("add"), QStringLiteral("--name"),
                 name, QStringLiteral("--endpoint"), endpoint.toString()});
        }
        run({QStringLiteral("activate"), QStringLiteral("R1"), QStringLiteral("--audience"),
             QStringLiteral("Gold"), QStringLiteral("--attribute"),
             QStringLiteral("person.name.firstName")});
        run({QStringLiteral("activate"), QStringLiteral("R2"), QStringLiteral("--audience"),
             QStringLiteral("Silver"), QStringLiteral("--attribute"),
             QStringLiteral("person.name.firstName")});
        run({QStringLiteral("activate"), QStringLiteral("R3"), QStringLiteral("--audience"),
             QStringLiteral("Gold"), QStringLiteral("--attribute"),
             QStringLiteral("person.name.firstName")});
    }

    void run(const QStringList &command)
    {
        const ProcessResult result =
            runProcess(cli, QStringList{QStringLiteral("--store"), m_store} + command);
        if (result.exitCode != 0)
            qFatal("%s: %s", qPrintable(command.join(u' ')), qPrintable(result.err));
    }

    void startEngine()
    {
        m_ingestPort = 0;
        m_engineOut.clear();
        m_engine = std::make_unique<QProcess>();
        connect(m_engine.get(), &QProcess::readyReadStandardOutput, this, [this] {
            m_engineOut += QString::fromUtf8(m_engine->readAllStandardOutput());
            static const QRegularExpression endpoint(
                QStringLiteral("Ingest endpoint: POST http://127\\.0\\.0\\.1:(\\d+)/"));
            const QRegularExpressionMatch match = endpoint.match(m_engineOut);
            if (match.hasMatch())
                m_ingestPort = match.captured(1).toUShort();
        });
        connect(m_engine.get(), &QProcess::readyReadStandardError, this,
                [this] { m_engineErr += QString::fromUtf8(m_engine->readAllStandardError()); });
        m_engine->start(cli, {QStringLiteral("--store"), m_store, QStringLiteral("run"),
                              QStringLiteral("--ingest-port"), QStringLiteral("0")});
    }

    void killAndRestartEngine()
    {
        m_engine->kill(); // SIGKILL: whatever it was writing is left half done
        m_engine->waitForFinished(10000);
        m_engineErr += QString::fromUtf8(m_engine->readAllStandardError());
        disconnect(m_engine.get(), nullptr, this, nullptr);
        startEngine();
    }

    QString engineLog() const { return m_engineErr; }

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<QProcess> m_engine;
    QString m_engineOut;
    QString m_engineErr;
    quint16 m_ingestPort = 0;
    QByteArray m_token;
    QStringList m_httpFailures;
};

QTEST_GUILESS_MAIN(TestStoreMultiprocess)
#include "tst_store_multiprocess.moc"
