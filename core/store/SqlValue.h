#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVariant>

namespace fieldsync {

// A value bound to a statement by ServerDatabase::write and select: NULL, an integer, or text kept
// in the form the caller has it (UTF-16 or already UTF-8), so that SQLite, which stores UTF-8,
// gets JSON the server encoded once without a round trip through UTF-16. A null QString or
// QByteArray binds NULL, as QtSql binds them.
class SqlValue
{
public:
    SqlValue() = default;
    SqlValue(qint64 integer)
        : m_kind(Kind::Integer)
        , m_integer(integer)
    {}
    SqlValue(int integer)
        : SqlValue(qint64(integer))
    {}
    SqlValue(const QString &text)
        : m_kind(text.isNull() ? Kind::Null : Kind::Utf16)
        , m_utf16(text)
    {}
    SqlValue(const QByteArray &utf8)
        : m_kind(utf8.isNull() ? Kind::Null : Kind::Utf8)
        , m_utf8(utf8)
    {}

    bool isNull() const { return m_kind == Kind::Null; }
    bool isInteger() const { return m_kind == Kind::Integer; }
    qint64 integer() const { return m_integer; }
    QByteArray utf8() const { return m_kind == Kind::Utf8 ? m_utf8 : m_utf16.toUtf8(); }
    // Whether the value is text held in UTF-16, and that text.
    bool isUtf16() const { return m_kind == Kind::Utf16; }
    const QString &utf16() const { return m_utf16; }

    // What QtSql binds for the same value (the PostgreSQL path).
    QVariant toVariant() const
    {
        switch (m_kind) {
        case Kind::Null:
            return QVariant(QMetaType::fromType<QString>());
        case Kind::Integer:
            return QVariant(m_integer);
        case Kind::Utf16:
            return QVariant(m_utf16);
        case Kind::Utf8:
            return QVariant(QString::fromUtf8(m_utf8));
        }
        return {};
    }

private:
    enum class Kind
    {
        Null,
        Integer,
        Utf16,
        Utf8
    };
    Kind m_kind = Kind::Null;
    qint64 m_integer = 0;
    QString m_utf16;
    QByteArray m_utf8;
};

// One row of a select: columns by position, as the statement names them.
class SqlRow
{
public:
    virtual ~SqlRow() = default;
    virtual bool isNull(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    virtual QString text(int column) const = 0;
    // The column's text as UTF-8, as stored.
    virtual QByteArray utf8(int column) const = 0;
    // The same without a copy where the row can lend it: valid until the next call on this row or
    // until it moves on. Empty for NULL, as for empty text: ask isNull() to tell them apart.
    virtual QByteArrayView utf8View(int column) const
    {
        m_lent = utf8(column);
        return m_lent;
    }

private:
    mutable QByteArray m_lent;
};

} // namespace fieldsync
