#include "SqliteStatements.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <cstring>
#include <dlfcn.h>
#include <optional>
#include <sqlite3.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace fieldsync {

namespace {

class SqliteRow final : public SqlRow
{
public:
    explicit SqliteRow(sqlite3_stmt *statement)
        : m_statement(statement)
    {}

    bool isNull(int column) const override { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    qint64 integer(int column) const override { return sqlite3_column_int64(m_statement, column); }
    QString text(int column) const override
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!text)
            return {};
        const int bytes = sqlite3_column_bytes(m_statement, column);
        // Empty text is an empty string, not a null one (NULL is), as QtSql reads it.
        if (bytes == 0)
            return QStringLiteral("");
        return QString::fromUtf8(text, bytes);
    }
    QByteArray utf8(int column) const override
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!text)
            return {};
        return QByteArray(text, sqlite3_column_bytes(m_statement, column));
    }
    QByteArrayView utf8View(int column) const override
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!text)
            return {};
        return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
    }

private:
    sqlite3_stmt *m_statement;
};

// Whether the shared object that holds the driver resolves sqlite3_step to this build's SQLite.
bool driverSharesOurSqlite(const QSqlDriver *driver)
{
    Dl_info info{};
    // The driver's vtable lives in the plugin that made it.
    if (dladdr(*reinterpret_cast<void *const *>(driver), &info) == 0 || !info.dli_fname)
        return false;
    void *plugin = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
    if (!plugin)
        return false;
    const void *theirs = dlsym(plugin, "sqlite3_step");
    dlclose(plugin);
    return theirs == reinterpret_cast<const void *>(&sqlite3_step);
}

// Whether from, the text a place was converted from (null when none), is text; shared data
// (the same QString bound again) needs no comparing.
bool sameText(const QString &from, const QString &text)
{
    if (from.isNull())
        return false;
    if (from.size() != text.size())
        return false;
    // As QString's ==, without its call for text that differs (an id) or is equal but not shared.
    return from.constData() == text.constData() ||
           std::memcmp(from.constData(), text.constData(), size_t(text.size()) * sizeof(QChar)) == 0;
}

// text as UTF-8 into utf8. ASCII (the ids, names and times a push binds) is narrowed eight units
// at a time where SSE2 is at hand, into utf8's own room when nothing else shares it (a place
// binds an id of the same size each time), anything else converted by Qt.
void putUtf8(const QString &text, QByteArray &utf8)
{
#ifdef __SSE2__
    const char16_t *unit = QStringView(text).utf16();
    const char16_t *const end = unit + text.size();
    utf8.resize(text.size());
    char *cursor = utf8.data();
    const __m128i nonAscii = _mm_set1_epi16(qint16(0xff80));
    for (; end - unit >= 8; unit += 8, cursor += 8) {
        const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i *>(unit));
        const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(units, nonAscii), _mm_setzero_si128());
        if (_mm_movemask_epi8(ascii) != 0xffff) {
            utf8 = text.toUtf8();
            return;
        }
        _mm_storel_epi64(reinterpret_cast<__m128i *>(cursor), _mm_packus_epi16(units, units));
    }
    for (; unit < end; ++unit) {
        if (*unit >= 0x80) {
            utf8 = text.toUtf8();
            return;
        }
        *cursor++ = char(*unit);
    }
#else
    utf8 = text.toUtf8();
#endif
}

} // namespace

sqlite3 *SqliteStatements::handleOf(const QSqlDatabase &db)
{
    const QSqlDriver *driver = db.driver();
    if (!driver || !db.isOpen())
        return nullptr;
    const QVariant handle = driver->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection || !driverSharesOurSqlite(driver))
        return nullptr;
    return connection;
}

SqliteStatements::SqliteStatements(sqlite3 *db)
    : m_db(db)
{}

SqliteStatements::~SqliteStatements()
{
    for (const Prepared &prepared : std::as_const(m_statements))
        sqlite3_finalize(prepared.statement);
}

Error SqliteStatements::failure(const QString &sql) const
{
    return makeError(QStringLiteral("database"),
                     QStringLiteral("[%1] failed: %2").arg(sql, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

Result<sqlite3_stmt *> SqliteStatements::prepared(const QString &sql, const SqlValue *values, qsizetype count)
{
    Prepared &slot = m_statements[sql];
    sqlite3_stmt *&statement = slot.statement;
    if (!statement) {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(m_db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                               &statement, nullptr) != SQLITE_OK) {
            m_statements.remove(sql);
            return makeError(
                QStringLiteral("database"),
                QStringLiteral("cannot prepare [%1]: %2").arg(sql, QString::fromUtf8(sqlite3_errmsg(m_db))));
        }
    }
    if (count != sqlite3_bind_parameter_count(statement)) {
        return makeError(QStringLiteral("database"), QStringLiteral("[%1] takes %2 values, not %3")
                                                         .arg(sql)
                                                         .arg(sqlite3_bind_parameter_count(statement))
                                                         .arg(count));
    }
    // A place's old text goes once the place is bound anew (SQLite may read it until then).
    slot.places.resize(count);
    Place *const places = slot.places.data(); // detached once, not at every place
    for (int index = 1; index <= count; ++index) {
        const SqlValue &value = values[index - 1];
        Place &place = places[index - 1];
        int bound = SQLITE_OK;
        if (value.isNull()) {
            if (place.bound == Place::Bound::Null)
                continue;
            bound = sqlite3_bind_null(statement, index);
            place.bound = Place::Bound::Null;
        } else if (value.isInteger()) {
            if (place.bound == Place::Bound::Integer && place.integer == value.integer())
                continue;
            bound = sqlite3_bind_int64(statement, index, value.integer());
            place.bound = Place::Bound::Integer;
            place.integer = value.integer();
        } else {
            if (!value.isUtf16()) {
                place.text = value.utf8();
                place.from = QString();
            } else if (!sameText(place.from, value.utf16())) {
                // SQLite reads the place's text only while a run steps: it may be written over
                // until the place is bound again, below.
                putUtf8(value.utf16(), place.text);
                place.from = value.utf16();
            } else if (place.bound == Place::Bound::Text) {
                continue; // the same text, and still bound there
            }
            bound = sqlite3_bind_text64(statement, index, place.text.constData(),
                                        sqlite3_uint64(place.text.size()), SQLITE_STATIC, SQLITE_UTF8);
            place.bound = Place::Bound::Text;
        }
        if (bound != SQLITE_OK) {
            const Error error = failure(sql);
            sqlite3_clear_bindings(statement);
            for (Place &cleared : slot.places)
                cleared.bound = Place::Bound::Nothing;
            return error;
        }
    }
    return statement;
}

Result<qint64> SqliteStatements::write(const QString &sql, std::initializer_list<SqlValue> values)
{
    if (const Result<void> done = run(sql, values.begin(), qsizetype(values.size()), {}); !done)
        return done.error();
    return qint64(sqlite3_changes(m_db));
}

Result<void> SqliteStatements::select(const QString &sql, std::initializer_list<SqlValue> values,
                                      const std::function<void(const SqlRow &)> &onRow)
{
    return run(sql, values.begin(), qsizetype(values.size()), onRow);
}

Result<void> SqliteStatements::select(const QString &sql, const QList<SqlValue> &values,
                                      const std::function<void(const SqlRow &)> &onRow)
{
    return run(sql, values.constData(), values.size(), onRow);
}

Result<void> SqliteStatements::select(const QString &sql, const SqlValue *values, qsizetype count,
                                      const std::function<void(const SqlRow &)> &onRow)
{
    return run(sql, values, count, onRow);
}

Result<void> SqliteStatements::run(const QString &sql, const SqlValue *values, qsizetype count,
                                   const std::function<void(const SqlRow &)> &onRow)
{
    const Result<sqlite3_stmt *> statement = prepared(sql, values, count);
    if (!statement)
        return statement.error();
    sqlite3_stmt *running = statement.value();
    const SqliteRow row(running);
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(running)) == SQLITE_ROW) {
        if (onRow)
            onRow(row);
    }
    std::optional<Error> error;
    if (stepped != SQLITE_DONE)
        error = failure(sql);
    // Every run binds every value (or finds it bound there already), so the old bindings need no
    // clearing.
    sqlite3_reset(running);
    if (error)
        return *error;
    return {};
}

} // namespace fieldsync
