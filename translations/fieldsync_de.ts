<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>UiText</name>
    <message>
        <source>Permit</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Gas reading</source>
        <translation>Gasmessung</translation>
    </message>
    <message>
        <source>Isolation point</source>
        <translation>Freischaltstelle</translation>
    </message>
    <message>
        <source>Permits</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Gas readings</source>
        <translation>Gasmessungen</translation>
    </message>
    <message>
        <source>Isolation points</source>
        <translation>Freischaltstellen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Work type</source>
        <translation>Arbeitsart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Required PPE</source>
        <translation>Erforderliche PSA</translation>
    </message>
    <message>
        <source>Safety checklist</source>
        <translation>Sicherheits-Checkliste</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Gemessen am</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Gemessen von</translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation>Schloss-Nr.</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation>Freigeschaltet</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>De-isolated</source>
        <translation>Wieder zugeschaltet</translation>
    </message>
    <message>
        <source>Hot work</source>
        <translation>Heißarbeiten</translation>
    </message>
    <message>
        <source>Confined space</source>
        <translation>Enger Raum</translation>
    </message>
    <message>
        <source>Work at height</source>
        <translation>Arbeiten in der Höhe</translation>
    </message>
    <message>
        <source>Excavation</source>
        <translation>Erdarbeiten</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>Elektroarbeiten</translation>
    </message>
    <message>
        <source>Lifting</source>
        <translation>Hebearbeiten</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Mark isolated</source>
        <translation>Als freigeschaltet markieren</translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation>Als geprüft markieren</translation>
    </message>
    <message>
        <source>Mark de-isolated</source>
        <translation>Als zugeschaltet markieren</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Unterbrechen</translation>
    </message>
    <message>
        <source>Cancel permit</source>
        <translation>Freigabe stornieren</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Foreman</source>
        <translation>Vorarbeiter</translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation>Projektleiter</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Helmet</source>
        <translation>Helm</translation>
    </message>
    <message>
        <source>Gloves</source>
        <translation>Handschuhe</translation>
    </message>
    <message>
        <source>Safety glasses</source>
        <translation>Schutzbrille</translation>
    </message>
    <message>
        <source>Hi-vis vest</source>
        <translation>Warnweste</translation>
    </message>
    <message>
        <source>Safety boots</source>
        <translation>Sicherheitsschuhe</translation>
    </message>
    <message>
        <source>Hearing protection</source>
        <translation>Gehörschutz</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Auffanggurt</translation>
    </message>
    <message>
        <source>Respirator</source>
        <translation>Atemschutz</translation>
    </message>
    <message>
        <source>Face shield</source>
        <translation>Gesichtsschutz</translation>
    </message>
    <message>
        <source>Fire-resistant clothing</source>
        <translation>Flammhemmende Kleidung</translation>
    </message>
    <message>
        <source>Area barricaded</source>
        <translation>Bereich abgesperrt</translation>
    </message>
    <message>
        <source>Fire watch present</source>
        <translation>Brandwache anwesend</translation>
    </message>
    <message>
        <source>Gas tested</source>
        <translation>Gas gemessen</translation>
    </message>
    <message>
        <source>Isolation verified</source>
        <translation>Freischaltung geprüft</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Someone deleted this record while you edited it.</source>
        <translation>Jemand hat diesen Datensatz gelöscht, während Sie ihn bearbeitet haben.</translation>
    </message>
    <message>
        <source>Someone changed this record after you deleted it.</source>
        <translation>Jemand hat diesen Datensatz geändert, nachdem Sie ihn gelöscht haben.</translation>
    </message>
    <message>
        <source>Someone changed the same fields while you edited them.</source>
        <translation>Jemand hat dieselben Felder geändert, während Sie sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>Ihre Rolle darf diese Änderung nicht vornehmen.</translation>
    </message>
    <message>
        <source>This status change is not allowed from the record&apos;s current status.</source>
        <translation>Dieser Statuswechsel ist vom aktuellen Status des Datensatzes aus nicht erlaubt.</translation>
    </message>
    <message>
        <source>The server found a value it does not accept.</source>
        <translation>Der Server hat einen Wert gefunden, den er nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation>Der Datensatz existiert auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation>„Gültig bis“ muss nach „Gültig ab“ liegen.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1 ist zu lang.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This status change is not allowed (%1).</source>
        <translation>Dieser Statuswechsel ist nicht erlaubt (%1).</translation>
    </message>
    <message>
        <source>Your role may not do this (%1).</source>
        <translation>Ihre Rolle darf das nicht (%1).</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Dieser Datensatz ist nicht mehr auf diesem Gerät.</translation>
    </message>
    <message>
        <source>A recorded reading is a fact and cannot be changed.</source>
        <translation>Ein erfasster Messwert ist eine Tatsache und kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>This data was written by a newer FieldSync. Update FieldSync to open it.</source>
        <translation>Diese Daten wurden von einer neueren FieldSync-Version geschrieben. Aktualisieren Sie FieldSync, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>The device could not save to its storage (%1). Your earlier work is safe.</source>
        <translation>Das Gerät konnte nicht in seinen Speicher schreiben (%1). Ihre bisherige Arbeit ist sicher.</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>server busy</source>
        <translation>Server ausgelastet</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>signed out, sign in again</source>
        <translation>abgemeldet, bitte neu anmelden</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>update FieldSync</source>
        <translation>FieldSync aktualisieren</translation>
    </message>
    <message>
        <source>unexpected server answer</source>
        <translation>unerwartete Serverantwort</translation>
    </message>
    <message>
        <source>change too large</source>
        <translation>Änderung zu groß</translation>
    </message>
    <message>
        <source>storage problem</source>
        <translation>Speicherproblem</translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation>unbekanntes Problem</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Gas detector</source>
        <translation>Gaswarngerät</translation>
    </message>
    <message>
        <source>Extinguisher nearby</source>
        <translation>Feuerlöscher in der Nähe</translation>
    </message>
    <message>
        <source>Combustibles removed</source>
        <translation>Brennbares entfernt</translation>
    </message>
    <message>
        <source>Rescue plan briefed</source>
        <translation>Rettungsplan besprochen</translation>
    </message>
    <message>
        <source>Standby person assigned</source>
        <translation>Sicherungsposten eingeteilt</translation>
    </message>
    <message>
        <source>Close permit</source>
        <translation>Freigabe abschließen</translation>
    </message>
</context>
<context>
    <name>UiTime</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AppController</name>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ChecklistWidget</name>
    <message>
        <source>Add another…</source>
        <translation>Weiteres hinzufügen…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictDialog</name>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <source>Conflict on %1 “%2”</source>
        <translation>Konflikt bei %1 „%2“</translation>
    </message>
    <message>
        <source>Your edit was based on version %1; the server is now at version %2. Choose what stays.</source>
        <translation>Ihre Änderung beruhte auf Version %1; der Server ist jetzt bei Version %2. Wählen Sie, was bleibt.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>Zusammengeführter Datensatz</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Alles von mir behalten</translation>
    </message>
    <message>
        <source>Take all server</source>
        <translation>Alles vom Server übernehmen</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Mine (this device)</source>
        <translation>Meins (dieses Gerät)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beides</translation>
    </message>
    <message>
        <source>Restore the record with my edit</source>
        <translation>Datensatz mit meiner Änderung wiederherstellen</translation>
    </message>
    <message>
        <source>Delete it anyway</source>
        <translation>Trotzdem löschen</translation>
    </message>
    <message>
        <source>Leave it deleted and drop my edit</source>
        <translation>Gelöscht lassen und meine Änderung verwerfen</translation>
    </message>
    <message>
        <source>Keep the server&apos;s record and drop my delete</source>
        <translation>Datensatz des Servers behalten und mein Löschen verwerfen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The record will be deleted.</source>
        <translation>Der Datensatz wird gelöscht.</translation>
    </message>
    <message>
        <source>The record stays deleted.</source>
        <translation>Der Datensatz bleibt gelöscht.</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— wählen —</translation>
    </message>
    <message>
        <source>Choose a value for every field first.</source>
        <translation>Wählen Sie zuerst für jedes Feld einen Wert.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictFieldRow</name>
    <message>
        <source>Keep mine</source>
        <translation>Meins behalten</translation>
    </message>
    <message>
        <source>Take server</source>
        <translation>Server übernehmen</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Beides behalten</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::GasReadingsWidget</name>
    <message>
        <source>Record reading</source>
        <translation>Messwert erfassen</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Gemessen am</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Gemessen von</translation>
    </message>
    <message>
        <source>Reading value</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Reading recorded. %1 is outside the safe range: stop work and ventilate.</source>
        <translation>Messwert erfasst. %1 liegt außerhalb des sicheren Bereichs: Arbeit einstellen und lüften.</translation>
    </message>
    <message>
        <source>Reading recorded.</source>
        <translation>Messwert erfasst.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::IsolationPointsWidget</name>
    <message>
        <source>Save locks</source>
        <translation>Schlösser speichern</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>Punkt hinzufügen</translation>
    </message>
    <message>
        <source>Energy source</source>
        <translation>Energiequelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation>Schloss-Nr.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Lock IDs, separated by commas</source>
        <translation>Schloss-Nr., durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Valve, breaker or pipe to isolate</source>
        <translation>Ventil, Schalter oder Leitung zum Freischalten</translation>
    </message>
    <message>
        <source>Lock IDs (optional)</source>
        <translation>Schloss-Nr. (optional)</translation>
    </message>
    <message>
        <source>Say which energy source this point isolates.</source>
        <translation>Geben Sie an, welche Energiequelle diese Stelle freischaltet.</translation>
    </message>
    <message>
        <source>Isolation point added.</source>
        <translation>Freischaltstelle hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::MainWindow</name>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Sync now (F5, Ctrl+R)</source>
        <translation>Jetzt synchronisieren (F5, Strg+R)</translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation>Synchronisierungsübersicht</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to this record first?</source>
        <translation>Zuerst die Änderungen an diesem Datensatz speichern?</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Dieser Datensatz ist nicht mehr auf diesem Gerät.</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>Dieser Konflikt wurde bereits gelöst.</translation>
    </message>
    <message>
        <source>Conflict resolved. The merged record goes to the server with the next sync.</source>
        <translation>Konflikt gelöst. Der zusammengeführte Datensatz geht mit der nächsten Synchronisierung an den Server.</translation>
    </message>
    <message>
        <source>No server set: open Settings to sign in. Your changes stay queued on this device.</source>
        <translation>Kein Server eingerichtet: Öffnen Sie die Einstellungen zum Anmelden. Ihre Änderungen bleiben auf diesem Gerät.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Es läuft bereits eine Synchronisierung.</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v von %m Änderungen</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PermitEditor</name>
    <message>
        <source>Isolation points (%1)</source>
        <translation>Freischaltstellen (%1)</translation>
    </message>
    <message>
        <source>Gas readings (%1)</source>
        <translation>Gasmessungen (%1)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordEditor</name>
    <message>
        <source>Delete draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Choose a permit in the list, or make a new one.</source>
        <translation>Wählen Sie eine Freigabe in der Liste oder legen Sie eine neue an.</translation>
    </message>
    <message>
        <source>Choose a task in the list, or make a new one.</source>
        <translation>Wählen Sie eine Aufgabe in der Liste oder legen Sie eine neue an.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Speichern (%1)</translation>
    </message>
    <message>
        <source>Delete this draft permit?</source>
        <translation>Diesen Freigabe-Entwurf löschen?</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>Neue Freigabe</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Dieser Datensatz ist nicht mehr auf diesem Gerät.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Saved on this device. It goes to the server with the next sync.</source>
        <translation>Auf diesem Gerät gespeichert. Geht mit der nächsten Synchronisierung an den Server.</translation>
    </message>
    <message>
        <source>Close this permit? A closed permit cannot be reopened.</source>
        <translation>Diese Freigabe abschließen? Eine abgeschlossene Freigabe kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>Cancel this permit? A cancelled permit cannot be reopened.</source>
        <translation>Diese Freigabe stornieren? Eine stornierte Freigabe kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>%1: now %2.</source>
        <translation>%1: jetzt %2.</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Änderung verwerfen</translation>
    </message>
    <message>
        <source>Discard the rejected change? The record goes back to what the server has.</source>
        <translation>Die abgelehnte Änderung verwerfen? Der Datensatz kehrt zum Stand des Servers zurück.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordForm</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation>„Gültig bis“ muss nach „Gültig ab“ liegen.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListModel</name>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListPane</name>
    <message>
        <source>Search permits</source>
        <translation>Freigaben suchen</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Aufgaben suchen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>Neue Freigabe</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>%n permit(s)</source>
        <translation>
            <numerusform>%n Freigabe</numerusform>
            <numerusform>%n Freigaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignInDialog</name>
    <message>
        <source>Connect to a FieldSync server</source>
        <translation>Mit einem FieldSync-Server verbinden</translation>
    </message>
    <message>
        <source>Work on this device only (no server)</source>
        <translation>Nur auf diesem Gerät arbeiten (ohne Server)</translation>
    </message>
    <message>
        <source>Use demo server…</source>
        <translation>Demo-Server verwenden…</translation>
    </message>
    <message>
        <source>Sign in and settings</source>
        <translation>Anmeldung und Einstellungen</translation>
    </message>
    <message>
        <source>https://fieldsync.example.com</source>
        <translation>https://fieldsync.beispiel.de</translation>
    </message>
    <message>
        <source>Access token from your office</source>
        <translation>Zugangstoken von Ihrem Büro</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>Project name or code</source>
        <translation>Projektname oder -kürzel</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugangstoken</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https:// (or http:// on a site network).</source>
        <translation>Geben Sie die Serveradresse ein, beginnend mit https:// (oder http:// im Baustellennetz).</translation>
    </message>
    <message>
        <source>Enter the access token your office gave you.</source>
        <translation>Geben Sie das Zugangstoken von Ihrem Büro ein.</translation>
    </message>
    <message>
        <source>Enter the project you work on, so that new permits know where they belong.</source>
        <translation>Geben Sie Ihr Projekt ein, damit neue Freigaben wissen, wohin sie gehören.</translation>
    </message>
    <message>
        <source>Give this device a name, so that the office knows which tablet made a change.</source>
        <translation>Geben Sie diesem Gerät einen Namen, damit das Büro weiß, welches Tablet eine Änderung gemacht hat.</translation>
    </message>
    <message>
        <source>Checking the token with the server…</source>
        <translation>Token wird beim Server geprüft…</translation>
    </message>
    <message>
        <source>The server did not accept this token. Check it and try again.</source>
        <translation>Der Server hat dieses Token nicht akzeptiert. Prüfen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not reach the server (%1). Check the address, or save anyway and sync later.</source>
        <translation>Der Server ist nicht erreichbar (%1). Prüfen Sie die Adresse oder speichern Sie trotzdem und synchronisieren Sie später.</translation>
    </message>
    <message>
        <source>The server answered with an error: %1</source>
        <translation>Der Server hat mit einem Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not a demo server file (it needs url and foreman_token).</source>
        <translation>%1 ist keine Demo-Server-Datei (url und foreman_token fehlen).</translation>
    </message>
    <message>
        <source>Demo server file</source>
        <translation>Demo-Server-Datei</translation>
    </message>
    <message>
        <source>Demo token file (*.json)</source>
        <translation>Demo-Token-Datei (*.json)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncPanel</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Felder im Konflikt</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Lösen…</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>Datensatz bearbeiten</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Änderung verwerfen…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Nothing waiting: every change is on the server.</source>
        <translation>Nichts ausstehend: Alle Änderungen sind auf dem Server.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <source>No rejected changes.</source>
        <translation>Keine abgelehnten Änderungen.</translation>
    </message>
    <message>
        <source>No sync yet.</source>
        <translation>Noch keine Synchronisierung.</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Synchronisierungsprotokoll</translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation>Ausstehend (%1)</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikte (%1)</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Abgelehnt (%1)</translation>
    </message>
    <message>
        <source>No server set: changes stay on this device until you sign in.</source>
        <translation>Kein Server eingerichtet: Änderungen bleiben auf diesem Gerät, bis Sie sich anmelden.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Änderung verwerfen</translation>
    </message>
    <message>
        <source>Discard this change? The record goes back to what the server has. This cannot be undone.</source>
        <translation>Diese Änderung verwerfen? Der Datensatz kehrt zum Stand des Servers zurück. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStateBadge</name>
    <message>
        <source>Synced: the server has this version.</source>
        <translation>Synchronisiert: Der Server hat diese Version.</translation>
    </message>
    <message>
        <source>Pending: saved on this device, waiting to sync.</source>
        <translation>Ausstehend: auf diesem Gerät gespeichert, wartet auf Synchronisierung.</translation>
    </message>
    <message>
        <source>Conflict: someone else changed the same fields.</source>
        <translation>Konflikt: Jemand anderes hat dieselben Felder geändert.</translation>
    </message>
    <message>
        <source>Rejected by the server.</source>
        <translation>Vom Server abgelehnt.</translation>
    </message>
    <message>
        <source>Rejected: %1 %2 Edit and save to try again, or discard the change.</source>
        <translation>Abgelehnt: %1 %2 Bearbeiten und speichern, um es erneut zu versuchen, oder die Änderung verwerfen.</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Lösen…</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Änderung verwerfen…</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStatusIndicator</name>
    <message>
        <source>Sync status. Opens the sync panel.</source>
        <translation>Synchronisierungsstatus. Öffnet die Synchronisierungsübersicht.</translation>
    </message>
    <message>
        <source>Syncing (%1 of %2)</source>
        <translation>Synchronisiere (%1 von %2)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Error (%1, retrying in %2 s)</source>
        <translation>Fehler (%1, neuer Versuch in %2 s)</translation>
    </message>
    <message>
        <source>Error (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced (%1)</source>
        <translation>Synchronisiert (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline (%n pending)</source>
        <translation>
            <numerusform>Offline (%n ausstehend)</numerusform>
            <numerusform>Offline (%n ausstehend)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: %1 · Conflicts: %2 · Rejected: %3</source>
        <translation>Ausstehend: %1 · Konflikte: %2 · Abgelehnt: %3</translation>
    </message>
    <message>
        <source>No server set: every change stays queued on this device.</source>
        <translation>Kein Server eingerichtet: Jede Änderung bleibt auf diesem Gerät in der Warteschlange.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::TaskEditor</name>
    <message>
        <source>Open permit</source>
        <translation>Freigabe öffnen</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>(not on this device)</source>
        <translation>(nicht auf diesem Gerät)</translation>
    </message>
    <message>
        <source>No permit linked</source>
        <translation>Keine Freigabe verknüpft</translation>
    </message>
</context>
</TS>
