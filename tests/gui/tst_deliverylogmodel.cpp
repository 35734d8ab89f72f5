// The Deliveries page's bounded log model (issue #18): newer rows inserted
// at the top, the oldest removed past the capacity, Load More appending
// older rows while there is room, never a reset; checked by Qt's model
// tester on every change.
#include "app/translations.h"
#include "models/deliverylogmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace outflow;
using outflow::ui::DeliveryLogModel;

namespace {

// Entries with ids from `newest` down, newest first.
QList<DeliveryLogEntry> entries(qint64 newest, int count)
{
    QList<DeliveryLogEntry> list;
    for (int i = 0; i < count; ++i) {
        DeliveryLogEntry entry;
        entry.id = newest - i;
        entry.destinationId = QStringLiteral("d1");
        entry.destinationName = QStringLiteral("Hook");
        entry.exportId = QStringLiteral("export-%1").arg(entry.id);
        entry.profileId = entry.id;
        entry.profileIdentity = QStringLiteral("email:p%1@example.com").arg(entry.id);
        entry.attemptedAt = 1'700'000'000'000 + entry.id * 1000;
        entry.outcome = entry.id % 3 == 0 ? DeliveryOutcome::Failed : DeliveryOutcome::Delivered;
        entry.httpStatus = entry.outcome == DeliveryOutcome::Failed ? 400 : 200;
        entry.error = entry.outcome == DeliveryOutcome::Failed
                          ? QStringLiteral("HTTP 400 from the endpoint.")
                          : QString();
        entry.latencyMs = 12;
        list.append(entry);
    }
    return list;
}

QList<qint64> idsOf(const DeliveryLogModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(DeliveryLogModel::IdRole).toLongLong());
    return ids;
}

} // namespace

class TestDeliveryLogModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void insertsAtTheTopWithinItsBound()
    {
        DeliveryLogModel model(nullptr, 10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.prependNewer(entries(6, 6)); // 6..1
        QCOMPARE(idsOf(model), (QList<qint64>{6, 5, 4, 3, 2, 1}));
        QCOMPARE(model.newestId(), 6);
        QCOMPARE(model.oldestId(), 1);

        // Newer rows at the top; past ten, the oldest go.
        model.prependNewer(entries(9, 3));
        QCOMPARE(idsOf(model), (QList<qint64>{9, 8, 7, 6, 5, 4, 3, 2, 1}));
        QCOMPARE(inserted.last().at(1).toInt(), 0); // first row inserted
        model.prependNewer(entries(12, 3));
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.isFull());
        QCOMPARE(idsOf(model), (QList<qint64>{12, 11, 10, 9, 8, 7, 6, 5, 4, 3}));
        // The oldest rows go first (rows 7..8 of nine: ids 2 and 1), then
        // the new ones come in at the top.
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.last().at(1).toInt(), 7);
        QCOMPARE(removed.last().at(2).toInt(), 8);
        QCOMPARE(inserted.last().at(1).toInt(), 0);
        QCOMPARE(inserted.last().at(2).toInt(), 2);

        // More at once than the bound: the newest ten only.
        model.prependNewer(entries(40, 25));
        QCOMPARE(idsOf(model).constFirst(), 40);
        QCOMPARE(idsOf(model).constLast(), 31);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(resets.size(), 0);
    }

    void loadMoreAppendsOlderRowsWhileThereIsRoom()
    {
        DeliveryLogModel model(nullptr, 10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.appendOlder(entries(100, 4)); // 100..97
        QCOMPARE(model.appendOlder(entries(96, 4)), 4);
        QCOMPARE(idsOf(model), (QList<qint64>{100, 99, 98, 97, 96, 95, 94, 93}));
        // Two rows of room left.
        QCOMPARE(model.appendOlder(entries(92, 5)), 2);
        QCOMPARE(idsOf(model).constLast(), 91);
        QVERIFY(model.isFull());
        QCOMPARE(model.appendOlder(entries(90, 5)), 0);

        // A new filter: every row removed, the new ones inserted, no reset.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.replaceAll(entries(7, 3));
        QCOMPARE(idsOf(model), (QList<qint64>{7, 6, 5}));
        QCOMPARE(removed.size(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.newestId(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void cellsAndMaskedProfiles()
    {
        DeliveryLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<DeliveryLogEntry> rows = entries(3, 2); // 3 failed, 2 delivered
        rows[1].errorKind = QString();
        DeliveryLogEntry superseded = entries(4, 1).constFirst();
        superseded.outcome = DeliveryOutcome::Failed;
        superseded.errorKind = QStringLiteral("superseded");
        superseded.error = QStringLiteral("Not sent again: a newer export of this profile "
                                          "replaced it.");
        model.prependNewer(rows);
        model.prependNewer({superseded});
        const auto cell = [&model](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(0, DeliveryLogModel::Outcome), QStringLiteral("Not sent again"));
        QCOMPARE(cell(1, DeliveryLogModel::Outcome), QStringLiteral("Failed"));
        QCOMPARE(cell(2, DeliveryLogModel::Outcome), QStringLiteral("Delivered"));
        QCOMPARE(cell(1, DeliveryLogModel::Status), QStringLiteral("400"));
        QCOMPARE(cell(1, DeliveryLogModel::Reason), QStringLiteral("HTTP 400 from the endpoint."));
        QCOMPARE(cell(1, DeliveryLogModel::ExportId), QStringLiteral("export-3"));
        QCOMPARE(cell(1, DeliveryLogModel::Destination), QStringLiteral("Hook"));
        QCOMPARE(cell(1, DeliveryLogModel::Latency), QStringLiteral("12 ms"));
        QVERIFY(!model.index(0, 0).data(DeliveryLogModel::ReplayableRole).toBool());
        QVERIFY(model.index(1, 0).data(DeliveryLogModel::ReplayableRole).toBool());
        QVERIFY(!model.index(2, 0).data(DeliveryLogModel::ReplayableRole).toBool());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(cell(1, DeliveryLogModel::Profile), QStringLiteral("email:p3@example.com"));
        model.setProfilesMasked(true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(1, DeliveryLogModel::Profile), QStringLiteral("email:•••"));
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < model.columnCount(); ++column)
                QVERIFY(!cell(row, column).contains(QLatin1String("@example.com")));
        }
        model.setProfilesMasked(false);
        QCOMPARE(cell(1, DeliveryLogModel::Profile), QStringLiteral("email:p3@example.com"));
    }
};

QTEST_MAIN(TestDeliveryLogModel)
#include "tst_deliverylogmodel.moc"
