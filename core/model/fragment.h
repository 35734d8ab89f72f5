#pragma once

#include "identity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace outflow {

// One ingested update: a partial profile with at least one identity
// (DESIGN §1). `attributes` is the fragment's JSON object without its
// `identityMap`; `identities` is that identityMap, flattened in document order.
struct Fragment
{
    QList<Identity> identities;
    // The file ingest (PrefetchingReader) empties it when `json` is set: the
    // merge reads `json`, and freeing the object on the reading thread is cheaper.
    QJsonObject attributes;
    // The record's JSON text as received and validated (identityMap
    // included), when the reader has it: the merge works on that text and
    // never serialises `attributes` again. Empty for fragments built in code.
    QByteArray json;
    qint64 line = 0; // 1-based line in its source (file, request body); 0 when unknown
};

} // namespace outflow
