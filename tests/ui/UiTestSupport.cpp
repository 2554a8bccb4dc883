#include "UiTestSupport.h"


#include <QJsonArray>

namespace fieldsync::uitest {

std::unique_ptr<TestDevice> makeDevice(const QString &serverUrl, Role role)
{
    auto device = std::make_unique<TestDevice>();
    Result<std::unique_ptr<DeviceStore>> opened =
        DeviceStore::open(device->dir.filePath(QStringLiteral("device")));
    if (!opened)
        qFatal("cannot open a device store: %s", qPrintable(opened.error().toString()));
    device->store = std::move(opened).value();
    DeviceAccount account;
    account.serverUrl = serverUrl;
    account.token = serverUrl.isEmpty() ? QString() : QStringLiteral("test-token");
    account.userName = QStringLiteral("tester");
    account.role = role;
    account.projects = {QStringLiteral("demo"), QStringLiteral("north-yard")};
    account.currentProject = QStringLiteral("demo");
    if (Result<void> saved = device->store->saveAccount(account); !saved)
        qFatal("cannot save the account: %s", qPrintable(saved.error().toString()));
    return device;
}

QStringList seedPermits(DeviceStore &store, int count, const QString &project)
{
    static const QStringList statuses{QStringLiteral("draft"), QStringLiteral("submitted"),
                                      QStringLiteral("approved"), QStringLiteral("active"),
                                      QStringLiteral("closed")};
    QStringList ids;
    Transaction transaction(store.database());
    if (!transaction.begin())
        qFatal("cannot begin");
    for (int i = 0; i < count; ++i) {
        LocalRecord record;
        record.entity = EntityKind::Permit;
        record.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        record.projectId = project;
        record.version = 1;
        record.serverVersion = 1;
        record.data = QJsonObject{
            {QStringLiteral("project_id"), project},
            {QStringLiteral("title"), QStringLiteral("Permit %1").arg(i, 6, 10, QLatin1Char('0'))},
            {QStringLiteral("status"), statuses.at(i % statuses.size())},
            {QStringLiteral("location"), QStringLiteral("Level %1").arg(i % 40)},
            {QStringLiteral("updated_at"), QStringLiteral("2026-11-%1T10:30:00Z").arg(10 + i % 20)},
        };
        record.serverData = record.data;
        if (!store.records().save(record))
            qFatal("cannot save a permit");
        ids.append(record.id);
    }
    if (!transaction.commit())
        qFatal("cannot commit");
    return ids;
}

StoredConflict addThreeFieldConflict(DeviceStore &store)
{
    const QString id = QStringLiteral("11111111-1111-4111-8111-111111111111");
    const QJsonObject server{{QStringLiteral("project_id"), QStringLiteral("demo")},
                             {QStringLiteral("title"), QStringLiteral("Hot work on tank 3 (office)")},
                             {QStringLiteral("location"), QStringLiteral("Tank farm, north")},
                             {QStringLiteral("description"), QStringLiteral("Weld the inlet flange")},
                             {QStringLiteral("status"), QStringLiteral("draft")},
                             {QStringLiteral("ppe_requirements"),
                              QJsonArray{QStringLiteral("harness"), QStringLiteral("helmet")}}};
    const QJsonObject base{{QStringLiteral("title"), QStringLiteral("Hot work on tank 3")},
                           {QStringLiteral("location"), QStringLiteral("Tank farm")},
                           {QStringLiteral("ppe_requirements"), QJsonArray{QStringLiteral("helmet")}}};
    const QJsonObject mine{
        {QStringLiteral("title"), QStringLiteral("Hot work on tank 3, inlet side")},
        {QStringLiteral("location"), QStringLiteral("Tank farm, bay 2")},
        {QStringLiteral("ppe_requirements"), QJsonArray{QStringLiteral("gloves"), QStringLiteral("helmet")}}};

    LocalRecord record;
    record.entity = EntityKind::Permit;
    record.id = id;
    record.projectId = QStringLiteral("demo");
    record.version = 2;
    record.data = server;
    for (auto it = mine.begin(); it != mine.end(); ++it)
        record.data.insert(it.key(), it.value());
    record.serverVersion = 3;
    record.serverData = server;
    if (!store.records().save(record))
        qFatal("cannot save the conflicting permit");

    StoredConflict conflict;
    conflict.id = QStringLiteral("conflict-1");
    conflict.change.offlineId = QStringLiteral("22222222-2222-4222-8222-222222222222");
    conflict.change.entity = EntityKind::Permit;
    conflict.change.op = ChangeOp::Update;
    conflict.change.id = id;
    conflict.change.clientVersion = 2;
    conflict.change.base = base;
    conflict.change.data = mine;
    conflict.reason = QStringLiteral("stale");
    conflict.serverVersion = 3;
    conflict.serverState = server;
    for (const QString &field : mine.keys()) {
        protocol::ConflictField entry;
        entry.base = base.value(field);
        entry.mine = mine.value(field);
        entry.server = server.value(field);
        entry.hint = field == QLatin1String("ppe_requirements") ? QStringLiteral("set_union")
                                                                : QStringLiteral("manual");
        conflict.fields.insert(field, entry);
    }
    conflict.createdAt = QStringLiteral("2026-11-21T10:30:00Z");
    if (!store.conflicts().add(conflict))
        qFatal("cannot store the conflict");
    store.notifyChanged({id});
    return conflict;
}

} // namespace fieldsync::uitest
