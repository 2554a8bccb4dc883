#pragma once

// Builders for push requests and a database in a temporary folder, shared by the service tests.

#include "auth/AuthUser.h"
#include "protocol/PushMessages.h"
#include "store/ServerDatabase.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUuid>

namespace fieldsync::server::testing {

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline AuthUser foreman(const QStringList &projects = {QStringLiteral("p1")})
{
    return AuthUser{QStringLiteral("fiona"), Role::Foreman, projects};
}

inline AuthUser pm(const QStringList &projects = {QStringLiteral("p1")})
{
    return AuthUser{QStringLiteral("paul"), Role::Pm, projects};
}

inline protocol::Change createChange(EntityKind entity, const QString &id, QJsonObject data,
                                     const QString &project = QStringLiteral("p1"))
{
    protocol::Change change;
    change.offlineId = newId();
    change.entity = entity;
    change.op = entity == EntityKind::GasReading ? ChangeOp::Append : ChangeOp::Create;
    change.id = id;
    if (!project.isEmpty())
        data.insert(QStringLiteral("project_id"), project);
    change.data = std::move(data);
    return change;
}

inline protocol::Change updateChange(EntityKind entity, const QString &id, qint64 clientVersion,
                                     QJsonObject base, QJsonObject data)
{
    protocol::Change change;
    change.offlineId = newId();
    change.entity = entity;
    change.op = ChangeOp::Update;
    change.id = id;
    change.clientVersion = clientVersion;
    change.base = std::move(base);
    change.data = std::move(data);
    return change;
}

inline protocol::Change deleteChange(EntityKind entity, const QString &id, qint64 clientVersion)
{
    protocol::Change change;
    change.offlineId = newId();
    change.entity = entity;
    change.op = ChangeOp::Delete;
    change.id = id;
    change.clientVersion = clientVersion;
    return change;
}

inline protocol::PushRequest pushRequest(QList<protocol::Change> changes,
                                         const QString &deviceId = QStringLiteral("device-a"))
{
    protocol::PushRequest request;
    request.deviceId = deviceId;
    request.clientTime = QStringLiteral("2026-11-21T10:30:00Z");
    request.batchId = newId();
    request.changes = std::move(changes);
    return request;
}

inline QJsonObject permitData(const QString &title = QStringLiteral("Hot work, level 3"))
{
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("work_type"), QStringLiteral("hot_work")},
                       {QStringLiteral("location"), QStringLiteral("Block A")}};
}

inline QJsonArray strings(const QStringList &items)
{
    return QJsonArray::fromStringList(items);
}

// A server database in its own temporary folder.
class TempServerDatabase
{
public:
    TempServerDatabase()
        : m_path(m_dir.filePath(QStringLiteral("server.db")))
    {}

    Result<void> open() { return m_db.open(m_path); }
    ServerDatabase &db() { return m_db; }
    QString path() const { return m_path; }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ServerDatabase m_db;
};

// Every row a query gives, with every column, for comparing what two databases hold.
inline QList<QVariantList> rowsOf(ServerDatabase &db, const QString &query)
{
    QList<QVariantList> rows;
    Result<QSqlQuery *> run = db.run(query);
    if (!run)
        return rows;
    QSqlQuery *row = run.value();
    while (row->next()) {
        QVariantList values;
        for (int column = 0; column < row->record().count(); ++column)
            values.append(row->value(column));
        rows.append(values);
    }
    row->finish();
    return rows;
}

} // namespace fieldsync::server::testing
