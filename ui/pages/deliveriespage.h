#pragma once

#include "delivery/deliveryinspection.h"
#include "model/delivery.h"
#include "model/destinationsummary.h"

#include <functional>
#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace outflow::ui {

class DeliveryDetailPane;
class DeliveryLogModel;
class EmptyStatePage;
class EngineHost;

// The Deliveries page (issue #18, GUI.md §3.6): the attempt inspector. A
// destination picker, an outcome filter, a search by export id or profile
// and "Mask profile values" over the delivery log, newest first, bounded
// (DeliveryLogModel) and refreshed every 2 s while the page is visible;
// Load More appends older rows. The selected export's request, answer and
// attempts below (DeliveryDetailPane), secrets masked by the core. Replay
// Selected and Replay All Failed… ask first, naming the count and the
// destination, then say how many were queued again and how many were not
// sent again because a newer export of their profile replaced them. A view:
// every read and write goes through the EngineHost; answers to requests
// overtaken are dropped.
class DeliveriesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveriesPage)

public:
    static constexpr int PageSize = 500;
    static constexpr int RefreshMs = 2000;

    explicit DeliveriesPage(QWidget *parent = nullptr);
    ~DeliveriesPage() override;

    // Not owned; called once the store is open.
    void setEngine(EngineHost *engine);

    DeliveryLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    DeliveryDetailPane *detailPane() const { return m_detail; }
    bool isEmptyStateShown() const;
    // Selects the destination in the picker ("" for every one).
    void setDestinationFilter(const QString &destinationId);
    // The refresh timer runs (only while the page is visible).
    bool isRefreshing() const;

signals:
    // Show Profile: the selected row's identity.
    void profileRequested(const QString &identityNamespace, const QString &identityId);
    // An answer to a read was shown (tests wait for it).
    void deliveriesShown();
    void detailShown(const QString &exportId);
    // Every replay asked for answered; the status line says the figures.
    void replayFinished(qint64 replayed, qint64 superseded);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class Read { Fresh, Newer, Older };
    struct Replay
    {
        QList<quint64> requests; // answers awaited
        qint64 asked = 0;        // export ids asked for; 0: every failed one
        qint64 replayed = 0;
        qint64 superseded = 0;
        QStringList errors;
    };

    QWidget *createToolbar();
    QWidget *createContent();
    DeliveryLogQuery query() const;
    void reload();
    void refreshNewer();
    void loadMore();
    void read(Read kind, const DeliveryLogQuery &query);
    void onDeliveriesRead(quint64 requestId, const QList<DeliveryLogEntry> &entries, bool more,
                          const QString &error);
    void onDetailRead(quint64 requestId, const DeliveryDetail &detail, const QString &error);
    void onDestinationsListed(const QList<DestinationSummary> &destinations);
    void onFailedCounted(quint64 requestId, const QString &destinationId, qint64 count,
                         const QString &error);
    void onReplayed(quint64 requestId, qint64 replayed, qint64 superseded, const QString &error);
    void showCurrentDetail();
    void updateActions();
    QList<int> selectedRows() const;
    void replaySelected();
    void replayAllFailed();
    void confirm(const QString &title, const QString &question,
                 const std::function<void()> &accepted);
    void startReplay(const QHash<QString, QStringList> &exportsByDestination);
    void copyExportIds();
    void showProfile();
    void showStatus(const QString &text);

    QPointer<EngineHost> m_engine;
    DeliveryLogModel *m_model;
    QStackedWidget *m_stack = nullptr;
    EmptyStatePage *m_emptyState = nullptr;
    QWidget *m_content = nullptr;
    QComboBox *m_destination = nullptr;
    QComboBox *m_outcome = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_mask = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_loadMore = nullptr;
    QPushButton *m_replaySelected = nullptr;
    QPushButton *m_replayAll = nullptr;
    QPushButton *m_copyId = nullptr;
    QPushButton *m_showProfile = nullptr;
    QLabel *m_status = nullptr;
    DeliveryDetailPane *m_detail = nullptr;
    QTimer *m_refreshTimer;
    QTimer *m_searchTimer;

    quint64 m_readRequest = 0; // the read whose answer is awaited; 0: none
    Read m_readKind = Read::Fresh;
    quint64 m_detailRequest = 0;
    quint64 m_countRequest = 0;
    Replay m_replay;
    bool m_more = false;                        // older entries match beyond the oldest row
    bool m_anyLog = false;                      // some destination has logged something
    QHash<QString, QString> m_destinationNames; // by id
};

} // namespace outflow::ui
