#include "ServerApp.h"

#include "DemoSeeder.h"
#include "api/ApiRoutes.h"
#include "auth/Authenticator.h"
#include "common/Logging.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "store/ServerDatabase.h"
#include "sync/PullService.h"
#include "sync/PushService.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

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
    return m_http ? ServerOptions::urlFor(m_options.listenAddress, m_http->port()) : QString();
}

Result<void> ServerApp::start()
{
    if (!m_options.listenAddress.isLoopback() && !m_options.insecure) {
        return makeError(
            QStringLiteral("insecure"),
            QStringLiteral("refusing to serve plain HTTP on %1, which is not a loopback address: "
                           "tokens would cross the network in clear. Put a TLS reverse proxy in "
                           "front and pass --insecure to confirm.")
                .arg(m_options.listenAddress.toString()));
    }
    m_db = std::make_unique<ServerDatabase>();
    if (const Result<void> opened = m_db->open(m_options.database); !opened)
        return opened;

    m_authenticator = std::make_unique<Authenticator>(*m_db);
    m_push = std::make_unique<PushService>(*m_db);
    m_pull = std::make_unique<PullService>(*m_db);
    m_routes = std::make_unique<ApiRoutes>(
        *m_authenticator, *m_push, *m_pull,
        ApiRoutes::Options{m_options.maxBatch, QStringLiteral(FIELDSYNC_VERSION)});
    m_router = std::make_unique<Router>();
    m_routes->install(*m_router);

    HttpLimits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    m_http = std::make_unique<HttpServer>(*m_router, limits);
    // GET /api/v1/sync/events is not served yet: without an upgrade handler it is routed like any
    // other path (404). Events plug in with m_http->setUpgradeHandler(protocol::Paths::Events, ...).
    if (const Result<void> listening = m_http->listen(m_options.listenAddress, m_options.listenPort);
        !listening)
        return listening;

    if (m_options.demo) {
        if (const Result<void> demo = startDemo(); !demo)
            return demo;
    }
    qCInfo(lcServer) << "fieldsync-server" << FIELDSYNC_VERSION << "serving" << m_options.database << "at"
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

void ServerApp::stop()
{
    if (m_http)
        m_http->close();
    m_http.reset();
    m_router.reset();
    m_routes.reset();
    m_pull.reset();
    m_push.reset();
    m_authenticator.reset();
    m_db.reset();
}

} // namespace fieldsync::server
