#include "ChangeFanout.h"

#include "common/Logging.h"
#include "store/PgNotificationChannel.h"
#include "store/ServerDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

namespace fieldsync::server {

const QString ChangeFanout::Channel = QStringLiteral("fieldsync_changes");

ChangeFanout::ChangeFanout(QObject *parent)
    : QObject(parent)
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

ChangeFanout::~ChangeFanout() = default;

Result<void> ChangeFanout::start(ServerDatabase &db, const QString &location)
{
    m_db = &db;
    m_channel = std::make_unique<PgNotificationChannel>();
    connect(m_channel.get(), &PgNotificationChannel::notified, this, &ChangeFanout::onNotified);
    connect(m_channel.get(), &PgNotificationChannel::reconnected, this, &ChangeFanout::resyncNeeded);
    return m_channel->listen(location, Channel);
}

QString ChangeFanout::encode(const CommittedPush &push) const
{
    const QJsonObject message{{QStringLiteral("cursor"), push.cursor},
                              {QStringLiteral("projects"), QJsonArray::fromStringList(push.projects)},
                              {QStringLiteral("device"), push.deviceId},
                              {QStringLiteral("instance"), m_instanceId}};
    return QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void ChangeFanout::pushCommitted(const CommittedPush &push)
{
    if (!m_db || !push.wrote || push.projects.isEmpty())
        return;
    // After the commit, in autocommit: delivered at once. NOTIFY's payload limit (8000 bytes)
    // is far above a push's few project ids.
    const Result<QSqlQuery *> notified =
        m_db->run(QStringLiteral("SELECT pg_notify(?, ?)"), {Channel, encode(push)});
    if (notified) {
        notified.value()->finish();
        return;
    }
    qCWarning(lcServer) << "NOTIFY failed; devices on other instances hear of this push at their next pull:"
                        << notified.error().toString();
}

void ChangeFanout::onNotified(const QString &payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload.toUtf8()).object();
    if (message.value(QStringLiteral("instance")).toString() == m_instanceId)
        return;
    const qint64 cursor = message.value(QStringLiteral("cursor")).toInteger(-1);
    if (cursor < 0) {
        qCWarning(lcServer) << "ignoring a malformed change notification";
        return;
    }
    QStringList projects;
    for (const QJsonValue &project : message.value(QStringLiteral("projects")).toArray())
        projects.append(project.toString());
    Q_EMIT changesCommitted(projects, cursor, message.value(QStringLiteral("device")).toString());
}

} // namespace fieldsync::server
