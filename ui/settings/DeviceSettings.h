#pragma once

#include "store/DeviceStore.h"

namespace fieldsync::ui {

// The device's own GUI settings, kept in the data directory beside the account so that a shared
// tablet keeps them with its data: device name, language, and whether it works without a server.
class DeviceSettings
{
public:
    explicit DeviceSettings(DeviceStore &store);

    QString deviceName();
    Result<void> setDeviceName(const QString &name);
    // Empty: follow the system language.
    QString language();
    Result<void> setLanguage(const QString &language);
    // True once a person chose to work with no server: the sign-in is not asked again.
    bool offlineOnly();
    Result<void> setOfflineOnly(bool offline);

    static QStringList supportedLanguages()
    {
        return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr"), QStringLiteral("de")};
    }

private:
    DeviceStore &m_store;
};

} // namespace fieldsync::ui
