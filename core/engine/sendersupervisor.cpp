#include "sendersupervisor.h"

#include "app/logging.h"
#include "delivery/networkthreadpool.h"

#include <algorithm>
#include <QThread>

namespace outflow {

SenderSupervisor::SenderSupervisor(QString storePath, SenderOptions options, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_options(std::move(options))
{
    qRegisterMetaType<DeliveryMetrics>();
    qRegisterMetaType<Destination>();
    qRegisterMetaType<DestinationSecrets>();
}

SenderSupervisor::~SenderSupervisor()
{
    stopAll();
}

void SenderSupervisor::stopAll()
{
    for (Slot &slot : m_slots)
        stop(slot);
    m_slots.clear();
    m_pool.reset(); // after the senders: their transports' workers go with the threads
}

void SenderSupervisor::sync(const QList<Destination> &destinations,
                            const QList<Dataflow> &dataflows)
{
    QHash<QString, Slot> wanted;
    for (const Dataflow &dataflow : dataflows) {
        const auto destination =
            std::find_if(destinations.cbegin(), destinations.cend(),
                         [&](const Destination &d) { return d.id == dataflow.destinationId; });
        if (destination == destinations.cend() || !destination->enabled)
            continue;
        Slot slot;
        slot.destination = *destination;
        slot.dataflowId = dataflow.id;
        wanted.insert(destination->id, slot);
    }
    // Gone, disabled or changed: stopped (a changed one starts again below).
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        const auto want = wanted.constFind(it.key());
        const bool same = want != wanted.cend() &&
                          want->destination.updatedAt == it->destination.updatedAt &&
                          want->dataflowId == it->dataflowId;
        if (same) {
            ++it;
            continue;
        }
        if (it->state == State::Running)
            qCInfo(lcDelivery).noquote()
                << "Stopping the sender of" << it->destination.name
                << (want == wanted.cend() ? "(disabled or removed)" : "(its settings changed)");
        stop(*it);
        it = m_slots.erase(it);
    }
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        if (m_slots.contains(it.key()))
            continue;
        Slot &slot = m_slots.insert(it.key(), *it).value();
        if (DestinationSecrets::refsOf(slot.destination).isEmpty()) {
            start(slot, DestinationSecrets());
        } else {
            slot.state = State::WaitingForSecrets;
            emit secretsNeeded(slot.destination);
        }
    }
    emit stateChanged();
}

void SenderSupervisor::setSecrets(const QString &destinationId, const DestinationSecrets &secrets)
{
    const auto it = m_slots.find(destinationId);
    if (it == m_slots.end() || it->state != State::WaitingForSecrets)
        return; // removed or changed meanwhile: a new request went out
    start(*it, secrets);
}

void SenderSupervisor::secretsUnavailable(const QString &destinationId, const QString &message)
{
    const auto it = m_slots.find(destinationId);
    if (it != m_slots.end() && it->state == State::WaitingForSecrets)
        block(*it, SenderBlock::MissingSecret, message);
}

void SenderSupervisor::start(Slot &slot, const DestinationSecrets &secrets)
{
    if (!m_pool)
        m_pool = std::make_unique<NetworkThreadPool>();
    slot.state = State::Running;
    slot.thread = new QThread(this);
    slot.thread->setObjectName(QStringLiteral("outflow-sender"));
    slot.sender = new DestinationSender(m_storePath, slot.destination, slot.dataflowId, secrets,
                                        m_pool.get(), m_options);
    slot.sender->moveToThread(slot.thread);
    // Deleted in its own thread as that thread ends (Qt's worker pattern).
    connect(slot.thread, &QThread::finished, slot.sender, &QObject::deleteLater);
    connect(slot.sender, &DestinationSender::stateChanged, this, &SenderSupervisor::onStateChanged);
    connect(slot.sender, &DestinationSender::failed, this, &SenderSupervisor::onSenderFailed);
    connect(slot.sender, &DestinationSender::metricsChanged, this,
            &SenderSupervisor::metricsChanged);
    connect(slot.sender, &DestinationSender::authenticationFailed, this,
            &SenderSupervisor::authenticationFailed);
    slot.thread->start();
    DestinationSender *sender = slot.sender;
    slot.nudged = ++m_generation;
    QMetaObject::invokeMethod(sender, &DestinationSender::start, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        sender, [sender, generation = slot.nudged] { sender->nudge(generation); },
        Qt::QueuedConnection);
}

void SenderSupervisor::stop(Slot &slot)
{
    if (!slot.thread)
        return;
    // Blocking: the sender writes its outcomes and releases its claims before
    // a new sender of the same destination may claim them.
    QMetaObject::invokeMethod(slot.sender, &DestinationSender::stop, Qt::BlockingQueuedConnection);
    slot.sender->disconnect(this);
    slot.thread->quit();
    slot.thread->wait();
    delete slot.thread;
    slot.thread = nullptr;
    slot.sender = nullptr;
}

void SenderSupervisor::block(Slot &slot, SenderBlock kind, const QString &message)
{
    slot.state = State::Blocked;
    slot.problem = message;
    slot.block = kind;
    qCWarning(lcDelivery).noquote() << message;
    emit senderFailed(slot.destination.id, message);
    emit stateChanged();
}

void SenderSupervisor::nudge()
{
    ++m_generation;
    for (Slot &slot : m_slots) {
        if (slot.state != State::Running)
            continue;
        slot.nudged = m_generation;
        DestinationSender *sender = slot.sender;
        QMetaObject::invokeMethod(
            sender, [sender, generation = m_generation] { sender->nudge(generation); },
            Qt::QueuedConnection);
    }
}

void SenderSupervisor::onStateChanged(const QString &destinationId, bool idle, quint64 generation)
{
    const auto it = m_slots.find(destinationId);
    if (it == m_slots.end() || it->state != State::Running)
        return;
    it->idle = idle;
    it->idleAt = generation;
    emit stateChanged();
}

void SenderSupervisor::onSenderFailed(const QString &destinationId, SenderBlock kind,
                                      const QString &message)
{
    const auto it = m_slots.find(destinationId);
    if (it == m_slots.end() || it->state != State::Running)
        return;
    stop(*it); // it never started: nothing in flight, nothing claimed
    block(*it, kind, message);
}

bool SenderSupervisor::isIdle() const
{
    return std::all_of(m_slots.cbegin(), m_slots.cend(), [](const Slot &slot) {
        switch (slot.state) {
        case State::Blocked:
            return true;
        case State::WaitingForSecrets:
            return false;
        case State::Running:
            return slot.idle && slot.idleAt >= slot.nudged;
        }
        return false;
    });
}

SenderBlock SenderSupervisor::blockOf(const QString &destinationId, QString *problem) const
{
    const auto it = m_slots.constFind(destinationId);
    if (it == m_slots.cend() || it->state != State::Blocked)
        return SenderBlock::None;
    if (problem)
        *problem = it->problem;
    return it->block;
}

QStringList SenderSupervisor::problems() const
{
    QStringList problems;
    for (const Slot &slot : m_slots) {
        if (slot.state == State::Blocked)
            problems << slot.problem;
    }
    return problems;
}

} // namespace outflow
