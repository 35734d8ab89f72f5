#pragma once
// Drives the destination wizard the way an administrator does: fields found
// by objectName on the current page, typed with QTest, Next pressed.
// Shared by tst_destinationwizard and the screenshots (tst_screenshots).

#include "settings/destinationeditor.h"
#include "widgets/keyvaluetableeditor.h"
#include "wizard/destinationwizard.h"
#include "wizard/editorpage.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTest>

namespace outflow::test {

using ui::DestinationWizard;

template<typename Widget>
Widget *field(DestinationWizard &wizard, DestinationWizard::PageId page, const char *name)
{
    return wizard.page(page)->findChild<Widget *>(QLatin1String(name));
}

// Key by key; what QTest cannot type as a key (non-ASCII) is inserted as an
// input method would.
inline void type(QLineEdit *edit, const QString &text)
{
    edit->clear();
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(edit, char(c.unicode()));
        else
            edit->insert(QString(c));
    }
}

inline bool nextEnabled(DestinationWizard &wizard)
{
    return wizard.button(QWizard::NextButton)->isEnabled();
}

inline QString pageMessage(DestinationWizard &wizard, DestinationWizard::PageId page)
{
    auto *editorPage = wizard.editorPage(page);
    return editorPage ? editorPage->editor()->problem() : QString();
}

inline void fillConnect(DestinationWizard &wizard, const QString &name)
{
    type(field<QLineEdit>(wizard, DestinationWizard::ConnectPage, "nameLineEdit"), name);
    QTest::keyClicks(
        field<QPlainTextEdit>(wizard, DestinationWizard::ConnectPage, "descriptionEdit"),
        QStringLiteral("Profiles for the CRM team"));
}

inline void chooseAuth(DestinationWizard &wizard, AuthType type)
{
    auto *combo = field<QComboBox>(wizard, DestinationWizard::AuthenticatePage, "authTypeCombo");
    combo->setCurrentIndex(combo->findData(int(type)));
}

inline void addRow(ui::KeyValueTableEditor *table, const QString &name, const QString &value,
                   bool secret)
{
    table->addRow();
    const int row = table->model()->rowCount() - 1;
    table->model()->item(row, ui::KeyValueTableEditor::NameColumn)->setText(name);
    table->model()->item(row, ui::KeyValueTableEditor::ValueColumn)->setText(value);
    table->model()
        ->item(row, ui::KeyValueTableEditor::SecretColumn)
        ->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
}

} // namespace outflow::test
