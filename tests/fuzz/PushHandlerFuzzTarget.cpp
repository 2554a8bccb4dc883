#include "PushHandlerFuzzTarget.h"

#include "auth/AuthUser.h"
#include "protocol/PushMessages.h"
#include "store/ServerDatabase.h"
#include "sync/PushService.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <memory>

namespace fieldsync::fuzz {

using namespace fieldsync::server;

namespace {

// Ids the seed corpus uses, so that updates find a record on the first try.
const QString SeedPermitId = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString SeedTaskId = QStringLiteral("22222222-2222-4222-8222-222222222222");

class PushHandlerWorld
{
public:
    PushHandlerWorld()
        : m_path(m_dir.filePath(QStringLiteral("server.db")))
    {
        // One line per push would drown the fuzzer's own output.
        QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.*.info=false\nfieldsync.*.warning=false"));
        if (const Result<void> opened = m_db.open(m_path); !opened)
            qFatal("fuzz: cannot open the server database: %s", qPrintable(opened.error().toString()));
        m_push = std::make_unique<PushService>(m_db);
        seed();
    }

    PushService &push() { return *m_push; }

private:
    void seed()
    {
        protocol::PushRequest request;
        request.deviceId = QStringLiteral("seed");
        protocol::Change permit;
        permit.offlineId = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
        permit.entity = EntityKind::Permit;
        permit.op = ChangeOp::Create;
        permit.id = SeedPermitId;
        permit.data = QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                                  {QStringLiteral("title"), QStringLiteral("Hot work")},
                                  {QStringLiteral("work_type"), QStringLiteral("hot_work")},
                                  {QStringLiteral("location"), QStringLiteral("Block A")}};
        protocol::Change task;
        task.offlineId = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000002");
        task.entity = EntityKind::Task;
        task.op = ChangeOp::Create;
        task.id = SeedTaskId;
        task.data = QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p1")},
                                {QStringLiteral("title"), QStringLiteral("Fix the railing")}};
        request.changes = {permit, task};
        const Result<protocol::PushResponse> seeded = m_push->push(pmUser(), request);
        if (!seeded || seeded.value().applied.size() != 2)
            qFatal("fuzz: seeding the server database failed");
    }

public:
    static AuthUser pmUser() { return AuthUser{QStringLiteral("paul"), Role::Pm, {QStringLiteral("p1")}}; }
    static AuthUser foremanUser()
    {
        return AuthUser{QStringLiteral("fiona"), Role::Foreman, {QStringLiteral("p1"), QStringLiteral("p2")}};
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ServerDatabase m_db;
    std::unique_ptr<PushService> m_push;
};

PushHandlerWorld *worldInstance = nullptr;

void destroyWorld()
{
    delete worldInstance;
    worldInstance = nullptr;
}

// Closed by QCoreApplication's destructor, not by a static destructor: by then Qt's table of SQL
// connections is gone, the database can no longer be closed and LeakSanitizer reports SQLite's
// memory.
PushHandlerWorld &world()
{
    if (!worldInstance) {
        worldInstance = new PushHandlerWorld;
        qAddPostRoutine(&destroyWorld);
    }
    return *worldInstance;
}

} // namespace

std::optional<QString> fuzzPushHandler(const QByteArray &input)
{
    const Result<protocol::PushRequest> request = protocol::PushRequest::fromJson(input);
    if (!request)
        return std::nullopt;
    // The device id picks the role, so that both the foreman's and the PM's rules run.
    const AuthUser user = request.value().deviceId.startsWith(QLatin1Char('f'))
                              ? PushHandlerWorld::foremanUser()
                              : PushHandlerWorld::pmUser();
    QByteArray body;
    const Result<protocol::PushResponse> response = world().push().push(user, request.value(), &body);
    // Whatever a device sends is answered; an Error means the database failed, which no request
    // content may cause.
    if (!response)
        return QStringLiteral("push handler: database error on a decodable request: ") +
               response.error().toString();
    const protocol::PushResponse &answer = response.value();
    const qsizetype answers = answer.applied.size() + answer.conflicts.size() + answer.rejected.size();
    if (answers != request.value().changes.size())
        return QStringLiteral("push handler: %1 answers for %2 changes")
            .arg(answers)
            .arg(request.value().changes.size());
    for (const protocol::AppliedChange &applied : answer.applied) {
        if (applied.version < 1)
            return QStringLiteral("push handler: applied with version %1").arg(applied.version);
    }
    // The body the server sends is what the device decodes: it must decode, to the same answer.
    const Result<protocol::PushResponse> sent = protocol::PushResponse::fromJson(body);
    if (!sent)
        return QStringLiteral("push handler: the answer's body does not decode: ") + sent.error().toString();
    if (sent.value().toJson() != answer.toJson())
        return QStringLiteral("push handler: the body differs from the answer: ") +
               QString::fromUtf8(body.left(300));
    return std::nullopt;
}

} // namespace fieldsync::fuzz
