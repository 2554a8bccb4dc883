// The names the GUI gives records: every kind has one, in every language we ship (a photo's
// rejected upload was listed as ": title", with no kind at all).
#include "common/Translations.h"
#include "common/UiText.h"
#include "domain/EntitySchema.h"

#include <QScopeGuard>
#include <QTest>

using namespace fieldsync;
using namespace fieldsync::ui;

class TestUiText : public QObject
{
    Q_OBJECT

private slots:
    void everyKindHasANameInEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        for (const char *language : {"en", "de", "es", "fr"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }

    void everyKindHasANameInEveryLanguage()
    {
        QFETCH(QString, language);
        QVERIFY(applyLanguage(language).startsWith(language));
        const auto backToEnglish = qScopeGuard([] { applyLanguage(QStringLiteral("en")); });
        for (const EntitySchema *schema : EntitySchema::all()) {
            QVERIFY2(!UiText::entityName(schema->kind).isEmpty(), qPrintable(schema->wireName));
            QVERIFY2(!UiText::entityNamePlural(schema->kind).isEmpty(), qPrintable(schema->wireName));
        }
        if (language != QLatin1String("en")) {
            QVERIFY(UiText::entityName(EntityKind::Attachment) != QLatin1String("Photo or signature"));
            QVERIFY(UiText::entityNamePlural(EntityKind::Attachment) !=
                    QLatin1String("Photos and signatures"));
        }
    }

    // English has one and many too: "2 photo(s) saved" is the source text, not what people read.
    void englishCountsReadAsEnglish()
    {
        QVERIFY(applyLanguage(QStringLiteral("en")).startsWith(QLatin1String("en")));
        const char *context = "fieldsync::ui::AttachmentStrip";
        const char *saved = "%n photo(s) saved on this device. They upload with the next sync.";
        QCOMPARE(QCoreApplication::translate(context, saved, nullptr, 1),
                 QStringLiteral("1 photo saved on this device. It uploads with the next sync."));
        QCOMPARE(QCoreApplication::translate(context, saved, nullptr, 2),
                 QStringLiteral("2 photos saved on this device. They upload with the next sync."));
        QCOMPARE(QCoreApplication::translate("fieldsync::ui::PhotoStorageSettings",
                                             "%n photo(s) removed from this device; the server keeps them.",
                                             nullptr, 3),
                 QStringLiteral("3 photos removed from this device; the server keeps them."));
    }
};

QTEST_MAIN(TestUiText)
#include "tst_uitext.moc"
