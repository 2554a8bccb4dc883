<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttachmentText</name>
    <message>
        <source>Not on this device, tap to download</source>
        <translation>Nicht auf diesem Gerät, zum Herunterladen tippen</translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation>Nicht auf diesem Gerät</translation>
    </message>
    <message>
        <source>Uploading %1 %</source>
        <translation>Wird hochgeladen %1 %</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Wartet auf Hochladen</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Not on the server yet</source>
        <translation>Noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Signed by %1 as %2, %3</source>
        <translation>Unterschrieben von %1 als %2, %3</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Data directory of this device.</source>
        <translation>Datenverzeichnis dieses Geräts.</translation>
    </message>
    <message>
        <source>Server URL to sign in to.</source>
        <translation>URL des Servers, bei dem angemeldet wird.</translation>
    </message>
    <message>
        <source>Access token for the server.</source>
        <translation>Zugangstoken für den Server.</translation>
    </message>
    <message>
        <source>Sign in to a demo server from the token file that `fieldsync-server --demo --demo-token-file FILE` wrote.</source>
        <translation>Bei einem Demo-Server anmelden, mit der Token-Datei, die `fieldsync-server --demo --demo-token-file FILE` geschrieben hat.</translation>
    </message>
    <message>
        <source>With --demo: sign in as foreman (default) or pm.</source>
        <translation>Mit --demo: als foreman (Vorarbeiter, Standard) oder pm (Projektleiter) anmelden.</translation>
    </message>
    <message>
        <source>Print start-up time and peak memory once the permit list has painted, then exit (benchmark).</source>
        <translation>Startzeit und Spitzenspeicher ausgeben, sobald die Genehmigungsliste gezeichnet ist, dann beenden (Benchmark).</translation>
    </message>
    <message>
        <source>FieldSync: permits-to-work and tasks, offline first.
With no server saved yet it opens a welcome that connects to a server or starts a local demo server.</source>
        <translation>FieldSync: Arbeitsgenehmigungen und Aufgaben, offline zuerst.
Ohne gespeicherten Server öffnet es eine Begrüßung, die sich mit einem Server verbindet oder einen lokalen Demo-Server startet.</translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>Permit</source>
        <translation>Arbeitserlaubnis</translation>
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
        <translation>Arbeitserlaubnisse</translation>
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
        <translation>Arbeitserlaubnis stornieren</translation>
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
        <source>connection too slow</source>
        <translation>Verbindung zu langsam</translation>
    </message>
    <message>
        <source>server certificate not trusted</source>
        <translation>Serverzertifikat nicht vertrauenswürdig</translation>
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
        <translation>Arbeitserlaubnis abschließen</translation>
    </message>
    <message>
        <source>Photo or signature</source>
        <translation>Foto oder Unterschrift</translation>
    </message>
    <message>
        <source>Photos and signatures</source>
        <translation>Fotos und Unterschriften</translation>
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
    <name>fieldsync::ui::AboutDialog</name>
    <message>
        <source>About FieldSync</source>
        <translation>Über FieldSync</translation>
    </message>
    <message>
        <source>&lt;h2&gt;FieldSync %1&lt;/h2&gt;&lt;p&gt;Permits-to-work and tasks for construction sites, offline first.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;FieldSync is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It uses the Qt libraries under the GNU Lesser General Public License version 3 (LGPLv3, &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;Qt&apos;s obligations&lt;/a&gt;) and QtKeychain under the BSD 2-clause licence. The licence texts are in /usr/share/doc/fieldsync/copyright and /usr/share/common-licenses.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;FieldSync %1&lt;/h2&gt;&lt;p&gt;Arbeitserlaubnisse und Aufgaben für Baustellen, für die Arbeit ohne Verbindung gebaut.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;&lt;p&gt;FieldSync ist freie Software unter der MIT-Lizenz.&lt;/p&gt;&lt;p&gt;Es verwendet die Qt-Bibliotheken unter der GNU Lesser General Public License Version 3 (LGPLv3, &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;Pflichten nach der Qt-Lizenz&lt;/a&gt;) und QtKeychain unter der BSD-2-Klausel-Lizenz. Die Lizenztexte befinden sich in /usr/share/doc/fieldsync/copyright und /usr/share/common-licenses.&lt;/p&gt;</translation>
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
    <name>fieldsync::ui::AttachmentProgress</name>
    <message>
        <source>No photos or signatures are being sent.</source>
        <translation>Es werden keine Fotos oder Unterschriften gesendet.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>File uploads</source>
        <translation>Datei-Uploads</translation>
    </message>
    <message>
        <source>The server has every photo and signature of this device.</source>
        <translation>Der Server hat alle Fotos und Unterschriften dieses Geräts.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not on the server yet; they go with the next sync, and their records stay pending until then.</source>
        <translation>
            <numerusform>%n Datei ist noch nicht auf dem Server; sie geht mit der nächsten Synchronisierung mit, und ihr Datensatz bleibt bis dahin ausstehend.</numerusform>
            <numerusform>%n Dateien sind noch nicht auf dem Server; sie gehen mit der nächsten Synchronisierung mit, und ihre Datensätze bleiben bis dahin ausstehend.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signature (%1)</source>
        <translation>Unterschrift (%1)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation>Hochladen von %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Sent, checking…</source>
        <translation>Gesendet, wird geprüft…</translation>
    </message>
    <message>
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentStrip</name>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Foto hinzufügen…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>No photos yet. Add one, or drop image files here.</source>
        <translation>Noch keine Fotos. Fügen Sie eines hinzu oder ziehen Sie Bilddateien hierher.</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Foto hinzufügen</translation>
    </message>
    <message>
        <source>Add photos from files; you can also drop image files on the strip</source>
        <translation>Fotos aus Dateien hinzufügen; Sie können Bilddateien auch auf die Leiste ziehen</translation>
    </message>
    <message>
        <source>View photo</source>
        <translation>Foto anzeigen</translation>
    </message>
    <message>
        <source>%1, %2
%3</source>
        <translation>%1, %2
%3</translation>
    </message>
    <message>
        <source>Photo %1, %2</source>
        <translation>Foto %1, %2</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Fotos hinzufügen</translation>
    </message>
    <message>
        <source>%1 is not an image this device can show.</source>
        <translation>%1 ist kein Bild, das dieses Gerät anzeigen kann.</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 wurde nicht hinzugefügt: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved on this device. They upload with the next sync.</source>
        <translation>
            <numerusform>%n Foto auf diesem Gerät gespeichert. Es wird mit der nächsten Synchronisierung hochgeladen.</numerusform>
            <numerusform>%n Fotos auf diesem Gerät gespeichert. Sie werden mit der nächsten Synchronisierung hochgeladen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentsPage</name>
    <message>
        <source>Signatures</source>
        <translation>Unterschriften</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Fotos (%1)</translation>
    </message>
    <message>
        <source>Photos and signatures (%1)</source>
        <translation>Fotos und Unterschriften (%1)</translation>
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
    <name>fieldsync::ui::DemoServer</name>
    <message>
        <source>The demo server %1 could not be started: %2</source>
        <translation>Der Demo-Server %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The demo server stopped (exit code %1): %2</source>
        <translation>Der Demo-Server wurde beendet (Exit-Code %1): %2</translation>
    </message>
    <message>
        <source>The demo server did not start within %1 seconds.</source>
        <translation>Der Demo-Server ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>The demo server is not installed: %1 is missing.</source>
        <translation>Der Demo-Server ist nicht installiert: %1 fehlt.</translation>
    </message>
    <message>
        <source>The demo server started without printing a demo token.</source>
        <translation>Der Demo-Server wurde gestartet, ohne ein Demo-Token auszugeben.</translation>
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
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About FieldSync</source>
        <translation>Ü&amp;ber FieldSync</translation>
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
    <name>fieldsync::ui::PermitSignatures</name>
    <message>
        <source>View</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Sign as issuer</source>
        <translation>Als Aussteller unterschreiben</translation>
    </message>
    <message>
        <source>Sign as receiver</source>
        <translation>Als Empfänger unterschreiben</translation>
    </message>
    <message>
        <source>View the issuer&apos;s signature</source>
        <translation>Unterschrift des Ausstellers anzeigen</translation>
    </message>
    <message>
        <source>View the receiver&apos;s signature</source>
        <translation>Unterschrift des Empfängers anzeigen</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Keine Unterschrift</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Noch nicht unterschrieben</translation>
    </message>
    <message>
        <source>Signature saved on this device. It goes to the server with the next sync.</source>
        <translation>Unterschrift auf diesem Gerät gespeichert. Sie geht mit der nächsten Synchronisierung an den Server.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoStorageSettings</name>
    <message>
        <source>Free up space now</source>
        <translation>Jetzt Speicherplatz freigeben</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>Alle Fotos</translation>
    </message>
    <message>
        <source>Keep photos on this device for this many days, 0 keeps all</source>
        <translation>Fotos so viele Tage auf diesem Gerät behalten, 0 behält alle</translation>
    </message>
    <message>
        <source>Photos the server already has are removed from this device after this many days; they can be downloaded again. 0 keeps every photo.</source>
        <translation>Fotos, die der Server bereits hat, werden nach so vielen Tagen von diesem Gerät entfernt; sie können erneut heruntergeladen werden. 0 behält jedes Foto.</translation>
    </message>
    <message>
        <source>Remove now the photos older than the days chosen that the server already has</source>
        <translation>Fotos, die älter als die gewählten Tage sind und die der Server bereits hat, jetzt entfernen</translation>
    </message>
    <message>
        <source>Storage used by photos and signatures</source>
        <translation>Speicherbelegung durch Fotos und Unterschriften</translation>
    </message>
    <message>
        <source>Keep photos on this device for (0 = all)</source>
        <translation>Fotos auf diesem Gerät behalten für (0 = alle)</translation>
    </message>
    <message>
        <source>Storage used</source>
        <translation>Belegter Speicher</translation>
    </message>
    <message>
        <source>%1 of photos and signatures on this device</source>
        <translation>%1 an Fotos und Unterschriften auf diesem Gerät</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed from this device; the server keeps them.</source>
        <translation>
            <numerusform>%n Foto von diesem Gerät entfernt; der Server behält es.</numerusform>
            <numerusform>%n Fotos von diesem Gerät entfernt; der Server behält sie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Fit the photo to the window</source>
        <translation>Foto an das Fenster anpassen</translation>
    </message>
    <message>
        <source>Show the photo at its real size</source>
        <translation>Foto in Originalgröße anzeigen</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>Download erneut versuchen</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Betrachter schließen</translation>
    </message>
    <message>
        <source>The photo could not be downloaded: %1</source>
        <translation>Das Foto konnte nicht heruntergeladen werden: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>This photo is not on this device, and no server is set to download it from.</source>
        <translation>Dieses Foto ist nicht auf diesem Gerät, und es ist kein Server eingerichtet, von dem es heruntergeladen werden kann.</translation>
    </message>
    <message>
        <source>Downloading the full photo (%1)…</source>
        <translation>Vollständiges Foto wird heruntergeladen (%1)…</translation>
    </message>
    <message>
        <source>The photo cannot be shown: %1</source>
        <translation>Das Foto kann nicht angezeigt werden: %1</translation>
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
        <translation>Wählen Sie eine Arbeitserlaubnis in der Liste oder legen Sie eine neue an.</translation>
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
        <translation>Diesen Arbeitserlaubnis-Entwurf löschen?</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>Neue Arbeitserlaubnis</translation>
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
        <translation>Diese Arbeitserlaubnis abschließen? Eine abgeschlossene Arbeitserlaubnis kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>Cancel this permit? A cancelled permit cannot be reopened.</source>
        <translation>Diese Arbeitserlaubnis stornieren? Eine stornierte Arbeitserlaubnis kann nicht wieder geöffnet werden.</translation>
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
    <message>
        <source>Delete task</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <source>Delete this task? Other devices drop it with their next sync.</source>
        <translation>Diese Aufgabe löschen? Andere Geräte entfernen sie bei ihrer nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>You prepared or submitted this permit, so another PM must approve it.</source>
        <translation>Sie haben diese Arbeitserlaubnis erstellt oder eingereicht, daher muss ein anderer PM sie genehmigen.</translation>
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
    <message>
        <source>(not on this device)</source>
        <translation>(nicht auf diesem Gerät)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
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
        <translation>Arbeitserlaubnisse suchen</translation>
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
        <translation>Neue Arbeitserlaubnis</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>%n permit(s)</source>
        <translation>
            <numerusform>%n Arbeitserlaubnis</numerusform>
            <numerusform>%n Arbeitserlaubnisse</numerusform>
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
        <translation>Geben Sie Ihr Projekt ein, damit neue Arbeitserlaubnisse wissen, wohin sie gehören.</translation>
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
    <message>
        <source>Optional: SHA-256 fingerprint of the server&apos;s certificate</source>
        <translation>Optional: SHA-256-Fingerabdruck des Serverzertifikats</translation>
    </message>
    <message>
        <source>Your office gives this for a server with its own certificate. When set, this device trusts exactly that certificate and no other.</source>
        <translation>Ihr Büro gibt diesen für einen Server mit eigenem Zertifikat an. Wenn er gesetzt ist, vertraut dieses Gerät genau diesem Zertifikat und keinem anderen.</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Zertifikat-Fingerabdruck</translation>
    </message>
    <message>
        <source>Photos on this device</source>
        <translation>Fotos auf diesem Gerät</translation>
    </message>
    <message>
        <source>The certificate fingerprint must be 64 hexadecimal digits (colons allowed), as your office gave it.</source>
        <translation>Der Zertifikat-Fingerabdruck muss aus 64 Hexadezimalziffern bestehen (Doppelpunkte erlaubt), so wie Ihr Büro ihn angegeben hat.</translation>
    </message>
    <message>
        <source>This device does not trust the server&apos;s certificate (%1). Check the address and the certificate fingerprint with your office.</source>
        <translation>Dieses Gerät vertraut dem Zertifikat des Servers nicht (%1). Prüfen Sie die Adresse und den Zertifikat-Fingerabdruck mit Ihrem Büro.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignatureDialog</name>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Unterschrift speichern</translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation>Als %1 unterschreiben</translation>
    </message>
    <message>
        <source>Full name of the person signing</source>
        <translation>Vollständiger Name der unterschreibenden Person</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>Name des Unterzeichners</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>Unterschrift löschen</translation>
    </message>
    <message>
        <source>Draw the signature in the box with a finger or the mouse.</source>
        <translation>Zeichnen Sie die Unterschrift mit dem Finger oder der Maus in das Feld.</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Unterschrieben von</translation>
    </message>
    <message>
        <source>The signature was not saved: %1</source>
        <translation>Die Unterschrift wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Unterschriftenfeld</translation>
    </message>
    <message>
        <source>Draw the signature here with a finger, a stylus or the mouse.</source>
        <translation>Zeichnen Sie die Unterschrift hier mit dem Finger, einem Stift oder der Maus.</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Hier unterschreiben</translation>
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
    <message>
        <source>Files (%1)</source>
        <translation>Dateien (%1)</translation>
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
        <translation>Arbeitserlaubnis öffnen</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ThumbnailProvider</name>
    <message>
        <source>Cannot show this file</source>
        <translation>Diese Datei kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation>Nicht auf diesem Gerät</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::WelcomeDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Welcome to FieldSync</source>
        <translation>Willkommen bei FieldSync</translation>
    </message>
    <message>
        <source>Permits-to-work and tasks that you can fill in without a signal. Everything you type is saved on this device first and sent to your office&apos;s server when there is a connection.</source>
        <translation>Arbeitserlaubnisse und Aufgaben, die Sie auch ohne Empfang ausfüllen können. Alles, was Sie eingeben, wird zuerst auf diesem Gerät gespeichert und an den Server Ihres Büros gesendet, sobald eine Verbindung besteht.</translation>
    </message>
    <message>
        <source>Your office gave you a server address and an access token.</source>
        <translation>Ihr Büro hat Ihnen eine Serveradresse und ein Zugangstoken gegeben.</translation>
    </message>
    <message>
        <source>Look around with example permits and tasks. A demo server runs on this computer while FieldSync is open; nothing leaves it.</source>
        <translation>Sehen Sie sich mit Beispiel-Arbeitserlaubnissen und -Aufgaben um. Solange FieldSync geöffnet ist, läuft auf diesem Computer ein Demo-Server; nichts verlässt ihn.</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Demo-Server wird gestartet…</translation>
    </message>
</context>
</TS>
