#pragma once

#include "model/destinationsummary.h"

#include <QFrame>

class QVBoxLayout;

namespace outflow::ui {

// The Monitoring page's banner: each destination that cannot deliver
// (missing secret, TLS problem, failing authentication) or that is switched
// off, with the reason and the action that fixes it. Hidden when none.
class BlockedBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockedBanner)

public:
    explicit BlockedBanner(QWidget *parent = nullptr);

    // Shows the destinations among these that are blocked or paused.
    void setDestinations(const QList<outflow::DestinationSummary> &destinations);
    // The destinations shown, by id.
    QStringList shownIds() const { return m_shown; }
    static bool isBlockedOrPaused(DestinationState state);

signals:
    // Disabled: enable it; the others: open its settings.
    void enableRequested(const QString &destinationId);
    void editRequested(const QString &destinationId);

private:
    QVBoxLayout *m_lines;
    QStringList m_shown;
    QList<DestinationSummary> m_destinations; // the ones shown, to skip equal updates
};

} // namespace outflow::ui
