#pragma once

#include "delivery/destinationsaver.h"
#include "delivery/destinationsecrets.h"
#include "model/destination.h"

#include <QList>
#include <QStringList>

namespace outflow::ui {

// What the destination wizard or the Edit dialog is building (GUI.md §1.1:
// one draft shared by every page and tab). The secrets typed are kept here
// only, never in wizard fields, and wiped with the draft.
struct DestinationDraft
{
    Destination destination; // secret header and query values inline until saved
    DestinationSecrets secrets;
    // The Edit dialog: secrets already in the keychain, by kind. An empty
    // field keeps the stored value; only retyped secrets are written.
    QList<DestinationSecrets::Kind> storedKinds;
    bool editing = false;
    QStringList otherNames; // names other destinations already have
    bool wantsTls = false;  // the wizard shows its TLS page

    ~DestinationDraft() { clearSecrets(); }

    // Whether `kind` needs a value typed now: the destination uses it, it is
    // required, and the keychain does not already hold it.
    bool needsSecret(DestinationSecrets::Kind kind) const;
    // What a save writes to the keychain: the secrets typed for the kinds the
    // destination uses.
    DestinationSaver::Secrets secretsToWrite() const;
    // The keychain entries the saved destination no longer uses (after a
    // change of authentication or TLS): removed once it is saved.
    QStringList keychainKeysToForget() const;
    void clearSecrets();
};

} // namespace outflow::ui
