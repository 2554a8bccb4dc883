#include "ConflictDialog.h"

#include "common/KineticScrolling.h"
#include "common/UiColors.h"
#include "common/UiText.h"
#include "domain/FieldValues.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

QLabel *columnHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

ConflictDialog::ConflictDialog(DeviceStore &store, const StoredConflict &conflict, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_conflict(conflict)
    , m_preview(new QTreeWidget(this))
    , m_error(new QLabel(this))
    , m_resolveButton(new QPushButton(tr("Resolve"), this))
{
    setWindowTitle(tr("Resolve conflict"));
    const EntitySchema &schema = EntitySchema::of(conflict.change.entity);
    QJsonObject titled = conflict.serverState;
    for (auto it = conflict.change.data.begin(); it != conflict.change.data.end(); ++it)
        titled.insert(it.key(), it.value());
    LocalRecord named;
    named.entity = conflict.change.entity;
    named.data = titled;

    auto *heading =
        new QLabel(tr("Conflict on %1 “%2”").arg(UiText::entityName(schema.kind), named.title()), this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    heading->setFont(big);
    heading->setWordWrap(true);
    auto *explanation =
        new QLabel(UiText::conflictReasonText(conflict.reason) + QLatin1Char(' ') +
                       tr("Your edit was based on version %1; the server is now at version %2. "
                          "Choose what stays.")
                           .arg(conflict.change.clientVersion)
                           .arg(conflict.serverVersion),
                   this);
    explanation->setWordWrap(true);

    QWidget *choices = (conflict.reason == QLatin1String("stale") || !conflict.fields.isEmpty())
                           ? buildFieldGrid()
                           : buildRecordChoice();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(choices);
    scroll->setFrameShape(QFrame::NoFrame);
    enableKineticScrolling(scroll);

    m_preview->setColumnCount(2);
    m_preview->setHeaderLabels({tr("Field"), tr("Merged record")});
    m_preview->setRootIsDecorated(false);
    m_preview->setWordWrap(true);
    // Both columns share the width and wrap: long field names (Spanish, German) never push the
    // values out of sight.
    m_preview->header()->setSectionResizeMode(QHeaderView::Stretch);
    enableKineticScrolling(m_preview);
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(columnHeading(tr("Preview"), previewBox));
    previewLayout->addWidget(m_preview);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_error->setObjectName(QStringLiteral("conflictError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(UiColors::css(UiColors::errorText(palette()))));
    m_error->hide();

    // No button box: it would make Resolve the default button, and Enter must never resolve.
    auto *keepMine = new QPushButton(QIcon(QStringLiteral(":/icons/forward.svg")), tr("Keep all mine"), this);
    auto *takeServer =
        new QPushButton(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Take all server"), this);
    auto *later = new QPushButton(tr("Decide later"), this);
    keepMine->setObjectName(QStringLiteral("keepAllMine"));
    takeServer->setObjectName(QStringLiteral("takeAllServer"));
    later->setObjectName(QStringLiteral("decideLater"));
    m_resolveButton->setObjectName(QStringLiteral("resolveButton"));
    m_resolveButton->setIcon(QIcon(QStringLiteral(":/icons/approve.svg")));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(keepMine);
    buttons->addWidget(takeServer);
    buttons->addStretch(1);
    buttons->addWidget(later);
    buttons->addWidget(m_resolveButton);
    for (QPushButton *button : {keepMine, takeServer, later, m_resolveButton}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(keepMine, &QPushButton::clicked, this, [this] { chooseAll(ConflictSide::Mine); });
    connect(takeServer, &QPushButton::clicked, this, [this] { chooseAll(ConflictSide::Server); });
    connect(m_resolveButton, &QPushButton::clicked, this, [this] {
        if (resolve())
            accept();
    });
    connect(later, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    resize(1180, 680);
    updatePreview();
}

QWidget *ConflictDialog::buildFieldGrid()
{
    auto *panel = new QWidget(this);
    auto *grid = new QGridLayout(panel);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(14);
    grid->addWidget(columnHeading(tr("Field"), panel), 0, 0);
    grid->addWidget(columnHeading(tr("Before"), panel), 0, 1);
    grid->addWidget(columnHeading(tr("Mine (this device)"), panel), 0, 2);
    grid->addWidget(columnHeading(tr("Server"), panel), 0, 3);
    const EntitySchema &schema = EntitySchema::of(m_conflict.change.entity);
    bool anyBoth = false;
    int row = 1;
    // In the form's order, as the preview below and the editor show them; a field this version
    // does not know comes last.
    QList<FieldSpec> specs;
    for (const FieldSpec &spec : schema.fields) {
        if (m_conflict.fields.contains(spec.name))
            specs.append(spec);
    }
    for (auto it = m_conflict.fields.begin(); it != m_conflict.fields.end(); ++it) {
        if (!schema.field(it.key())) {
            FieldSpec unknown;
            unknown.name = it.key();
            specs.append(unknown);
        }
    }
    for (const FieldSpec &spec : std::as_const(specs)) {
        auto *fieldRow = new ConflictFieldRow(spec, m_conflict.fields.value(spec.name), grid, row++, panel);
        anyBoth = anyBoth || fieldRow->offersBoth();
        connect(fieldRow, &ConflictFieldRow::choiceChanged, this, &ConflictDialog::updatePreview);
        m_rows.append(fieldRow);
    }
    if (anyBoth)
        grid->addWidget(columnHeading(tr("Both"), panel), 0, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 2);
    grid->setColumnStretch(3, 2);
    grid->setColumnStretch(4, anyBoth ? 2 : 0);
    grid->setRowStretch(row, 1);
    return panel;
}

QWidget *ConflictDialog::buildRecordChoice()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    m_recordGroup = new QButtonGroup(this);
    const bool deletedOnServer = m_conflict.reason == QLatin1String("deleted");
    auto *mine = new QRadioButton(
        deletedOnServer ? tr("Restore the record with my edit") : tr("Delete it anyway"), panel);
    auto *server = new QRadioButton(deletedOnServer ? tr("Leave it deleted and drop my edit")
                                                    : tr("Keep the server's record and drop my delete"),
                                    panel);
    mine->setObjectName(QStringLiteral("recordMine"));
    server->setObjectName(QStringLiteral("recordServer"));
    m_recordGroup->addButton(mine, int(ConflictSide::Mine));
    m_recordGroup->addButton(server, int(ConflictSide::Server));
    layout->addWidget(mine);
    layout->addWidget(server);
    layout->addStretch(1);
    connect(m_recordGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updatePreview();
    });
    return panel;
}

ConflictFieldRow *ConflictDialog::row(const QString &field) const
{
    for (ConflictFieldRow *fieldRow : m_rows) {
        if (fieldRow->fieldName() == field)
            return fieldRow;
    }
    return nullptr;
}

bool ConflictDialog::isComplete() const
{
    if (m_recordGroup)
        return m_recordGroup->checkedId() >= 0;
    for (const ConflictFieldRow *fieldRow : m_rows) {
        if (fieldRow->choice() == ConflictFieldRow::Choice::None)
            return false;
    }
    return true;
}

ConflictChoice ConflictDialog::currentChoice() const
{
    ConflictChoice choice;
    if (m_recordGroup) {
        if (m_recordGroup->checkedId() >= 0)
            choice.recordSide = ConflictSide(m_recordGroup->checkedId());
        return choice;
    }
    for (const ConflictFieldRow *fieldRow : m_rows) {
        if (fieldRow->choice() != ConflictFieldRow::Choice::None)
            choice.values.insert(fieldRow->fieldName(), fieldRow->chosenValue());
    }
    return choice;
}

QJsonObject ConflictDialog::previewRecord() const
{
    return ConflictResolver::preview(m_conflict, currentChoice());
}

void ConflictDialog::chooseAll(ConflictSide side)
{
    if (m_recordGroup) {
        m_recordGroup->button(int(side))->setChecked(true);
        return;
    }
    for (ConflictFieldRow *fieldRow : m_rows)
        fieldRow->setChoice(side == ConflictSide::Mine ? ConflictFieldRow::Choice::Mine
                                                       : ConflictFieldRow::Choice::Server);
}

void ConflictDialog::updatePreview()
{
    m_resolveButton->setEnabled(isComplete());
    m_preview->clear();
    if (m_recordGroup && m_recordGroup->checkedId() == int(ConflictSide::Mine) &&
        m_conflict.reason == QLatin1String("changed")) {
        new QTreeWidgetItem(m_preview, {tr("Result"), tr("The record will be deleted.")});
        return;
    }
    if (m_recordGroup && m_recordGroup->checkedId() == int(ConflictSide::Server) &&
        m_conflict.serverDeleted) {
        new QTreeWidgetItem(m_preview, {tr("Result"), tr("The record stays deleted.")});
        return;
    }
    const QJsonObject record = previewRecord();
    const EntitySchema &schema = EntitySchema::of(m_conflict.change.entity);
    const QBrush differs(UiColors::differs(palette()));
    for (const FieldSpec &spec : schema.fields) {
        if (spec.type == FieldType::Uuid)
            continue;
        const ConflictFieldRow *fieldRow = row(spec.name);
        const bool undecided = fieldRow && fieldRow->choice() == ConflictFieldRow::Choice::None;
        auto *item = new QTreeWidgetItem(
            m_preview, {UiText::fieldLabel(spec.name),
                        undecided ? tr("— choose —") : UiText::valueText(spec, record.value(spec.name))});
        if (undecided ||
            !FieldValues::equal(spec, record.value(spec.name), m_conflict.serverState.value(spec.name)))
            item->setBackground(1, differs);
        if (undecided) {
            QFont bold = item->font(1);
            bold.setBold(true);
            item->setFont(1, bold);
        }
    }
}

bool ConflictDialog::resolve()
{
    if (!isComplete()) {
        m_error->setText(tr("Choose a value for every field first."));
        m_error->show();
        return false;
    }
    ConflictResolver resolver(m_store);
    Result<bool> resolved = resolver.resolve(m_conflict.id, currentChoice());
    if (!resolved) {
        m_error->setText(UiText::errorText(resolved.error()));
        m_error->show();
        return false;
    }
    return true;
}

} // namespace fieldsync::ui
