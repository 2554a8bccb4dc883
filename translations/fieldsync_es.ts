<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AttachmentText</name>
    <message>
        <source>Not on this device, tap to download</source>
        <translation>No está en este dispositivo, toque para descargar</translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation>No está en este dispositivo</translation>
    </message>
    <message>
        <source>Uploading %1 %</source>
        <translation>Subiendo %1 %</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Esperando para subir</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>En el servidor</translation>
    </message>
    <message>
        <source>Not on the server yet</source>
        <translation>Aún no está en el servidor</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>emisor</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>receptor</translation>
    </message>
    <message>
        <source>Signed by %1 as %2, %3</source>
        <translation>Firmado por %1 como %2, %3</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Data directory of this device.</source>
        <translation>Directorio de datos de este dispositivo.</translation>
    </message>
    <message>
        <source>Server URL to sign in to.</source>
        <translation>URL del servidor en el que iniciar sesión.</translation>
    </message>
    <message>
        <source>Access token for the server.</source>
        <translation>Token de acceso para el servidor.</translation>
    </message>
    <message>
        <source>Sign in to a demo server from the token file that `fieldsync-server --demo --demo-token-file FILE` wrote.</source>
        <translation>Iniciar sesión en un servidor de demostración con el archivo de tokens que escribió `fieldsync-server --demo --demo-token-file FILE`.</translation>
    </message>
    <message>
        <source>With --demo: sign in as foreman (default) or pm.</source>
        <translation>Con --demo: iniciar sesión como foreman (capataz, por defecto) o pm (jefe de proyecto).</translation>
    </message>
    <message>
        <source>Print start-up time and peak memory once the permit list has painted, then exit (benchmark).</source>
        <translation>Mostrar el tiempo de arranque y la memoria máxima cuando se haya dibujado la lista de permisos, y salir (medición).</translation>
    </message>
    <message>
        <source>FieldSync: permits-to-work and tasks, offline first.
With no server saved yet it opens a welcome that connects to a server or starts a local demo server.</source>
        <translation>FieldSync: permisos de trabajo y tareas, primero sin conexión.
Si aún no hay un servidor guardado, abre una bienvenida que se conecta a un servidor o inicia un servidor de demostración local.</translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>Permit</source>
        <translation>Permiso</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Gas reading</source>
        <translation>Lectura de gas</translation>
    </message>
    <message>
        <source>Isolation point</source>
        <translation>Punto de aislamiento</translation>
    </message>
    <message>
        <source>Permits</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Gas readings</source>
        <translation>Lecturas de gas</translation>
    </message>
    <message>
        <source>Isolation points</source>
        <translation>Puntos de aislamiento</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Work type</source>
        <translation>Tipo de trabajo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido desde</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Required PPE</source>
        <translation>EPP requerido</translation>
    </message>
    <message>
        <source>Safety checklist</source>
        <translation>Lista de verificación de seguridad</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Tomada el</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Tomada por</translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation>N.º de candados</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation>Aislado</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>De-isolated</source>
        <translation>Desaislado</translation>
    </message>
    <message>
        <source>Hot work</source>
        <translation>Trabajo en caliente</translation>
    </message>
    <message>
        <source>Confined space</source>
        <translation>Espacio confinado</translation>
    </message>
    <message>
        <source>Work at height</source>
        <translation>Trabajo en altura</translation>
    </message>
    <message>
        <source>Excavation</source>
        <translation>Excavación</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>Eléctrico</translation>
    </message>
    <message>
        <source>Lifting</source>
        <translation>Izaje</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar terminada</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Mark isolated</source>
        <translation>Marcar aislado</translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation>Marcar verificado</translation>
    </message>
    <message>
        <source>Mark de-isolated</source>
        <translation>Marcar desaislado</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <source>Cancel permit</source>
        <translation>Cancelar permiso</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Foreman</source>
        <translation>Capataz</translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation>Gerente de proyecto</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Helmet</source>
        <translation>Casco</translation>
    </message>
    <message>
        <source>Gloves</source>
        <translation>Guantes</translation>
    </message>
    <message>
        <source>Safety glasses</source>
        <translation>Gafas de seguridad</translation>
    </message>
    <message>
        <source>Hi-vis vest</source>
        <translation>Chaleco reflectante</translation>
    </message>
    <message>
        <source>Safety boots</source>
        <translation>Botas de seguridad</translation>
    </message>
    <message>
        <source>Hearing protection</source>
        <translation>Protección auditiva</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Arnés</translation>
    </message>
    <message>
        <source>Respirator</source>
        <translation>Respirador</translation>
    </message>
    <message>
        <source>Face shield</source>
        <translation>Careta facial</translation>
    </message>
    <message>
        <source>Fire-resistant clothing</source>
        <translation>Ropa ignífuga</translation>
    </message>
    <message>
        <source>Area barricaded</source>
        <translation>Área acordonada</translation>
    </message>
    <message>
        <source>Fire watch present</source>
        <translation>Vigía contra incendios presente</translation>
    </message>
    <message>
        <source>Gas tested</source>
        <translation>Gas medido</translation>
    </message>
    <message>
        <source>Isolation verified</source>
        <translation>Aislamiento verificado</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>Someone deleted this record while you edited it.</source>
        <translation>Otra persona eliminó este registro mientras usted lo editaba.</translation>
    </message>
    <message>
        <source>Someone changed this record after you deleted it.</source>
        <translation>Otra persona cambió este registro después de que usted lo eliminó.</translation>
    </message>
    <message>
        <source>Someone changed the same fields while you edited them.</source>
        <translation>Otra persona cambió los mismos campos mientras usted los editaba.</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>Su rol no permite hacer este cambio.</translation>
    </message>
    <message>
        <source>This status change is not allowed from the record&apos;s current status.</source>
        <translation>Este cambio de estado no está permitido desde el estado actual del registro.</translation>
    </message>
    <message>
        <source>The server found a value it does not accept.</source>
        <translation>El servidor encontró un valor que no acepta.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation>El registro ya no existe en el servidor.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>El servidor rechazó este cambio.</translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation>«Válido hasta» debe ser posterior a «Válido desde».</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1 es demasiado largo.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This status change is not allowed (%1).</source>
        <translation>Este cambio de estado no está permitido (%1).</translation>
    </message>
    <message>
        <source>Your role may not do this (%1).</source>
        <translation>Su rol no permite hacer esto (%1).</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Este registro ya no está en este dispositivo.</translation>
    </message>
    <message>
        <source>A recorded reading is a fact and cannot be changed.</source>
        <translation>Una lectura registrada es un hecho y no se puede cambiar.</translation>
    </message>
    <message>
        <source>This data was written by a newer FieldSync. Update FieldSync to open it.</source>
        <translation>Estos datos los escribió una versión más nueva de FieldSync. Actualice FieldSync para abrirlos.</translation>
    </message>
    <message>
        <source>The device could not save to its storage (%1). Your earlier work is safe.</source>
        <translation>El dispositivo no pudo guardar en su almacenamiento (%1). Su trabajo anterior está a salvo.</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>servidor inaccesible</translation>
    </message>
    <message>
        <source>connection too slow</source>
        <translation>conexión demasiado lenta</translation>
    </message>
    <message>
        <source>server certificate not trusted</source>
        <translation>certificado del servidor no fiable</translation>
    </message>
    <message>
        <source>server busy</source>
        <translation>servidor ocupado</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>error del servidor</translation>
    </message>
    <message>
        <source>signed out, sign in again</source>
        <translation>sesión cerrada, inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>acceso denegado</translation>
    </message>
    <message>
        <source>update FieldSync</source>
        <translation>actualice FieldSync</translation>
    </message>
    <message>
        <source>unexpected server answer</source>
        <translation>respuesta inesperada del servidor</translation>
    </message>
    <message>
        <source>change too large</source>
        <translation>cambio demasiado grande</translation>
    </message>
    <message>
        <source>storage problem</source>
        <translation>problema de almacenamiento</translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation>problema desconocido</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Gas detector</source>
        <translation>Detector de gases</translation>
    </message>
    <message>
        <source>Extinguisher nearby</source>
        <translation>Extintor cerca</translation>
    </message>
    <message>
        <source>Combustibles removed</source>
        <translation>Combustibles retirados</translation>
    </message>
    <message>
        <source>Rescue plan briefed</source>
        <translation>Plan de rescate explicado</translation>
    </message>
    <message>
        <source>Standby person assigned</source>
        <translation>Vigía asignado</translation>
    </message>
    <message>
        <source>Close permit</source>
        <translation>Cerrar permiso</translation>
    </message>
    <message>
        <source>Photo or signature</source>
        <translation>Foto o firma</translation>
    </message>
    <message>
        <source>Photos and signatures</source>
        <translation>Fotos y firmas</translation>
    </message>
</context>
<context>
    <name>UiTime</name>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AboutDialog</name>
    <message>
        <source>About FieldSync</source>
        <translation>Acerca de FieldSync</translation>
    </message>
    <message>
        <source>&lt;h2&gt;FieldSync %1&lt;/h2&gt;&lt;p&gt;Permits-to-work and tasks for construction sites, offline first.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;FieldSync is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It uses the Qt libraries under the GNU Lesser General Public License version 3 (LGPLv3, &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;Qt&apos;s obligations&lt;/a&gt;) and QtKeychain under the BSD 2-clause licence. The licence texts are in /usr/share/doc/fieldsync/copyright and /usr/share/common-licenses.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;FieldSync %1&lt;/h2&gt;&lt;p&gt;Permisos de trabajo y tareas para obras de construcción, pensado primero para trabajar sin conexión.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2, ejecutándose con Qt %3.&lt;/p&gt;&lt;p&gt;FieldSync es software libre bajo la licencia MIT.&lt;/p&gt;&lt;p&gt;Usa las bibliotecas de Qt bajo la GNU Lesser General Public License versión 3 (LGPLv3, &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;obligaciones de Qt&lt;/a&gt;) y QtKeychain bajo la licencia BSD de 2 cláusulas. Los textos de las licencias están en /usr/share/doc/fieldsync/copyright y /usr/share/common-licenses.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AppController</name>
    <message>
        <source>cannot read %1</source>
        <translation>no se puede leer %1</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentProgress</name>
    <message>
        <source>No photos or signatures are being sent.</source>
        <translation>No se está enviando ninguna foto ni firma.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>File uploads</source>
        <translation>Subidas de archivos</translation>
    </message>
    <message>
        <source>The server has every photo and signature of this device.</source>
        <translation>El servidor tiene todas las fotos y firmas de este dispositivo.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not on the server yet; they go with the next sync, and their records stay pending until then.</source>
        <translation>
            <numerusform>%n archivo aún no está en el servidor; se enviará en la próxima sincronización y su registro queda pendiente hasta entonces.</numerusform>
            <numerusform>%n archivos aún no están en el servidor; se enviarán en la próxima sincronización y sus registros quedan pendientes hasta entonces.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signature (%1)</source>
        <translation>Firma (%1)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation>Subida de %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Sent, checking…</source>
        <translation>Enviado, verificando…</translation>
    </message>
    <message>
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>En el servidor</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentStrip</name>
    <message>
        <source>Images (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Añadir foto…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>No photos yet. Add one, or drop image files here.</source>
        <translation>Aún no hay fotos. Añada una o suelte aquí archivos de imagen.</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Añadir foto</translation>
    </message>
    <message>
        <source>Add photos from files; you can also drop image files on the strip</source>
        <translation>Añadir fotos desde archivos; también puede soltar archivos de imagen en la tira</translation>
    </message>
    <message>
        <source>View photo</source>
        <translation>Ver foto</translation>
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
        <translation>Añadir fotos</translation>
    </message>
    <message>
        <source>%1 is not an image this device can show.</source>
        <translation>%1 no es una imagen que este dispositivo pueda mostrar.</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 no se añadió: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved on this device. They upload with the next sync.</source>
        <translation>
            <numerusform>%n foto guardada en este dispositivo. Se sube en la próxima sincronización.</numerusform>
            <numerusform>%n fotos guardadas en este dispositivo. Se suben en la próxima sincronización.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentsPage</name>
    <message>
        <source>Signatures</source>
        <translation>Firmas</translation>
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
        <translation>Fotos y firmas (%1)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ChecklistWidget</name>
    <message>
        <source>Add another…</source>
        <translation>Agregar otro…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictDialog</name>
    <message>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Resolver conflicto</translation>
    </message>
    <message>
        <source>Conflict on %1 “%2”</source>
        <translation>Conflicto en %1 «%2»</translation>
    </message>
    <message>
        <source>Your edit was based on version %1; the server is now at version %2. Choose what stays.</source>
        <translation>Su cambio se basó en la versión %1; el servidor está ahora en la versión %2. Elija qué se queda.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>Registro combinado</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Conservar todo lo mío</translation>
    </message>
    <message>
        <source>Take all server</source>
        <translation>Tomar todo del servidor</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decidir más tarde</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>Mine (this device)</source>
        <translation>Mío (este dispositivo)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Restore the record with my edit</source>
        <translation>Restaurar el registro con mi cambio</translation>
    </message>
    <message>
        <source>Delete it anyway</source>
        <translation>Eliminarlo de todos modos</translation>
    </message>
    <message>
        <source>Leave it deleted and drop my edit</source>
        <translation>Dejarlo eliminado y descartar mi cambio</translation>
    </message>
    <message>
        <source>Keep the server&apos;s record and drop my delete</source>
        <translation>Conservar el registro del servidor y descartar mi eliminación</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>The record will be deleted.</source>
        <translation>El registro se eliminará.</translation>
    </message>
    <message>
        <source>The record stays deleted.</source>
        <translation>El registro queda eliminado.</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>Choose a value for every field first.</source>
        <translation>Primero elija un valor para cada campo.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictFieldRow</name>
    <message>
        <source>Keep mine</source>
        <translation>Conservar lo mío</translation>
    </message>
    <message>
        <source>Take server</source>
        <translation>Tomar del servidor</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Conservar ambos</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::DemoServer</name>
    <message>
        <source>The demo server %1 could not be started: %2</source>
        <translation>No se pudo iniciar el servidor de demostración %1: %2</translation>
    </message>
    <message>
        <source>The demo server stopped (exit code %1): %2</source>
        <translation>El servidor de demostración se detuvo (código de salida %1): %2</translation>
    </message>
    <message>
        <source>The demo server did not start within %1 seconds.</source>
        <translation>El servidor de demostración no se inició en %1 segundos.</translation>
    </message>
    <message>
        <source>The demo server is not installed: %1 is missing.</source>
        <translation>El servidor de demostración no está instalado: falta %1.</translation>
    </message>
    <message>
        <source>The demo server started without printing a demo token.</source>
        <translation>El servidor de demostración se inició sin mostrar un token de demostración.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::GasReadingsWidget</name>
    <message>
        <source>Record reading</source>
        <translation>Registrar lectura</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Tomada el</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Tomada por</translation>
    </message>
    <message>
        <source>Reading value</source>
        <translation>Valor de la lectura</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarma</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Reading recorded. %1 is outside the safe range: stop work and ventilate.</source>
        <translation>Lectura registrada. %1 está fuera del rango seguro: detenga el trabajo y ventile.</translation>
    </message>
    <message>
        <source>Reading recorded.</source>
        <translation>Lectura registrada.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::IsolationPointsWidget</name>
    <message>
        <source>Save locks</source>
        <translation>Guardar candados</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>Agregar punto</translation>
    </message>
    <message>
        <source>Energy source</source>
        <translation>Fuente de energía</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation>N.º de candados</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Lock IDs, separated by commas</source>
        <translation>N.º de candados, separados por comas</translation>
    </message>
    <message>
        <source>Valve, breaker or pipe to isolate</source>
        <translation>Válvula, interruptor o tubería a aislar</translation>
    </message>
    <message>
        <source>Lock IDs (optional)</source>
        <translation>N.º de candados (opcional)</translation>
    </message>
    <message>
        <source>Say which energy source this point isolates.</source>
        <translation>Indique qué fuente de energía aísla este punto.</translation>
    </message>
    <message>
        <source>Isolation point added.</source>
        <translation>Punto de aislamiento agregado.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::MainWindow</name>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync now (F5, Ctrl+R)</source>
        <translation>Sincronizar ahora (F5, Ctrl+R)</translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation>Panel de sincronización</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to this record first?</source>
        <translation>¿Guardar primero los cambios de este registro?</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Este registro ya no está en este dispositivo.</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>Este conflicto ya se resolvió.</translation>
    </message>
    <message>
        <source>Conflict resolved. The merged record goes to the server with the next sync.</source>
        <translation>Conflicto resuelto. El registro combinado se enviará al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <source>No server set: open Settings to sign in. Your changes stay queued on this device.</source>
        <translation>Sin servidor: abra Configuración para iniciar sesión. Sus cambios quedan en cola en este dispositivo.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Ya hay una sincronización en curso.</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v de %m cambios</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About FieldSync</source>
        <translation>&amp;Acerca de FieldSync</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PermitEditor</name>
    <message>
        <source>Isolation points (%1)</source>
        <translation>Puntos de aislamiento (%1)</translation>
    </message>
    <message>
        <source>Gas readings (%1)</source>
        <translation>Lecturas de gas (%1)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PermitSignatures</name>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Sign as issuer</source>
        <translation>Firmar como emisor</translation>
    </message>
    <message>
        <source>Sign as receiver</source>
        <translation>Firmar como receptor</translation>
    </message>
    <message>
        <source>View the issuer&apos;s signature</source>
        <translation>Ver la firma del emisor</translation>
    </message>
    <message>
        <source>View the receiver&apos;s signature</source>
        <translation>Ver la firma del receptor</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receptor</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Sin firma</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Aún sin firmar</translation>
    </message>
    <message>
        <source>Signature saved on this device. It goes to the server with the next sync.</source>
        <translation>Firma guardada en este dispositivo. Se enviará al servidor en la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoStorageSettings</name>
    <message>
        <source>Free up space now</source>
        <translation>Liberar espacio ahora</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>Todas las fotos</translation>
    </message>
    <message>
        <source>Keep photos on this device for this many days, 0 keeps all</source>
        <translation>Conservar las fotos en este dispositivo durante esta cantidad de días; 0 las conserva todas</translation>
    </message>
    <message>
        <source>Photos the server already has are removed from this device after this many days; they can be downloaded again. 0 keeps every photo.</source>
        <translation>Las fotos que el servidor ya tiene se eliminan de este dispositivo tras esta cantidad de días; se pueden volver a descargar. 0 conserva todas las fotos.</translation>
    </message>
    <message>
        <source>Remove now the photos older than the days chosen that the server already has</source>
        <translation>Eliminar ahora las fotos más antiguas que los días elegidos que el servidor ya tiene</translation>
    </message>
    <message>
        <source>Storage used by photos and signatures</source>
        <translation>Almacenamiento usado por fotos y firmas</translation>
    </message>
    <message>
        <source>Keep photos on this device for (0 = all)</source>
        <translation>Conservar fotos en este dispositivo durante (0 = todas)</translation>
    </message>
    <message>
        <source>Storage used</source>
        <translation>Almacenamiento usado</translation>
    </message>
    <message>
        <source>%1 of photos and signatures on this device</source>
        <translation>%1 de fotos y firmas en este dispositivo</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed from this device; the server keeps them.</source>
        <translation>
            <numerusform>%n foto eliminada de este dispositivo; el servidor la conserva.</numerusform>
            <numerusform>%n fotos eliminadas de este dispositivo; el servidor las conserva.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Fit the photo to the window</source>
        <translation>Ajustar la foto a la ventana</translation>
    </message>
    <message>
        <source>Show the photo at its real size</source>
        <translation>Mostrar la foto a su tamaño real</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>Intentar la descarga de nuevo</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Cerrar el visor</translation>
    </message>
    <message>
        <source>The photo could not be downloaded: %1</source>
        <translation>No se pudo descargar la foto: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>This photo is not on this device, and no server is set to download it from.</source>
        <translation>Esta foto no está en este dispositivo y no hay ningún servidor configurado desde el que descargarla.</translation>
    </message>
    <message>
        <source>Downloading the full photo (%1)…</source>
        <translation>Descargando la foto completa (%1)…</translation>
    </message>
    <message>
        <source>The photo cannot be shown: %1</source>
        <translation>No se puede mostrar la foto: %1</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordEditor</name>
    <message>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Choose a permit in the list, or make a new one.</source>
        <translation>Elija un permiso de la lista o cree uno nuevo.</translation>
    </message>
    <message>
        <source>Choose a task in the list, or make a new one.</source>
        <translation>Elija una tarea de la lista o cree una nueva.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Guardar (%1)</translation>
    </message>
    <message>
        <source>Delete this draft permit?</source>
        <translation>¿Eliminar este borrador de permiso?</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>Nuevo permiso</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nueva tarea</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Este registro ya no está en este dispositivo.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Saved on this device. It goes to the server with the next sync.</source>
        <translation>Guardado en este dispositivo. Se enviará al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Close this permit? A closed permit cannot be reopened.</source>
        <translation>¿Cerrar este permiso? Un permiso cerrado no se puede reabrir.</translation>
    </message>
    <message>
        <source>Cancel this permit? A cancelled permit cannot be reopened.</source>
        <translation>¿Cancelar este permiso? Un permiso cancelado no se puede reabrir.</translation>
    </message>
    <message>
        <source>%1: now %2.</source>
        <translation>%1: ahora %2.</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Descartar cambio</translation>
    </message>
    <message>
        <source>Discard the rejected change? The record goes back to what the server has.</source>
        <translation>¿Descartar el cambio rechazado? El registro vuelve a lo que tiene el servidor.</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Eliminar tarea</translation>
    </message>
    <message>
        <source>Delete this task? Other devices drop it with their next sync.</source>
        <translation>¿Eliminar esta tarea? Los demás dispositivos la quitarán en su próxima sincronización.</translation>
    </message>
    <message>
        <source>You prepared or submitted this permit, so another PM must approve it.</source>
        <translation>Usted preparó o envió este permiso, así que otro PM debe aprobarlo.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordForm</name>
    <message>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Sin definir</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation>«Válido hasta» debe ser posterior a «Válido desde».</translation>
    </message>
    <message>
        <source>(not on this device)</source>
        <translation>(no está en este dispositivo)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListModel</name>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListPane</name>
    <message>
        <source>Search permits</source>
        <translation>Buscar permisos</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Buscar tareas</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>Nuevo permiso</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nueva tarea</translation>
    </message>
    <message numerus="yes">
        <source>%n permit(s)</source>
        <translation>
            <numerusform>%n permiso</numerusform>
            <numerusform>%n permisos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tarea</numerusform>
            <numerusform>%n tareas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignInDialog</name>
    <message>
        <source>Connect to a FieldSync server</source>
        <translation>Conectarse a un servidor FieldSync</translation>
    </message>
    <message>
        <source>Work on this device only (no server)</source>
        <translation>Trabajar solo en este dispositivo (sin servidor)</translation>
    </message>
    <message>
        <source>Use demo server…</source>
        <translation>Usar servidor de demostración…</translation>
    </message>
    <message>
        <source>Sign in and settings</source>
        <translation>Inicio de sesión y configuración</translation>
    </message>
    <message>
        <source>https://fieldsync.example.com</source>
        <translation>https://fieldsync.ejemplo.com</translation>
    </message>
    <message>
        <source>Access token from your office</source>
        <translation>Token de acceso de su oficina</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Mostrar el token</translation>
    </message>
    <message>
        <source>Project name or code</source>
        <translation>Nombre o código del proyecto</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nombre del dispositivo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Guardar de todos modos</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https:// (or http:// on a site network).</source>
        <translation>Ingrese la dirección del servidor, empezando por https:// (o http:// en la red de la obra).</translation>
    </message>
    <message>
        <source>Enter the access token your office gave you.</source>
        <translation>Ingrese el token de acceso que le dio su oficina.</translation>
    </message>
    <message>
        <source>Enter the project you work on, so that new permits know where they belong.</source>
        <translation>Ingrese el proyecto en el que trabaja, para que los permisos nuevos sepan a dónde pertenecen.</translation>
    </message>
    <message>
        <source>Give this device a name, so that the office knows which tablet made a change.</source>
        <translation>Dé un nombre a este dispositivo, para que la oficina sepa qué tableta hizo un cambio.</translation>
    </message>
    <message>
        <source>Checking the token with the server…</source>
        <translation>Verificando el token con el servidor…</translation>
    </message>
    <message>
        <source>The server did not accept this token. Check it and try again.</source>
        <translation>El servidor no aceptó este token. Revíselo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Could not reach the server (%1). Check the address, or save anyway and sync later.</source>
        <translation>No se pudo contactar al servidor (%1). Revise la dirección o guarde de todos modos y sincronice más tarde.</translation>
    </message>
    <message>
        <source>The server answered with an error: %1</source>
        <translation>El servidor respondió con un error: %1</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>No se puede leer %1.</translation>
    </message>
    <message>
        <source>%1 is not a demo server file (it needs url and foreman_token).</source>
        <translation>%1 no es un archivo de servidor de demostración (necesita url y foreman_token).</translation>
    </message>
    <message>
        <source>Demo server file</source>
        <translation>Archivo del servidor de demostración</translation>
    </message>
    <message>
        <source>Demo token file (*.json)</source>
        <translation>Archivo de tokens de demostración (*.json)</translation>
    </message>
    <message>
        <source>Optional: SHA-256 fingerprint of the server&apos;s certificate</source>
        <translation>Opcional: huella SHA-256 del certificado del servidor</translation>
    </message>
    <message>
        <source>Your office gives this for a server with its own certificate. When set, this device trusts exactly that certificate and no other.</source>
        <translation>Su oficina se la proporciona para un servidor con certificado propio. Si se indica, este dispositivo confía exactamente en ese certificado y en ningún otro.</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Huella del certificado</translation>
    </message>
    <message>
        <source>Photos on this device</source>
        <translation>Fotos en este dispositivo</translation>
    </message>
    <message>
        <source>The certificate fingerprint must be 64 hexadecimal digits (colons allowed), as your office gave it.</source>
        <translation>La huella del certificado debe tener 64 dígitos hexadecimales (se admiten dos puntos), tal como se la dio su oficina.</translation>
    </message>
    <message>
        <source>This device does not trust the server&apos;s certificate (%1). Check the address and the certificate fingerprint with your office.</source>
        <translation>Este dispositivo no confía en el certificado del servidor (%1). Compruebe la dirección y la huella del certificado con su oficina.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignatureDialog</name>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Guardar firma</translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation>Firmar como %1</translation>
    </message>
    <message>
        <source>Full name of the person signing</source>
        <translation>Nombre completo de la persona que firma</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>Nombre del firmante</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>Borrar la firma</translation>
    </message>
    <message>
        <source>Draw the signature in the box with a finger or the mouse.</source>
        <translation>Dibuje la firma en el recuadro con el dedo o el ratón.</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>The signature was not saved: %1</source>
        <translation>No se guardó la firma: %1</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Panel de firma</translation>
    </message>
    <message>
        <source>Draw the signature here with a finger, a stylus or the mouse.</source>
        <translation>Dibuje aquí la firma con el dedo, un lápiz óptico o el ratón.</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Firme aquí</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncPanel</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Campos en conflicto</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Respuesta del servidor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Abrir registro</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>Editar registro</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Descartar cambio…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Nothing waiting: every change is on the server.</source>
        <translation>Nada pendiente: todos los cambios están en el servidor.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>No hay conflictos.</translation>
    </message>
    <message>
        <source>No rejected changes.</source>
        <translation>No hay cambios rechazados.</translation>
    </message>
    <message>
        <source>No sync yet.</source>
        <translation>Aún no hay sincronizaciones.</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Registro de sincronización</translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation>Pendientes (%1)</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflictos (%1)</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Rechazados (%1)</translation>
    </message>
    <message>
        <source>No server set: changes stay on this device until you sign in.</source>
        <translation>Sin servidor: los cambios se quedan en este dispositivo hasta que inicie sesión.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Descartar cambio</translation>
    </message>
    <message>
        <source>Discard this change? The record goes back to what the server has. This cannot be undone.</source>
        <translation>¿Descartar este cambio? El registro vuelve a lo que tiene el servidor. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>Archivos (%1)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStateBadge</name>
    <message>
        <source>Synced: the server has this version.</source>
        <translation>Sincronizado: el servidor tiene esta versión.</translation>
    </message>
    <message>
        <source>Pending: saved on this device, waiting to sync.</source>
        <translation>Pendiente: guardado en este dispositivo, esperando sincronizar.</translation>
    </message>
    <message>
        <source>Conflict: someone else changed the same fields.</source>
        <translation>Conflicto: otra persona cambió los mismos campos.</translation>
    </message>
    <message>
        <source>Rejected by the server.</source>
        <translation>Rechazado por el servidor.</translation>
    </message>
    <message>
        <source>Rejected: %1 %2 Edit and save to try again, or discard the change.</source>
        <translation>Rechazado: %1 %2 Edite y guarde para intentarlo de nuevo, o descarte el cambio.</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Descartar cambio…</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStatusIndicator</name>
    <message>
        <source>Sync status. Opens the sync panel.</source>
        <translation>Estado de sincronización. Abre el panel de sincronización.</translation>
    </message>
    <message>
        <source>Syncing (%1 of %2)</source>
        <translation>Sincronizando (%1 de %2)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Error (%1, retrying in %2 s)</source>
        <translation>Error (%1, reintento en %2 s)</translation>
    </message>
    <message>
        <source>Error (%1)</source>
        <translation>Error (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced (%1)</source>
        <translation>Sincronizado (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pendiente</numerusform>
            <numerusform>%n pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline (%n pending)</source>
        <translation>
            <numerusform>Sin conexión (%n pendiente)</numerusform>
            <numerusform>Sin conexión (%n pendientes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: %1 · Conflicts: %2 · Rejected: %3</source>
        <translation>Pendientes: %1 · Conflictos: %2 · Rechazados: %3</translation>
    </message>
    <message>
        <source>No server set: every change stays queued on this device.</source>
        <translation>Sin servidor: todos los cambios quedan en cola en este dispositivo.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::TaskEditor</name>
    <message>
        <source>Open permit</source>
        <translation>Abrir permiso</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
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
        <translation>No se puede mostrar este archivo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation>No está en este dispositivo</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::WelcomeDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Conectarse a un servidor</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Welcome to FieldSync</source>
        <translation>Le damos la bienvenida a FieldSync</translation>
    </message>
    <message>
        <source>Permits-to-work and tasks that you can fill in without a signal. Everything you type is saved on this device first and sent to your office&apos;s server when there is a connection.</source>
        <translation>Permisos de trabajo y tareas que puede completar sin cobertura. Todo lo que escribe se guarda primero en este dispositivo y se envía al servidor de su oficina cuando hay conexión.</translation>
    </message>
    <message>
        <source>Your office gave you a server address and an access token.</source>
        <translation>Su oficina le dio una dirección de servidor y un token de acceso.</translation>
    </message>
    <message>
        <source>Look around with example permits and tasks. A demo server runs on this computer while FieldSync is open; nothing leaves it.</source>
        <translation>Explore con permisos y tareas de ejemplo. Mientras FieldSync está abierto, se ejecuta un servidor de demostración en este equipo; nada sale de él.</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Iniciando el servidor de demostración…</translation>
    </message>
</context>
</TS>
