#include "StopSignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fieldsync::cli {

namespace {

// Written by the handler, read by the event loop; one pair per process.
int g_pair[2] = {-1, -1};

Error systemError(const QString &what)
{
    return makeError(QStringLiteral("signals"),
                     QStringLiteral("%1 failed: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{}

StopSignals::~StopSignals() = default;

void StopSignals::handle(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_pair[0], &byte, 1);
    errno = savedErrno;
}

Result<void> StopSignals::watch(std::initializer_list<int> signalNumbers)
{
    if (g_pair[0] < 0) {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pair) != 0)
            return systemError(QStringLiteral("socketpair"));
        ::fcntl(g_pair[0], F_SETFL, O_NONBLOCK);
        ::fcntl(g_pair[1], F_SETFL, O_NONBLOCK);
    }
    if (!m_notifier) {
        m_notifier = new QSocketNotifier(g_pair[1], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &StopSignals::onReadable);
    }
    for (int signalNumber : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = &StopSignals::handle;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        if (::sigaction(signalNumber, &action, nullptr) != 0)
            return systemError(QStringLiteral("sigaction(%1)").arg(signalNumber));
    }
    return {};
}

void StopSignals::onReadable()
{
    unsigned char byte = 0;
    while (::read(g_pair[1], &byte, 1) == 1)
        emit received(int(byte));
}

} // namespace fieldsync::cli
