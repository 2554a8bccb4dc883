#include "OpsRoutes.h"

#include "ApiRoutes.h"
#include "auth/AuthUser.h"
#include "common/Logging.h"
#include "http/HttpRequest.h"
#include "http/Router.h"
#include "ops/ServerMetrics.h"
#include "store/AuditRepository.h"
#include "store/RecordRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fieldsync::server {

const QString OpsRoutes::AuditPath = QStringLiteral("/api/v1/audit");
const QString OpsRoutes::MetricsPath = QStringLiteral("/api/v1/metrics");

namespace {

QJsonValue stateOrNull(const QJsonObject &state)
{
    return state.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(state);
}

HttpResponse notFound(const QString &recordId)
{
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("no record %1").arg(recordId));
}

} // namespace

OpsRoutes::OpsRoutes(ServerDatabase &db, ServerMetrics &metrics)
    : m_db(db)
    , m_metrics(metrics)
{}

void OpsRoutes::install(Router &router, ApiRoutes &api)
{
    router.addRoute(
        "GET", AuditPath, [this](const HttpRequest &request) { return audit(request); },
        api.authenticatedGuard());
    router.addRoute("GET", MetricsPath, [this](const HttpRequest &request) { return metrics(request); });
}

HttpResponse OpsRoutes::audit(const HttpRequest &request)
{
    const AuthUser &user = *std::any_cast<AuthUser>(&request.context());
    const QString recordId = request.queryValue(QStringLiteral("record")).trimmed();
    if (recordId.isEmpty() || recordId.size() > 128)
        return HttpResponse::error(400, QStringLiteral("malformed"), QStringLiteral("send ?record=ID"));

    RecordRepository records(m_db);
    const Result<std::optional<StoredRecord>> found = records.find(recordId);
    if (!found) {
        qCWarning(lcServer) << "audit lookup failed:" << found.error().toString();
        return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("try again"));
    }
    // Outside the record's project it does not exist, as everywhere else in the API.
    if (!found.value() || !user.hasProject(found.value()->projectId))
        return notFound(recordId);
    if (user.role != Role::Pm && user.role != Role::Admin) {
        return HttpResponse::error(403, QStringLiteral("forbidden"),
                                   QStringLiteral("the audit trail is for a PM or admin of the project"));
    }

    AuditRepository audit(m_db);
    const Result<QList<AuditRepository::Entry>> entries = audit.entriesFor(recordId);
    if (!entries) {
        qCWarning(lcServer) << "audit read failed:" << entries.error().toString();
        return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("try again"));
    }
    QJsonArray list;
    for (const AuditRepository::Entry &entry : entries.value()) {
        list.append(QJsonObject{{QStringLiteral("seq"), entry.seq},
                                {QStringLiteral("user"), entry.user},
                                {QStringLiteral("device_id"), entry.deviceId},
                                {QStringLiteral("at"), entry.at},
                                {QStringLiteral("client_time"), entry.clientTime.isEmpty()
                                                                    ? QJsonValue(QJsonValue::Null)
                                                                    : QJsonValue(entry.clientTime)},
                                {QStringLiteral("before"), stateOrNull(entry.before)},
                                {QStringLiteral("after"), stateOrNull(entry.after)}});
    }
    const StoredRecord &record = *found.value();
    const QJsonObject body{{QStringLiteral("record"), recordId},
                           {QStringLiteral("entity"), EntitySchema::of(record.entity).wireName},
                           {QStringLiteral("project_id"), record.projectId},
                           {QStringLiteral("version"), record.version},
                           {QStringLiteral("entries"), list}};
    return HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse OpsRoutes::metrics(const HttpRequest &) const
{
    return HttpResponse(200, m_metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace fieldsync::server
