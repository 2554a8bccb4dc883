#pragma once

#include "common/Result.h"
#include "domain/Role.h"

#include <QHostAddress>
#include <QStringList>

namespace fieldsync::server {

// The command line of fieldsync-server:
//   fieldsync-server [--listen HOST:PORT] [--db PATH] [--demo] [--demo-token-file F]
//                    [--max-body BYTES] [--max-batch N] [--insecure]
//   fieldsync-server add-user NAME --role foreman|pm|admin --project P [--project P2 ...] [--db PATH]
//   fieldsync-server --help | --version
class ServerOptions
{
public:
    enum class Mode
    {
        Serve,
        AddUser,
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
    bool insecure = false;

    // add-user
    QString userName;
    Role role = Role::Foreman;
    QStringList projects;

    // arguments as QCoreApplication::arguments() gives them (program name first). Error usage
    // with a message naming what was wrong.
    static Result<ServerOptions> parse(const QStringList &arguments);
    static QString usage();

    // http://127.0.0.1:8470 or http://[::1]:8470
    static QString urlFor(const QHostAddress &address, quint16 port);
};

} // namespace fieldsync::server
