#pragma once

// delivery_bench's helper modes for bench/delivery/kill9.sh, which drives a
// real outflowctl against the same nginx harness the benchmark uses.
#include <QString>
#include <QUrl>

namespace outflow::bench {

// --prepare-outbox STORE --url URL [--h2c] --exports N: a store whose outbox
// holds N exports for one destination at URL (outboxfixture.h).
int prepareOutboxOnly(const QString &storePath, const QUrl &endpoint, bool h2c, qint64 exports);

// --serve FILE: nginx on 127.0.0.1 answering 200 at /exports (http and h2c),
// its access log a line per request "STATUS EXPORT-ID", copied to FILE every
// 500 ms and at the end. Prints "http URL" and "h2c URL" lines, then serves
// until stdin closes (the harness closes it; so does the harness's death).
int serveOnly(const QString &logCopy, int workers);

} // namespace outflow::bench
