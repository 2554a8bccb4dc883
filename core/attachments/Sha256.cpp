#include "Sha256.h"

#include <QIODevice>

#ifdef FIELDSYNC_HAVE_OPENSSL_CRYPTO
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

namespace fieldsync {

namespace {

constexpr qint64 ReadBlockBytes = 256 * 1024;

} // namespace

#ifdef FIELDSYNC_HAVE_OPENSSL_CRYPTO

struct Sha256::State
{
    State()
        : context(EVP_MD_CTX_new())
    {
        // Only fails when out of memory, as allocating anything else would.
        Q_CHECK_PTR(context);
        EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
    }
    ~State() { EVP_MD_CTX_free(context); }

    EVP_MD_CTX *context;
};

void Sha256::addData(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_state->context, bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::resultHex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_state->context, digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

#else

struct Sha256::State
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

void Sha256::addData(QByteArrayView bytes)
{
    m_state->hash.addData(bytes);
}

QByteArray Sha256::resultHex()
{
    return m_state->hash.result().toHex();
}

#endif

Sha256::Sha256()
    : m_state(std::make_unique<State>())
{}

Sha256::~Sha256() = default;

bool Sha256::addData(QIODevice *device)
{
    QByteArray block(int(ReadBlockBytes), Qt::Uninitialized);
    for (;;) {
        const qint64 read = device->read(block.data(), block.size());
        if (read < 0)
            return false;
        if (read == 0)
            return true; // the end of the file
        addData(QByteArrayView(block.constData(), read));
    }
}

QByteArray Sha256::hexOf(QByteArrayView bytes)
{
    Sha256 hash;
    hash.addData(bytes);
    return hash.resultHex();
}

} // namespace fieldsync
