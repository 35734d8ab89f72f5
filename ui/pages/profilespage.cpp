#include "profilespage.h"

#include "emptystatepage.h"
#include "enginehost.h"
#include "models/jsontreemodel.h"
#include "models/profilelineagemodels.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace outflow::ui {

ProfilesPage::ProfilesPage(QWidget *parent)
    : QWidget(parent)
    , m_jsonModel(new JsonTreeModel(this))
    , m_identitiesModel(new IdentitiesModel(this))
    , m_membershipsModel(new MembershipsModel(this))
    , m_historyModel(new ProfileHistoryModel(this))
{
    setObjectName(QStringLiteral("profilesPage"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("profileStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("profilesStackedWidget"));
    m_emptyState = new EmptyStatePage(
        tr("No profile yet"),
        tr("Customer profiles appear here once fragments are ingested, with their identities, "
           "memberships and export history. Look one up by any of its identities above."),
        tr("Ingest fragments with <b>outflowctl ingest FILE.ndjson</b>, or start with "
           "<b>tools/run.sh --demo</b> for sample data."),
        m_stack);
    m_emptyState->setObjectName(QStringLiteral("profilesEmptyState"));
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(createContent());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createLookupBar());
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);
    // The lookup bar first, though it is made after the views.
    setTabOrder(m_namespace, m_id);
    setTabOrder(m_id, m_lookUp);
    setTabOrder(m_lookUp, m_tabs);
    setFocusProxy(m_id);
}

ProfilesPage::~ProfilesPage() = default;

QWidget *ProfilesPage::createLookupBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("profileLookupBar"));
    auto *namespaceLabel = new QLabel(tr("Identity &namespace:"), bar);
    m_namespace = new QComboBox(bar);
    m_namespace->setObjectName(QStringLiteral("namespaceComboBox"));
    m_namespace->setEditable(true);
    m_namespace->setInsertPolicy(QComboBox::NoInsert); // Return looks up, adds nothing
    m_namespace->setMinimumContentsLength(12);
    m_namespace->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_namespace->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_namespace->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_namespace->lineEdit()->setPlaceholderText(tr("email"));
    m_namespace->setAccessibleName(tr("Identity namespace"));
    // The editable combo's field is what takes the focus: a reader names it too.
    m_namespace->lineEdit()->setAccessibleName(m_namespace->accessibleName());
    m_namespace->setToolTip(tr("The namespace of the identity: email, crmId, ECID…"));
    namespaceLabel->setBuddy(m_namespace);

    auto *idLabel = new QLabel(tr("I&d:"), bar);
    m_id = new QLineEdit(bar);
    m_id->setObjectName(QStringLiteral("identityIdLineEdit"));
    m_id->setPlaceholderText(tr("ana@example.com"));
    m_id->setAccessibleName(tr("Identity id"));
    m_id->setClearButtonEnabled(true);
    idLabel->setBuddy(m_id);

    m_lookUp = new QPushButton(tr("&Look Up"), bar);
    m_lookUp->setObjectName(QStringLiteral("lookUpButton"));
    m_lookUp->setAccessibleName(tr("Look up the profile"));
    m_lookUp->setEnabled(false);

    connect(m_lookUp, &QPushButton::clicked, this, &ProfilesPage::lookUp);
    connect(m_id, &QLineEdit::returnPressed, this, &ProfilesPage::lookUp);
    connect(m_namespace->lineEdit(), &QLineEdit::returnPressed, this, &ProfilesPage::lookUp);
    connect(m_id, &QLineEdit::textChanged, this, &ProfilesPage::updateLookUpButton);
    connect(m_namespace, &QComboBox::editTextChanged, this, &ProfilesPage::updateLookUpButton);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(namespaceLabel);
    layout->addWidget(m_namespace);
    layout->addWidget(idLabel);
    layout->addWidget(m_id, 1);
    layout->addWidget(m_lookUp);
    return bar;
}

QWidget *ProfilesPage::createContent()
{
    m_content = new QWidget(m_stack);
    m_content->setObjectName(QStringLiteral("profileContent"));
    m_summary = new QLabel(m_content);
    m_summary->setObjectName(QStringLiteral("profileSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree = new QTreeView(m_content);
    m_tree->setObjectName(QStringLiteral("profileJsonTreeView"));
    m_tree->setModel(m_jsonModel);
    m_tree->setAccessibleName(tr("Merged profile"));
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::Key, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::Value, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::Type, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    // stretch: the column that takes the room left, -1 for none (every
    // column fits its contents, scrolling when they need more room).
    const auto table = [this](QAbstractItemModel *model, const QString &objectName,
                              const QString &accessibleName, int stretch) {
        auto *view = new QTableView(m_content);
        view->setObjectName(objectName);
        view->setModel(model);
        view->setAccessibleName(accessibleName);
        setUpReadOnlyTable(view);
        if (stretch >= 0)
            view->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
        return view;
    };
    m_identities = table(m_identitiesModel, QStringLiteral("identitiesTableView"), tr("Identities"),
                         IdentitiesModel::Id);
    m_memberships = table(m_membershipsModel, QStringLiteral("membershipsTableView"),
                          tr("Memberships"), MembershipsModel::Audience);
    m_history = table(m_historyModel, QStringLiteral("historyTableView"),
                      tr("Export history per destination"), -1);

    // No mnemonics on the tabs: they would collide with the lookup bar's;
    // Ctrl+Tab switches them.
    m_tabs = new QTabWidget(m_content);
    m_tabs->setObjectName(QStringLiteral("profileTabWidget"));
    m_tabs->setAccessibleName(tr("Profile details"));
    m_tabs->addTab(m_tree, tr("Profile"));
    m_tabs->addTab(m_identities, tr("Identities"));
    m_tabs->addTab(m_memberships, tr("Memberships"));
    m_tabs->addTab(m_history, tr("History"));

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    return m_content;
}

void ProfilesPage::setEngine(EngineHost *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_lookupRequest = m_namespacesRequest = 0;
    if (!engine)
        return;
    connect(engine, &EngineHost::profileLookedUp, this, &ProfilesPage::onProfileLookedUp);
    connect(engine, &EngineHost::identityNamespacesListed, this, &ProfilesPage::onNamespacesListed);
    connect(engine, &EngineHost::storeOpened, this, &ProfilesPage::refreshNamespaces);
    updateLookUpButton();
}

void ProfilesPage::showProfile(const QString &identityNamespace, const QString &identityId)
{
    m_namespace->setEditText(identityNamespace);
    m_id->setText(identityId);
    lookUp();
}

void ProfilesPage::lookUp()
{
    const QString ns = m_namespace->currentText().trimmed();
    const QString id = m_id->text().trimmed();
    if (!m_engine || ns.isEmpty() || id.isEmpty())
        return;
    m_lookupRequest = m_engine->lookupProfile(ns, id);
    m_status->setText(tr("Looking up %1:%2…").arg(ns, id));
    m_status->show();
}

void ProfilesPage::refreshNamespaces()
{
    if (m_engine && m_namespacesRequest == 0)
        m_namespacesRequest = m_engine->listIdentityNamespaces();
}

void ProfilesPage::setEmptyStateHeading(const QString &heading)
{
    m_emptyState->setHeading(heading);
}

bool ProfilesPage::isProfileShown() const
{
    return m_stack->currentWidget() == m_content;
}

void ProfilesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        refreshNamespaces(); // new ones may have been ingested meanwhile
}

void ProfilesPage::onProfileLookedUp(quint64 requestId, const ProfileLineage &lineage,
                                     const QString &error)
{
    if (requestId != m_lookupRequest)
        return; // an older lookup, overtaken
    m_lookupRequest = 0;
    if (!error.isEmpty()) {
        m_status->setText(error);
        m_status->show();
        emit lookupFailed(error);
        return;
    }
    m_status->clear();
    m_status->hide();
    m_lineage = lineage;
    m_jsonModel->setJson(lineage.profile);
    m_tree->expandAll();
    m_identitiesModel->setIdentities(lineage.identities);
    m_membershipsModel->setMemberships(lineage.memberships);
    m_historyModel->setHistory(lineage.destinations);
    QString summary = tr("Profile %1: %n identity(ies)", nullptr, int(lineage.identities.size()))
                          .arg(lineage.profileId);
    summary +=
        QLatin1String("; ") + tr("%n membership(s)", nullptr, int(lineage.memberships.size()));
    summary +=
        QLatin1String("; ") + tr("%n export decision(s)", nullptr, m_historyModel->rowCount());
    if (!lineage.absorbedIds.isEmpty())
        summary += QLatin1String("; ") +
                   tr("%n profile(s) merged into it", nullptr, int(lineage.absorbedIds.size()));
    m_summary->setText(summary + QLatin1Char('.'));
    m_stack->setCurrentWidget(m_content);
    emit profileShown(lineage.profileId);
}

void ProfilesPage::onNamespacesListed(quint64 requestId, const QStringList &namespaces)
{
    if (requestId != m_namespacesRequest)
        return;
    m_namespacesRequest = 0;
    const QString typed = m_namespace->currentText();
    const QSignalBlocker blocker(m_namespace);
    m_namespace->clear();
    m_namespace->addItems(namespaces);
    m_namespace->setEditText(typed);
}

void ProfilesPage::updateLookUpButton()
{
    m_lookUp->setEnabled(m_engine && !m_namespace->currentText().trimmed().isEmpty() &&
                         !m_id->text().trimmed().isEmpty());
}

} // namespace outflow::ui
