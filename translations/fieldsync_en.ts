<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttachmentText</name>
    <message>
        <source>Not on this device, tap to download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1 as %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Data directory of this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL to sign in to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a demo server from the token file that `fieldsync-server --demo --demo-token-file FILE` wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: sign in as foreman (default) or pm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print start-up time and peak memory once the permit list has painted, then exit (benchmark).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FieldSync: permits-to-work and tasks, offline first.
With no server saved yet it opens a welcome that connects to a server or starts a local demo server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>Permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required PPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confined space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work at height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excavation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark de-isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helmet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety glasses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi-vis vest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety boots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearing protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respirator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face shield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire-resistant clothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area barricaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire watch present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extinguisher nearby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combustibles removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescue plan briefed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby person assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone deleted this record while you edited it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this record after you deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed the same fields while you edited them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This status change is not allowed from the record&apos;s current status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server found a value it does not accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This status change is not allowed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not do this (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recorded reading is a fact and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data was written by a newer FieldSync. Update FieldSync to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device could not save to its storage (%1). Your earlier work is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection too slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server certificate not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out, sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update FieldSync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected server answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo or signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and signatures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UiTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AboutDialog</name>
    <message>
        <source>About FieldSync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;FieldSync %1&lt;/h2&gt;&lt;p&gt;Permits-to-work and tasks for construction sites, offline first.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;FieldSync is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It uses the Qt libraries under the GNU Lesser General Public License version 3 (LGPLv3, &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;Qt&apos;s obligations&lt;/a&gt;) and QtKeychain under the BSD 2-clause licence. The licence texts are in /usr/share/doc/fieldsync/copyright and /usr/share/common-licenses.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AppController</name>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentProgress</name>
    <message>
        <source>No photos or signatures are being sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has every photo and signature of this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not on the server yet; they go with the next sync, and their records stay pending until then.</source>
        <translation>
            <numerusform>%n file not on the server yet; it goes with the next sync, and its record stays pending until then.</numerusform>
            <numerusform>%n files not on the server yet; they go with the next sync, and their records stay pending until then.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signature (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentStrip</name>
    <message>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos yet. Add one, or drop image files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos from files; you can also drop image files on the strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image this device can show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved on this device. They upload with the next sync.</source>
        <translation>
            <numerusform>%n photo saved on this device. It uploads with the next sync.</numerusform>
            <numerusform>%n photos saved on this device. They upload with the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentsPage</name>
    <message>
        <source>Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and signatures (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ChecklistWidget</name>
    <message>
        <source>Add another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictDialog</name>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict on %1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit was based on version %1; the server is now at version %2. Choose what stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take all server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine (this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the record with my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it deleted and drop my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the server&apos;s record and drop my delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record will be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record stays deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a value for every field first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictFieldRow</name>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::DemoServer</name>
    <message>
        <source>The demo server %1 could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server stopped (exit code %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server did not start within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server is not installed: %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server started without printing a demo token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::GasReadingsWidget</name>
    <message>
        <source>Record reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading recorded. %1 is outside the safe range: stop work and ventilate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::IsolationPointsWidget</name>
    <message>
        <source>Save locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock IDs, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valve, breaker or pipe to isolate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock IDs (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which energy source this point isolates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation point added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::MainWindow</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FieldSync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now (F5, Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this record first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict resolved. The merged record goes to the server with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server set: open Settings to sign in. Your changes stay queued on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PermitEditor</name>
    <message>
        <source>Isolation points (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas readings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PermitSignatures</name>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign as issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign as receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View the issuer&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View the receiver&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature saved on this device. It goes to the server with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoStorageSettings</name>
    <message>
        <source>Free up space now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep photos on this device for this many days, 0 keeps all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos the server already has are removed from this device after this many days; they can be downloaded again. 0 keeps every photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove now the photos older than the days chosen that the server already has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage used by photos and signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep photos on this device for (0 = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of photos and signatures on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed from this device; the server keeps them.</source>
        <translation>
            <numerusform>%n photo removed from this device; the server keeps it.</numerusform>
            <numerusform>%n photos removed from this device; the server keeps them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoViewer</name>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the photo to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the photo at its real size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo could not be downloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo is not on this device, and no server is set to download it from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the full photo (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordEditor</name>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a permit in the list, or make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a task in the list, or make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this draft permit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this device. It goes to the server with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this permit? A closed permit cannot be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this permit? A cancelled permit cannot be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the rejected change? The record goes back to what the server has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this task? Other devices drop it with their next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You prepared or submitted this permit, so another PM must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordForm</name>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not on this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListModel</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListPane</name>
    <message numerus="yes">
        <source>%n permit(s)</source>
        <translation>
            <numerusform>%n permit</numerusform>
            <numerusform>%n permits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Search permits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignInDialog</name>
    <message>
        <source>Connect to a FieldSync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on this device only (no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use demo server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://fieldsync.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token from your office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: SHA-256 fingerprint of the server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your office gives this for a server with its own certificate. When set, this device trusts exactly that certificate and no other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address, starting with https:// (or http:// on a site network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the access token your office gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate fingerprint must be 64 hexadecimal digits (colons allowed), as your office gave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the project you work on, so that new permits know where they belong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this device a name, so that the office knows which tablet made a change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the token with the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this token. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device does not trust the server&apos;s certificate (%1). Check the address and the certificate fingerprint with your office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server (%1). Check the address, or save anyway and sync later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a demo server file (it needs url and foreman_token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo server file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo token file (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignatureDialog</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name of the person signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the signature in the box with a finger or the mouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the signature here with a finger, a stylus or the mouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncPanel</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting: every change is on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rejected changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server set: changes stay on this device until you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change? The record goes back to what the server has. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStateBadge</name>
    <message>
        <source>Synced: the server has this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: saved on this device, waiting to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: someone else changed the same fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1 %2 Edit and save to try again, or discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStatusIndicator</name>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline (%n pending)</source>
        <translation>
            <numerusform>Offline (%n pending)</numerusform>
            <numerusform>Offline (%n pending)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync status. Opens the sync panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing (%1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (%1, retrying in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: %1 · Conflicts: %2 · Rejected: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server set: every change stays queued on this device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::TaskEditor</name>
    <message>
        <source>Open permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ThumbnailProvider</name>
    <message>
        <source>Cannot show this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::WelcomeDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to FieldSync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permits-to-work and tasks that you can fill in without a signal. Everything you type is saved on this device first and sent to your office&apos;s server when there is a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your office gave you a server address and an access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look around with example permits and tasks. A demo server runs on this computer while FieldSync is open; nothing leaves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
