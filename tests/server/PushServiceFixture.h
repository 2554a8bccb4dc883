#pragma once

// What the PushService tests share: a fresh server database per test function and helpers that
// push changes and read back what was stored.

#include "SyncTestHelpers.h"
#include "store/RecordRepository.h"
#include "sync/PushService.h"

#include <QLoggingCategory>
#include <QObject>
#include <QTest>

#include <memory>

namespace fieldsync::server::testing {

class PushServiceFixture : public QObject
{
protected:
    static void silenceServerLogs()
    {
        // One info line per push and per opened database would drown the test output.
        QLoggingCategory::setFilterRules(QStringLiteral("fieldsync.server*.info=false"));
    }

    void openDatabase()
    {
        m_temp = std::make_unique<TempServerDatabase>();
        const Result<void> opened = m_temp->open();
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
        m_push = std::make_unique<PushService>(m_temp->db());
    }

    void closeDatabase()
    {
        m_push.reset();
        m_temp.reset();
    }
    // The reason of the one rejection in a response (or the whole response, to show what came instead).
    static QString rejection(const protocol::PushResponse &response)
    {
        if (response.rejected.size() == 1 && response.applied.isEmpty() && response.conflicts.isEmpty())
            return response.rejected.first().reason;
        return QStringLiteral("not one rejection: ") + QString::fromUtf8(response.toJson());
    }

    protocol::PushResponse push(const AuthUser &user, QList<protocol::Change> changes,
                                const QString &device = QStringLiteral("device-a"))
    {
        const Result<protocol::PushResponse> response =
            m_push->push(user, pushRequest(std::move(changes), device));
        if (!response) {
            QTest::qFail(qPrintable(response.error().toString()), __FILE__, __LINE__);
            return {};
        }
        return response.value();
    }

    // Creates a record and returns the applied entry (version 1 expected).
    protocol::AppliedChange create(const AuthUser &user, EntityKind entity, QJsonObject data,
                                   const QString &project = QStringLiteral("p1"))
    {
        const protocol::PushResponse response =
            push(user, {createChange(entity, newId(), std::move(data), project)});
        if (response.applied.size() != 1) {
            QTest::qFail(
                qPrintable(QStringLiteral("create not applied: ") + QString::fromUtf8(response.toJson())),
                __FILE__, __LINE__);
            return {};
        }
        return response.applied.first();
    }

    StoredRecord stored(const QString &id)
    {
        RecordRepository records(m_temp->db());
        const Result<std::optional<StoredRecord>> found = records.find(id);
        if (!found || !found.value()) {
            QTest::qFail("record not stored", __FILE__, __LINE__);
            return {};
        }
        return *found.value();
    }

    // A permit walked to the given status as on site: the foreman submits it, the pm approves it,
    // the foreman moves it on from there.
    protocol::AppliedChange permitIn(const QString &status)
    {
        static const QHash<QString, QStringList> paths{
            {QStringLiteral("draft"), {}},
            {QStringLiteral("submitted"), {QStringLiteral("submitted")}},
            {QStringLiteral("approved"), {QStringLiteral("submitted"), QStringLiteral("approved")}},
            {QStringLiteral("active"),
             {QStringLiteral("submitted"), QStringLiteral("approved"), QStringLiteral("active")}},
            {QStringLiteral("suspended"),
             {QStringLiteral("submitted"), QStringLiteral("approved"), QStringLiteral("active"),
              QStringLiteral("suspended")}},
            {QStringLiteral("closed"),
             {QStringLiteral("submitted"), QStringLiteral("approved"), QStringLiteral("active"),
              QStringLiteral("closed")}},
            {QStringLiteral("cancelled"), {QStringLiteral("cancelled")}},
        };
        if (!paths.contains(status)) {
            QTest::qFail(qPrintable(QStringLiteral("no way to status ") + status), __FILE__, __LINE__);
            return {};
        }
        protocol::AppliedChange current = create(foreman(), EntityKind::Permit, permitData());
        QString from = QStringLiteral("draft");
        for (const QString &to : paths.value(status)) {
            const AuthUser mover = to == QLatin1String("approved") ? pm() : foreman();
            const protocol::PushResponse moved = push(
                mover, {updateChange(EntityKind::Permit, current.id, current.version,
                                     {{QStringLiteral("status"), from}}, {{QStringLiteral("status"), to}})});
            if (moved.applied.size() != 1) {
                QTest::qFail(qPrintable(QStringLiteral("cannot move to ") + to), __FILE__, __LINE__);
                return {};
            }
            current = moved.applied.first();
            from = to;
        }
        return current;
    }

    std::unique_ptr<TempServerDatabase> m_temp;
    std::unique_ptr<PushService> m_push;
};

} // namespace fieldsync::server::testing
