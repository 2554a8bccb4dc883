#include "LoadDevice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QWebSocket>

namespace fieldsync::bench {

namespace {

constexpr int MeanThinkMs = 1000;
constexpr int EventPullIntervalMs = 1000;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

LoadDevice::LoadDevice(int index, quint16 port, const QString &token, const QString &project, bool watch,
                       LoadStats &stats, QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_port(port)
    , m_deviceId(QStringLiteral("load-device-%1").arg(index))
    , m_token(token)
    , m_project(project)
    , m_watch(watch)
    , m_stats(stats)
    , m_http(port, "Bearer " + token.toLatin1())
    , m_random(quint32(index * 7919 + 17))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LoadDevice::cycle);
}

LoadDevice::~LoadDevice() = default;

void LoadDevice::start()
{
    m_running = true;
    // Spread the first requests over the first second, as tablets never start in lockstep.
    m_timer.start(int(m_random.bounded(MeanThinkMs)));
    if (!m_watch)
        return;
    m_events = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_events, &QWebSocket::connected, this, [this] { ++m_stats.watchersConnected; });
    connect(m_events, &QWebSocket::textMessageReceived, this, [this](const QString &) {
        ++m_stats.events;
        if (!m_running)
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!m_http.isBusy() && now - m_lastEventPullMs >= EventPullIntervalMs) {
            m_lastEventPullMs = now;
            pull(false);
        } else {
            m_eventPending = true;
        }
    });
    QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/events").arg(m_port)));
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setRawHeader("FieldSync-Protocol", "1");
    request.setRawHeader("FieldSync-Device-Id", m_deviceId.toLatin1());
    m_events->open(request);
}

void LoadDevice::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_events)
        m_events->close();
}

void LoadDevice::record(int status, double milliseconds)
{
    ++m_stats.requests;
    if (status == 200) {
        m_stats.latenciesMs.push_back(milliseconds);
        return;
    }
    ++m_stats.errors;
    ++m_stats.errorStatuses[status];
}

void LoadDevice::scheduleCycle()
{
    if (!m_running)
        return;
    m_timer.start(int(MeanThinkMs / 2 + m_random.bounded(MeanThinkMs)));
}

void LoadDevice::cycle()
{
    if (!m_running)
        return;
    if (m_http.isBusy()) { // an event-triggered pull is still out
        m_timer.start(50);
        return;
    }
    push();
}

QByteArray LoadDevice::makeBatch()
{
    QJsonArray changes;
    const int count = 1 + int(m_random.bounded(5));
    QSet<QString> touched;
    for (int index = 0; index < count; ++index) {
        const QString title = QStringLiteral("Task %1.%2").arg(m_index).arg(++m_counter);
        const bool create = m_own.isEmpty() || m_random.bounded(10) < 3;
        if (create) {
            changes.append(QJsonObject{
                {QStringLiteral("offline_id"), newId()},
                {QStringLiteral("entity"), QStringLiteral("task")},
                {QStringLiteral("op"), QStringLiteral("create")},
                {QStringLiteral("id"), newId()},
                {QStringLiteral("client_version"), 0},
                {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), title},
                                                     {QStringLiteral("priority"), QStringLiteral("normal")},
                                                     {QStringLiteral("project_id"), m_project}}}});
            continue;
        }
        const QList<QString> ids = m_own.keys();
        const QString id = ids.at(int(m_random.bounded(int(ids.size()))));
        if (touched.contains(id))
            continue; // one edit per record and batch: the next would need the version this one makes
        touched.insert(id);
        const auto &[version, oldTitle] = m_own.value(id);
        changes.append(QJsonObject{{QStringLiteral("offline_id"), newId()},
                                   {QStringLiteral("entity"), QStringLiteral("task")},
                                   {QStringLiteral("op"), QStringLiteral("update")},
                                   {QStringLiteral("id"), id},
                                   {QStringLiteral("client_version"), version},
                                   {QStringLiteral("base"), QJsonObject{{QStringLiteral("title"), oldTitle}}},
                                   {QStringLiteral("data"), QJsonObject{{QStringLiteral("title"), title}}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), m_deviceId},
                                     {QStringLiteral("client_time"),
                                      QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                     {QStringLiteral("batch_id"), newId()},
                                     {QStringLiteral("changes"), changes}})
        .toJson(QJsonDocument::Compact);
}

void LoadDevice::push()
{
    m_http.request(
        "POST", "/api/v1/sync/push", makeBatch(),
        [this](int status, const QByteArray &body, double milliseconds) {
            record(status, milliseconds);
            if (status == 200) {
                const QJsonArray applied =
                    QJsonDocument::fromJson(body).object().value(QStringLiteral("applied")).toArray();
                m_stats.changesApplied += applied.size();
                for (const QJsonValue &value : applied) {
                    const QJsonObject entry = value.toObject();
                    m_own.insert(entry.value(QStringLiteral("id")).toString(),
                                 {entry.value(QStringLiteral("version")).toInteger(),
                                  entry.value(QStringLiteral("data"))
                                      .toObject()
                                      .value(QStringLiteral("title"))
                                      .toString()});
                }
            }
            if (m_running)
                pull(true);
        });
}

void LoadDevice::pull(bool thenSchedule)
{
    const QByteArray path = "/api/v1/sync/pull?cursor=" + QByteArray::number(m_cursor) + "&limit=500";
    m_http.request(
        "GET", path, {}, [this, thenSchedule](int status, const QByteArray &body, double milliseconds) {
            record(status, milliseconds);
            if (status == 200) {
                const qint64 cursor =
                    QJsonDocument::fromJson(body).object().value(QStringLiteral("cursor")).toInteger();
                m_cursor = qMax(m_cursor, cursor);
            }
            if (thenSchedule) {
                scheduleCycle();
            } else if (m_eventPending && m_running) {
                // Events that came while this pull ran are covered at the next cycle's pull.
                m_eventPending = false;
            }
        });
}

} // namespace fieldsync::bench
