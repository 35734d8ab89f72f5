// Changes another process makes to the store reach a running Engine within
// seconds (issue #17, "Changes from another process"): an `outflowctl
// activate` while the Engine runs is backfilled by it, and an audience added
// by `outflowctl audience add` appears in its audience lists, without a
// restart and without anything committed through the Engine itself.
#include "engine/engine.h"
#include "store/store.h"
#include "support/httptestreceiver.h"
#include "support/processrunner.h"
#include "testconfig.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;

class TestEngineExternal final : public QObject
{
    Q_OBJECT

private slots:
    void anActivationByAnotherProcessIsBackfilled()
    {
        QTemporaryDir dir;
        m_store = dir.filePath(QStringLiteral("store.sqlite"));
        test::HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        ctl({QStringLiteral("destination"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Hook"), QStringLiteral("--endpoint"), receiver.url().toString()});
        ctl({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Everyone"), QStringLiteral("--rule"),
             QStringLiteral("personalEmail.address exists")});
        QByteArray ndjson;
        for (int i = 0; i < 12; ++i)
            ndjson += QStringLiteral("{\"identityMap\":{\"email\":[{\"id\":\"p%1@example.com\"}]},"
                                     "\"personalEmail\":{\"address\":\"p%1@example.com\"}}\n")
                          .arg(i)
                          .toUtf8();
        const QString file = dir.filePath(QStringLiteral("profiles.ndjson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(ndjson) == ndjson.size());
        out.close();
        ctl({QStringLiteral("ingest"), file});

        Engine engine(m_store);
        QSignalSpy opened(&engine, &Engine::opened);
        QSignalSpy audiences(&engine, &Engine::audiencesChanged);
        engine.open();
        QVERIFY(opened.size() == 1 || opened.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!audiences.isEmpty(), 10000);
        QVERIFY(receiver.requests().isEmpty()); // nothing mapped yet

        // Another process maps the audience: the running Engine backfills it.
        ctl({QStringLiteral("activate"), QStringLiteral("Hook"), QStringLiteral("--audience"),
             QStringLiteral("Everyone"), QStringLiteral("--attribute"),
             QStringLiteral("personalEmail.address")});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.exportIds().size(), 12, 20000);

        // Another process adds an audience: the Engine's lists show it.
        audiences.clear();
        ctl({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Later"), QStringLiteral("--rule"),
             QStringLiteral("personalEmail.address exists")});
        QTRY_VERIFY_WITH_TIMEOUT(listsAudience(audiences, QStringLiteral("Later")), 20000);
        QCOMPARE(receiver.exportIds().size(), 12); // an unmapped audience exports nothing
    }

private:
    void ctl(const QStringList &arguments)
    {
        const QStringList args = QStringList{QStringLiteral("--store"), m_store} + arguments;
        const test::ProcessResult result =
            test::runProcess(QStringLiteral(OUTFLOW_CLI_BINARY), args);
        QVERIFY2(result.exitCode == 0, qPrintable(args.join(u' ') + u'\n' + result.err));
    }

    static bool listsAudience(const QSignalSpy &spy, const QString &name)
    {
        for (const QList<QVariant> &emission : spy) {
            for (const AudienceSummary &audience :
                 emission.constFirst().value<QList<AudienceSummary>>()) {
                if (audience.name == name)
                    return true;
            }
        }
        return false;
    }

    QString m_store;
};

QTEST_GUILESS_MAIN(TestEngineExternal)
#include "tst_engine_external.moc"
