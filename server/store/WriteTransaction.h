#pragma once

#include "ServerDatabase.h"

namespace fieldsync::server {

// Rolls a write transaction back unless it was committed, so an early return on an error can
// never leave half a push in the database.
class WriteTransaction
{
public:
    explicit WriteTransaction(ServerDatabase &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    ServerDatabase &m_db;
    bool m_open = false;
};

} // namespace fieldsync::server
