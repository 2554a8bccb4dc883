#pragma once

#include "LocalDatabase.h"
#include "LocalRecord.h"

#include <QHash>
#include <QList>
#include <optional>

namespace fieldsync {

struct RecordQuery
{
    EntityKind entity = EntityKind::Permit;
    QString projectId; // empty: every project
    QString status;    // empty: every status
    QString search;    // matched against the title, case-insensitive
    QString parentId;  // children of one permit
    bool includeDeleted = false;
    int limit = -1;
    int offset = 0;
    QString orderBy = QStringLiteral("title"); // title, status, updated_at
    bool descending = false;
};

class RecordStore
{
public:
    explicit RecordStore(LocalDatabase &db);

    Result<std::optional<LocalRecord>> find(const QString &id);
    Result<QList<LocalRecord>> list(const RecordQuery &query);
    Result<int> count(const RecordQuery &query);
    // Ids only, in list order: what a lazy list model keeps for 100,000 rows.
    Result<QStringList> listIds(const RecordQuery &query);

    // Whether the row may already be there (an edit, a settled push) or is known to be new (a
    // record pulled for the first time, a create): a new one is written without looking first.
    enum class Row
    {
        MayExist,
        New
    };
    // Writes the whole row (local and server sides). encodedData: record.data as JSON text when the
    // caller has it already (a server's answer as it came), else empty and it is encoded here.
    // rowid: where the row was read in this transaction (Head::rowid), or 0; a row found there
    // under another id, or none, is written as without it.
    Result<void> save(const LocalRecord &record, Row row = Row::MayExist, const QByteArray &encodedData = {},
                      qint64 rowid = 0);

    // A record the server sent as text, made both sides of the row as save() makes them: what
    // save() writes for a LocalRecord whose data and server data are the object text holds, given
    // the columns read from that object (ServerRecordText::check()).
    struct ServerText
    {
        EntityKind entity = EntityKind::Permit;
        QString id;
        qint64 version = 0;
        bool deleted = false;
        QByteArray text;
        QString projectId;
        QString title;
        QString status;
        QString parentId;
        QString updatedAt;
    };
    Result<void> saveServerText(const ServerText &record, Row row, qint64 rowid);

    // Where a record stands, without decoding its JSON: what applying a server answer decides by.
    struct Head
    {
        EntityKind entity = EntityKind::Permit;
        QString projectId;
        qint64 version = 0;
        qint64 serverVersion = 0;
        qint64 rowid = 0; // SQLite's key of the row, where read with it (standingOf); else 0
    };
    Result<std::optional<Head>> findHead(const QString &id);
    // The heads of those of ids that exist, in one statement: a whole page of answers at once.
    Result<QHash<QString, Head>> findHeads(const QStringList &ids);
    // The server's state of a record whose local edits stay on top: the server side and the
    // project are replaced, the version the local state builds on only ever goes up, and the local
    // state itself is left as it is.
    Result<void> saveServerStateUnderEdits(const QString &id, const QString &projectId, qint64 version,
                                           bool deleted, const QJsonObject &data);
    Result<void> remove(const QString &id);
    Result<void> saveServerSide(const QString &id, qint64 version, bool deleted, const QJsonObject &data);

private:
    // One row's values as the records table has them.
    struct RowValues
    {
        const QString &id;
        const QString &wireName;
        const QString &projectId;
        qint64 version;
        bool deleted;
        const QByteArray &data;
        qint64 serverVersion;
        bool serverDeleted;
        SqlValue serverData;
        const QString &title;
        const QString &status;
        SqlValue parentId;
        const QString &updatedAt;
    };
    Result<void> write(const RowValues &values, Row row, qint64 rowid);

    QString whereClause(const RecordQuery &query, QVariantList &binds) const;

    LocalDatabase &m_db;
};

} // namespace fieldsync
