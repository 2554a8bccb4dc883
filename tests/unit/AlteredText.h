#pragma once

// Sound text broken one byte at a time, for the tests of fast readers against general ones.
#include <QByteArray>
#include <QList>

namespace fieldsync::test {

// The byte at `at` of sound dropped, doubled, and replaced with each of replacements that differs.
inline QList<QByteArray> alterationsAt(const QByteArray &sound, qsizetype at, const QByteArray &replacements)
{
    QList<QByteArray> altered;
    altered.append(QByteArray(sound).remove(at, 1));
    altered.append(QByteArray(sound).insert(at, sound.at(at)));
    for (const char replacement : replacements) {
        if (replacement != sound.at(at))
            altered.append(QByteArray(sound).replace(at, 1, QByteArray(1, replacement)));
    }
    return altered;
}

} // namespace fieldsync::test
