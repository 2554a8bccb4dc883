<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AttachmentText</name>
    <message>
        <source>Not on this device, tap to download</source>
        <translation>Pas sur cet appareil, touchez pour télécharger</translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation>Pas sur cet appareil</translation>
    </message>
    <message>
        <source>Uploading %1 %</source>
        <translation>Envoi %1 %</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Not on the server yet</source>
        <translation>Pas encore sur le serveur</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>émetteur</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>récepteur</translation>
    </message>
    <message>
        <source>Signed by %1 as %2, %3</source>
        <translation>Signé par %1 en tant que %2, %3</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Data directory of this device.</source>
        <translation>Dossier de données de cet appareil.</translation>
    </message>
    <message>
        <source>Server URL to sign in to.</source>
        <translation>URL du serveur auquel se connecter.</translation>
    </message>
    <message>
        <source>Access token for the server.</source>
        <translation>Jeton d'accès pour le serveur.</translation>
    </message>
    <message>
        <source>Sign in to a demo server from the token file that `fieldsync-server --demo --demo-token-file FILE` wrote.</source>
        <translation>Se connecter à un serveur de démonstration avec le fichier de jetons écrit par `fieldsync-server --demo --demo-token-file FILE`.</translation>
    </message>
    <message>
        <source>With --demo: sign in as foreman (default) or pm.</source>
        <translation>Avec --demo : se connecter comme foreman (chef d’équipe, par défaut) ou pm (chef de projet).</translation>
    </message>
    <message>
        <source>Print start-up time and peak memory once the permit list has painted, then exit (benchmark).</source>
        <translation>Afficher le temps de démarrage et la mémoire maximale une fois la liste des permis affichée, puis quitter (mesure).</translation>
    </message>
    <message>
        <source>FieldSync: permits-to-work and tasks, offline first.
With no server saved yet it opens a welcome that connects to a server or starts a local demo server.</source>
        <translation>FieldSync : permis de travail et tâches, hors ligne d'abord.
Sans serveur enregistré, il ouvre un accueil qui se connecte à un serveur ou démarre un serveur de démonstration local.</translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>Permit</source>
        <translation>Permis</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Gas reading</source>
        <translation>Mesure de gaz</translation>
    </message>
    <message>
        <source>Isolation point</source>
        <translation>Point de consignation</translation>
    </message>
    <message>
        <source>Permits</source>
        <translation>Permis</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Gas readings</source>
        <translation>Mesures de gaz</translation>
    </message>
    <message>
        <source>Isolation points</source>
        <translation>Points de consignation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Work type</source>
        <translation>Type de travaux</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable du</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Valable jusqu’au</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Required PPE</source>
        <translation>EPI requis</translation>
    </message>
    <message>
        <source>Safety checklist</source>
        <translation>Liste de contrôle sécurité</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gaz</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Mesurée le</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Mesurée par</translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation>N° de cadenas</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumis</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribué</translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation>Consigné</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>De-isolated</source>
        <translation>Déconsigné</translation>
    </message>
    <message>
        <source>Hot work</source>
        <translation>Travail par point chaud</translation>
    </message>
    <message>
        <source>Confined space</source>
        <translation>Espace confiné</translation>
    </message>
    <message>
        <source>Work at height</source>
        <translation>Travail en hauteur</translation>
    </message>
    <message>
        <source>Excavation</source>
        <translation>Excavation</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>Électrique</translation>
    </message>
    <message>
        <source>Lifting</source>
        <translation>Levage</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marquer terminée</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Mark isolated</source>
        <translation>Marquer consigné</translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation>Marquer vérifié</translation>
    </message>
    <message>
        <source>Mark de-isolated</source>
        <translation>Marquer déconsigné</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Soumettre</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Cancel permit</source>
        <translation>Annuler le permis</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Foreman</source>
        <translation>Chef d’équipe</translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation>Chef de projet</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Helmet</source>
        <translation>Casque</translation>
    </message>
    <message>
        <source>Gloves</source>
        <translation>Gants</translation>
    </message>
    <message>
        <source>Safety glasses</source>
        <translation>Lunettes de sécurité</translation>
    </message>
    <message>
        <source>Hi-vis vest</source>
        <translation>Gilet haute visibilité</translation>
    </message>
    <message>
        <source>Safety boots</source>
        <translation>Chaussures de sécurité</translation>
    </message>
    <message>
        <source>Hearing protection</source>
        <translation>Protection auditive</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Harnais</translation>
    </message>
    <message>
        <source>Respirator</source>
        <translation>Appareil respiratoire</translation>
    </message>
    <message>
        <source>Face shield</source>
        <translation>Écran facial</translation>
    </message>
    <message>
        <source>Fire-resistant clothing</source>
        <translation>Vêtements ignifugés</translation>
    </message>
    <message>
        <source>Area barricaded</source>
        <translation>Zone balisée</translation>
    </message>
    <message>
        <source>Fire watch present</source>
        <translation>Surveillant incendie présent</translation>
    </message>
    <message>
        <source>Gas tested</source>
        <translation>Gaz mesuré</translation>
    </message>
    <message>
        <source>Isolation verified</source>
        <translation>Consignation vérifiée</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Someone deleted this record while you edited it.</source>
        <translation>Quelqu’un a supprimé cet enregistrement pendant que vous le modifiiez.</translation>
    </message>
    <message>
        <source>Someone changed this record after you deleted it.</source>
        <translation>Quelqu’un a modifié cet enregistrement après que vous l’avez supprimé.</translation>
    </message>
    <message>
        <source>Someone changed the same fields while you edited them.</source>
        <translation>Quelqu’un a modifié les mêmes champs pendant que vous les modifiiez.</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>Votre rôle ne permet pas cette modification.</translation>
    </message>
    <message>
        <source>This status change is not allowed from the record&apos;s current status.</source>
        <translation>Ce changement de statut n’est pas autorisé depuis le statut actuel de l’enregistrement.</translation>
    </message>
    <message>
        <source>The server found a value it does not accept.</source>
        <translation>Le serveur a trouvé une valeur qu’il n’accepte pas.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation>L’enregistrement n’existe plus sur le serveur.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Le serveur a refusé cette modification.</translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation>« Valable jusqu’au » doit être après « Valable du ».</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1 est trop long.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>This status change is not allowed (%1).</source>
        <translation>Ce changement de statut n’est pas autorisé (%1).</translation>
    </message>
    <message>
        <source>Your role may not do this (%1).</source>
        <translation>Votre rôle ne permet pas cela (%1).</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Cet enregistrement n’est plus sur cet appareil.</translation>
    </message>
    <message>
        <source>A recorded reading is a fact and cannot be changed.</source>
        <translation>Une mesure enregistrée est un fait et ne peut pas être modifiée.</translation>
    </message>
    <message>
        <source>This data was written by a newer FieldSync. Update FieldSync to open it.</source>
        <translation>Ces données ont été écrites par une version plus récente de FieldSync. Mettez FieldSync à jour pour les ouvrir.</translation>
    </message>
    <message>
        <source>The device could not save to its storage (%1). Your earlier work is safe.</source>
        <translation>L’appareil n’a pas pu enregistrer dans son stockage (%1). Votre travail précédent est en sécurité.</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>serveur injoignable</translation>
    </message>
    <message>
        <source>connection too slow</source>
        <translation>connexion trop lente</translation>
    </message>
    <message>
        <source>server certificate not trusted</source>
        <translation>certificat du serveur non reconnu</translation>
    </message>
    <message>
        <source>server busy</source>
        <translation>serveur occupé</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>erreur du serveur</translation>
    </message>
    <message>
        <source>signed out, sign in again</source>
        <translation>déconnecté, reconnectez-vous</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>update FieldSync</source>
        <translation>mettez FieldSync à jour</translation>
    </message>
    <message>
        <source>unexpected server answer</source>
        <translation>réponse inattendue du serveur</translation>
    </message>
    <message>
        <source>change too large</source>
        <translation>modification trop volumineuse</translation>
    </message>
    <message>
        <source>storage problem</source>
        <translation>problème de stockage</translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation>problème inconnu</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Gas detector</source>
        <translation>Détecteur de gaz</translation>
    </message>
    <message>
        <source>Extinguisher nearby</source>
        <translation>Extincteur à proximité</translation>
    </message>
    <message>
        <source>Combustibles removed</source>
        <translation>Combustibles retirés</translation>
    </message>
    <message>
        <source>Rescue plan briefed</source>
        <translation>Plan de sauvetage expliqué</translation>
    </message>
    <message>
        <source>Standby person assigned</source>
        <translation>Surveillant désigné</translation>
    </message>
    <message>
        <source>Close permit</source>
        <translation>Clôturer le permis</translation>
    </message>
    <message>
        <source>Photo or signature</source>
        <translation>Photo ou signature</translation>
    </message>
    <message>
        <source>Photos and signatures</source>
        <translation>Photos et signatures</translation>
    </message>
</context>
<context>
    <name>UiTime</name>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AboutDialog</name>
    <message>
        <source>About FieldSync</source>
        <translation>À propos de FieldSync</translation>
    </message>
    <message>
        <source>&lt;h2&gt;FieldSync %1&lt;/h2&gt;&lt;p&gt;Permits-to-work and tasks for construction sites, offline first.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;FieldSync is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It uses the Qt libraries under the GNU Lesser General Public License version 3 (LGPLv3, &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;Qt&apos;s obligations&lt;/a&gt;) and QtKeychain under the BSD 2-clause licence. The licence texts are in /usr/share/doc/fieldsync/copyright and /usr/share/common-licenses.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;FieldSync %1&lt;/h2&gt;&lt;p&gt;Permis de travail et tâches pour les chantiers de construction, conçu d’abord pour le hors ligne.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2, exécuté avec Qt %3.&lt;/p&gt;&lt;p&gt;FieldSync est un logiciel libre sous licence MIT.&lt;/p&gt;&lt;p&gt;Il utilise les bibliothèques Qt sous la GNU Lesser General Public License version 3 (LGPLv3, &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;obligations de Qt&lt;/a&gt;) et QtKeychain sous la licence BSD à 2 clauses. Les textes des licences se trouvent dans /usr/share/doc/fieldsync/copyright et /usr/share/common-licenses.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AppController</name>
    <message>
        <source>cannot read %1</source>
        <translation>impossible de lire %1</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentProgress</name>
    <message>
        <source>No photos or signatures are being sent.</source>
        <translation>Aucune photo ni signature n’est en cours d’envoi.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>File uploads</source>
        <translation>Envois de fichiers</translation>
    </message>
    <message>
        <source>The server has every photo and signature of this device.</source>
        <translation>Le serveur a toutes les photos et signatures de cet appareil.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not on the server yet; they go with the next sync, and their records stay pending until then.</source>
        <translation>
            <numerusform>%n fichier pas encore sur le serveur ; il partira à la prochaine synchronisation, et son enregistrement reste en attente jusque-là.</numerusform>
            <numerusform>%n fichiers pas encore sur le serveur ; ils partiront à la prochaine synchronisation, et leurs enregistrements restent en attente jusque-là.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signature (%1)</source>
        <translation>Signature (%1)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation>Envoi de %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Sent, checking…</source>
        <translation>Envoyé, vérification…</translation>
    </message>
    <message>
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentStrip</name>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Ajouter une photo…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>No photos yet. Add one, or drop image files here.</source>
        <translation>Aucune photo pour l’instant. Ajoutez-en une ou déposez des fichiers image ici.</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Ajouter une photo</translation>
    </message>
    <message>
        <source>Add photos from files; you can also drop image files on the strip</source>
        <translation>Ajouter des photos à partir de fichiers ; vous pouvez aussi déposer des fichiers image sur la bande</translation>
    </message>
    <message>
        <source>View photo</source>
        <translation>Afficher la photo</translation>
    </message>
    <message>
        <source>%1, %2
%3</source>
        <translation>%1, %2
%3</translation>
    </message>
    <message>
        <source>Photo %1, %2</source>
        <translation>Photo %1, %2</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Ajouter des photos</translation>
    </message>
    <message>
        <source>%1 is not an image this device can show.</source>
        <translation>%1 n’est pas une image que cet appareil peut afficher.</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 n’a pas été ajouté : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved on this device. They upload with the next sync.</source>
        <translation>
            <numerusform>%n photo enregistrée sur cet appareil. Elle sera envoyée à la prochaine synchronisation.</numerusform>
            <numerusform>%n photos enregistrées sur cet appareil. Elles seront envoyées à la prochaine synchronisation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::AttachmentsPage</name>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Photos (%1)</translation>
    </message>
    <message>
        <source>Photos and signatures (%1)</source>
        <translation>Photos et signatures (%1)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ChecklistWidget</name>
    <message>
        <source>Add another…</source>
        <translation>Ajouter un autre…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictDialog</name>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Résoudre le conflit</translation>
    </message>
    <message>
        <source>Conflict on %1 “%2”</source>
        <translation>Conflit sur %1 « %2 »</translation>
    </message>
    <message>
        <source>Your edit was based on version %1; the server is now at version %2. Choose what stays.</source>
        <translation>Votre modification partait de la version %1 ; le serveur est maintenant à la version %2. Choisissez ce qui reste.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>Enregistrement fusionné</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Garder tout le mien</translation>
    </message>
    <message>
        <source>Take all server</source>
        <translation>Prendre tout du serveur</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Décider plus tard</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Mine (this device)</source>
        <translation>Le mien (cet appareil)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>Restore the record with my edit</source>
        <translation>Restaurer l’enregistrement avec ma modification</translation>
    </message>
    <message>
        <source>Delete it anyway</source>
        <translation>Le supprimer quand même</translation>
    </message>
    <message>
        <source>Leave it deleted and drop my edit</source>
        <translation>Le laisser supprimé et abandonner ma modification</translation>
    </message>
    <message>
        <source>Keep the server&apos;s record and drop my delete</source>
        <translation>Garder l’enregistrement du serveur et abandonner ma suppression</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>The record will be deleted.</source>
        <translation>L’enregistrement sera supprimé.</translation>
    </message>
    <message>
        <source>The record stays deleted.</source>
        <translation>L’enregistrement reste supprimé.</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>Choose a value for every field first.</source>
        <translation>Choisissez d’abord une valeur pour chaque champ.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::ConflictFieldRow</name>
    <message>
        <source>Keep mine</source>
        <translation>Garder le mien</translation>
    </message>
    <message>
        <source>Take server</source>
        <translation>Prendre le serveur</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::DemoServer</name>
    <message>
        <source>The demo server %1 could not be started: %2</source>
        <translation>Le serveur de démonstration %1 n’a pas pu être démarré : %2</translation>
    </message>
    <message>
        <source>The demo server stopped (exit code %1): %2</source>
        <translation>Le serveur de démonstration s’est arrêté (code de sortie %1) : %2</translation>
    </message>
    <message>
        <source>The demo server did not start within %1 seconds.</source>
        <translation>Le serveur de démonstration n’a pas démarré en %1 secondes.</translation>
    </message>
    <message>
        <source>The demo server is not installed: %1 is missing.</source>
        <translation>Le serveur de démonstration n’est pas installé : %1 est introuvable.</translation>
    </message>
    <message>
        <source>The demo server started without printing a demo token.</source>
        <translation>Le serveur de démonstration a démarré sans afficher de jeton de démonstration.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::GasReadingsWidget</name>
    <message>
        <source>Record reading</source>
        <translation>Enregistrer la mesure</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Mesurée le</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gaz</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Mesurée par</translation>
    </message>
    <message>
        <source>Reading value</source>
        <translation>Valeur mesurée</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Reading recorded. %1 is outside the safe range: stop work and ventilate.</source>
        <translation>Mesure enregistrée. %1 est hors de la plage sûre : arrêtez le travail et ventilez.</translation>
    </message>
    <message>
        <source>Reading recorded.</source>
        <translation>Mesure enregistrée.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::IsolationPointsWidget</name>
    <message>
        <source>Save locks</source>
        <translation>Enregistrer les cadenas</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>Ajouter un point</translation>
    </message>
    <message>
        <source>Energy source</source>
        <translation>Source d’énergie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Lock IDs</source>
        <translation>N° de cadenas</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Lock IDs, separated by commas</source>
        <translation>N° de cadenas, séparés par des virgules</translation>
    </message>
    <message>
        <source>Valve, breaker or pipe to isolate</source>
        <translation>Vanne, disjoncteur ou conduite à consigner</translation>
    </message>
    <message>
        <source>Lock IDs (optional)</source>
        <translation>N° de cadenas (facultatif)</translation>
    </message>
    <message>
        <source>Say which energy source this point isolates.</source>
        <translation>Indiquez quelle source d’énergie ce point consigne.</translation>
    </message>
    <message>
        <source>Isolation point added.</source>
        <translation>Point de consignation ajouté.</translation>
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
        <translation>Projet</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Sync now (F5, Ctrl+R)</source>
        <translation>Synchroniser (F5, Ctrl+R)</translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation>Panneau de synchronisation</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to this record first?</source>
        <translation>Enregistrer d’abord les modifications de cet enregistrement ?</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Cet enregistrement n’est plus sur cet appareil.</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>Ce conflit est déjà résolu.</translation>
    </message>
    <message>
        <source>Conflict resolved. The merged record goes to the server with the next sync.</source>
        <translation>Conflit résolu. L’enregistrement fusionné partira vers le serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>No server set: open Settings to sign in. Your changes stay queued on this device.</source>
        <translation>Aucun serveur : ouvrez les Réglages pour vous connecter. Vos modifications restent en attente sur cet appareil.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Une synchronisation est déjà en cours.</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v sur %m modifications</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About FieldSync</source>
        <translation>À &amp;propos de FieldSync</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PermitEditor</name>
    <message>
        <source>Isolation points (%1)</source>
        <translation>Points de consignation (%1)</translation>
    </message>
    <message>
        <source>Gas readings (%1)</source>
        <translation>Mesures de gaz (%1)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PermitSignatures</name>
    <message>
        <source>View</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Sign as issuer</source>
        <translation>Signer en tant qu’émetteur</translation>
    </message>
    <message>
        <source>Sign as receiver</source>
        <translation>Signer en tant que récepteur</translation>
    </message>
    <message>
        <source>View the issuer&apos;s signature</source>
        <translation>Afficher la signature de l’émetteur</translation>
    </message>
    <message>
        <source>View the receiver&apos;s signature</source>
        <translation>Afficher la signature du récepteur</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Récepteur</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Aucune signature</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Pas encore signé</translation>
    </message>
    <message>
        <source>Signature saved on this device. It goes to the server with the next sync.</source>
        <translation>Signature enregistrée sur cet appareil. Envoi au serveur à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoStorageSettings</name>
    <message>
        <source>Free up space now</source>
        <translation>Libérer de l’espace maintenant</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>Toutes les photos</translation>
    </message>
    <message>
        <source>Keep photos on this device for this many days, 0 keeps all</source>
        <translation>Conserver les photos sur cet appareil pendant ce nombre de jours, 0 les conserve toutes</translation>
    </message>
    <message>
        <source>Photos the server already has are removed from this device after this many days; they can be downloaded again. 0 keeps every photo.</source>
        <translation>Les photos que le serveur a déjà sont supprimées de cet appareil après ce nombre de jours ; elles peuvent être téléchargées à nouveau. 0 conserve toutes les photos.</translation>
    </message>
    <message>
        <source>Remove now the photos older than the days chosen that the server already has</source>
        <translation>Supprimer maintenant les photos plus anciennes que le nombre de jours choisi et que le serveur a déjà</translation>
    </message>
    <message>
        <source>Storage used by photos and signatures</source>
        <translation>Stockage utilisé par les photos et les signatures</translation>
    </message>
    <message>
        <source>Keep photos on this device for (0 = all)</source>
        <translation>Conserver les photos sur cet appareil pendant (0 = toutes)</translation>
    </message>
    <message>
        <source>Storage used</source>
        <translation>Stockage utilisé</translation>
    </message>
    <message>
        <source>%1 of photos and signatures on this device</source>
        <translation>%1 de photos et de signatures sur cet appareil</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed from this device; the server keeps them.</source>
        <translation>
            <numerusform>%n photo supprimée de cet appareil ; le serveur la conserve.</numerusform>
            <numerusform>%n photos supprimées de cet appareil ; le serveur les conserve.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::PhotoViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Fit the photo to the window</source>
        <translation>Ajuster la photo à la fenêtre</translation>
    </message>
    <message>
        <source>Show the photo at its real size</source>
        <translation>Afficher la photo à sa taille réelle</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>Relancer le téléchargement</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Fermer la visionneuse</translation>
    </message>
    <message>
        <source>The photo could not be downloaded: %1</source>
        <translation>La photo n’a pas pu être téléchargée : %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>This photo is not on this device, and no server is set to download it from.</source>
        <translation>Cette photo n’est pas sur cet appareil, et aucun serveur n’est configuré pour la télécharger.</translation>
    </message>
    <message>
        <source>Downloading the full photo (%1)…</source>
        <translation>Téléchargement de la photo complète (%1)…</translation>
    </message>
    <message>
        <source>The photo cannot be shown: %1</source>
        <translation>La photo ne peut pas être affichée : %1</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordEditor</name>
    <message>
        <source>Delete draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Annuler les changements</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Choose a permit in the list, or make a new one.</source>
        <translation>Choisissez un permis dans la liste ou créez-en un.</translation>
    </message>
    <message>
        <source>Choose a task in the list, or make a new one.</source>
        <translation>Choisissez une tâche dans la liste ou créez-en une.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Enregistrer (%1)</translation>
    </message>
    <message>
        <source>Delete this draft permit?</source>
        <translation>Supprimer ce brouillon de permis ?</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>Nouveau permis</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nouvelle tâche</translation>
    </message>
    <message>
        <source>This record is no longer on this device.</source>
        <translation>Cet enregistrement n’est plus sur cet appareil.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Saved on this device. It goes to the server with the next sync.</source>
        <translation>Enregistré sur cet appareil. Envoi au serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Close this permit? A closed permit cannot be reopened.</source>
        <translation>Clôturer ce permis ? Un permis clôturé ne peut pas être rouvert.</translation>
    </message>
    <message>
        <source>Cancel this permit? A cancelled permit cannot be reopened.</source>
        <translation>Annuler ce permis ? Un permis annulé ne peut pas être rouvert.</translation>
    </message>
    <message>
        <source>%1: now %2.</source>
        <translation>%1 : maintenant %2.</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Abandonner la modification</translation>
    </message>
    <message>
        <source>Discard the rejected change? The record goes back to what the server has.</source>
        <translation>Abandonner la modification refusée ? L’enregistrement revient à la version du serveur.</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Supprimer la tâche</translation>
    </message>
    <message>
        <source>Delete this task? Other devices drop it with their next sync.</source>
        <translation>Supprimer cette tâche ? Les autres appareils la retireront à leur prochaine synchronisation.</translation>
    </message>
    <message>
        <source>You prepared or submitted this permit, so another PM must approve it.</source>
        <translation>Vous avez préparé ou soumis ce permis : un autre PM doit donc l&apos;approuver.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordForm</name>
    <message>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>“Valid to” must be after “Valid from”.</source>
        <translation>« Valable jusqu’au » doit être après « Valable du ».</translation>
    </message>
    <message>
        <source>(not on this device)</source>
        <translation>(absent de cet appareil)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListModel</name>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::RecordListPane</name>
    <message>
        <source>Search permits</source>
        <translation>Rechercher des permis</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Rechercher des tâches</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>New permit</source>
        <translation>Nouveau permis</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nouvelle tâche</translation>
    </message>
    <message numerus="yes">
        <source>%n permit(s)</source>
        <translation>
            <numerusform>%n permis</numerusform>
            <numerusform>%n permis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignInDialog</name>
    <message>
        <source>Connect to a FieldSync server</source>
        <translation>Se connecter à un serveur FieldSync</translation>
    </message>
    <message>
        <source>Work on this device only (no server)</source>
        <translation>Travailler uniquement sur cet appareil (sans serveur)</translation>
    </message>
    <message>
        <source>Use demo server…</source>
        <translation>Utiliser le serveur de démonstration…</translation>
    </message>
    <message>
        <source>Sign in and settings</source>
        <translation>Connexion et réglages</translation>
    </message>
    <message>
        <source>https://fieldsync.example.com</source>
        <translation>https://fieldsync.exemple.fr</translation>
    </message>
    <message>
        <source>Access token from your office</source>
        <translation>Jeton d’accès fourni par le bureau</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Afficher le jeton</translation>
    </message>
    <message>
        <source>Project name or code</source>
        <translation>Nom ou code du projet</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Jeton d’accès</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nom de l’appareil</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https:// (or http:// on a site network).</source>
        <translation>Saisissez l’adresse du serveur, commençant par https:// (ou http:// sur le réseau du chantier).</translation>
    </message>
    <message>
        <source>Enter the access token your office gave you.</source>
        <translation>Saisissez le jeton d’accès fourni par votre bureau.</translation>
    </message>
    <message>
        <source>Enter the project you work on, so that new permits know where they belong.</source>
        <translation>Saisissez le projet sur lequel vous travaillez, pour que les nouveaux permis y soient rattachés.</translation>
    </message>
    <message>
        <source>Give this device a name, so that the office knows which tablet made a change.</source>
        <translation>Donnez un nom à cet appareil, pour que le bureau sache quelle tablette a fait une modification.</translation>
    </message>
    <message>
        <source>Checking the token with the server…</source>
        <translation>Vérification du jeton auprès du serveur…</translation>
    </message>
    <message>
        <source>The server did not accept this token. Check it and try again.</source>
        <translation>Le serveur n’a pas accepté ce jeton. Vérifiez-le et réessayez.</translation>
    </message>
    <message>
        <source>Could not reach the server (%1). Check the address, or save anyway and sync later.</source>
        <translation>Impossible de joindre le serveur (%1). Vérifiez l’adresse, ou enregistrez quand même et synchronisez plus tard.</translation>
    </message>
    <message>
        <source>The server answered with an error: %1</source>
        <translation>Le serveur a répondu par une erreur : %1</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>%1 is not a demo server file (it needs url and foreman_token).</source>
        <translation>%1 n’est pas un fichier de serveur de démonstration (il faut url et foreman_token).</translation>
    </message>
    <message>
        <source>Demo server file</source>
        <translation>Fichier du serveur de démonstration</translation>
    </message>
    <message>
        <source>Demo token file (*.json)</source>
        <translation>Fichier de jetons de démonstration (*.json)</translation>
    </message>
    <message>
        <source>Optional: SHA-256 fingerprint of the server&apos;s certificate</source>
        <translation>Facultatif : empreinte SHA-256 du certificat du serveur</translation>
    </message>
    <message>
        <source>Your office gives this for a server with its own certificate. When set, this device trusts exactly that certificate and no other.</source>
        <translation>Votre bureau la fournit pour un serveur doté de son propre certificat. Si elle est renseignée, cet appareil fait confiance exactement à ce certificat et à aucun autre.</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Empreinte du certificat</translation>
    </message>
    <message>
        <source>Photos on this device</source>
        <translation>Photos sur cet appareil</translation>
    </message>
    <message>
        <source>The certificate fingerprint must be 64 hexadecimal digits (colons allowed), as your office gave it.</source>
        <translation>L’empreinte du certificat doit comporter 64 chiffres hexadécimaux (deux-points autorisés), telle que votre bureau l’a fournie.</translation>
    </message>
    <message>
        <source>This device does not trust the server&apos;s certificate (%1). Check the address and the certificate fingerprint with your office.</source>
        <translation>Cet appareil ne fait pas confiance au certificat du serveur (%1). Vérifiez l’adresse et l’empreinte du certificat avec votre bureau.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignatureDialog</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Enregistrer la signature</translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation>Signer en tant que %1</translation>
    </message>
    <message>
        <source>Full name of the person signing</source>
        <translation>Nom complet du signataire</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>Nom du signataire</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>Effacer la signature</translation>
    </message>
    <message>
        <source>Draw the signature in the box with a finger or the mouse.</source>
        <translation>Tracez la signature dans le cadre avec le doigt ou la souris.</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signé par</translation>
    </message>
    <message>
        <source>The signature was not saved: %1</source>
        <translation>La signature n’a pas été enregistrée : %1</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Zone de signature</translation>
    </message>
    <message>
        <source>Draw the signature here with a finger, a stylus or the mouse.</source>
        <translation>Tracez la signature ici avec le doigt, un stylet ou la souris.</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Signez ici</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncPanel</name>
    <message>
        <source>Queued</source>
        <translation>Mis en file</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Champs en conflit</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Réponse du serveur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Ouvrir l’enregistrement</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>Modifier l’enregistrement</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Abandonner la modification…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Nothing waiting: every change is on the server.</source>
        <translation>Rien en attente : toutes les modifications sont sur le serveur.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>No rejected changes.</source>
        <translation>Aucune modification refusée.</translation>
    </message>
    <message>
        <source>No sync yet.</source>
        <translation>Pas encore de synchronisation.</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Journal de synchronisation</translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation>En attente (%1)</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Refusées (%1)</translation>
    </message>
    <message>
        <source>No server set: changes stay on this device until you sign in.</source>
        <translation>Aucun serveur : les modifications restent sur cet appareil jusqu’à votre connexion.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n de plus</numerusform>
            <numerusform>… et %n de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Abandonner la modification</translation>
    </message>
    <message>
        <source>Discard this change? The record goes back to what the server has. This cannot be undone.</source>
        <translation>Abandonner cette modification ? L’enregistrement revient à la version du serveur. Action irréversible.</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>Fichiers (%1)</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStateBadge</name>
    <message>
        <source>Synced: the server has this version.</source>
        <translation>Synchronisé : le serveur a cette version.</translation>
    </message>
    <message>
        <source>Pending: saved on this device, waiting to sync.</source>
        <translation>En attente : enregistré sur cet appareil, en attente de synchronisation.</translation>
    </message>
    <message>
        <source>Conflict: someone else changed the same fields.</source>
        <translation>Conflit : quelqu’un d’autre a modifié les mêmes champs.</translation>
    </message>
    <message>
        <source>Rejected by the server.</source>
        <translation>Refusé par le serveur.</translation>
    </message>
    <message>
        <source>Rejected: %1 %2 Edit and save to try again, or discard the change.</source>
        <translation>Refusé : %1 %2 Modifiez et enregistrez pour réessayer, ou abandonnez la modification.</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Abandonner la modification…</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::SyncStatusIndicator</name>
    <message>
        <source>Sync status. Opens the sync panel.</source>
        <translation>État de la synchronisation. Ouvre le panneau de synchronisation.</translation>
    </message>
    <message>
        <source>Syncing (%1 of %2)</source>
        <translation>Synchronisation (%1 sur %2)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Error (%1, retrying in %2 s)</source>
        <translation>Erreur (%1, nouvel essai dans %2 s)</translation>
    </message>
    <message>
        <source>Error (%1)</source>
        <translation>Erreur (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflit</numerusform>
            <numerusform>%n conflits</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced (%1)</source>
        <translation>Synchronisé (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline (%n pending)</source>
        <translation>
            <numerusform>Hors ligne (%n en attente)</numerusform>
            <numerusform>Hors ligne (%n en attente)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n refusée</numerusform>
            <numerusform>%n refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: %1 · Conflicts: %2 · Rejected: %3</source>
        <translation>En attente : %1 · Conflits : %2 · Refusées : %3</translation>
    </message>
    <message>
        <source>No server set: every change stays queued on this device.</source>
        <translation>Aucun serveur : chaque modification reste en file d’attente sur cet appareil.</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::TaskEditor</name>
    <message>
        <source>Open permit</source>
        <translation>Ouvrir le permis</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
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
        <translation>Impossible d’afficher ce fichier</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation>Pas sur cet appareil</translation>
    </message>
</context>
<context>
    <name>fieldsync::ui::WelcomeDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Welcome to FieldSync</source>
        <translation>Bienvenue dans FieldSync</translation>
    </message>
    <message>
        <source>Permits-to-work and tasks that you can fill in without a signal. Everything you type is saved on this device first and sent to your office&apos;s server when there is a connection.</source>
        <translation>Des permis de travail et des tâches que vous pouvez remplir sans réseau. Tout ce que vous saisissez est d’abord enregistré sur cet appareil, puis envoyé au serveur de votre bureau dès qu’une connexion est disponible.</translation>
    </message>
    <message>
        <source>Your office gave you a server address and an access token.</source>
        <translation>Votre bureau vous a fourni une adresse de serveur et un jeton d’accès.</translation>
    </message>
    <message>
        <source>Look around with example permits and tasks. A demo server runs on this computer while FieldSync is open; nothing leaves it.</source>
        <translation>Découvrez l’application avec des permis et des tâches d’exemple. Un serveur de démonstration tourne sur cet ordinateur tant que FieldSync est ouvert ; rien n’en sort.</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Démarrage du serveur de démonstration…</translation>
    </message>
</context>
</TS>
