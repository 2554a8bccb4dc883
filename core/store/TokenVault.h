#pragma once

#include "common/Result.h"

#include <QString>

namespace fieldsync {

// Where a device keeps its sign-in token: the system keychain (Secret Service / KWallet through
// QtKeychain) when this build has QtKeychain and a keychain answers, otherwise a file `token` in
// the data directory with mode 0600 (the directory itself is 0700). The file is the weaker
// place, so usesFile() is there for the GUI and the CLI to warn about it visibly.
//
// The token never appears in a log line. FIELDSYNC_TOKEN_STORE=file forces the file (tests,
// headless machines).
class TokenVault
{
public:
    explicit TokenVault(QString dataDir);

    // An empty token removes the stored one.
    Result<void> store(const QString &token);
    // Empty when none is stored.
    Result<QString> load();
    Result<void> remove();

    // True when the token is (or would be) kept in the 0600 file rather than a keychain.
    bool usesFile() const { return !m_keychainUsable; }
    // The warning to show when usesFile().
    static QString fileWarning();
    QString filePath() const;

    static bool builtWithKeychain();

private:
    Result<void> writeFile(const QString &token) const;
    Result<QString> readFile() const;
    void removeFile() const;

    QString m_dataDir;
    QString m_key; // the keychain entry: one per data directory
    bool m_keychainUsable = false;
};

} // namespace fieldsync
