#include "DeviceSettings.h"

#include <QSysInfo>

namespace fieldsync::ui {

namespace {

const QString DeviceNameKey = QStringLiteral("ui_device_name");
const QString LanguageKey = QStringLiteral("ui_language");
const QString OfflineOnlyKey = QStringLiteral("ui_offline_only");

// The meta table refuses SQL NULL, which is what a null QString binds as.
QString nonNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

DeviceSettings::DeviceSettings(DeviceStore &store)
    : m_store(store)
{}

QString DeviceSettings::deviceName()
{
    Result<QString> name = m_store.meta().value(DeviceNameKey);
    if (name && !name.value().isEmpty())
        return name.value();
    return QSysInfo::machineHostName();
}

Result<void> DeviceSettings::setDeviceName(const QString &name)
{
    return m_store.meta().setValue(DeviceNameKey, nonNull(name.trimmed()));
}

QString DeviceSettings::language()
{
    Result<QString> language = m_store.meta().value(LanguageKey);
    return language ? language.value() : QString();
}

Result<void> DeviceSettings::setLanguage(const QString &language)
{
    return m_store.meta().setValue(LanguageKey, nonNull(language));
}

bool DeviceSettings::offlineOnly()
{
    Result<QString> offline = m_store.meta().value(OfflineOnlyKey);
    return offline && offline.value() == QLatin1String("1");
}

Result<void> DeviceSettings::setOfflineOnly(bool offline)
{
    return m_store.meta().setValue(OfflineOnlyKey, offline ? QStringLiteral("1") : QStringLiteral("0"));
}

} // namespace fieldsync::ui
