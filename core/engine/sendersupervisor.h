#pragma once

#include "delivery/deliverymetrics.h"
#include "delivery/destinationsecrets.h"
#include "delivery/destinationsender.h"
#include "model/dataflow.h"
#include "model/destination.h"

#include <memory>
#include <QHash>
#include <QObject>
#include <QStringList>

class QThread;

namespace outflow {

class NetworkThreadPool;

// The Engine's senders: one DestinationSender per enabled destination that
// has a dataflow, each on a thread of its own, sharing the network threads.
// sync() compares the store's destinations with the running senders and
// starts, stops or restarts (a changed destination: its settings, TLS and
// connections all start afresh) what differs. Lives in the Engine's thread.
//
// Secrets: a destination that uses some waits until the Engine's caller has
// read them on the main thread (secretsNeeded → setSecrets, or
// secretsUnavailable: the destination is then blocked, with the reason).
class SenderSupervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SenderSupervisor)

public:
    SenderSupervisor(QString storePath, SenderOptions options, QObject *parent = nullptr);
    ~SenderSupervisor() override; // stops every sender

    void sync(const QList<Destination> &destinations, const QList<Dataflow> &dataflows);
    // New exports may be queued: every running sender claims again.
    void nudge();
    void setSecrets(const QString &destinationId, const DestinationSecrets &secrets);
    void secretsUnavailable(const QString &destinationId, const QString &message);
    void stopAll();

    // Every sender has nothing left but dead letters (as of its latest nudge),
    // or is blocked (it cannot start: its reason is in problems()).
    bool isIdle() const;
    // "Destination “X”: why it cannot send", one per blocked destination.
    QStringList problems() const;
    // Why one destination cannot send (SenderBlock::None while it can), and
    // its sender's words for it.
    SenderBlock blockOf(const QString &destinationId, QString *problem = nullptr) const;

signals:
    void secretsNeeded(const outflow::Destination &destination);
    void metricsChanged(const outflow::DeliveryMetrics &metrics);
    void senderFailed(const QString &destinationId, const QString &message);
    void authenticationFailed(const QString &destinationId, const QString &message);
    // A sender became idle or busy: the Engine checks whether all are idle.
    void stateChanged();

private:
    enum class State { WaitingForSecrets, Running, Blocked };
    struct Slot
    {
        Destination destination;
        QString dataflowId;
        State state = State::WaitingForSecrets;
        QThread *thread = nullptr;
        DestinationSender *sender = nullptr; // lives in `thread`, deleted with it
        quint64 nudged = 0;                  // the generation it was last nudged with
        quint64 idleAt = 0;                  // the generation of its last idle report
        bool idle = false;
        QString problem;
        SenderBlock block = SenderBlock::None;
    };

    void start(Slot &slot, const DestinationSecrets &secrets);
    void stop(Slot &slot);
    void block(Slot &slot, SenderBlock kind, const QString &message);
    void onStateChanged(const QString &destinationId, bool idle, quint64 generation);
    void onSenderFailed(const QString &destinationId, SenderBlock kind, const QString &message);

    const QString m_storePath;
    const SenderOptions m_options;
    std::unique_ptr<NetworkThreadPool> m_pool; // made with the first sender
    QHash<QString, Slot> m_slots;              // by destination id
    quint64 m_generation = 0;
};

} // namespace outflow
