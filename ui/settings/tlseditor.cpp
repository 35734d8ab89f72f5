#include "tlseditor.h"

#include "delivery/certificateinfo.h"
#include "delivery/tlsconfig.h"
#include "destinationdraft.h"
#include "widgets/filedialog.h"
#include "widgets/secretlineedit.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace outflow::ui {

TlsEditor::TlsEditor(QWidget *parent)
    : DestinationEditor(parent)
    , m_passphrase(new SecretLineEdit(this))
    , m_card(new QLabel(this))
    , m_pause(new QTimer(this))
{
    // Not at every keystroke: a path typed letter by letter would read as
    // many files (DESIGN §4 keeps I/O off the GUI thread's typing path).
    m_pause->setSingleShot(true);
    m_pause->setInterval(300);
    connect(m_pause, &QTimer::timeout, this, &TlsEditor::inspect);
    auto *form = new QFormLayout;
    m_caBundle = pathField(QStringLiteral("caBundleEdit"), tr("&CA bundle:"),
                           tr("Certificates (*.pem *.crt *.cer);;All files (*)"), form);
    m_caBundle->setToolTip(tr("The authorities the server's certificate must chain to. Empty: "
                              "the system's trusted authorities."));
    m_clientCert = pathField(QStringLiteral("clientCertEdit"), tr("Client c&ertificate:"),
                             tr("Certificates (*.pem *.crt *.p12 *.pfx);;All files (*)"), form);
    m_clientCert->setToolTip(tr("Presented when the server asks for one (mutual TLS): PEM, or a "
                                "PKCS#12 bundle holding its key."));
    m_clientKey = pathField(QStringLiteral("clientKeyEdit"), tr("Client &key:"),
                            tr("Keys (*.pem *.key);;All files (*)"), form);
    m_clientKey->setToolTip(tr("The certificate's private key (PEM). Empty with PKCS#12."));
    m_passphrase->setObjectName(QStringLiteral("keyPassphraseEdit"));
    m_passphrase->setAccessibleName(tr("Key passphrase"));
    auto *passphraseLabel = new QLabel(tr("Key &passphrase:"), this);
    passphraseLabel->setBuddy(m_passphrase);
    form->addRow(passphraseLabel, m_passphrase);
    m_card->setObjectName(QStringLiteral("certificateCard"));
    m_card->setWordWrap(true);
    m_card->setTextFormat(Qt::RichText);
    m_card->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_card->setFrameShape(QFrame::StyledPanel);
    m_card->setMargin(8);
    m_card->setAccessibleName(tr("Client certificate"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_card);
    addMessageLabel(layout);
    layout->addStretch();
    connect(m_passphrase, &QLineEdit::textChanged, this, &TlsEditor::inspectSoon);
    inspect();
}

QLineEdit *TlsEditor::pathField(const QString &objectName, const QString &label,
                                const QString &filter, QFormLayout *form)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setAccessibleName(tr("Browse for %1").arg(field->accessibleName()));
    auto *row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(browse);
    auto *buddy = new QLabel(label, this);
    buddy->setBuddy(field);
    form->addRow(buddy, row);
    connect(field, &QLineEdit::textChanged, this, &TlsEditor::inspectSoon);
    connect(browse, &QPushButton::clicked, this, [this, field, filter, label] {
        const QString path =
            FileDialog::openFileName(this, QString(label).remove(u'&').remove(u':'),
                                     QFileInfo(field->text()).absolutePath(), filter);
        if (!path.isEmpty())
            field->setText(path);
    });
    return field;
}

void TlsEditor::inspectSoon()
{
    m_pause->start();
    emit changed(); // busy: Next waits for the reading
}

bool TlsEditor::isBusy() const
{
    return m_pause->isActive();
}

void TlsEditor::settle()
{
    if (m_pause->isActive()) {
        m_pause->stop();
        inspect();
    }
}

// Reads the files now, as the sender will: a wrong path, passphrase or key is
// named while the administrator is still here.
void TlsEditor::inspect()
{
    m_problem.clear();
    m_warnings.clear();
    TlsSettings settings;
    settings.caBundlePath = m_caBundle->text().trimmed();
    settings.clientCertificatePath = m_clientCert->text().trimmed();
    settings.clientKeyPath = m_clientKey->text().trimmed();
    settings.keyPassphrase = m_passphrase->text().toUtf8();
    if (settings.caBundlePath.isEmpty() && settings.clientCertificatePath.isEmpty() &&
        settings.clientKeyPath.isEmpty()) {
        m_card->setText(tr("No client certificate; the server is checked against the system's "
                           "trusted authorities."));
        emit changed();
        return;
    }
    const TlsConfig tls = TlsConfig::load(settings);
    // A stored passphrase is not read back: what needs it cannot be checked here.
    if (!tls.isValid() && tls.problem() == TlsConfig::Problem::PassphraseRequired &&
        m_passphraseStored && m_passphrase->text().isEmpty()) {
        m_card->setText(tr("The key's passphrase is in the keychain; type it again to check the "
                           "certificate here."));
        emit changed();
        return;
    }
    if (!tls.isValid()) {
        m_problem = tls.errorString();
        m_card->setText(tr("<b>Not usable:</b> %1").arg(m_problem.toHtmlEscaped()));
        emit changed();
        return;
    }
    m_warnings = tls.warnings();
    if (!tls.hasClientCertificate()) {
        m_card->setText(tr("No client certificate; the server is checked against %1.")
                            .arg(settings.caBundlePath.toHtmlEscaped()));
        emit changed();
        return;
    }
    const CertificateInfo info = tls.clientCertificate();
    const QLocale locale;
    const qint64 days = info.daysUntilExpiry();
    const int daysLeft = int(days);
    QString validity;
    if (info.isExpired()) {
        m_problem = tr("Client certificate: “%1” expired on %2; servers refuse it. Choose a "
                       "valid certificate.")
                        .arg(info.subjectDisplayName,
                             locale.toString(info.notAfter.toLocalTime(), QLocale::ShortFormat));
        validity = QStringLiteral("<span style=\"color:#b00020\">%1</span>")
                       .arg(tr("expired").toHtmlEscaped());
    } else {
        validity = tr("%n day(s) left", nullptr, daysLeft);
        if (info.expiresWithinDays(CertificateInfo::ExpiryWarningDays))
            validity = QStringLiteral("<span style=\"color:#8a5a00\">%1</span>").arg(validity);
    }
    m_card->setText(
        tr("<b>%1</b><br>Alternative names: %2<br>Issued by: %3<br>Valid from %4 to %5 (%6)<br>"
           "SHA-256: %7")
            .arg(info.subjectDisplayName.toHtmlEscaped(),
                 info.subjectAlternativeNamesText().isEmpty()
                     ? tr("none")
                     : info.subjectAlternativeNamesText().toHtmlEscaped(),
                 info.issuerCommonName.toHtmlEscaped(),
                 locale.toString(info.notBefore.toLocalTime(), QLocale::ShortFormat),
                 locale.toString(info.notAfter.toLocalTime(), QLocale::ShortFormat), validity,
                 info.fingerprintHex()));
    emit changed();
}

void TlsEditor::load(const DestinationDraft &draft)
{
    const QSignalBlocker quiet(m_passphrase); // one reading below, not one per field
    m_passphraseStored = draft.storedKinds.contains(DestinationSecrets::Kind::KeyPassphrase);
    m_passphrase->setStoredInKeychain(m_passphraseStored);
    m_caBundle->setText(draft.destination.caCertPath);
    m_clientCert->setText(draft.destination.clientCertPath);
    m_clientKey->setText(draft.destination.clientKeyPath);
    m_passphrase->setText(draft.secrets.keyPassphrase);
    m_pause->stop();
    inspect();
}

void TlsEditor::save(DestinationDraft &draft) const
{
    draft.destination.caCertPath = m_caBundle->text().trimmed();
    draft.destination.clientCertPath = m_clientCert->text().trimmed();
    draft.destination.clientKeyPath = m_clientKey->text().trimmed();
    draft.secrets.keyPassphrase =
        draft.destination.clientCertPath.isEmpty() ? QString() : m_passphrase->text();
}

QString TlsEditor::problem() const
{
    return m_problem;
}

QString TlsEditor::warning() const
{
    return m_warnings.join(u' ');
}

} // namespace outflow::ui
