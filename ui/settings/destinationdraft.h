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
    Destination original;   // the Edit dialog: as read from the store
    QStringList otherNames; // names other destinations already have
    bool wantsTls = false;  // the wizard shows its TLS page

    ~DestinationDraft() { clearSecrets(); }

    // Whether `kind` needs a value typed now: the destination uses it, it is
    // required, and the keychain does not already hold it.
    bool needsSecret(DestinationSecrets::Kind kind) const;
    // The destination as the store will hold it (secret header and query
    // values moved out) and the secrets typed for it: what a save writes and
    // what Send test uses. An empty secret is left out (the Edit dialog: the
    // keychain keeps its value).
    struct Split
    {
        Destination destination;
        DestinationSecrets secrets;
    };
    Split split() const;
    // What a save writes to the keychain, for split().destination.
    DestinationSaver::Secrets secretsToWrite() const;
    // The keychain entries the saved destination no longer uses (after a
    // change of authentication or TLS, or a secret header removed): removed
    // once it is saved.
    QStringList keychainKeysToForget() const;
    void clearSecrets();
};

} // namespace outflow::ui
