#pragma once

#include "common/Result.h"
#include "domain/Role.h"

#include <QHostAddress>
#include <QStringList>

namespace fieldsync::server {

// The command line of fieldsync-server:
//   fieldsync-server [--listen HOST:PORT] [--db PATH|URL] [--demo] [--demo-token-file F]
//                    [--max-body BYTES] [--max-batch N] [--insecure] [--tls-cert F --tls-key F]
//                    [--attachments-dir DIR | --no-attachments]
//                    [--rate-limit BURST/PER_SECOND|RATE|off] [--max-event-sockets-per-user N]
//                    [--log-format text|json]
//   fieldsync-server add-user NAME --role foreman|pm|admin --project P [--project P2 ...] [--db PATH]
//   fieldsync-server revoke-token NAME [--db PATH] | issue-token NAME [--db PATH]
//   fieldsync-server list-users [--json] [--db PATH]
//   fieldsync-server copy-db --from SQLITE_PATH --db postgresql://...
//   fieldsync-server --help | --version
class ServerOptions
{
public:
    enum class Mode
    {
        Serve,
        AddUser,
        RevokeToken,
        IssueToken,
        ListUsers,
        CopyDatabase,
        Help,
        Version
    };

    Mode mode = Mode::Serve;
    QString database = QStringLiteral("fieldsync-server.db");

    // serve
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8470;
    bool demo = false;
    QString demoTokenFile;
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int maxBatch = 1000;
    QString attachmentsDir;     // empty: <db file>.attachments next to a SQLite file
    bool noAttachments = false; // --no-attachments: the attachment endpoints are off
    qint64 maxAttachmentBytes = 50 * 1024 * 1024;
    bool insecure = false;
    QString tlsCertificate; // PEM, the server's certificate first, then its chain
    QString tlsKey;         // PEM private key
    double rateBurst = 200; // per user; rateBurst/ratePerSecond, --rate-limit off sets 0
    double ratePerSecond = 50;
    int maxEventSocketsPerUser = 20; // open event WebSockets per user (the token's user)
    bool jsonLogs = false;
    int drainTimeoutMs = 10000; // graceful shutdown: how long requests in flight may take

    // add-user, revoke-token, issue-token
    QString userName;
    Role role = Role::Foreman;
    QStringList projects;
    // list-users
    bool json = false;
    // copy-db: the SQLite file to copy into --db
    QString copySource;

    // arguments as QCoreApplication::arguments() gives them (program name first). Error usage
    // with a message naming what was wrong.
    static Result<ServerOptions> parse(const QStringList &arguments);
    static QString usage();

    // http://127.0.0.1:8470 or https://[::1]:8470
    static QString urlFor(const QHostAddress &address, quint16 port, bool tls = false);
};

} // namespace fieldsync::server
