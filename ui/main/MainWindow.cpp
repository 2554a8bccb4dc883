#include "MainWindow.h"

#include "AboutDialog.h"
#include "common/TouchStyle.h"
#include "common/UiText.h"
#include "editors/PermitEditor.h"
#include "editors/RecordForm.h"
#include "editors/TaskEditor.h"
#include "lists/RecordListPane.h"
#include "sync/ConflictDialog.h"
#include "sync/SyncPanel.h"
#include "sync/SyncStatusIndicator.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace fieldsync::ui {

MainWindow::MainWindow(DeviceStore &store, SyncController &sync, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_sync(sync)
    , m_tabs(new QTabWidget(this))
    , m_permits(new RecordListPane(store, EntityKind::Permit, this))
    , m_tasks(new RecordListPane(store, EntityKind::Task, this))
    , m_permitEditor(new PermitEditor(store, this))
    , m_taskEditor(new TaskEditor(store, this))
    , m_indicator(new SyncStatusIndicator(sync.status(), this))
    , m_project(new QComboBox(this))
    , m_progress(new QProgressBar(this))
    , m_account(new QLabel(this))
{
    setWindowTitle(QStringLiteral("FieldSync"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/fieldsync.svg")));
    buildToolBar();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About FieldSync"), this, [this] { AboutDialog(this).exec(); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    m_tabs->addTab(buildPage(m_permits, m_permitEditor), QIcon(QStringLiteral(":/icons/permit.svg")),
                   UiText::entityNamePlural(EntityKind::Permit));
    m_tabs->addTab(buildPage(m_tasks, m_taskEditor), QIcon(QStringLiteral(":/icons/task.svg")),
                   UiText::entityNamePlural(EntityKind::Task));
    m_tabs->setDocumentMode(true);
    // Beside the two tabs there is always room: in the toolbar, a long (German, Spanish) status
    // or a narrow window pushed it into the overflow menu, out of sight.
    m_indicator->setMinimumHeight(TouchStyle::MinTarget); // the tab bar is a pixel lower
    m_tabs->setCornerWidget(m_indicator, Qt::TopRightCorner);
    setCentralWidget(m_tabs);

    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_account);

    connect(m_sync.status(), &SyncStatus::changed, this, &MainWindow::onStatusChanged);
    connect(m_indicator, &QToolButton::clicked, this, &MainWindow::openSyncPanel);
    for (RecordEditor *editor :
         {static_cast<RecordEditor *>(m_permitEditor), static_cast<RecordEditor *>(m_taskEditor)}) {
        connect(editor, &RecordEditor::message, this, &MainWindow::showMessage);
        connect(editor, &RecordEditor::resolveConflictRequested, this, &MainWindow::openConflict);
    }
    connect(m_permitEditor, &RecordEditor::recordSaved, m_permits, &RecordListPane::selectRecord);
    connect(m_taskEditor, &RecordEditor::recordSaved, m_tasks, &RecordListPane::selectRecord);
    connect(m_taskEditor, &TaskEditor::openPermitRequested, this, &MainWindow::openRecord);
    connect(m_permits, &RecordListPane::recordActivated, this,
            [this](const QString &id) { onRecordActivated(m_permits, m_permitEditor, id); });
    connect(m_tasks, &RecordListPane::recordActivated, this,
            [this](const QString &id) { onRecordActivated(m_tasks, m_taskEditor, id); });
    connect(m_permits, &RecordListPane::newRequested, this, &MainWindow::newRecord);
    connect(m_tasks, &RecordListPane::newRequested, this, &MainWindow::newRecord);
    connect(m_project, &QComboBox::activated, this, &MainWindow::onProjectChosen);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this,
            [this] { (m_tabs->currentIndex() == 0 ? m_permits : m_tasks)->searchField()->setFocus(); });
    addAction(find);
    for (int tab = 0; tab < 2; ++tab) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + tab)));
        connect(go, &QAction::triggered, this, [this, tab] { m_tabs->setCurrentIndex(tab); });
        addAction(go);
    }
    m_permitEditor->setSyncController(&m_sync);
    m_taskEditor->setSyncController(&m_sync);
    reloadAccount();
    onStatusChanged();
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *projectLabel = new QLabel(tr("Project"), this);
    projectLabel->setContentsMargins(8, 0, 6, 0);
    bar->addWidget(projectLabel);
    m_project->setMinimumWidth(200);
    m_project->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_project->setAccessibleName(tr("Project"));
    bar->addWidget(m_project);
    bar->addSeparator();

    m_new = bar->addAction(QIcon(QStringLiteral(":/icons/add.svg")), tr("New"), this, &MainWindow::newRecord);
    m_new->setShortcut(QKeySequence::New);
    m_syncNow =
        bar->addAction(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Sync now"), this, &MainWindow::syncNow);
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNow->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_syncNow->setToolTip(tr("Sync now (F5, Ctrl+R)"));
    QAction *panel = bar->addAction(QIcon(QStringLiteral(":/icons/list.svg")), tr("Sync panel"), this,
                                    &MainWindow::openSyncPanel);
    panel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    QAction *settings = bar->addAction(QIcon(QStringLiteral(":/icons/settings.svg")), tr("Settings"), this,
                                       &MainWindow::settingsRequested);
    settings->setShortcut(QKeySequence::Preferences);
}

QSplitter *MainWindow::buildPage(RecordListPane *list, RecordEditor *editor)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(list);
    splitter->addWidget(editor);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    // A ratio, not pixels: the editor gets the larger part at 1280 and at 1920 alike, whatever
    // the translated toolbar of the list asks for.
    splitter->setSizes({440, 560});
    splitter->setChildrenCollapsible(false);
    list->setMinimumWidth(380);
    editor->setMinimumWidth(520);
    return splitter;
}

void MainWindow::reloadAccount()
{
    Result<DeviceAccount> account = m_store.account();
    if (!account) {
        showMessage(UiText::errorText(account.error()));
        return;
    }
    {
        const QSignalBlocker blocker(m_project);
        m_project->clear();
        for (const QString &project : account.value().projects)
            m_project->addItem(project, project);
        if (m_project->count() == 0 && !account.value().currentProject.isEmpty())
            m_project->addItem(account.value().currentProject, account.value().currentProject);
        m_project->setCurrentIndex(std::max(0, m_project->findData(account.value().currentProject)));
    }
    m_permits->setProject(account.value().currentProject);
    m_tasks->setProject(account.value().currentProject);
    const QString who =
        account.value().userName.isEmpty()
            ? tr("Not signed in")
            : tr("%1 (%2)").arg(account.value().userName,
                                UiText::roleLabel(account.value().role.value_or(Role::Foreman)));
    m_account->setText(who);
    m_syncNow->setEnabled(m_sync.isConfigured());
}

void MainWindow::onProjectChosen(int index)
{
    Result<DeviceAccount> account = m_store.account();
    if (!account)
        return;
    DeviceAccount changed = account.value();
    changed.currentProject = m_project->itemData(index).toString();
    if (Result<void> saved = m_store.saveAccount(changed); !saved) {
        showMessage(UiText::errorText(saved.error()));
        return;
    }
    m_permitEditor->clear();
    m_taskEditor->clear();
    reloadAccount();
}

bool MainWindow::maySwitchRecord(RecordEditor *editor)
{
    if (!editor->form()->isDirty())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("Save the changes to this record first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return editor->save();
    return answer == QMessageBox::Discard;
}

void MainWindow::onRecordActivated(RecordListPane *pane, RecordEditor *editor, const QString &id)
{
    if (id == editor->recordId() && !editor->isNew())
        return;
    if (!maySwitchRecord(editor)) {
        const QSignalBlocker blocker(pane);
        pane->selectRecord(editor->recordId());
        return;
    }
    editor->showRecord(id);
}

void MainWindow::newRecord()
{
    const bool permits = m_tabs->currentIndex() == 0;
    RecordEditor *editor = permits ? static_cast<RecordEditor *>(m_permitEditor) : m_taskEditor;
    if (!maySwitchRecord(editor))
        return;
    (permits ? m_permits : m_tasks)->view()->clearSelection();
    editor->startNew();
}

void MainWindow::openRecord(const QString &recordId)
{
    Result<std::optional<LocalRecord>> found = m_store.records().find(recordId);
    if (!found || !found.value()) {
        showMessage(tr("This record is no longer on this device."));
        return;
    }
    const bool permit = found.value()->entity == EntityKind::Permit;
    const bool task = found.value()->entity == EntityKind::Task;
    // Points and readings open in their permit.
    const QString id = permit || task ? recordId : found.value()->parentId();
    m_tabs->setCurrentIndex(task ? 1 : 0);
    RecordEditor *editor = task ? static_cast<RecordEditor *>(m_taskEditor) : m_permitEditor;
    if (!maySwitchRecord(editor))
        return;
    editor->showRecord(id);
    (task ? m_tasks : m_permits)->selectRecord(id);
    if (m_panel && m_panel->isVisible() && !isFullScreen())
        m_panel->raise();
    raise();
    activateWindow();
}

SyncPanel *MainWindow::syncPanel()
{
    if (!m_panel) {
        m_panel = new SyncPanel(m_store, m_sync, this);
        connect(m_panel, &SyncPanel::openRecordRequested, this, [this](const QString &id) {
            m_panel->close();
            openRecord(id);
        });
        connect(m_panel, &SyncPanel::resolveConflictRequested, this, &MainWindow::openConflict);
    }
    return m_panel;
}

void MainWindow::openSyncPanel()
{
    SyncPanel *panel = syncPanel();
    panel->reload();
    const SyncStatus *status = m_sync.status();
    if (status->conflicts() > 0)
        panel->showTab(SyncPanel::ConflictsTab);
    else if (status->rejected() > 0)
        panel->showTab(SyncPanel::RejectedTab);
    else if (status->state() == SyncStatus::State::Error)
        panel->showTab(SyncPanel::LogTab);
    else
        panel->showTab(SyncPanel::PendingTab);
    // Most of the window on a desktop, nearly all of it on a tablet.
    panel->resize(std::min(width() - 60, 1500), std::min(height() - 100, 900));
    panel->show();
    panel->raise();
    panel->activateWindow();
}

bool MainWindow::openConflict(const QString &conflictId)
{
    Result<std::optional<StoredConflict>> found = m_store.conflicts().find(conflictId);
    if (!found || !found.value()) {
        showMessage(tr("This conflict was already resolved."));
        return false;
    }
    QWidget *parent = m_panel && m_panel->isVisible() ? static_cast<QWidget *>(m_panel) : this;
    ConflictDialog dialog(m_store, *found.value(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    showMessage(tr("Conflict resolved. The merged record goes to the server with the next sync."));
    if (m_sync.isConfigured())
        m_sync.syncNow();
    return true;
}

void MainWindow::syncNow()
{
    if (!m_sync.isConfigured()) {
        showMessage(tr("No server set: open Settings to sign in. Your changes stay queued on this device."));
        return;
    }
    if (!m_sync.syncNow())
        showMessage(tr("A sync is already running."));
}

void MainWindow::onStatusChanged()
{
    const SyncStatus *status = m_sync.status();
    const bool syncing = status->state() == SyncStatus::State::Syncing;
    m_progress->setVisible(syncing);
    if (syncing) {
        m_progress->setRange(0, std::max(0, status->progressTotal()));
        m_progress->setValue(status->progressDone());
        m_progress->setFormat(tr("%v of %m changes"));
    }
    m_syncNow->setEnabled(m_sync.isConfigured() && !syncing);
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (RecordEditor *editor :
         {static_cast<RecordEditor *>(m_permitEditor), static_cast<RecordEditor *>(m_taskEditor)}) {
        if (!maySwitchRecord(editor)) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace fieldsync::ui
