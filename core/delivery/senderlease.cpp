// The dataflow's lease: one sender delivers a dataflow at a time, whatever
// the processes on the store (see DestinationSender, Store::acquireSenderLease).
#include "app/logging.h"
#include "destinationsender.h"
#include "store/store.h"

#include <cerrno>
#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>
#include <QUuid>
#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace outflow {

QString newLeaseOwner()
{
    return QStringLiteral("%1/%2/%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

// A holder on this host whose process no longer runs (killed, crashed)
// cannot renew its lease: waiting for it to expire would only delay the
// restart after a crash. Elsewhere, or when unsure, the lease expires.
bool DestinationSender::leaseHolderIsGone(const QString &holder)
{
#ifdef Q_OS_UNIX
    const QStringList parts = holder.split(QLatin1Char('/'));
    if (parts.size() != 3 || parts.at(0) != QSysInfo::machineHostName())
        return false;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(holder);
    return false;
#endif
}

bool DestinationSender::takeLease()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 ttlMs = m_options.leaseTtl.count();
    std::optional<SenderLease> lease =
        m_store->acquireSenderLease(m_dataflowId, m_leaseOwner, nowMs, ttlMs);
    if (lease && lease->owner != m_leaseOwner && leaseHolderIsGone(lease->owner))
        lease = m_store->acquireSenderLease(m_dataflowId, m_leaseOwner, nowMs, ttlMs, lease->owner);
    if (!lease) {
        // Tried again on the next poll or renewal: the store may be busy.
        qCWarning(lcDelivery).noquote() << m_destination.name << ':' << m_store->lastError();
        return m_leased;
    }
    if (lease->owner == m_leaseOwner) {
        if (m_leased)
            return true; // renewed
        // At least once: what a sender that died (or this one, stopped with
        // requests in flight) had claimed is due again, with the same export
        // ids. Only the lease holder does this: another holder's claims are
        // in flight, not lost.
        const qint64 released = m_store->releaseClaims(m_dataflowId);
        if (released < 0) {
            // As when the lease itself is refused: tried again on the next
            // poll (the store may be busy: another process writing a long
            // transaction). Given back meanwhile, so that nobody waits for it.
            qCWarning(lcDelivery).noquote()
                << m_destination.name
                << ": could not release earlier claims, trying again:" << m_store->lastError();
            m_store->releaseSenderLease(m_dataflowId, m_leaseOwner);
            return false;
        }
        if (released > 0)
            qCInfo(lcDelivery).noquote()
                << m_destination.name << ": sending" << released
                << "exports again that were in flight when the last run stopped";
        m_leased = true;
        m_waitingFor.clear();
        m_mayHaveWork = true;
        qCInfo(lcDelivery).noquote() << "Delivering to" << m_destination.name << "at"
                                     << m_destination.endpoint.toString(QUrl::RemoveQuery);
        return true;
    }
    if (m_leased) {
        // Not renewed in time (this process stalled) and taken over: the
        // new holder released the claims; the queue is its to send now.
        qCWarning(lcDelivery).noquote()
            << QStringLiteral("%1: another sender took over the delivery (%2); this one waits")
                   .arg(m_destination.name, lease->owner);
        m_leased = false;
        m_queue.clear();
        m_heldBatches.clear();
    }
    if (m_waitingFor != lease->owner) {
        m_waitingFor = lease->owner;
        qCInfo(lcDelivery).noquote()
            << QStringLiteral("%1: delivered by another Outflow process (%2); this one waits "
                              "until it stops")
                   .arg(m_destination.name, lease->owner);
    }
    return false;
}

} // namespace outflow
