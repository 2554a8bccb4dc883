#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

class QIODevice;

namespace fieldsync {

// Incremental SHA-256 for attachment bytes. Qt 6.4's own SHA-256 runs at about 100 MB/s, and an
// upload hashes every byte three times (the device per chunk, the server per chunk and once more
// for the whole file), which made hashing the limit of an upload. OpenSSL's libcrypto, when the
// build finds it, uses the CPU's SHA instructions (over 1 GB/s); without it this falls back to
// QCryptographicHash, with the same results.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView bytes);
    // Reads a file (or another device that is read to its end) through. False when a read fails.
    bool addData(QIODevice *device);
    // Lower-case hex of the digest of everything added; the hash cannot be added to afterwards.
    QByteArray resultHex();

    static QByteArray hexOf(QByteArrayView bytes);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace fieldsync
