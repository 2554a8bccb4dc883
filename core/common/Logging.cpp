#include "Logging.h"

Q_LOGGING_CATEGORY(lcStore, "fieldsync.store")
Q_LOGGING_CATEGORY(lcOutbox, "fieldsync.outbox")
Q_LOGGING_CATEGORY(lcSync, "fieldsync.sync")
Q_LOGGING_CATEGORY(lcSyncPush, "fieldsync.sync.push")
Q_LOGGING_CATEGORY(lcSyncPull, "fieldsync.sync.pull")
Q_LOGGING_CATEGORY(lcProtocol, "fieldsync.protocol")
Q_LOGGING_CATEGORY(lcConnectivity, "fieldsync.connectivity")
Q_LOGGING_CATEGORY(lcServer, "fieldsync.server")
Q_LOGGING_CATEGORY(lcServerHttp, "fieldsync.server.http")
Q_LOGGING_CATEGORY(lcServerStore, "fieldsync.server.store")
