#pragma once

#include "ServerOptions.h"
#include "common/Result.h"

#include <QObject>

#include <memory>

namespace fieldsync::server {

class ApiRoutes;
class Authenticator;
class HttpServer;
class PullService;
class PushService;
class Router;
class ServerDatabase;

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

    QString url() const;

private:
    Result<void> startDemo();

    ServerOptions m_options;
    // Declared in build order; destroyed in reverse, so connections go before the database.
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<PushService> m_push;
    std::unique_ptr<PullService> m_pull;
    std::unique_ptr<ApiRoutes> m_routes;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpServer> m_http;
};

} // namespace fieldsync::server
