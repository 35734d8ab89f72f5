#include "engine.h"

#include "app/logging.h"
#include "ingest/ingestor.h"
#include "ingest/ingestserver.h"
#include "store/sqlitestore.h"

namespace outflow {

Engine::Engine(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
{}

Engine::~Engine()
{
    // The server refers to the ingestor, which refers to the store.
    delete m_ingestServer;
    m_ingestor.reset();
    m_store.reset();
}

void Engine::open()
{
    auto store = std::make_unique<SqliteStore>(m_storePath);
    if (!store->open()) {
        emit failed(store->lastError());
        return;
    }
    m_store = std::move(store);
    m_ingestor = std::make_unique<Ingestor>(*m_store);
    qCInfo(lcApp).noquote() << "Store open:" << m_storePath;
    emit opened();
    m_profileCount = m_store->profileCount();
    emit profileCountChanged(m_profileCount);
}

void Engine::startIngestEndpoint(quint16 port, const QHostAddress &address, qint64 maxBodyBytes,
                                 const QByteArray &token)
{
    if (!m_ingestor) {
        emit failed(tr("The store is not open."));
        return;
    }
    stopIngestEndpoint();
    m_ingestServer = new IngestServer(*m_ingestor, token, this);
    m_ingestServer->setMaxBodyBytes(maxBodyBytes);
    // No COUNT(*) per request (linear in the store): the commit says by how much.
    connect(m_ingestServer, &IngestServer::fragmentsCommitted, this,
            [this](int count, qint64 profileDelta) {
                emit fragmentsCommitted(count);
                m_profileCount += profileDelta;
                emit profileCountChanged(m_profileCount);
            });
    const quint16 bound = m_ingestServer->start(port, address);
    if (bound == 0) {
        emit failed(m_ingestServer->errorString());
        stopIngestEndpoint();
        return;
    }
    emit ingestEndpointStarted(bound);
}

void Engine::stopIngestEndpoint()
{
    delete m_ingestServer;
    m_ingestServer = nullptr;
}

} // namespace outflow
