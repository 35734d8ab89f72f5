#include "batchrows.h"

#include "delivery/batchenvelope.h"
#include "senderclient.h"

#include <algorithm>
#include <QFile>

namespace outflow::bench {

namespace {

QString batchBodyPath(int size, const QString &workDir)
{
    return workDir + QStringLiteral("/batch-%1.json").arg(size);
}

} // namespace

QString writeBatchBody(const ExportBodies &bodies, int size, const QString &workDir)
{
    QList<OutboxExport> rows;
    rows.reserve(size);
    for (int i = 0; i < size; ++i) {
        OutboxExport row;
        row.exportId = QString::fromLatin1(ExportBodies::exportId(i));
        row.payload = bodies.body(i);
        rows.append(row);
    }
    const QString path = batchBodyPath(size, workDir);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(batchenvelope::build(rows)) < 0)
        return QString();
    return path;
}

void appendBatchClients(ClientList &clients, int latencyMs, const ExternalPaths &paths,
                        const QString &workDir, const BatchRowsConfig &config)
{
    const bool slow = latencyMs > 0;
    for (const int size : config.sizes) {
        ExternalPaths batchPaths = paths;
        batchPaths.bodyFile = batchBodyPath(size, workDir);
        // As many exports in flight as the one-body rows at most, in fewer
        // requests: a thousand connections each holding a 1 MB body would
        // measure nginx's memory, not its rate.
        if (config.wrk) {
            const int base = slow ? 1024 : 64;
            auto wrk = std::make_unique<WrkClient>(batchPaths, config.wrkThreads,
                                                   std::clamp(base * 10 / size, 8, base),
                                                   config.wrkSeconds);
            wrk->setExportsPerRequest(size);
            clients.push_back(std::move(wrk));
        }
        if (config.h2load) {
            const int streams = slow ? 128 : 100;
            auto h2load = std::make_unique<H2loadClient>(
                batchPaths, slow ? 8 : 2, std::clamp(streams * 10 / size, 4, streams));
            h2load->setExportsPerRequest(size);
            clients.push_back(std::move(h2load));
        }
        BatchShape shape;
        shape.maxExports = size;
        shape.maxAgeMs = config.maxAgeMs;
        // The envelope adds ≈ 70 bytes to each ≈ 1.1 KB export; the product's
        // default of 1 MiB would split batches of 1,000.
        shape.maxBytes = std::max(1024 * 1024, size * 2048);
        auto rate = std::make_shared<double>(0);
        auto sender = std::make_unique<SenderClient>(workDir, config.senderWindow);
        sender->setBatch(shape);
        sender->publishRate(rate);
        clients.push_back(std::move(sender));
        if (config.pacedFraction > 0 || config.pacedRate > 0) {
            auto paced = std::make_unique<SenderClient>(workDir, config.senderWindow);
            paced->setBatch(shape);
            Pacing pacing;
            pacing.fullRate = rate;
            pacing.fraction = config.pacedFraction;
            pacing.rate = config.pacedRate;
            pacing.seconds = config.pacedSeconds;
            paced->setPacing(pacing);
            clients.push_back(std::move(paced));
        }
    }
}

} // namespace outflow::bench
