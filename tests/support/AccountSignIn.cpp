#include "AccountSignIn.h"

#include <QEventLoop>

namespace fieldsync::test {

SignInOutcome askServerForAccount(SyncApiClient &api, const QString &url, const QString &token)
{
    api.setServer(QUrl(url), token);
    SignInOutcome outcome;
    outcome.account.serverUrl = url;
    outcome.account.token = token;
    QEventLoop loop;
    api.me([&](const ApiResult<protocol::MeResponse> &me) {
        if (me.ok()) {
            outcome.verified = true;
            outcome.account.userName = me.value().user;
            outcome.account.role = me.value().role;
            outcome.account.projects = me.value().projects;
            outcome.account.currentProject = me.value().projects.value(0);
        }
        loop.quit();
    });
    loop.exec();
    return outcome;
}

} // namespace fieldsync::test
