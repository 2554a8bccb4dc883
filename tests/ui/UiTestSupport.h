#pragma once

#include "store/DeviceStore.h"
#include "store/StoredConflict.h"

#include <QTemporaryDir>

#include <memory>

namespace fieldsync::uitest {

// A device store in a fresh temporary directory, signed in to project "demo" (offline unless a
// server URL is given).
struct TestDevice
{
    QTemporaryDir dir;
    std::unique_ptr<DeviceStore> store;
};

std::unique_ptr<TestDevice> makeDevice(const QString &serverUrl = {}, Role role = Role::Foreman);

// Permits written straight into the store as if pulled (synced), in one transaction.
QStringList seedPermits(DeviceStore &store, int count, const QString &project = QStringLiteral("demo"));

// A stored stale conflict on a permit with three differing fields: title and location (manual)
// and ppe_requirements (a set). Returns the conflict as stored.
StoredConflict addThreeFieldConflict(DeviceStore &store);

// Widgets whose objectName/type matter for the tests.
template<typename T> T *findNamed(QObject *root, const QString &name)
{
    return root->findChild<T *>(name);
}

} // namespace fieldsync::uitest
