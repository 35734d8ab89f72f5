// The main window's destination actions (issue #16): the Destinations page's
// buttons wired to the Engine, the destination wizard and the Edit dialog.
#include "activation/activationdialog.h"
#include "activation/activationwizard.h"
#include "dialogs/destinationsettingsdialog.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "models/destinationsmodel.h"
#include "pages/destinationspage.h"
#include "wizard/destinationwizard.h"
#include "wizard/reviewpage.h"

#include <QCheckBox>

namespace outflow::ui {

void MainWindow::connectDestinationPage(EngineHost *engine)
{
    connect(m_destinationsPage, &DestinationsPage::enableRequested, engine,
            &EngineHost::setDestinationEnabled);
    connect(m_destinationsPage, &DestinationsPage::removeRequested, engine,
            &EngineHost::removeDestination);
    connect(m_destinationsPage, &DestinationsPage::testRequested, this, [this](const QString &id) {
        m_destinationTests.insert(m_engine->testDestination(id), id);
    });
    connect(m_destinationsPage, &DestinationsPage::activateNowRequested, engine,
            &EngineHost::activateNow);
    connect(engine, &EngineHost::audiencesChanged, m_destinationsPage,
            &DestinationsPage::setAudiences);
    connect(m_destinationsPage, &DestinationsPage::newRequested, this,
            &MainWindow::openDestinationWizard);
    connect(m_destinationsPage, &DestinationsPage::editRequested, this,
            &MainWindow::openDestinationSettings);
    connect(m_destinationsPage, &DestinationsPage::activationRequested, this,
            &MainWindow::openActivation);
    connect(engine, &EngineHost::activationRead, this,
            [this](quint64 request, const ActivationChoices &choices, const QString &error) {
                if (request != std::exchange(m_activationRead, 0))
                    return;
                if (!error.isEmpty()) {
                    m_destinationsPage->showOperationError(error);
                    emit activationOpened(nullptr);
                    return;
                }
                QDialog *window = nullptr;
                if (choices.dataflow) {
                    auto *dialog = new ActivationDialog(*m_engine, choices, this);
                    connect(dialog, &ActivationDialog::activationSaved, this,
                            [this] { m_engine->listDestinations(); });
                    window = dialog;
                } else {
                    auto *wizard = new ActivationWizard(*m_engine, choices, this);
                    connect(wizard, &ActivationWizard::activationSaved, this,
                            [this] { m_engine->listDestinations(); });
                    window = wizard;
                }
                window->setAttribute(Qt::WA_DeleteOnClose);
                window->setWindowModality(Qt::WindowModal);
                window->show();
                emit activationOpened(window);
            });
    // Select the destination the wizard just saved once the list has it.
    connect(engine, &EngineHost::destinationsListed, this, [this] {
        if (!m_pendingSelection.isEmpty() &&
            m_destinationsPage->model()->rowOf(m_pendingSelection) >= 0)
            m_destinationsPage->selectDestination(std::exchange(m_pendingSelection, QString()));
    });
    connect(engine, &EngineHost::destinationTested, this,
            [this](quint64 request, const ProbeReport &report) {
                const QString id = m_destinationTests.take(request);
                if (!id.isEmpty())
                    m_destinationsPage->showTestResult(id, report);
            });
    connect(engine, &EngineHost::destinationOperationFinished, this,
            [this](quint64, const QString &error) {
                m_destinationsPage->showOperationError(error);
                m_engine->listDestinations();
            });
}

QStringList MainWindow::destinationNames(const QString &exceptId) const
{
    QStringList names;
    for (const DestinationSummary &destination : m_destinationsPage->model()->destinations()) {
        if (destination.id != exceptId)
            names.append(destination.name);
    }
    return names;
}

DestinationWizard *MainWindow::openDestinationWizard()
{
    if (!m_engine || !m_storeOpen)
        return nullptr;
    auto *wizard = new DestinationWizard(*m_engine, destinationNames(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &DestinationWizard::destinationSaved, this, [this, wizard](const QString &id) {
        showPage(Page::Destinations);
        m_engine->listDestinations();
        m_pendingSelection = id;
        // The reference's flow goes on: a destination exports nothing until
        // audiences are mapped to it.
        if (wizard->reviewPage()->activateNextBox()->isChecked())
            openActivation(id);
    });
    wizard->show();
    return wizard;
}

DestinationSettingsDialog *MainWindow::openDestinationSettings(const QString &destinationId)
{
    if (!m_engine || !m_storeOpen)
        return nullptr;
    auto *dialog = new DestinationSettingsDialog(*m_engine, destinationId,
                                                 destinationNames(destinationId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &DestinationSettingsDialog::destinationSaved, this,
            [this] { m_engine->listDestinations(); });
    dialog->show();
    return dialog;
}

void MainWindow::openActivation(const QString &destinationId)
{
    if (!m_engine || !m_storeOpen || m_activationRead != 0)
        return;
    m_activationRead = m_engine->readActivation(destinationId);
}

} // namespace outflow::ui
