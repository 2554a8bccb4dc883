#pragma once

#include "ServerOptions.h"
#include "common/Result.h"

#include <QObject>

#include <memory>

namespace fieldsync::server {

class ApiRoutes;
class AttachmentRoutes;
class AttachmentStorage;
class Authenticator;
class ChangeFanout;
class EventHub;
class EventsEndpoint;
class HttpServer;
class OpsRoutes;
class PullService;
class PushService;
class RateLimiter;
class Router;
class ServerDatabase;
class ServerMetrics;

// The serving process wired together: database, demo seed, services, routes, HTTP server.
class ServerApp : public QObject
{
    Q_OBJECT

public:
    explicit ServerApp(ServerOptions options, QObject *parent = nullptr);
    ~ServerApp() override;

    // Opens (and migrates) the database, seeds the demo when asked, listens, and prints the
    // demo token lines and then `listening on http://HOST:PORT` to stdout.
    Result<void> start();
    void stop();
    // Graceful shutdown (SIGTERM): stop accepting, answer the requests in flight, close
    // WebSockets with a reason; shutdownFinished() once done or after the drain timeout.
    void shutdown();

    QString url() const;

Q_SIGNALS:
    void shutdownFinished();

private:
    Result<void> startAttachments();
    Result<void> startDemo();

    ServerOptions m_options;
    // Declared in build order; destroyed in reverse, so connections go before the database.
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<ServerMetrics> m_metrics;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<ChangeFanout> m_fanout;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<PushService> m_push;
    std::unique_ptr<PullService> m_pull;
    std::unique_ptr<ApiRoutes> m_routes;
    std::unique_ptr<OpsRoutes> m_opsRoutes;
    std::unique_ptr<AttachmentStorage> m_attachmentStorage;
    std::unique_ptr<AttachmentRoutes> m_attachmentRoutes;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpServer> m_http;
    // GET /api/v1/sync/events: after the HTTP server, so that its sockets close first.
    std::unique_ptr<EventHub> m_eventHub;
    std::unique_ptr<EventsEndpoint> m_events;
    bool m_shuttingDown = false;
};

} // namespace fieldsync::server
