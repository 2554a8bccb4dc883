#pragma once

#include "sync/SyncApiClient.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

namespace fieldsync::ui {

// Who created a record or moved it into its status, from the server's audit trail (readable by a
// PM, who is the one person offered Approve): the editor withholds a move that needs another
// person from them, as the server would refuse it. Unknown while offline or before the answer;
// the server still decides.
class PreparerLookup : public QObject
{
    Q_OBJECT

public:
    explicit PreparerLookup(QObject *parent = nullptr);

    void setApi(SyncApiClient *api) { m_api = api; }
    // The people, or nothing yet: then the server is asked once and learned() follows its answer.
    std::optional<QStringList> whoBroughtItTo(const QString &recordId, const QString &status, qint64 version);

signals:
    void learned(const QString &recordId);

private:
    QPointer<SyncApiClient> m_api;
    // By record, status and version: a later write may have moved the status again.
    QHash<QString, QStringList> m_known;
    QSet<QString> m_asking;
};

} // namespace fieldsync::ui
