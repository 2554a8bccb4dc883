#include "Logging.h"

// Debug output is asked for (QT_LOGGING_RULES="fieldsync.*.debug=true"), never on by default: some
// of it is per change, on paths that run for every edit and every synced record.

Q_LOGGING_CATEGORY(lcStore, "fieldsync.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "fieldsync.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "fieldsync.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncPush, "fieldsync.sync.push", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncPull, "fieldsync.sync.pull", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncEvents, "fieldsync.sync.events", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "fieldsync.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnectivity, "fieldsync.connectivity", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "fieldsync.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerHttp, "fieldsync.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerStore, "fieldsync.server.store", QtInfoMsg)
