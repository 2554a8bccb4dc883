#pragma once

#include "ApiError.h"
#include "protocol/PushMessages.h"

#include <QByteArray>
#include <QObject>
#include <QThread>

#include <deque>
#include <functional>
#include <optional>

namespace fieldsync {

// Push answers on their way to the caller: each body is decoded on a worker thread, so that this
// thread stays free to feed the upload of the request sent meanwhile, and every answer, decoded
// or failed, is delivered on this thread in the order it was added.
class PushAnswerQueue : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ApiResult<protocol::PushResponse> &)>;

    explicit PushAnswerQueue(QObject *parent = nullptr);
    // Waits for a decode still running; answers not yet delivered are dropped.
    ~PushAnswerQueue() override;

    // A 2xx answer's body, delivered once decoded and every answer added before it is delivered.
    // atFront runs first, as soon as every answer before it is delivered (at once when there are
    // none): a caller that sends its next request from there never does so before it has seen
    // the answers to its earlier requests. The decoding starts at once either way.
    void addBody(QByteArray body, std::function<void()> atFront, Done done);
    // A failed request, delivered in its turn.
    void addFailure(ApiError error, Done done);
    // While held, nothing is delivered: the caller's work on an answer would hold up an upload.
    void hold();
    void release();
    bool isHeld() const { return m_held; }

private:
    struct Pending
    {
        quint64 id = 0;
        std::optional<ApiResult<protocol::PushResponse>> answer;
        std::function<void()> atFront; // cleared once run
        Done done;
    };
    void onDecoded(quint64 id, ApiResult<protocol::PushResponse> answer);
    void deliverReady();
    QObject *decoder();

    std::deque<Pending> m_pending;
    quint64 m_nextId = 0;
    bool m_held = false;
    QThread m_thread;
    QObject *m_decoder = nullptr; // lives in m_thread, made on first use
};

} // namespace fieldsync
