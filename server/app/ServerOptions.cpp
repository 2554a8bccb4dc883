#include "ServerOptions.h"

#include "store/DatabaseUrl.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <optional>

namespace fieldsync::server {

namespace {

Error usageError(const QString &message)
{
    return makeError(QStringLiteral("usage"), message);
}

// Reads "--name value" and "--name=value" forms; the value of a flag without one is empty.
class ArgumentCursor
{
public:
    explicit ArgumentCursor(QStringList arguments)
        : m_arguments(std::move(arguments))
    {}

    bool atEnd() const { return m_index >= m_arguments.size(); }
    QString next() { return m_arguments.value(m_index++); }

    Result<QString> valueFor(const QString &option, std::optional<QString> &inlineValue)
    {
        if (inlineValue) {
            const QString value = *inlineValue;
            inlineValue.reset();
            return value;
        }
        if (atEnd())
            return usageError(QStringLiteral("%1 needs a value").arg(option));
        return next();
    }

private:
    QStringList m_arguments;
    int m_index = 0;
};

Result<qint64> positiveNumber(const QString &option, const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0)
        return usageError(QStringLiteral("%1 must be a positive whole number, not '%2'").arg(option, text));
    return value;
}

Result<void> parseListen(const QString &text, ServerOptions &options)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return usageError(QStringLiteral("--listen takes HOST:PORT, not '%1'").arg(text));
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(
            QStringLiteral("--listen: '%1' is not a port (0 picks a free one)").arg(text.mid(colon + 1)));
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return usageError(QStringLiteral("--listen: '%1' is not an IP address (or localhost)").arg(host));
    options.listenAddress = address;
    options.listenPort = quint16(port);
    return {};
}

// BURST/PER_SECOND (200/50), a single number (the rate, with a burst of four seconds' worth),
// or off.
Result<void> parseRateLimit(const QString &text, ServerOptions &options)
{
    if (text == QLatin1String("off") || text == QLatin1String("0")) {
        options.rateBurst = 0;
        options.ratePerSecond = 0;
        return {};
    }
    const QStringList parts = text.split(QLatin1Char('/'));
    bool firstOk = false;
    bool rateOk = true;
    const double first = parts.value(0).toDouble(&firstOk);
    const double rate = parts.size() == 2 ? parts.value(1).toDouble(&rateOk) : first;
    const double burst = parts.size() == 2 ? first : rate * 4;
    // A burst under one request would refuse every request.
    if (parts.size() > 2 || !firstOk || !rateOk || !qIsFinite(burst) || !qIsFinite(rate) || burst < 1 ||
        rate <= 0)
        return usageError(QStringLiteral("--rate-limit takes BURST/PER_SECOND (e.g. 200/50), a rate per "
                                         "second (e.g. 10, a burst of 40), or off; not '%1'")
                              .arg(text));
    options.rateBurst = burst;
    options.ratePerSecond = rate;
    return {};
}

} // namespace

Result<ServerOptions> ServerOptions::parse(const QStringList &arguments)
{
    ServerOptions options;
    ArgumentCursor cursor(arguments.mid(1));
    const QString command = arguments.value(1);
    if (command == QLatin1String("add-user"))
        options.mode = Mode::AddUser;
    else if (command == QLatin1String("revoke-token"))
        options.mode = Mode::RevokeToken;
    else if (command == QLatin1String("issue-token"))
        options.mode = Mode::IssueToken;
    else if (command == QLatin1String("list-users"))
        options.mode = Mode::ListUsers;
    else if (command == QLatin1String("copy-db"))
        options.mode = Mode::CopyDatabase;
    if (options.mode != Mode::Serve)
        cursor.next();
    bool roleGiven = false;
    while (!cursor.atEnd()) {
        const QString argument = cursor.next();
        std::optional<QString> inlineValue;
        QString option = argument;
        if (argument.startsWith(QLatin1String("--")) && argument.contains(QLatin1Char('='))) {
            option = argument.section(QLatin1Char('='), 0, 0);
            inlineValue = argument.section(QLatin1Char('='), 1);
        }
        const bool adding = options.mode == Mode::AddUser;
        const bool serving = options.mode == Mode::Serve;
        const bool namingUser =
            adding || options.mode == Mode::RevokeToken || options.mode == Mode::IssueToken;
        auto value = [&]() { return cursor.valueFor(option, inlineValue); };

        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            options.mode = Mode::Help;
            return options;
        }
        if (option == QLatin1String("--version")) {
            options.mode = Mode::Version;
            return options;
        }
        Result<QString> text = QString();
        if (option == QLatin1String("--db")) {
            if (!(text = value()))
                return text.error();
            options.database = text.value();
        } else if (serving &&
                   (option == QLatin1String("--tls-cert") || option == QLatin1String("--tls-key"))) {
            if (!(text = value()))
                return text.error();
            (option == QLatin1String("--tls-cert") ? options.tlsCertificate : options.tlsKey) = text.value();
        } else if (serving && option == QLatin1String("--rate-limit")) {
            if (!(text = value()))
                return text.error();
            if (const Result<void> parsed = parseRateLimit(text.value(), options); !parsed)
                return parsed.error();
        } else if (serving && option == QLatin1String("--max-event-sockets-per-user")) {
            if (!(text = value()))
                return text.error();
            const Result<qint64> number = positiveNumber(option, text.value());
            if (!number)
                return number.error();
            options.maxEventSocketsPerUser = int(qMin<qint64>(number.value(), 1000000));
        } else if (serving && option == QLatin1String("--log-format")) {
            if (!(text = value()))
                return text.error();
            if (text.value() != QLatin1String("json") && text.value() != QLatin1String("text"))
                return usageError(QStringLiteral("--log-format is text or json, not '%1'").arg(text.value()));
            options.jsonLogs = text.value() == QLatin1String("json");
        } else if (options.mode == Mode::CopyDatabase && option == QLatin1String("--from")) {
            if (!(text = value()))
                return text.error();
            options.copySource = text.value();
        } else if (options.mode == Mode::ListUsers && option == QLatin1String("--json")) {
            options.json = true;
        } else if (serving && option == QLatin1String("--listen")) {
            if (!(text = value()))
                return text.error();
            if (const Result<void> parsed = parseListen(text.value(), options); !parsed)
                return parsed.error();
        } else if (serving && option == QLatin1String("--demo")) {
            options.demo = true;
        } else if (serving && option == QLatin1String("--demo-token-file")) {
            if (!(text = value()))
                return text.error();
            options.demoTokenFile = text.value();
        } else if (serving && option == QLatin1String("--insecure")) {
            options.insecure = true;
        } else if (serving && option == QLatin1String("--attachments-dir")) {
            if (!(text = value()))
                return text.error();
            options.attachmentsDir = text.value();
        } else if (serving && option == QLatin1String("--no-attachments")) {
            options.noAttachments = true;
        } else if (serving && option == QLatin1String("--max-attachment-mb")) {
            if (!(text = value()))
                return text.error();
            const Result<qint64> number = positiveNumber(option, text.value());
            if (!number)
                return number.error();
            options.maxAttachmentBytes = qMin<qint64>(number.value(), 1024 * 1024) * 1024 * 1024;
        } else if (serving &&
                   (option == QLatin1String("--max-body") || option == QLatin1String("--max-batch"))) {
            if (!(text = value()))
                return text.error();
            const Result<qint64> number = positiveNumber(option, text.value());
            if (!number)
                return number.error();
            if (option == QLatin1String("--max-body"))
                options.maxBodyBytes = number.value();
            else
                options.maxBatch = int(qMin<qint64>(number.value(), 1000000));
        } else if (adding && option == QLatin1String("--role")) {
            if (!(text = value()))
                return text.error();
            const std::optional<Role> role = roleFromName(text.value());
            if (!role)
                return usageError(
                    QStringLiteral("--role must be foreman, pm or admin, not '%1'").arg(text.value()));
            options.role = *role;
            roleGiven = true;
        } else if (adding && option == QLatin1String("--project")) {
            if (!(text = value()))
                return text.error();
            if (text.value().trimmed().isEmpty())
                return usageError(QStringLiteral("--project needs a project id"));
            if (!options.projects.contains(text.value()))
                options.projects.append(text.value());
        } else if (namingUser && !argument.startsWith(QLatin1Char('-')) && options.userName.isEmpty()) {
            options.userName = argument;
        } else {
            return usageError(QStringLiteral("unknown argument '%1'").arg(argument));
        }
        if (inlineValue)
            return usageError(QStringLiteral("%1 takes no value").arg(option));
    }

    if ((options.mode == Mode::RevokeToken || options.mode == Mode::IssueToken) &&
        options.userName.trimmed().isEmpty())
        return usageError(QStringLiteral("%1 needs the user's NAME").arg(command));
    if (options.mode == Mode::CopyDatabase && options.copySource.isEmpty())
        return usageError(QStringLiteral("copy-db needs --from SQLITE_PATH (and --db for the target)"));
    if (options.noAttachments && !options.attachmentsDir.isEmpty())
        return usageError(QStringLiteral("--attachments-dir and --no-attachments contradict each other"));
    // Instances sharing one PostgreSQL must share one folder too, and only the operator knows which.
    // Turning attachments off without a word would lose every photo upload unnoticed.
    if (options.mode == Mode::Serve && DatabaseUrl::isPostgres(options.database) &&
        options.attachmentsDir.isEmpty() && !options.noAttachments)
        return usageError(QStringLiteral("a server on PostgreSQL needs --attachments-dir DIR, a folder every "
                                         "instance shares (after copy-db: the SQLite file's DB.attachments "
                                         "folder), or --no-attachments to serve without attachments"));
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return usageError(QStringLiteral("--tls-cert and --tls-key go together"));
    if (options.mode == Mode::AddUser) {
        if (options.userName.trimmed().isEmpty() || options.userName.size() > 64)
            return usageError(QStringLiteral("add-user needs a NAME of 1 to 64 characters"));
        if (!roleGiven)
            return usageError(QStringLiteral("add-user needs --role foreman|pm|admin"));
        if (options.projects.isEmpty())
            return usageError(QStringLiteral("add-user needs at least one --project"));
    }
    return options;
}

QString ServerOptions::usage()
{
    return QCoreApplication::translate(
        "ServerOptions",
        "Usage:\n"
        "  fieldsync-server [--listen HOST:PORT] [--db PATH|URL] [--demo] [--demo-token-file FILE]\n"
        "                   [--max-body BYTES] [--max-batch N] [--insecure]\n"
        "                   [--tls-cert FILE --tls-key FILE] [--rate-limit BURST/PER_SECOND|RATE|off]\n"
        "                   [--attachments-dir DIR | --no-attachments] [--max-event-sockets-per-user N]\n"
        "                   [--log-format text|json]\n"
        "  fieldsync-server add-user NAME --role foreman|pm|admin --project P [--project P2 ...] [--db "
        "PATH|URL]\n"
        "  fieldsync-server revoke-token NAME [--db PATH|URL]\n"
        "  fieldsync-server issue-token NAME [--db PATH|URL]\n"
        "  fieldsync-server list-users [--json] [--db PATH|URL]\n"
        "  fieldsync-server copy-db --from SQLITE_PATH --db postgresql://USER@HOST:PORT/DB\n"
        "  fieldsync-server --help | --version\n"
        "\n"
        "Serving:\n"
        "  --listen HOST:PORT     address to listen on (default 127.0.0.1:8470; port 0 picks a free port)\n"
        "  --db PATH              SQLite database file, created when missing (default fieldsync-server.db)\n"
        "  --db postgresql://USER@HOST:PORT/DB   PostgreSQL instead (password from PGPASSWORD or\n"
        "                         ~/.pgpass); several instances may share one database\n"
        "  --demo                 seed project 'demo' (once) and issue fresh tokens for demo-foreman and "
        "demo-pm\n"
        "  --demo-token-file F    also write {\"url\",\"foreman_token\",\"pm_token\"} as JSON to F\n"
        "  --max-body BYTES       largest request body, after gzip inflation too (default 8388608)\n"
        "  --max-batch N          most changes in one push (default 1000)\n"
        "  --attachments-dir DIR  where attachment files are kept, by SHA-256 (default: DB.attachments\n"
        "                         next to the SQLite file; required with PostgreSQL)\n"
        "  --no-attachments       serve without the attachment endpoints (404)\n"
        "  --max-attachment-mb N  largest attachment file in MiB (default 50)\n"
        "  --insecure             allow plain HTTP on a non-loopback address (put TLS in front!)\n"
        "  --tls-cert FILE        serve HTTPS with this PEM certificate (chain after it) ...\n"
        "  --tls-key FILE         ... and this PEM private key\n"
        "  --rate-limit B/R       per user: a burst of B requests, refilled at R per second\n"
        "                         (default 200/50; R alone means a burst of 4*R; off disables);\n"
        "                         health and metrics are exempt, event WebSocket upgrades count\n"
        "                         like any request\n"
        "  --max-event-sockets-per-user N\n"
        "                         event WebSockets one user may hold open (default 20; the next\n"
        "                         gets 429); at most 1000 in all per instance (then 503)\n"
        "  --log-format json      one JSON object per log line on stderr (default text)\n"
        "\n"
        "When ready it prints one line to stdout: listening on http://HOST:PORT\n"
        "\n"
        "add-user creates the database and schema when needed, and prints the new user's token\n"
        "alone on the last line. Only the token's SHA-256 is stored: keep the token.\n"
        "revoke-token makes the user's token stop working at once; issue-token gives the user a\n"
        "new token (printed alone on the last line) and lifts a revocation. list-users shows\n"
        "users, roles, projects and whether their token is revoked (never the tokens).\n"
        "copy-db moves a stopped server's SQLite database into a new, empty PostgreSQL database\n"
        "(users and tokens, records, pull cursors, idempotency answers, audit), all or nothing.\n"
        "\n"
        "SIGTERM shuts down gracefully: no new connections, requests in flight are answered,\n"
        "event WebSockets are closed with a reason.\n");
}

QString ServerOptions::urlFor(const QHostAddress &address, quint16 port, bool tls)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return QStringLiteral("%1://%2:%3")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(port);
}

} // namespace fieldsync::server
