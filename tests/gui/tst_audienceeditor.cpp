// The Audiences page's rule editor and actions (issue #17), real widgets over
// a real Engine and SQLite store: parse errors marked where they are as one
// types, the live count computed off the GUI thread and equal to what saving
// realizes, Rename, and Delete naming the dataflow that maps the audience.
#include "app/translations.h"
#include "audiences/audienceimportdialog.h"
#include "audiences/ruleaudiencedialog.h"
#include "audiences/ruleeditor.h"
#include "audiences/rulehighlighter.h"
#include "audiences/rulepreviewer.h"
#include "audiencespage.h"
#include "audiencetablemodel.h"
#include "enginehost.h"
#include "store/sqlitestore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QUuid>

using namespace outflow;
using namespace outflow::ui;

namespace {

constexpr int ProfileCount = 10'000;

// Profiles p0…p9999 with loyalty.points = their number.
bool fillStore(const QString &path, int count, QString *error)
{
    SqliteStore store(path);
    if (!store.open() || !store.begin()) {
        *error = store.lastError();
        return false;
    }
    for (int n = 0; n < count; ++n) {
        Profile profile;
        profile.identities = {
            {QStringLiteral("email"), QStringLiteral("p%1@example.com").arg(n), true}};
        profile.attributesJson = QStringLiteral("{\"loyalty\":{\"points\":%1}}").arg(n).toUtf8();
        profile.createdAt = profile.updatedAt = 1'700'000'000'000;
        if (store.insertProfile(profile) <= 0) {
            *error = store.lastError();
            return false;
        }
    }
    if (!store.commit()) {
        *error = store.lastError();
        return false;
    }
    return true;
}

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

std::optional<AudienceSummary> findAudience(const QList<AudienceSummary> &audiences,
                                            const QString &name)
{
    for (const AudienceSummary &audience : audiences) {
        if (audience.name == name)
            return audience;
    }
    return std::nullopt;
}

} // namespace

class TestAudienceEditor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void aBadRuleIsMarkedAtItsLineAndColumnAsOneTypes()
    {
        RuleEditor editor;
        editor.show();
        QPlainTextEdit *edit = editor.textEdit();
        QVERIFY(!editor.errorLabel()->isVisibleTo(&editor));
        QTest::keyClicks(edit, QStringLiteral("loyalty.points > 100"));
        QVERIFY(editor.isValid());
        QVERIFY(edit->extraSelections().isEmpty());
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, QStringLiteral("and 5 = 1"));

        QVERIFY(!editor.isValid());
        QVERIFY(editor.error().has_value());
        QCOMPARE(editor.error()->line, 2);
        QCOMPARE(editor.error()->column, 5);
        QVERIFY(editor.errorLabel()->isVisibleTo(&editor));
        const QString expected =
            QStringLiteral("Line 2, column 5: ") + parseRule(editor.rule()).error().description();
        QCOMPARE(editor.errorLabel()->text(), expected);
        QVERIFY2(editor.errorLabel()->text().endsWith(QStringLiteral("but found \"5\"")),
                 qPrintable(editor.errorLabel()->text()));

        // The underline covers the "5": the second line's fifth character.
        const QList<QTextEdit::ExtraSelection> selections = edit->extraSelections();
        QCOMPARE(selections.size(), 1);
        const int lineStart = edit->document()->findBlockByNumber(1).position();
        QCOMPARE(selections.at(0).cursor.selectionStart(), lineStart + 4);
        QCOMPARE(selections.at(0).cursor.selectionEnd(), lineStart + 5);
        QCOMPARE(selections.at(0).cursor.selectedText(), QStringLiteral("5"));
        QCOMPARE(selections.at(0).format.underlineStyle(), QTextCharFormat::WaveUnderline);

        // Fixed: the mark and the message go.
        QTest::keyClick(edit, Qt::Key_Home);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, QStringLiteral("and points = 1"));
        QCOMPARE(editor.rule(), QStringLiteral("loyalty.points > 100\nand points = 1 = 1"));
        QCOMPARE(editor.error()->column, 16); // the second "="
        editor.setRule(QStringLiteral("loyalty.points > 100\nand points = 1"));
        QVERIFY(editor.isValid());
        QVERIFY(!editor.errorLabel()->isVisibleTo(&editor));
        QVERIFY(edit->extraSelections().isEmpty());
    }

    void theEndOfTheRuleIsMarkedOnItsLastCharacter()
    {
        RuleEditor editor;
        editor.setRule(QStringLiteral("name =\n"));
        QVERIFY(editor.error().has_value());
        QVERIFY2(editor.errorLabel()->text().startsWith(QStringLiteral("Line ")),
                 qPrintable(editor.errorLabel()->text()));
        QCOMPARE(editor.textEdit()->extraSelections().size(), 1);
    }

    void theRuleLanguageIsHighlighted()
    {
        RuleEditor editor;
        editor.setRule(QStringLiteral("loyalty.points >= 100 and name in [\"FR\"]"));
        const QTextBlock block = editor.textEdit()->document()->firstBlock();
        const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
        const auto formatAt = [&formats](int start, int length) -> QTextCharFormat {
            for (const QTextLayout::FormatRange &range : formats) {
                if (range.start == start && range.length == length)
                    return range.format;
            }
            return {};
        };
        RuleHighlighter *highlighter = editor.highlighter();
        using Role = RuleHighlighter::Role;
        QCOMPARE(formatAt(0, 14).foreground(), highlighter->format(Role::Path).foreground());
        QCOMPARE(formatAt(18, 3).foreground(), highlighter->format(Role::Number).foreground());
        QCOMPARE(formatAt(22, 3).foreground(), highlighter->format(Role::Keyword).foreground());
        QCOMPARE(formatAt(22, 3).fontWeight(), int(QFont::Bold));
        QCOMPARE(formatAt(31, 2).foreground(), highlighter->format(Role::Keyword).foreground());
        QCOMPARE(formatAt(35, 4).foreground(), highlighter->format(Role::String).foreground());
    }

    void thePreviewCountIsWhatSavingRealizes()
    {
        QString error;
        QVERIFY2(fillStore(m_path, ProfileCount, &error), qPrintable(error));
        EngineHost engine(m_path);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        QSignalSpy snapshots(&engine, &EngineHost::audiencesChanged);
        engine.start();
        QVERIFY(opened.wait(20000));

        RuleAudienceDialog dialog(engine, std::nullopt);
        dialog.show();
        QSignalSpy previews(&engine, &EngineHost::audiencePreviewed);
        QSignalSpy previewed(dialog.previewer(), &RulePreviewer::previewed);
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Top quarter"));
        QTest::keyClicks(dialog.ruleEditor()->textEdit(), QStringLiteral("loyalty.points >= 7500"));
        QVERIFY(dialog.ruleEditor()->isValid());
        QVERIFY(dialog.previewer()->isBusy());
        // Counted off the GUI thread, answered through the Engine's signal.
        QVERIFY(previewed.wait(30000));
        QCOMPARE(previews.size(), 1); // one request once typing paused, not one per key
        const auto preview = previewed.at(0).at(0).value<AudiencePreview>();
        QCOMPARE(preview.matching, 2500);
        QCOMPARE(preview.evaluated, ProfileCount);
        QCOMPARE(dialog.previewCount(), 2500);
        QVERIFY2(dialog.previewLabel()->text().startsWith(QLocale().toString(2500)),
                 qPrintable(dialog.previewLabel()->text()));
        QCOMPARE(dialog.samplesList()->count(), RulePreviewer::Samples);
        QVERIFY(dialog.samplesList()->item(0)->text().contains(u"email:p7500@example.com"));
        saveScreenshot(&dialog, QStringLiteral("audience-rule"));

        QSignalSpy saved(&dialog, &RuleAudienceDialog::audienceSaved);
        QPushButton *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(60000));
        QVERIFY(!dialog.isVisible());
        const QString id = saved.at(0).at(0).toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (snapshots.isEmpty())
                    return false;
                const auto audiences = snapshots.last().at(0).value<QList<AudienceSummary>>();
                const std::optional<AudienceSummary> saved =
                    findAudience(audiences, QStringLiteral("Top quarter"));
                return saved && saved->id == id && saved->realized == dialog.previewCount();
            }(),
            20000);
    }

    void anEditedRuleIsCountedFromTheStoredOne()
    {
        QString error;
        QVERIFY2(fillStore(m_path, 100, &error), qPrintable(error));
        const QString id =
            addRuleAudience(QStringLiteral("Gold"), QStringLiteral("loyalty.points >= 90"));
        EngineHost engine(m_path);
        QSignalSpy snapshots(&engine, &EngineHost::audiencesChanged);
        engine.start();
        QVERIFY(snapshots.wait(20000));
        const std::optional<AudienceSummary> gold = findAudience(
            snapshots.last().at(0).value<QList<AudienceSummary>>(), QStringLiteral("Gold"));
        QVERIFY(gold);

        RuleAudienceDialog dialog(engine, gold);
        QCOMPARE(dialog.ruleEditor()->rule(), QStringLiteral("loyalty.points >= 90"));
        QVERIFY(dialog.mergePolicyEdit()->isReadOnly());
        QSignalSpy previewed(dialog.previewer(), &RulePreviewer::previewed);
        QVERIFY(previewed.wait(20000));
        QCOMPARE(previewed.at(0).at(0).value<AudiencePreview>().matching, 10);
        dialog.ruleEditor()->setRule(QStringLiteral("loyalty.points >= 80"));
        dialog.descriptionEdit()->setText(QStringLiteral("The top fifth"));
        QVERIFY(previewed.wait(20000));
        QCOMPARE(dialog.previewCount(), 20);
        QSignalSpy saved(&dialog, &RuleAudienceDialog::audienceSaved);
        dialog.accept();
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.at(0).at(0).toString(), id);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const std::optional<AudienceSummary> edited = findAudience(
                    snapshots.last().at(0).value<QList<AudienceSummary>>(), QStringLiteral("Gold"));
                return edited && edited->realized == 20 &&
                       edited->description == QStringLiteral("The top fifth");
            }(),
            20000);
    }

    void renameAndDeleteNamingTheMappingDataflow()
    {
        QString error;
        QVERIFY2(fillStore(m_path, 50, &error), qPrintable(error));
        const QString id =
            addRuleAudience(QStringLiteral("Gold"), QStringLiteral("loyalty.points >= 40"));
        QVERIFY(mapToDestination(id, QStringLiteral("Acme CRM")));

        EngineHost engine(m_path);
        AudiencesPage page;
        connect(&engine, &EngineHost::audiencesChanged, &page, &AudiencesPage::setAudiences);
        QSignalSpy snapshots(&engine, &EngineHost::audiencesChanged);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));
        page.setEngine(&engine);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 20000);
        auto *renameButton = page.findChild<QPushButton *>(QStringLiteral("audienceRenameButton"));
        auto *deleteButton = page.findChild<QPushButton *>(QStringLiteral("audienceDeleteButton"));
        QVERIFY(!renameButton->isEnabled()); // nothing selected yet
        page.selectAudience(id);
        QCOMPARE(page.selectedId(), id);
        QVERIFY(renameButton->isEnabled());

        page.setAskName([](const QString &current) -> std::optional<QString> {
            return current == QStringLiteral("Gold")
                       ? std::optional<QString>(QStringLiteral("Platinum"))
                       : std::nullopt;
        });
        QSignalSpy finished(&engine, &EngineHost::audienceOperationFinished);
        QTest::mouseClick(renameButton, Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(2).toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(
            page.model()->index(0, AudienceTableModel::Name).data().toString(),
            QStringLiteral("Platinum"), 20000);
        QCOMPARE(page.selectedId(), id); // still selected
        QCOMPARE(page.model()->audiences().at(0).realized, 10);

        QString question;
        page.setConfirm([&question](const QString &asked) {
            question = asked;
            return true;
        });
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!question.isEmpty(), 20000);
        QVERIFY2(question.contains(QStringLiteral("“Platinum”")), qPrintable(question));
        QVERIFY2(question.contains(QStringLiteral("Acme CRM")), qPrintable(question));
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 0, 20000);
        QVERIFY(page.isEmptyStateShown());
        SqliteStore store(m_path);
        QVERIFY(store.open());
        QVERIFY(!store.audience(id).has_value());
    }

    // Every field has a label with a mnemonic and a buddy, or an accessible
    // name, and takes the keyboard focus (Tab leaves the rule editor).
    void theDialogsWorkFromTheKeyboard()
    {
        EngineHost engine(m_path); // never started: nothing is asked
        RuleAudienceDialog rule(engine, std::nullopt);
        AudienceImportDialog import(engine);
        AudiencesPage page;
        for (QWidget *root : {static_cast<QWidget *>(&rule), static_cast<QWidget *>(&import),
                              static_cast<QWidget *>(&page)}) {
            for (QLabel *label : root->findChildren<QLabel *>()) {
                if (!label->text().contains(u'&') || label->textFormat() == Qt::RichText)
                    continue;
                QVERIFY2(label->buddy(), qPrintable(label->text()));
                QVERIFY2(label->buddy()->focusPolicy() & Qt::TabFocus, qPrintable(label->text()));
            }
            const QList<QWidget *> fields = root->findChildren<QWidget *>();
            for (QWidget *field : fields) {
                if (!qobject_cast<QLineEdit *>(field) && !qobject_cast<QComboBox *>(field) &&
                    !qobject_cast<QPlainTextEdit *>(field) &&
                    !qobject_cast<QAbstractItemView *>(field))
                    continue;
                const auto inComboBox = [](QObject *object) {
                    for (QObject *parent = object->parent(); parent; parent = parent->parent()) {
                        if (qobject_cast<QComboBox *>(parent))
                            return true;
                    }
                    return false;
                };
                if (inComboBox(field) || qobject_cast<QHeaderView *>(field))
                    continue; // a combo box's own line edit or list, a table's header
                QVERIFY2(!field->accessibleName().isEmpty(), qPrintable(field->objectName()));
                QVERIFY2(field->focusPolicy() & Qt::TabFocus, qPrintable(field->objectName()));
            }
            for (QPushButton *button : root->findChildren<QPushButton *>()) {
                if (button->text().isEmpty() || button->text() == QStringLiteral("Cancel") ||
                    button->text() == QStringLiteral("Close"))
                    continue; // Esc
                QVERIFY2(button->text().contains(u'&'), qPrintable(button->text()));
            }
        }
        QVERIFY(rule.ruleEditor()->textEdit()->tabChangesFocus());
    }

private:
    QString addRuleAudience(const QString &name, const QString &rule)
    {
        SqliteStore store(m_path);
        if (!store.open())
            return {};
        AudienceService service(store);
        const std::optional<Audience> audience = service.create(name, rule);
        return audience ? audience->id : QString();
    }

    // A disabled destination (no sender) whose dataflow maps the audience.
    bool mapToDestination(const QString &audienceId, const QString &name)
    {
        SqliteStore store(m_path);
        if (!store.open())
            return false;
        Destination destination;
        destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        destination.name = name;
        destination.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9/crm"));
        destination.enabled = false;
        destination.createdAt = destination.updatedAt = 1'700'000'000'000;
        Dataflow dataflow;
        dataflow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        dataflow.destinationId = destination.id;
        dataflow.audiences = {{audienceId, 1'700'000'000'000, 1'700'000'000'000}};
        dataflow.createdAt = dataflow.updatedAt = destination.createdAt;
        return store.insertDestination(destination) && store.saveDataflow(dataflow);
    }

    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestAudienceEditor)
#include "tst_audienceeditor.moc"
