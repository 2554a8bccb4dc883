#include "WriteTransaction.h"

#include "common/Logging.h"

namespace fieldsync::server {

WriteTransaction::WriteTransaction(ServerDatabase &db)
    : m_db(db)
{}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    if (const Result<void> undone = m_db.rollback(); !undone)
        qCWarning(lcServerStore) << "rollback failed:" << undone.error().toString();
}

Result<void> WriteTransaction::begin()
{
    const Result<void> begun = m_db.beginWrite();
    m_open = begun.ok();
    return begun;
}

Result<void> WriteTransaction::commit()
{
    const Result<void> done = m_db.commit();
    if (done)
        m_open = false;
    return done;
}

} // namespace fieldsync::server
