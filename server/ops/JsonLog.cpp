#include "JsonLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <cstdio>

namespace fieldsync::server::JsonLog {

namespace {

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("error");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), levelName(type)},
        {QStringLiteral("category"), QString::fromUtf8(context.category ? context.category : "default")},
        {QStringLiteral("message"), message}};
    QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact);
    text += '\n';
    // One write per line, under a lock, so lines from two threads never interleave.
    static QMutex mutex;
    const QMutexLocker locker(&mutex);
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void install()
{
    qInstallMessageHandler(writeLine);
}

} // namespace fieldsync::server::JsonLog
