#include "audienceimportdialog.h"

#include "enginehost.h"
#include "ingest/csvreader.h"
#include "widgets/filedialog.h"

#include <climits>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace outflow::ui {

AudienceImportDialog::AudienceImportDialog(EngineHost &engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_name(new QLineEdit(this))
    , m_column(new QComboBox(this))
    , m_namespace(new QComboBox(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_errors(new QTableWidget(0, 2, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_importButton(m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole))
    , m_cancelButton(m_buttons->addButton(tr("Cancel Im&port"), QDialogButtonBox::ActionRole))
{
    setObjectName(QStringLiteral("audienceImportDialog"));
    setWindowTitle(tr("Import CSV Audience"));
    m_file->setObjectName(QStringLiteral("importFileLineEdit"));
    m_file->setAccessibleName(tr("CSV file"));
    m_file->setReadOnly(true);
    m_browse->setObjectName(QStringLiteral("importBrowseButton"));
    m_name->setObjectName(QStringLiteral("importNameLineEdit"));
    m_name->setAccessibleName(tr("Audience name"));
    m_name->setToolTip(tr("A custom-upload audience of this name is replaced: members absent "
                          "from the file exit."));
    m_column->setObjectName(QStringLiteral("importColumnComboBox"));
    m_column->setAccessibleName(tr("Identity column"));
    m_namespace->setObjectName(QStringLiteral("importNamespaceComboBox"));
    m_namespace->setAccessibleName(tr("Identity namespace"));
    m_namespace->setEditable(true);
    m_namespace->setInsertPolicy(QComboBox::NoInsert);
    m_namespace->setToolTip(tr("The namespace of the column's identities, e.g. email"));
    m_progress->setObjectName(QStringLiteral("importProgressBar"));
    m_progress->setAccessibleName(tr("Import progress"));
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("importStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setObjectName(QStringLiteral("importErrorsTableWidget"));
    m_errors->setAccessibleName(tr("Rejected rows"));
    m_errors->setHorizontalHeaderLabels({tr("Line"), tr("Problem")});
    m_errors->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_errors->horizontalHeader()->setStretchLastSection(true);
    m_errors->verticalHeader()->hide();
    m_errors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errors->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_errors->hide();
    m_importButton->setObjectName(QStringLiteral("importStartButton"));
    m_importButton->setDefault(true);
    m_cancelButton->setObjectName(QStringLiteral("importCancelButton"));
    m_cancelButton->hide();

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    const auto addRow = [this, form](const QString &text, QWidget *buddy, QLayout *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    addRow(tr("CSV &file:"), m_browse, fileRow);
    form->addRow(new QLabel(tr("Audience &name:"), this), m_name);
    qobject_cast<QLabel *>(form->labelForField(m_name))->setBuddy(m_name);
    form->addRow(new QLabel(tr("I&dentity column:"), this), m_column);
    qobject_cast<QLabel *>(form->labelForField(m_column))->setBuddy(m_column);
    form->addRow(new QLabel(tr("Na&mespace:"), this), m_namespace);
    qobject_cast<QLabel *>(form->labelForField(m_namespace))->setBuddy(m_namespace);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_errors, 1);
    layout->addWidget(m_buttons);
    setTabOrder(m_browse, m_name);
    setTabOrder(m_name, m_column);
    setTabOrder(m_column, m_namespace);
    setTabOrder(m_namespace, m_errors);
    setTabOrder(m_errors, m_buttons);

    connect(m_browse, &QPushButton::clicked, this, &AudienceImportDialog::browse);
    connect(m_importButton, &QPushButton::clicked, this, &AudienceImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &AudienceImportDialog::cancelImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AudienceImportDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &AudienceImportDialog::updateButtons);
    connect(m_namespace, &QComboBox::currentTextChanged, this,
            &AudienceImportDialog::updateButtons);
    connect(m_namespace->lineEdit(), &QLineEdit::textEdited, this,
            [this] { m_namespaceEdited = true; });
    connect(m_column, &QComboBox::currentTextChanged, this, [this](const QString &column) {
        if (!m_namespaceEdited)
            m_namespace->setCurrentText(column);
        updateButtons();
    });
    connect(&m_engine, &EngineHost::audienceImportProgress, this,
            [this](quint64 requestId, qint64 done, qint64 total) {
                if (requestId != m_importing)
                    return;
                // Bytes, scaled so that files over 2 GiB fit an int.
                const int shift = total > INT_MAX ? 10 : 0;
                m_progress->setRange(0, total > 0 ? int(total >> shift) : 0);
                m_progress->setValue(int(done >> shift));
            });
    connect(&m_engine, &EngineHost::audienceImported, this,
            [this](quint64 requestId, const AudienceImportSummary &summary, bool cancelled,
                   const QString &error) {
                if (requestId != m_importing)
                    return;
                m_importing = 0;
                showResult(summary, cancelled, error);
            });
    updateButtons();
    resize(620, 460);
}

void AudienceImportDialog::browse()
{
    const QString path = FileDialog::openFileName(this, tr("Import CSV Audience"), m_file->text(),
                                                  tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

// The header only (one read chunk), on the GUI thread: the columns to pick
// from. The Engine reads the whole file.
void AudienceImportDialog::setFile(const QString &path)
{
    m_file->setText(path);
    m_column->clear();
    m_namespace->clear();
    m_namespaceEdited = false;
    m_status->clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read “%1”: %2").arg(path, file.errorString()));
        updateButtons();
        return;
    }
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record) || !reader.hasHeader()) {
        m_status->setText(record.error.isEmpty() ? tr("The file has no header row.")
                                                 : record.error);
        updateButtons();
        return;
    }
    m_column->addItems(reader.header());
    m_namespace->addItems(reader.header());
    m_namespace->setCurrentText(m_column->currentText());
    if (m_name->text().isEmpty())
        m_name->setText(QFileInfo(path).completeBaseName());
    updateButtons();
}

void AudienceImportDialog::updateButtons()
{
    const bool importing = isImporting();
    const bool ready = m_column->count() > 0 && !m_name->text().trimmed().isEmpty() &&
                       !m_namespace->currentText().trimmed().isEmpty();
    m_importButton->setEnabled(!importing && ready);
    m_importButton->setVisible(!importing);
    m_cancelButton->setVisible(importing);
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(!importing);
    for (QWidget *field : {static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_name),
                           static_cast<QWidget *>(m_column), static_cast<QWidget *>(m_namespace)})
        field->setEnabled(!importing);
}

void AudienceImportDialog::startImport()
{
    if (isImporting() || !m_importButton->isEnabled())
        return;
    m_errors->setRowCount(0);
    m_errors->hide();
    m_status->setText(tr("Importing…"));
    m_progress->setRange(0, 0); // busy until the first progress
    m_progress->show();
    m_importing = m_engine.importAudienceCsv(m_name->text(), m_file->text(),
                                             m_column->currentText(), m_namespace->currentText());
    updateButtons();
    m_cancelButton->setFocus();
}

void AudienceImportDialog::cancelImport()
{
    if (!isImporting())
        return;
    m_engine.cancelAudienceImport(m_importing);
    m_cancelButton->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void AudienceImportDialog::reject()
{
    if (isImporting()) {
        cancelImport();
        return;
    }
    QDialog::reject();
}

void AudienceImportDialog::showResult(const AudienceImportSummary &summary, bool cancelled,
                                      const QString &error)
{
    m_progress->hide();
    m_cancelButton->setEnabled(true);
    updateButtons();
    if (cancelled) {
        m_status->setText(tr("Import cancelled: nothing was changed."));
    } else if (!error.isEmpty()) {
        m_status->setText(tr("Nothing was imported: %1").arg(error));
    } else {
        const QLocale locale;
        m_status->setText(
            tr("Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n row(s) "
               "rejected.",
               nullptr, int(summary.errors.size()))
                .arg(summary.audience.name, locale.toString(summary.members),
                     locale.toString(summary.entered), locale.toString(summary.exited),
                     locale.toString(summary.profilesCreated)));
        m_errors->setRowCount(int(summary.errors.size()));
        for (int row = 0; row < summary.errors.size(); ++row) {
            const LineError &lineError = summary.errors.at(row);
            auto *line = new QTableWidgetItem;
            line->setData(Qt::DisplayRole, lineError.line);
            m_errors->setItem(row, 0, line);
            m_errors->setItem(row, 1, new QTableWidgetItem(lineError.error));
        }
        m_errors->setVisible(!summary.errors.isEmpty());
    }
    emit importFinished(!cancelled && error.isEmpty(), cancelled);
}

} // namespace outflow::ui
