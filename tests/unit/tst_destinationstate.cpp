// The one state of a destination (issue #16), judged from its switch, its
// sender's block and its figures: the most pressing wins.
#include "delivery/destinationstate.h"

#include <QTest>

using namespace outflow;

Q_DECLARE_METATYPE(outflow::SenderBlock)

class TestDestinationState final : public QObject
{
    Q_OBJECT

private slots:
    void judge_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<SenderBlock>("block");
        QTest::addColumn<qint64>("backlog");
        QTest::addColumn<qint64>("retrying");
        QTest::addColumn<int>("inFlight");
        QTest::addColumn<qint64>("oldestAgeMs");
        QTest::addColumn<int>("authFailures");
        QTest::addColumn<QString>("state");
        const auto none = SenderBlock::None;
        QTest::newRow("idle") << true << none << 0LL << 0LL << 0 << 0LL << 0 << "healthy";
        QTest::newRow("in flight") << true << none << 0LL << 0LL << 3 << 0LL << 0 << "sending";
        QTest::newRow("queued, recent")
            << true << none << 10LL << 0LL << 0 << 5000LL << 0 << "sending";
        QTest::newRow("queued, late")
            << true << none << 10LL << 0LL << 2 << 61000LL << 0 << "backlogged";
        QTest::newRow("exactly the limit")
            << true << none << 1LL << 0LL << 0 << 60000LL << 0 << "sending";
        QTest::newRow("retrying beats late")
            << true << none << 10LL << 2LL << 0 << 90000LL << 0 << "retrying";
        QTest::newRow("401s beat retries")
            << true << none << 10LL << 2LL << 0 << 0LL << 3 << "auth-failing";
        QTest::newRow("cannot authenticate")
            << true << SenderBlock::Auth << 5LL << 0LL << 0 << 0LL << 0 << "auth-failing";
        QTest::newRow("TLS files")
            << true << SenderBlock::Tls << 5LL << 1LL << 0 << 0LL << 2 << "tls-problem";
        QTest::newRow("missing secret") << true << SenderBlock::MissingSecret << 5LL << 0LL << 0
                                        << 0LL << 0 << "missing-secret";
        QTest::newRow("store, figures decide")
            << true << SenderBlock::Store << 0LL << 0LL << 0 << 0LL << 0 << "healthy";
        QTest::newRow("disabled beats all")
            << false << SenderBlock::MissingSecret << 5LL << 1LL << 0 << 99000LL << 4 << "disabled";
    }

    void judge()
    {
        QFETCH(bool, enabled);
        QFETCH(SenderBlock, block);
        QFETCH(qint64, backlog);
        QFETCH(qint64, retrying);
        QFETCH(int, inFlight);
        QFETCH(qint64, oldestAgeMs);
        QFETCH(int, authFailures);
        QFETCH(QString, state);
        const DestinationState judged = DestinationStates::judge(
            {enabled, block, backlog, retrying, inFlight, oldestAgeMs, authFailures});
        QCOMPARE(DestinationStates::id(judged), state);
        QVERIFY(!DestinationStates::label(judged).isEmpty());
        // The blocked states each name their fix.
        if (judged != DestinationState::Healthy && judged != DestinationState::Sending)
            QVERIFY(!DestinationStates::fix(judged).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDestinationState)
#include "tst_destinationstate.moc"
