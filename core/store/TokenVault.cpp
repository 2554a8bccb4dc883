#include "TokenVault.h"

#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef FIELDSYNC_HAVE_QTKEYCHAIN
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>
#endif

namespace fieldsync {

namespace {

const QString FileName = QStringLiteral("token");

#ifdef FIELDSYNC_HAVE_QTKEYCHAIN
const QString Service = QStringLiteral("FieldSync");
constexpr int KeychainTimeoutMs = 10000;

// Runs a keychain job to its end. QtKeychain is asynchronous; sign-in is a rare, deliberate act,
// so waiting for it here keeps every caller simple.
bool runJob(QKeychain::Job &job, QString *errorText)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(KeychainTimeoutMs, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError)
        return true;
    if (errorText)
        *errorText = job.errorString();
    return false;
}
#endif

bool keychainReachable()
{
    if (qEnvironmentVariable("FIELDSYNC_TOKEN_STORE") == QLatin1String("file"))
        return false;
#if defined(FIELDSYNC_HAVE_QTKEYCHAIN) && defined(Q_OS_LINUX)
    // Secret Service and KWallet live on the session bus; without one (a server, CI, ssh) there
    // is no keychain to ask, and asking could wait for a D-Bus autolaunch.
    return qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
#elif defined(FIELDSYNC_HAVE_QTKEYCHAIN)
    return true;
#else
    return false;
#endif
}

} // namespace

TokenVault::TokenVault(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_key(QStringLiteral("token:") + QFileInfo(m_dataDir).absoluteFilePath())
    , m_keychainUsable(keychainReachable())
{}

bool TokenVault::builtWithKeychain()
{
#ifdef FIELDSYNC_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString TokenVault::fileWarning()
{
    return QStringLiteral("no system keychain is available: the sign-in token is kept in a file "
                          "readable only by this user (mode 0600)");
}

QString TokenVault::filePath() const
{
    return QDir(m_dataDir).filePath(FileName);
}

Result<void> TokenVault::store(const QString &token)
{
    if (token.isEmpty())
        return remove();
#ifdef FIELDSYNC_HAVE_QTKEYCHAIN
    if (m_keychainUsable) {
        QKeychain::WritePasswordJob job(Service);
        job.setKey(m_key);
        job.setTextData(token);
        QString failure;
        if (runJob(job, &failure)) {
            removeFile(); // a token from an earlier fallback must not linger
            return {};
        }
        qCWarning(lcStore) << "the keychain refused the token; keeping it in a 0600 file:" << failure;
        m_keychainUsable = false;
    }
#endif
    return writeFile(token);
}

Result<QString> TokenVault::load()
{
#ifdef FIELDSYNC_HAVE_QTKEYCHAIN
    if (m_keychainUsable) {
        QKeychain::ReadPasswordJob job(Service);
        job.setKey(m_key);
        QString failure;
        if (runJob(job, &failure))
            return job.textData();
        if (job.error() != QKeychain::EntryNotFound) {
            qCWarning(lcStore) << "cannot read the keychain; trying the token file:" << failure;
            m_keychainUsable = false;
        }
    }
#endif
    return readFile();
}

Result<void> TokenVault::remove()
{
#ifdef FIELDSYNC_HAVE_QTKEYCHAIN
    if (m_keychainUsable) {
        QKeychain::DeletePasswordJob job(Service);
        job.setKey(m_key);
        QString failure;
        if (!runJob(job, &failure) && job.error() != QKeychain::EntryNotFound)
            qCWarning(lcStore) << "cannot remove the token from the keychain:" << failure;
    }
#endif
    removeFile();
    return {};
}

Result<void> TokenVault::writeFile(const QString &token) const
{
    // Created 0600 from the start (not chmod-ed after), then renamed over the old one, so the
    // token is never readable by others nor half written.
    const QByteArray target = QFile::encodeName(filePath());
    const QByteArray temporary = target + ".new";
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(QStringLiteral("token_store"), QStringLiteral("cannot write %1").arg(filePath()));
    ::fchmod(fd, 0600);
    const QByteArray bytes = token.toUtf8();
    const bool written =
        ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.constData(), target.constData()) != 0) {
        ::unlink(temporary.constData());
        return makeError(QStringLiteral("token_store"), QStringLiteral("cannot write %1").arg(filePath()));
    }
    return {};
}

Result<QString> TokenVault::readFile() const
{
    QFile file(filePath());
    if (!file.exists())
        return QString();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("token_store"),
                         QStringLiteral("cannot read %1: %2").arg(filePath(), file.errorString()));
    return QString::fromUtf8(file.readAll()).trimmed();
}

void TokenVault::removeFile() const
{
    QFile::remove(filePath());
}

} // namespace fieldsync
