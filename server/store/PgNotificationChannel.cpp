#include "PgNotificationChannel.h"

#include "DatabaseUrl.h"
#include "common/Logging.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace fieldsync::server {

namespace {

QAtomicInt listenerCounter;

constexpr int ProbeIntervalMs = 5000;

} // namespace

PgNotificationChannel::PgNotificationChannel(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("fieldsync-listen-%1").arg(listenerCounter.fetchAndAddRelaxed(1)))
{
    m_probe.setInterval(ProbeIntervalMs);
    connect(&m_probe, &QTimer::timeout, this, &PgNotificationChannel::probe);
}

PgNotificationChannel::~PgNotificationChannel()
{
    closeConnection();
}

Result<void> PgNotificationChannel::listen(const QString &location, const QString &channel)
{
    m_location = location;
    m_channel = channel;
    const Result<void> connected = connectAndSubscribe();
    m_probe.start();
    return connected;
}

Result<void> PgNotificationChannel::connectAndSubscribe()
{
    closeConnection();
    const Result<DatabaseUrl> url = DatabaseUrl::parse(m_location);
    if (!url)
        return url.error();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(url.value().host);
    db.setPort(url.value().port);
    db.setDatabaseName(url.value().database);
    if (!url.value().user.isEmpty())
        db.setUserName(url.value().user);
    if (!url.value().password.isEmpty())
        db.setPassword(url.value().password);
    db.setConnectOptions(url.value().connectOptions);
    if (!db.open()) {
        return makeError(QStringLiteral("database"),
                         QStringLiteral("cannot open the LISTEN connection to %1: %2")
                             .arg(url.value().redacted(), db.lastError().text()));
    }
    if (!db.driver()->subscribeToNotification(m_channel)) {
        return makeError(
            QStringLiteral("database"),
            QStringLiteral("cannot LISTEN %1: %2").arg(m_channel, db.driver()->lastError().text()));
    }
    connect(db.driver(), &QSqlDriver::notification, this, &PgNotificationChannel::onNotification,
            Qt::UniqueConnection);
    m_connected = true;
    return {};
}

void PgNotificationChannel::closeConnection()
{
    m_connected = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.driver()->disconnect(this);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void PgNotificationChannel::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                           const QVariant &payload)
{
    if (name == m_channel)
        Q_EMIT notified(payload.toString());
}

void PgNotificationChannel::probe()
{
    if (m_connected) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (query.exec(QStringLiteral("SELECT 1")))
            return;
        qCWarning(lcServerStore) << "the LISTEN connection failed; reconnecting:" << query.lastError().text();
    }
    if (const Result<void> connected = connectAndSubscribe(); !connected) {
        qCWarning(lcServerStore) << connected.error().toString();
        return;
    }
    qCInfo(lcServerStore) << "LISTEN connection restored";
    Q_EMIT reconnected();
}

} // namespace fieldsync::server
