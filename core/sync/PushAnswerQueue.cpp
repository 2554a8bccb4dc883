#include "PushAnswerQueue.h"

namespace fieldsync {

PushAnswerQueue::PushAnswerQueue(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("fieldsync push answers"));
}

PushAnswerQueue::~PushAnswerQueue()
{
    // A decode that is running posts its result to this object: it must end while this object
    // still exists. Results posted and not yet delivered go with this object's event queue.
    m_thread.quit();
    m_thread.wait();
    delete m_decoder;
}

QObject *PushAnswerQueue::decoder()
{
    if (!m_decoder) {
        m_decoder = new QObject;
        m_decoder->moveToThread(&m_thread);
        m_thread.start();
    }
    return m_decoder;
}

void PushAnswerQueue::addBody(QByteArray body, std::function<void()> atFront, Done done)
{
    const quint64 id = ++m_nextId;
    m_pending.push_back({id, std::nullopt, std::move(atFront), std::move(done)});
    QMetaObject::invokeMethod(
        decoder(),
        [this, id, body = std::move(body)] {
            // Only the body is touched on this thread: decoding is a pure function of it. The
            // records applied are kept as the text the applier stores and reads (ServerRecordText).
            Result<protocol::PushResponse> decoded = protocol::PushResponse::fromJson(
                body, protocol::PushResponse::AppliedData::TextWhenCanonical);
            ApiResult<protocol::PushResponse> answer =
                decoded ? ApiResult<protocol::PushResponse>(std::move(decoded).value())
                        : ApiResult<protocol::PushResponse>(ApiError::protocolViolation(decoded.error()));
            QMetaObject::invokeMethod(
                this, [this, id, answer = std::move(answer)]() mutable { onDecoded(id, std::move(answer)); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    deliverReady();
}

void PushAnswerQueue::addFailure(ApiError error, Done done)
{
    m_pending.push_back(
        {++m_nextId, ApiResult<protocol::PushResponse>(std::move(error)), {}, std::move(done)});
    deliverReady();
}

void PushAnswerQueue::hold()
{
    m_held = true;
}

void PushAnswerQueue::release()
{
    m_held = false;
    deliverReady();
}

void PushAnswerQueue::onDecoded(quint64 id, ApiResult<protocol::PushResponse> answer)
{
    for (Pending &pending : m_pending) {
        if (pending.id == id) {
            pending.answer = std::move(answer);
            break;
        }
    }
    deliverReady();
}

void PushAnswerQueue::deliverReady()
{
    // A callback may add answers, hold the queue or run an event loop that delivers more: the
    // front is taken off before its callback runs and looked at afresh after.
    while (!m_held && !m_pending.empty()) {
        if (m_pending.front().atFront) {
            // It may hold the queue (or add to it): looked at afresh after.
            std::exchange(m_pending.front().atFront, nullptr)();
            continue;
        }
        if (!m_pending.front().answer)
            return;
        Pending next = std::move(m_pending.front());
        m_pending.pop_front();
        next.done(*next.answer);
    }
}

} // namespace fieldsync
