#pragma once

#include "destinationeditor.h"

class QFormLayout;
class QLabel;
class QLineEdit;
class QTimer;

namespace outflow::ui {

class SecretLineEdit;

// TLS: the CA bundle the server must chain to, and the client certificate
// and key (PEM or PKCS#12, with a passphrase) for mTLS. The files are read
// as they are typed (TlsConfig, as the sender reads them) and the
// certificate shown on a card: CN, SANs, issuer, validity, days left. An
// expired certificate or a key that does not match is refused with its
// reason; one expiring within 30 days is warned about.
class TlsEditor final : public DestinationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsEditor)

public:
    explicit TlsEditor(QWidget *parent = nullptr);

    void load(const DestinationDraft &draft) override;
    void save(DestinationDraft &draft) const override;
    QString problem() const override;
    QString warning() const override;
    bool isBusy() const override;
    void settle() override;

    QLabel *certificateCard() const { return m_card; }

private:
    void inspect();
    void inspectSoon();
    QLineEdit *pathField(const QString &objectName, const QString &label, const QString &filter,
                         QFormLayout *form);

    QLineEdit *m_caBundle = nullptr;
    QLineEdit *m_clientCert = nullptr;
    QLineEdit *m_clientKey = nullptr;
    SecretLineEdit *m_passphrase;
    QLabel *m_card;
    QTimer *m_pause; // the files are read once typing pauses
    bool m_passphraseStored = false;
    QString m_problem;
    QStringList m_warnings;
};

} // namespace outflow::ui
