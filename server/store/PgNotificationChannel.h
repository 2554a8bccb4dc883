#pragma once

#include "common/Result.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

namespace fieldsync::server {

// LISTEN on one PostgreSQL notification channel, on a connection of its own (a connection that
// runs pushes would only see notifications between its queries). QPSQL watches the socket from
// the event loop, so notified() comes as a queued event, a few milliseconds after the NOTIFY's
// transaction committed on any instance, this one included.
//
// A dropped connection is noticed by a cheap probe every few seconds and reopened; reconnected()
// then says that notifications may have been missed meanwhile.
class PgNotificationChannel : public QObject
{
    Q_OBJECT

public:
    explicit PgNotificationChannel(QObject *parent = nullptr);
    ~PgNotificationChannel() override;

    // location: the postgresql:// URL the server's database was opened with.
    Result<void> listen(const QString &location, const QString &channel);

Q_SIGNALS:
    void notified(const QString &payload);
    void reconnected();

private:
    Result<void> connectAndSubscribe();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void probe();
    void closeConnection();

    QString m_connectionName;
    QString m_location;
    QString m_channel;
    QTimer m_probe;
    bool m_connected = false;
};

} // namespace fieldsync::server
