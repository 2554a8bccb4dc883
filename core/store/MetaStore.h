#pragma once

#include "LocalDatabase.h"

namespace fieldsync {

// Small device settings that must survive restarts with the data: device id, server, cursor.
class MetaStore
{
public:
    static inline const QString DeviceId = QStringLiteral("device_id");
    static inline const QString ServerUrl = QStringLiteral("server_url");
    static inline const QString Token = QStringLiteral("token");
    static inline const QString Cursor = QStringLiteral("pull_cursor");
    static inline const QString LastSync = QStringLiteral("last_sync");
    static inline const QString UserName = QStringLiteral("user_name");
    static inline const QString Role = QStringLiteral("role");
    static inline const QString Projects = QStringLiteral("projects");
    static inline const QString CurrentProject = QStringLiteral("current_project");
    static inline const QString CertificatePin = QStringLiteral("certificate_pin");

    explicit MetaStore(LocalDatabase &db);

    Result<QString> value(const QString &key, const QString &fallback = {});
    Result<void> setValue(const QString &key, const QString &value);
    Result<void> remove(const QString &key);

private:
    LocalDatabase &m_db;
};

} // namespace fieldsync
