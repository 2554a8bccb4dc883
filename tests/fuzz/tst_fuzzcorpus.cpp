// Every input in tests/fuzz/corpus (the seeds) and tests/fuzz/regressions (inputs that once broke
// a target, kept after the fix) through the same functions the libFuzzer targets run, in the
// ordinary build: a crash found by fuzzing stays fixed without clang.
#include "FuzzTargets.h"
#include "PushHandlerFuzzTarget.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace fieldsync::fuzz;

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private:
    static QList<FuzzTarget> targets()
    {
        QList<FuzzTarget> all = protocolTargets();
        all.append({QStringLiteral("push_handler"), &fuzzPushHandler});
        return all;
    }

private slots:
    void eachTargetHasSeeds()
    {
        for (const FuzzTarget &target : targets()) {
            const QDir corpus(QStringLiteral(FIELDSYNC_FUZZ_DIR "/corpus/") + target.name);
            QVERIFY2(corpus.entryList(QDir::Files).size() >= 3, qPrintable(target.name));
        }
    }

    void input_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("path");
        const QList<FuzzTarget> all = targets();
        for (int index = 0; index < all.size(); ++index) {
            for (const QString &folder : {QStringLiteral("corpus"), QStringLiteral("regressions")}) {
                const QDir dir(QStringLiteral(FIELDSYNC_FUZZ_DIR "/") + folder + QLatin1Char('/') +
                               all.at(index).name);
                for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
                    const QString row =
                        all.at(index).name + QLatin1Char('/') + folder + QLatin1Char('/') + file;
                    QTest::newRow(qPrintable(row)) << index << dir.filePath(file);
                }
            }
        }
    }

    void input()
    {
        QFETCH(int, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const std::optional<QString> broken = targets().at(target).run(file.readAll());
        QVERIFY2(!broken, qPrintable(broken.value_or(QString())));
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
