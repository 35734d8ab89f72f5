#pragma once

// The body of a batched request (issue #22; README, "Batched delivery"): a
// JSON array with one object per export, in the order sent,
//
//     [{"exportId":"<uuid>","profile":<the export's JSON>},…]
//
// where <the export's JSON> is byte for byte the body the export would have
// had alone. Sent with Content-Type: application/json and an
// X-Outflow-Batch-Id header; a batch of one export has the same shape.
#include "model/export.h"

#include <QByteArray>
#include <QList>

namespace outflow::batchenvelope {

// What one export adds to a body: its object, plus the comma before it when
// it is not the first.
qsizetype elementBytes(const OutboxExport &row);
// The body's size for elements adding up to `elements` bytes (commas included).
inline qsizetype bodyBytes(qsizetype elements, qsizetype count)
{
    return count == 0 ? 2 : 2 + elements - 1; // the brackets; the first has no comma
}

QByteArray build(const QList<OutboxExport> &rows);

} // namespace outflow::batchenvelope
