#pragma once

#include "settings/destinationdraft.h"

#include <QWizard>

namespace outflow::ui {

class AuthPage;
class EditorPage;
class EngineHost;
class ReviewPage;

// Connect a destination (DESIGN §8, issue #16): Connect → Authenticate →
// Destination details → TLS (when asked for) → Alerts → Review. Each page
// hosts one of the editors the Edit dialog shares, over one draft. Nothing
// is written before Finish; Finish saves the secrets into the keychain, then
// the destination, and closes only once both are saved (DestinationSaver:
// either failing leaves nothing behind, and the error stays on the page).
class DestinationWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationWizard)

public:
    enum PageId { ConnectPage, AuthenticatePage, DetailsPage, TlsPage, AlertsPage, ReviewPageId };
    Q_ENUM(PageId)

    // `existingNames`: the names already taken (a new one must differ).
    DestinationWizard(EngineHost &host, const QStringList &existingNames,
                      QWidget *parent = nullptr);
    ~DestinationWizard() override;

    const DestinationDraft &draft() const { return m_draft; }
    AuthPage *authPage() const { return m_auth; }
    ReviewPage *reviewPage() const { return m_review; }
    EditorPage *editorPage(PageId id) const;
    bool isSaving() const { return m_saveRequest != 0; }

    int nextId() const override;

public slots:
    void accept() override;
    void reject() override;

signals:
    // The destination and its secrets are saved.
    void destinationSaved(const QString &id, const QString &name);

private:
    void saved(quint64 requestId, bool ok, bool keychainRefused, const QString &error);

    EngineHost &m_host;
    DestinationDraft m_draft;
    AuthPage *m_auth;
    ReviewPage *m_review;
    quint64 m_saveRequest = 0;
};

} // namespace outflow::ui
