#pragma once

#include "http/HttpResponse.h"

namespace fieldsync::server {

class ApiRoutes;
class HttpRequest;
class Router;
class ServerDatabase;
class ServerMetrics;

// The operator's and the office's endpoints next to the sync protocol:
//   GET /api/v1/audit?record=ID  the record's history (who, which device, when, before, after),
//                                for a PM or admin of the record's project; anyone else learns
//                                nothing (404 outside the project, 403 for a foreman in it).
//   GET /api/v1/metrics          Prometheus text, no token (aggregates only), not rate limited.
class OpsRoutes
{
public:
    OpsRoutes(ServerDatabase &db, ServerMetrics &metrics);

    // Uses api's guards, so the audit endpoint checks version, token and rate limit as the
    // sync endpoints do.
    void install(Router &router, ApiRoutes &api);

    static const QString AuditPath;
    static const QString MetricsPath;

private:
    HttpResponse audit(const HttpRequest &request);
    HttpResponse metrics(const HttpRequest &request) const;

    ServerDatabase &m_db;
    ServerMetrics &m_metrics;
};

} // namespace fieldsync::server
