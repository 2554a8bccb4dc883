#pragma once

#include "store/DeviceStore.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

namespace fieldsync::ui {

// A local `fieldsync-server --demo` for trying FieldSync without an office server: started on
// 127.0.0.1 with a free port and its database in the device's data directory, it reports its
// address and the demo foreman's token once it listens, and is stopped (SIGTERM) with this object,
// that is when the GUI quits.
class DemoServer : public QObject
{
    Q_OBJECT

public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // The fieldsync-server next to this program, where the packages and the build put it.
    static QString defaultProgram();
    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }
    void setStartTimeoutMs(int ms) { m_timeout.setInterval(ms); }

    // Emits ready() or failed() once. The database is created on the first start and kept.
    void start(const QString &databasePath);
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }
    QString url() const { return m_url; }
    QString foremanToken() const { return m_foremanToken; }

    // Whether this data directory signed in to the demo server, so the GUI starts it again.
    static bool isDemoDevice(DeviceStore &store);
    // Saves the demo server as this device's server and account (like `fieldsync-cli login`).
    static Result<void> signIn(DeviceStore &store, const QString &url, const QString &token);
    static QString databasePath(DeviceStore &store);

signals:
    void ready(const QString &url, const QString &foremanToken);
    void failed(const QString &reason);

private:
    void readOutput();
    void fail(const QString &reason);

    QString m_program;
    QProcess m_process;
    QTimer m_timeout;
    QByteArray m_pending;
    QString m_url;
    QString m_foremanToken;
    bool m_reported = false;
    bool m_stopping = false;
};

} // namespace fieldsync::ui
