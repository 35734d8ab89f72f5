#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace outflow::bench {

// Export bodies of about 1 KiB in the shape PayloadBuilder makes
// (core/activation/payloadbuilder.h): mapped attributes (person,
// personalEmail, homeAddress, loyalty), segmentMembership.ups with segment
// names and timestamps on mapped audiences, then identityMap. A pool of
// distinct bodies is sent round-robin with a new export id per request: the
// clients then hold a few hundred KiB of bodies instead of 200 MB, so their
// peak RSS is their own, not the benchmark's input.
class ExportBodies
{
public:
    explicit ExportBodies(int poolSize = 1024, quint32 seed = 20261128);

    const QByteArray &body(qint64 exportIndex) const
    {
        return m_bodies.at(int(exportIndex % m_bodies.size()));
    }
    // A UUID-shaped id, unique per index: the X-Outflow-Export-Id header.
    static QByteArray exportId(qint64 exportIndex);
    int poolSize() const { return int(m_bodies.size()); }
    double averageBytes() const;

    // For the child-process clients: one body per line (NDJSON; the bodies
    // are compact JSON without newlines), and the first body alone (wrk and
    // h2load send one body).
    bool writeNdjson(const QString &path) const;
    bool writeFirst(const QString &path) const;

private:
    QList<QByteArray> m_bodies;
};

} // namespace outflow::bench
