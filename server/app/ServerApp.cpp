#include "ServerApp.h"

#include "DemoSeeder.h"
#include "api/ApiRoutes.h"
#include "api/OpsRoutes.h"
#include "attachments/AttachmentRoutes.h"
#include "attachments/AttachmentStorage.h"
#include "attachments/LegacyObjectMigration.h"
#include "auth/Authenticator.h"
#include "common/Logging.h"
#include "events/EventHub.h"
#include "events/EventsEndpoint.h"
#include "http/HttpServer.h"
#include "http/RateLimiter.h"
#include "http/Router.h"
#include "http/TlsFiles.h"
#include "ops/ServerMetrics.h"
#include "store/RecordRepository.h"
#include "store/SequenceRepository.h"
#include "store/ServerDatabase.h"
#include "sync/ChangeFanout.h"
#include "sync/PullService.h"
#include "sync/PushService.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace fieldsync::server {

namespace {

void printLine(const QString &line)
{
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stdout);
    std::fflush(stdout);
}

} // namespace

ServerApp::ServerApp(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

ServerApp::~ServerApp()
{
    stop();
}

QString ServerApp::url() const
{
    return m_http ? ServerOptions::urlFor(m_options.listenAddress, m_http->port(), m_http->usesTls())
                  : QString();
}

Result<void> ServerApp::startAttachments()
{
    if (m_options.noAttachments) {
        qCInfo(lcServer) << "attachments are off (--no-attachments)";
        return {};
    }
    QString dir = m_options.attachmentsDir;
    if (dir.isEmpty() && m_db->dialect() == ServerDatabase::Dialect::Postgres) {
        // ServerOptions::parse refuses this already; no folder must never mean attachments off.
        return makeError(QStringLiteral("attachments"),
                         QStringLiteral("a server on PostgreSQL needs --attachments-dir DIR"));
    }
    if (dir.isEmpty())
        dir = m_options.database + QStringLiteral(".attachments");
    m_attachmentStorage = std::make_unique<AttachmentStorage>(dir);
    if (const Result<void> prepared = m_attachmentStorage->prepare(); !prepared)
        return prepared;
    // Files stored before storage was per project move to their projects' folders first, so that
    // no request ever looks for them in the wrong place.
    const Result<LegacyObjectMigration::Report> migrated =
        LegacyObjectMigration(*m_attachmentStorage).run([this] {
            return RecordRepository(*m_db).firstProjectBySha256();
        });
    if (!migrated)
        return migrated.error();
    AttachmentRoutes::Options options;
    options.maxFileBytes = m_options.maxAttachmentBytes;
    options.maxChunkBytes = m_options.maxBodyBytes;
    m_attachmentRoutes = std::make_unique<AttachmentRoutes>(*m_db, *m_attachmentStorage, *m_routes, options);
    m_attachmentRoutes->install(*m_router);
    qCInfo(lcServer) << "attachments in" << dir << "up to" << m_options.maxAttachmentBytes << "bytes each";
    return {};
}

Result<void> ServerApp::start()
{
    const bool tls = !m_options.tlsCertificate.isEmpty();
    if (!m_options.listenAddress.isLoopback() && !m_options.insecure && !tls) {
        return makeError(
            QStringLiteral("insecure"),
            QStringLiteral("refusing to serve plain HTTP on %1, which is not a loopback address: "
                           "tokens would cross the network in clear. Serve HTTPS with --tls-cert "
                           "and --tls-key, or put a TLS reverse proxy in front and pass --insecure "
                           "to confirm.")
                .arg(m_options.listenAddress.toString()));
    }
    // TLS files first: a wrong key must not leave a new database behind.
    std::optional<QSslConfiguration> tlsConfiguration;
    if (tls) {
        const Result<QSslConfiguration> loaded = TlsFiles::load(m_options.tlsCertificate, m_options.tlsKey);
        if (!loaded)
            return loaded.error();
        tlsConfiguration = loaded.value();
    }
    m_db = std::make_unique<ServerDatabase>();
    if (const Result<void> opened = m_db->open(m_options.database); !opened)
        return opened;

    m_metrics = std::make_unique<ServerMetrics>();
    m_rateLimiter =
        std::make_unique<RateLimiter>(RateLimiter::Settings{m_options.rateBurst, m_options.ratePerSecond});
    if (m_db->dialect() == ServerDatabase::Dialect::Postgres) {
        m_fanout = std::make_unique<ChangeFanout>();
        if (const Result<void> listening = m_fanout->start(*m_db, m_options.database); !listening)
            return listening;
    }
    m_authenticator = std::make_unique<Authenticator>(*m_db);
    m_push = std::make_unique<PushService>(*m_db);
    m_push->addListener(m_metrics.get());
    if (m_fanout)
        m_push->addListener(m_fanout.get());
    // Devices watching events hear of this instance's pushes from the hub directly, and of other
    // instances' pushes through the PostgreSQL fan-out.
    m_eventHub = std::make_unique<EventHub>();
    m_push->addListener(m_eventHub.get());
    if (m_fanout) {
        connect(m_fanout.get(), &ChangeFanout::changesCommitted, this,
                [hub = m_eventHub.get()](const QStringList &projects, qint64 cursor, const QString &origin) {
                    hub->publish(projects, cursor, origin);
                });
        connect(m_fanout.get(), &ChangeFanout::resyncNeeded, this, [this] {
            const Result<qint64> cursor = SequenceRepository(*m_db).current();
            if (cursor && m_eventHub)
                m_eventHub->publishAll(cursor.value());
        });
    }
    m_pull = std::make_unique<PullService>(*m_db);
    ApiRoutes::Options routeOptions{m_options.maxBatch, QStringLiteral(FIELDSYNC_VERSION)};
    routeOptions.rateLimiter = m_rateLimiter.get();
    routeOptions.metrics = m_metrics.get();
    m_routes = std::make_unique<ApiRoutes>(*m_authenticator, *m_push, *m_pull, routeOptions);
    m_router = std::make_unique<Router>();
    m_routes->install(*m_router);
    m_opsRoutes = std::make_unique<OpsRoutes>(*m_db, *m_metrics);
    m_opsRoutes->install(*m_router, *m_routes);
    if (const Result<void> attachments = startAttachments(); !attachments)
        return attachments;

    HttpLimits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    m_http = std::make_unique<HttpServer>(*m_router, limits);
    if (tlsConfiguration)
        m_http->setTlsConfiguration(*tlsConfiguration);
    const HttpConnection::RequestObserver observer = [metrics = m_metrics.get()](const QString &path,
                                                                                 int status, double seconds) {
        metrics->observeRequest(path, status, seconds);
    };
    m_http->setRequestObserver(observer);
    m_metrics->setOpenConnections([http = m_http.get()] { return http->connectionCount(); });
    EventsEndpoint::Options eventOptions;
    eventOptions.maxConnectionsPerUser = m_options.maxEventSocketsPerUser;
    m_events = std::make_unique<EventsEndpoint>(*m_authenticator, *m_eventHub, m_routes->authenticatedGuard(),
                                                eventOptions);
    m_events->setRequestObserver(observer);
    m_events->install(*m_http);
    m_metrics->setOpenWebSockets([events = m_events.get()] { return events->connectionCount(); });
    if (const Result<void> listening = m_http->listen(m_options.listenAddress, m_options.listenPort);
        !listening)
        return listening;

    if (m_options.demo) {
        if (const Result<void> demo = startDemo(); !demo)
            return demo;
    }
    qCInfo(lcServer) << "fieldsync-server" << FIELDSYNC_VERSION << "serving" << m_db->location() << "at"
                     << url();
    printLine(QStringLiteral("listening on ") + url());
    return {};
}

Result<void> ServerApp::startDemo()
{
    DemoSeeder seeder(*m_db);
    if (const Result<void> seeded = seeder.seed(); !seeded)
        return seeded;
    const Result<DemoSeeder::DemoTokens> tokens = seeder.issueTokens();
    if (!tokens)
        return tokens.error();
    if (!m_options.demoTokenFile.isEmpty()) {
        QSaveFile file(m_options.demoTokenFile);
        const QJsonObject content{{QStringLiteral("url"), url()},
                                  {QStringLiteral("foreman_token"), tokens.value().foreman},
                                  {QStringLiteral("pm_token"), tokens.value().pm}};
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(content).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
            return makeError(
                QStringLiteral("demo"),
                QStringLiteral("cannot write %1: %2").arg(m_options.demoTokenFile, file.errorString()));
        }
        QFile::setPermissions(m_options.demoTokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    printLine(QStringLiteral("demo foreman token: ") + tokens.value().foreman);
    printLine(QStringLiteral("demo pm token: ") + tokens.value().pm);
    return {};
}

void ServerApp::shutdown()
{
    if (m_shuttingDown || !m_http) {
        Q_EMIT shutdownFinished();
        return;
    }
    m_shuttingDown = true;
    qCInfo(lcServer) << "shutting down: no new connections," << m_http->connectionCount()
                     << "connection(s) to finish";
    // Close frames are only queued by closeAll(): give them a moment to leave before the sockets go.
    const int closeGraceMs = m_events && m_events->connectionCount() > 0 ? 500 : 0;
    connect(
        m_http.get(), &HttpServer::drained, this,
        [this, closeGraceMs] { QTimer::singleShot(closeGraceMs, this, &ServerApp::shutdownFinished); },
        Qt::QueuedConnection);
    // A client that never finishes its request must not keep the process alive.
    QTimer::singleShot(m_options.drainTimeoutMs, this, [this] {
        qCWarning(lcServer) << "drain timeout; closing" << (m_http ? m_http->connectionCount() : 0)
                            << "connection(s)";
        Q_EMIT shutdownFinished();
    });
    if (m_events)
        m_events->closeAll();
    m_http->drain();
}

void ServerApp::stop()
{
    m_events.reset();
    if (m_http)
        m_http->close();
    m_http.reset();
    m_router.reset();
    m_attachmentRoutes.reset();
    m_attachmentStorage.reset();
    m_routes.reset();
    m_pull.reset();
    m_push.reset();
    m_authenticator.reset();
    m_opsRoutes.reset();
    m_fanout.reset();
    m_rateLimiter.reset();
    m_metrics.reset();
    m_db.reset();
}

} // namespace fieldsync::server
