// Import CSV on the Audiences page (issue #17), real widgets over a real
// Engine and SQLite store: the identity column and namespace picked from the
// file's header, bad rows listed with their line numbers while the others
// are imported, and Cancel in the middle of a long import leaving the
// previous member set as it was (the import is one transaction).
#include "app/translations.h"
#include "audiences/audienceimportdialog.h"
#include "enginehost.h"
#include "store/sqlitestore.h"
#include "widgets/filedialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::ui;

namespace {

// With OUTFLOW_SCREENSHOT_DIR set (under Xvfb, QT_QPA_PLATFORM=xcb): the
// README's picture of `widget`.
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("OUTFLOW_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    const QString path = QDir(folder).filePath(QStringLiteral("screenshot-%1.png").arg(name));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

} // namespace

class TestAudienceImport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        SqliteStore store(m_path); // created empty
        QVERIFY2(store.open(), qPrintable(store.lastError()));
    }

    void badRowsAreListedByLineAndTheOthersImported()
    {
        const QString csv = writeFile(QStringLiteral("members.csv"),
                                      "name,email\n"
                                      "Ana,ana@example.com\n"
                                      "Bob,\n" // line 3: no identity
                                      "Carl\n" // line 4: one field of two
                                      "Dee,dee@example.com\n"
                                      "Eve,\"eve@example.com\n"); // line 6: unterminated quote
        EngineHost engine(m_path);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));

        AudienceImportDialog dialog(engine);
        dialog.show();
        QVERIFY(!dialog.importButton()->isEnabled()); // no file yet
        FileDialog::setNextFileName(csv);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importBrowseButton")),
                          Qt::LeftButton);
        QCOMPARE(dialog.fileEdit()->text(), csv);
        // The choices come from the header.
        QCOMPARE(dialog.columnCombo()->count(), 2);
        QCOMPARE(dialog.columnCombo()->itemText(0), QStringLiteral("name"));
        QCOMPARE(dialog.columnCombo()->itemText(1), QStringLiteral("email"));
        QCOMPARE(dialog.namespaceCombo()->currentText(), QStringLiteral("name"));
        dialog.columnCombo()->setCurrentIndex(1);
        QCOMPARE(dialog.namespaceCombo()->currentText(), QStringLiteral("email")); // follows
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("members"));
        dialog.nameEdit()->setText(QStringLiteral("Newsletter"));
        QVERIFY(dialog.importButton()->isEnabled());

        QSignalSpy finished(&dialog, &AudienceImportDialog::importFinished);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QVERIFY(dialog.isImporting());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);  // imported
        QCOMPARE(finished.at(0).at(1).toBool(), false); // not cancelled
        QVERIFY(!dialog.isImporting());

        QTableWidget *errors = dialog.errorsTable();
        QVERIFY(errors->isVisibleTo(&dialog));
        QCOMPARE(errors->rowCount(), 3);
        QCOMPARE(errors->item(0, 0)->data(Qt::DisplayRole).toLongLong(), 3);
        QCOMPARE(errors->item(1, 0)->data(Qt::DisplayRole).toLongLong(), 4);
        QCOMPARE(errors->item(2, 0)->data(Qt::DisplayRole).toLongLong(), 6);
        QVERIFY2(errors->item(0, 1)->text().contains(QStringLiteral("email")),
                 qPrintable(errors->item(0, 1)->text()));
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("2 members")),
                 qPrintable(dialog.statusLabel()->text()));
        // "3 rows rejected" once translations/ has the English plural.
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("3 row")),
                 qPrintable(dialog.statusLabel()->text()));

        saveScreenshot(&dialog, QStringLiteral("audience-import"));

        SqliteStore store(m_path);
        QVERIFY(store.open());
        const std::optional<Audience> audience = store.audienceByName(QStringLiteral("Newsletter"));
        QVERIFY(audience);
        QCOMPARE(audience->origin, AudienceOrigin::CustomUpload);
        QCOMPARE(store.membershipCounts(audience->id).realized, 2);
        QVERIFY(store.owner({QStringLiteral("email"), QStringLiteral("ana@example.com"), false}));
        QVERIFY(store.owner({QStringLiteral("email"), QStringLiteral("dee@example.com"), false}));
    }

    void cancelInTheMiddleKeepsThePreviousMembers()
    {
        const QString first = writeFile(QStringLiteral("first.csv"), "email\n"
                                                                     "a@example.com\n"
                                                                     "b@example.com\n"
                                                                     "c@example.com\n");
        QByteArray big = "email\n";
        for (int n = 0; n < 200'000; ++n)
            big += "member" + QByteArray::number(n) + "@example.com\n";
        const QString second = writeFile(QStringLiteral("second.csv"), big);

        EngineHost engine(m_path);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));

        // The first upload: three members.
        AudienceImportDialog dialog(engine);
        dialog.show();
        dialog.setFile(first);
        dialog.nameEdit()->setText(QStringLiteral("VIP"));
        QSignalSpy finished(&dialog, &AudienceImportDialog::importFinished);
        dialog.startImport();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        const QList<qint64> before = members(QStringLiteral("VIP"));
        QCOMPARE(before.size(), 3);
        const qint64 profilesBefore = profileCount();

        // The re-upload, cancelled at its first progress.
        dialog.setFile(second);
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("VIP"));
        finished.clear();
        QSignalSpy progress(&engine, &EngineHost::audienceImportProgress);
        connect(&engine, &EngineHost::audienceImportProgress, &dialog,
                [&dialog](quint64, qint64 done, qint64 total) {
                    if (done < total)
                        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
                });
        dialog.startImport();
        QVERIFY(dialog.cancelButton()->isVisible());
        QVERIFY(finished.wait(60000));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toBool(), true); // cancelled
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("cancelled")),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(!dialog.progressBar()->isVisible());
        QVERIFY(dialog.isVisible()); // Cancel stopped the import, not the dialog

        QCOMPARE(members(QStringLiteral("VIP")), before);
        QCOMPARE(profileCount(), profilesBefore); // no profile of the second file stays
    }

private:
    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) < 0)
            return {};
        return path;
    }

    QList<qint64> members(const QString &audienceName)
    {
        SqliteStore store(m_path);
        if (!store.open())
            return {};
        const std::optional<Audience> audience = store.audienceByName(audienceName);
        return audience ? store.realizedMembers(audience->id, 0, 1000) : QList<qint64>();
    }

    qint64 profileCount()
    {
        SqliteStore store(m_path);
        return store.open() ? store.profileCount() : -1;
    }

    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestAudienceImport)
#include "tst_audienceimport.moc"
