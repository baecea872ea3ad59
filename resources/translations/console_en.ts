<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_CA" sourcelanguage="fr_CA">
<context>
    <name>AccountPanel</name>
    <message>
        <source>Compte utilisateur</source>
        <translation>User account</translation>
    </message>
    <message>
        <source>Courriel (identifiant) :</source>
        <translation>Email (identifier):</translation>
    </message>
    <message>
        <source>Confirmé :</source>
        <translation>Confirmed:</translation>
    </message>
    <message>
        <source>Verrouillé :</source>
        <translation>Locked:</translation>
    </message>
    <message>
        <source>Connexions échouées :</source>
        <translation>Failed sign-ins:</translation>
    </message>
    <message>
        <source>Renvoyer la &amp;confirmation</source>
        <translation>Resend the &amp;confirmation</translation>
    </message>
    <message>
        <source>Résultat de l&apos;action</source>
        <translation>Result of the action</translation>
    </message>
    <message>
        <source>À lire à l&apos;appelant</source>
        <translation>To read to the caller</translation>
    </message>
    <message>
        <source>Mot de passe (F1) — le nouveau mot de passe doit avoir :</source>
        <translation>Password (F1) — the new password must have:</translation>
    </message>
    <message>
        <source>Confirmation (F2) — le courriel peut prendre quelques minutes, surtout avec Hotmail. Actualisez la boîte de réception et regardez dans les courriers indésirables.</source>
        <translation>Confirmation (F2) — the email can take a few minutes, especially with Hotmail. Refresh the inbox and look in the junk mail folder.</translation>
    </message>
    <message>
        <source>Changer d&apos;adresse (F3) — impossible : l&apos;adresse courriel est l&apos;identifiant unique du compte. Pour utiliser une autre adresse, la famille crée un nouveau Dossier loisir avec cette adresse.</source>
        <translation>Changing the address (F3) — not possible: the email address is the account&apos;s unique identifier. To use another address, the family creates a new Dossier loisir with that address.</translation>
    </message>
    <message>
        <source>Adresse que la famille voudrait utiliser</source>
        <translation>Address the family would like to use</translation>
    </message>
    <message>
        <source>Résultat pour l&apos;adresse</source>
        <translation>Result for the address</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>oui, depuis le {at}</source>
        <translation>yes, since {at}</translation>
    </message>
    <message>
        <source>{count} (dernière : {at})</source>
        <translation>{count} (last: {at})</translation>
    </message>
    <message>
        <source>Liens restants cette heure : {n}</source>
        <translation>Links left this hour: {n}</translation>
    </message>
    <message>
        <source>Compte déverrouillé. Un courriel avise {email}.</source>
        <translation>Account unlocked. An email tells {email}.</translation>
    </message>
    <message>
        <source>Lien de réinitialisation envoyé à {email}, valide jusqu&apos;à {until}.</source>
        <translation>Reset link sent to {email}, valid until {until}.</translation>
    </message>
    <message>
        <source>Courriel de confirmation renvoyé à {email}.</source>
        <translation>Confirmation email sent again to {email}.</translation>
    </message>
    <message>
        <source>{email} est déjà l&apos;identifiant du dossier {number} : la famille peut utiliser ce dossier.</source>
        <translation>{email} is already the identifier of household {number}: the family can use that household.</translation>
    </message>
    <message>
        <source>Aucun dossier n&apos;utilise {email} : la famille peut créer un nouveau Dossier loisir avec cette adresse.</source>
        <translation>No household uses {email}: the family can create a new Dossier loisir with this address.</translation>
    </message>
    <message>
        <source>Langue :</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Lien de réinitialisation :</source>
        <translation>Reset link:</translation>
    </message>
    <message>
        <source>Envoyer un lien de ré&amp;initialisation</source>
        <translation>Send a password reset l&amp;ink</translation>
    </message>
    <message>
        <source>Vérifier l&apos;adress&amp;e</source>
        <translation>Check th&amp;e address</translation>
    </message>
    <message>
        <source>Déve&amp;rrouiller</source>
        <translation>Un&amp;lock</translation>
    </message>
    <message>
        <source>Vérification requise</source>
        <translation>Verification required</translation>
    </message>
    <message>
        <source>Autre adresse (F3)</source>
        <translation>Another address (F3)</translation>
    </message>
    <message>
        <source>Vérifiez d&apos;abord l&apos;identité de l&apos;appelant (Ctrl+Maj+V) : déverrouiller, envoyer un lien ou renvoyer la confirmation l&apos;exige.</source>
        <translation>Verify the caller&apos;s identity first (Ctrl+Shift+V): unlocking, sending a link or resending the confirmation requires it.</translation>
    </message>
    <message>
        <source>Vérifiez d&apos;abord l&apos;appelant (Ctrl+Maj+V).</source>
        <translation>Verify the caller first (Ctrl+Shift+V).</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>French</translation>
    </message>
    <message>
        <source>oui, le {date}</source>
        <translation>yes, on {date}</translation>
    </message>
    <message>
        <source>valide jusqu&apos;à {time}</source>
        <translation>valid until {time}</translation>
    </message>
    <message>
        <source>aucun en cours</source>
        <translation>none active</translation>
    </message>
</context>
<context>
    <name>AccountScreens</name>
    <message>
        <source>&amp;Vérifier l&apos;appelant</source>
        <translation>Verif&amp;y the caller</translation>
    </message>
    <message>
        <source>Poser les questions de vérification (Ctrl+Maj+V)</source>
        <translation>Ask the verification questions (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Compte</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Compte utilisateur (Ctrl+Maj+C)</source>
        <translation>User account (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>&amp;Compte utilisateur</source>
        <translation>User &amp;account</translation>
    </message>
    <message>
        <source>&amp;Journal des actions</source>
        <translation>Action &amp;log</translation>
    </message>
</context>
<context>
    <name>ActivityPicker</name>
    <message>
        <source>Activité (titre ou code)…</source>
        <translation>Activity (title or code)…</translation>
    </message>
    <message>
        <source>Activités</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>{code} — {title} ({real} place(s) réellement libre(s))</source>
        <translation>{code} — {title} ({real} place(s) really free)</translation>
    </message>
</context>
<context>
    <name>AlreadyRegisteredPanel</name>
    <message>
        <source>Déjà inscrit</source>
        <translation>Already registered</translation>
    </message>
    <message>
        <source>Ce qui retient ce membre</source>
        <translation>What holds this member</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Raison (obligatoire, consignée au journal)</source>
        <translation>Reason (required, written to the journal)</translation>
    </message>
    <message>
        <source>&amp;Libérer cette réservation</source>
        <translation>&amp;Release this hold</translation>
    </message>
    <message>
        <source>Inscription</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>reçu {r}, panier {c}</source>
        <translation>receipt {r}, cart {c}</translation>
    </message>
    <message>
        <source> (délai écoulé)</source>
        <translation> (hold ran out)</translation>
    </message>
    <message>
        <source>Panier</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Liste d&apos;attente</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <source>position {p}</source>
        <translation>position {p}</translation>
    </message>
    <message>
        <source>{member} — {code} {title}</source>
        <translation>{member} — {code} {title}</translation>
    </message>
    <message>
        <source>Rien ne retient {member} à {code} : l&apos;inscription peut se faire.</source>
        <translation>Nothing holds {member} in {code}: the registration can go ahead.</translation>
    </message>
    <message>
        <source>Réservation libérée; la place est de nouveau disponible.</source>
        <translation>Hold released; the place is available again.</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Journal des actions</source>
        <translation>Action log</translation>
    </message>
    <message>
        <source>Employé</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <source>no de dossier</source>
        <translation>household no.</translation>
    </message>
    <message>
        <source>Numéro de dossier</source>
        <translation>Household number</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Toutes</source>
        <translation>All</translation>
    </message>
    <message>
        <source>&amp;Entre les jours</source>
        <translation>&amp;Between the days</translation>
    </message>
    <message>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Em&amp;ployé :</source>
        <translation>Staff &amp;member:</translation>
    </message>
    <message>
        <source>&amp;Dossier :</source>
        <translation>&amp;Household:</translation>
    </message>
    <message>
        <source>&amp;Action :</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>Jours :</source>
        <translation>Days:</translation>
    </message>
    <message>
        <source>Entrées du journal</source>
        <translation>Log entries</translation>
    </message>
    <message>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Visé</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Résultat de la recherche</source>
        <translation>Search result</translation>
    </message>
    <message>
        <source>Le numéro de dossier ne contient que des chiffres.</source>
        <translation>The household number contains digits only.</translation>
    </message>
    <message>
        <source>{n} entrée(s)</source>
        <translation>{n} entry(ies)</translation>
    </message>
    <message>
        <source>site public</source>
        <translation>public site</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Journal des actions — Supervision</source>
        <translation>Action log — Supervision</translation>
    </message>
</context>
<context>
    <name>CallerVerification</name>
    <message>
        <source>Vérification de l&apos;appelant</source>
        <translation>Caller verification</translation>
    </message>
    <message>
        <source>✔ Appelant vérifié jusqu&apos;à {time}</source>
        <translation>✔ Caller verified until {time}</translation>
    </message>
    <message>
        <source>Les actions sur le compte et les membres sont permises jusqu&apos;à {time}.</source>
        <translation>Account and member actions are allowed until {time}.</translation>
    </message>
    <message>
        <source>Vérification bloquée jusqu&apos;à {time}</source>
        <translation>Verification blocked until {time}</translation>
    </message>
    <message>
        <source>Trop d&apos;essais manqués : n&apos;effectuez aucune action sur le dossier.</source>
        <translation>Too many failed attempts: take no action on this file.</translation>
    </message>
    <message>
        <source>Appelant non vérifié</source>
        <translation>Caller not verified</translation>
    </message>
    <message>
        <source>Vérifiez l&apos;appelant (Ctrl+Maj+V) avant toute action sur le compte ou les membres.</source>
        <translation>Verify the caller (Ctrl+Shift+V) before any action on the account or the members.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connexion à la base de données perdue — reconnexion…</source>
        <translation>Connection to the database lost — reconnecting…</translation>
    </message>
    <message>
        <source>Réessayer &amp;maintenant</source>
        <translation>Retry &amp;now</translation>
    </message>
    <message>
        <source>Nouvel essai dans {seconds} s</source>
        <translation>Next attempt in {seconds} s</translation>
    </message>
</context>
<context>
    <name>ConnectionMonitor</name>
    <message>
        <source>Tentative en cours…</source>
        <translation>Trying…</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Tableau de bord — supervision</source>
        <translation>Dashboard — supervision</translation>
    </message>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Arrondissement</source>
        <translation>Borough</translation>
    </message>
    <message>
        <source>Tous les arrondissements</source>
        <translation>All boroughs</translation>
    </message>
    <message>
        <source>Saison</source>
        <translation>Season</translation>
    </message>
    <message>
        <source>Toutes les saisons</source>
        <translation>All seasons</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>{days} derniers jours</source>
        <translation>Last {days} days</translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>A&amp;rrondissement :</source>
        <translation>B&amp;orough:</translation>
    </message>
    <message>
        <source>&amp;Saison :</source>
        <translation>&amp;Season:</translation>
    </message>
    <message>
        <source>&amp;Période :</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Paniers verrouillés au paiement</source>
        <translation>Carts locked at checkout</translation>
    </message>
    <message>
        <source>Courriels en échec</source>
        <translation>Failed emails</translation>
    </message>
    <message>
        <source>Paniers verrouillés au paiement ({count})</source>
        <translation>Carts locked at checkout ({count})</translation>
    </message>
    <message>
        <source>Courriels en échec ({count})</source>
        <translation>Failed emails ({count})</translation>
    </message>
    <message>
        <source>{calls} appels en {days} jours · {full} activités complètes sur {shown} affichées · {waiting} personnes en attente</source>
        <translation>{calls} calls in {days} days · {full} of {shown} activities shown are full · {waiting} people waiting</translation>
    </message>
    <message>
        <source>Mis à jour : {moment}</source>
        <translation>Updated: {moment}</translation>
    </message>
</context>
<context>
    <name>FamilyPanel</name>
    <message>
        <source>Nouveau lien de parenté</source>
        <translation>New relationship</translation>
    </message>
    <message>
        <source>Raison (obligatoire)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Raison du changement</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>&amp;Modifier le lien</source>
        <translation>&amp;Change the relationship</translation>
    </message>
    <message>
        <source>Re&amp;tirer le membre</source>
        <translation>Re&amp;move the member</translation>
    </message>
    <message>
        <source>&amp;Lien :</source>
        <translation>&amp;Relationship:</translation>
    </message>
    <message>
        <source>Ce qui bloque le retrait</source>
        <translation>What blocks the removal</translation>
    </message>
    <message>
        <source>Résultat de l&apos;action</source>
        <translation>Result of the action</translation>
    </message>
    <message>
        <source>Retrait impossible pour l&apos;instant :</source>
        <translation>Removal not possible for now:</translation>
    </message>
    <message>
        <source>Lien de {name} changé pour « {relationship} ».</source>
        <translation>{name}&apos;s relationship changed to “{relationship}”.</translation>
    </message>
    <message>
        <source>{name} a été retiré du dossier. Son historique est conservé.</source>
        <translation>{name} was removed from the household. Their history is kept.</translation>
    </message>
    <message>
        <source>Modifier un membre</source>
        <translation>Change a member</translation>
    </message>
    <message>
        <source>Rais&amp;on :</source>
        <translation>Reas&amp;on:</translation>
    </message>
    <message>
        <source>Vérifiez d&apos;abord l&apos;identité de l&apos;appelant (Ctrl+Maj+V) avant de modifier un membre.</source>
        <translation>Verify the caller&apos;s identity first (Ctrl+Shift+V) before changing a member.</translation>
    </message>
    <message>
        <source>Seul un commis du bureau d&apos;arrondissement du dossier retire un membre (F4).</source>
        <translation>Only a clerk of the file&apos;s borough office removes a member (F4).</translation>
    </message>
    <message>
        <source>Ce dossier relève de l&apos;arrondissement {borough} (F4).</source>
        <translation>This file belongs to the {borough} borough (F4).</translation>
    </message>
    <message>
        <source>Vérification requise</source>
        <translation>Verification required</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <source>Aucun dossier ouvert.

Cherchez l&apos;appelant dans la zone de recherche (Ctrl+K) : nom, courriel, téléphone ou numéro de dossier, de panier, de reçu ou de transaction.</source>
        <translation>No household open.

Find the caller in the search box (Ctrl+K): name, email, phone, or household, cart, receipt or transaction number.</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Relire le dossier (F5)</source>
        <translation>Reload the household (F5)</translation>
    </message>
    <message>
        <source>Membres du dossier</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>Sections du dossier</source>
        <translation>Household sections</translation>
    </message>
    <message>
        <source>Inscriptions</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <source>Liste d&apos;attente</source>
        <translation>Waitlist</translation>
    </message>
    <message>
        <source>Paiements</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Courriels envoyés</source>
        <translation>Emails sent</translation>
    </message>
    <message>
        <source>Notes d&apos;appel</source>
        <translation>Call notes</translation>
    </message>
    <message>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Panier actif : {left}</source>
        <translation>Live cart: {left}</translation>
    </message>
    <message>
        <source>Paniers</source>
        <translation>Carts</translation>
    </message>
    <message>
        <source>Dossier {number}</source>
        <translation>Household {number}</translation>
    </message>
    <message>
        <source>(aucun responsable actif)</source>
        <translation>(no active responsible)</translation>
    </message>
    <message>
        <source>Dossier {number}, {name}</source>
        <translation>Household {number}, {name}</translation>
    </message>
    <message>
        <source>Compte verrouillé</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>Courriel non confirmé</source>
        <translation>Email not confirmed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Console de soutien — Mes loisirs en ligne</source>
        <translation>Support console — Mes loisirs en ligne</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>DÉMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Base de démonstration : les données sont fictives et le choix de l&apos;agent n&apos;est pas une vraie connexion.</source>
        <translation>Demo database: the data is fictitious and picking an agent is not a real sign-in.</translation>
    </message>
    <message>
        <source>&amp;Agent (démo) :</source>
        <translation>&amp;Agent (demo):</translation>
    </message>
    <message>
        <source>Agent de démonstration</source>
        <translation>Demo agent</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation>&amp;Household</translation>
    </message>
    <message>
        <source>&amp;Rechercher un appelant</source>
        <translation>&amp;Find a caller</translation>
    </message>
    <message>
        <source>&amp;Fermer le dossier</source>
        <translation>&amp;Close the household</translation>
    </message>
    <message>
        <source>&amp;Membres</source>
        <translation>&amp;Members</translation>
    </message>
    <message>
        <source>&amp;Sections</source>
        <translation>&amp;Sections</translation>
    </message>
    <message>
        <source>Paniers</source>
        <translation>Carts</translation>
    </message>
    <message>
        <source>Inscriptions</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <source>Liste d&apos;attente</source>
        <translation>Waitlist</translation>
    </message>
    <message>
        <source>Paiements</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Courriels envoyés</source>
        <translation>Emails sent</translation>
    </message>
    <message>
        <source>Notes d&apos;appel</source>
        <translation>Call notes</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Langue / Language</source>
        <translation>&amp;Langue / Language</translation>
    </message>
    <message>
        <source>Membre du personnel connecté</source>
        <translation>Signed-in staff member</translation>
    </message>
    <message>
        <source>Travail en cours</source>
        <translation>Work in progress</translation>
    </message>
    <message>
        <source>Connexion à la base de données…</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <source>Non connecté</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Préparation des données de démonstration… {percent} %</source>
        <translation>Preparing the demo data… {percent}%</translation>
    </message>
    <message>
        <source>Base de données inaccessible</source>
        <translation>Database unreachable</translation>
    </message>
    <message>
        <source>Prêt</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Aucun membre du personnel</source>
        <translation>No staff member</translation>
    </message>
    <message>
        <source>Connecté : {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <source>La langue choisie s&apos;appliquera au prochain démarrage de la console. / The new language applies the next time the console starts.</source>
        <translation>The new language applies the next time the console starts. / La langue choisie s&apos;appliquera au prochain démarrage de la console.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Barre de messages</source>
        <translation>Message bar</translation>
    </message>
    <message>
        <source>Fermer le message (Échap)</source>
        <translation>Close the message (Esc)</translation>
    </message>
    <message>
        <source>Fermer le message</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>PlacesPanel</name>
    <message>
        <source>Places de l&apos;activité</source>
        <translation>Places of the activity</translation>
    </message>
    <message>
        <source>Places réellement libres</source>
        <translation>Places really free</translation>
    </message>
    <message>
        <source>Capacité :</source>
        <translation>Capacity:</translation>
    </message>
    <message>
        <source>Inscriptions confirmées :</source>
        <translation>Confirmed registrations:</translation>
    </message>
    <message>
        <source>Places réellement libres :</source>
        <translation>Places really free:</translation>
    </message>
    <message>
        <source>Affiché sur le site :</source>
        <translation>Shown on the site:</translation>
    </message>
    <message>
        <source>Offres en cours :</source>
        <translation>Open offers:</translation>
    </message>
    <message>
        <source>Liste d&apos;attente :</source>
        <translation>Waiting list:</translation>
    </message>
    <message>
        <source>Explication</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Paniers qui retiennent des places</source>
        <translation>Carts holding places</translation>
    </message>
    <message>
        <source>Panier</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Libéré à</source>
        <translation>Released at</translation>
    </message>
    <message>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>verrouillé (paiement)</source>
        <translation>locked (payment)</translation>
    </message>
    <message>
        <source>en panier</source>
        <translation>in cart</translation>
    </message>
    <message>
        <source>site web</source>
        <translation>website</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Inscription par téléphone</source>
        <translation>Registration by phone</translation>
    </message>
    <message>
        <source>Membres</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Activité (titre ou code)…</source>
        <translation>Activity (title or code)…</translation>
    </message>
    <message>
        <source>Activités</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Activité</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Horaire</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Places réelles</source>
        <translation>Real places</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>&amp;Ajouter au panier</source>
        <translation>&amp;Add to cart</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Aucun panier.</source>
        <translation>No cart.</translation>
    </message>
    <message>
        <source>Délai du panier</source>
        <translation>Cart hold</translation>
    </message>
    <message>
        <source>&amp;Prolonger de 20 minutes</source>
        <translation>&amp;Extend by 20 minutes</translation>
    </message>
    <message>
        <source>&amp;Retirer l&apos;activité</source>
        <translation>&amp;Remove the activity</translation>
    </message>
    <message>
        <source>Membres :</source>
        <translation>Members:</translation>
    </message>
    <message>
        <source>Choisissez un membre et une activité.</source>
        <translation>Choose a member and an activity.</translation>
    </message>
    <message>
        <source>Place retenue dans le panier.</source>
        <translation>Place held in the cart.</translation>
    </message>
    <message>
        <source>Aucune place réellement libre : l&apos;appelant est sur la liste d&apos;attente, en position {position}. Il sera avisé par courriel si une place se libère.</source>
        <translation>No place really free: the caller is on the waiting list, in position {position}. They will be emailed if a place frees up.</translation>
    </message>
    <message>
        <source>Panier {number} (propriétaire {owner}) — réservé jusqu&apos;à {at}</source>
        <translation>Cart {number} (owner {owner}) — held until {at}</translation>
    </message>
    <message>
        <source>Délai écoulé : les places sont libérées.</source>
        <translation>Hold ran out: the places are released.</translation>
    </message>
    <message>
        <source>{minutes} min restantes</source>
        <translation>{minutes} min left</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Nom, courriel, téléphone, n° de dossier, de panier, de reçu ou de transaction</source>
        <translation>Name, email, phone, household, cart, receipt or transaction number</translation>
    </message>
    <message>
        <source>Recherche d&apos;un appelant</source>
        <translation>Caller search</translation>
    </message>
    <message>
        <source>Les résultats s&apos;affichent pendant la frappe. Entrée ouvre le dossier.</source>
        <translation>Results appear as you type. Enter opens the household.</translation>
    </message>
    <message>
        <source>Tapez au moins deux lettres ou un numéro.</source>
        <translation>Type at least two letters or a number.</translation>
    </message>
    <message>
        <source>État de la recherche</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>Dossiers trouvés</source>
        <translation>Households found</translation>
    </message>
    <message>
        <source>Compte verrouillé</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>Responsable</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>(aucun responsable)</source>
        <translation>(no responsible)</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Arrondissement</source>
        <translation>Borough</translation>
    </message>
    <message>
        <source>Trouvé par</source>
        <translation>Matched on</translation>
    </message>
    <message>
        <source>{reason} : {text}</source>
        <translation>{reason}: {text}</translation>
    </message>
    <message>
        <source>Connexion à la base de données…</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <source>La recherche a échoué.</source>
        <translation>The search failed.</translation>
    </message>
    <message>
        <source>Aucun dossier ne correspond à « {query} ».</source>
        <translation>No household matches “{query}”.</translation>
    </message>
    <message>
        <source>1 dossier trouvé</source>
        <translation>1 household found</translation>
    </message>
    <message>
        <source>{count} dossiers trouvés</source>
        <translation>{count} households found</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Connexion à la base de données</source>
        <translation>Sign in to the database</translation>
    </message>
    <message>
        <source>Connectez-vous avec votre propre compte de la base de données. Votre rôle dans la console en découle.</source>
        <translation>Sign in with your own database account. Your role in the console follows from it.</translation>
    </message>
    <message>
        <source>Serveur</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Adresse de la base, sans mot de passe (postgresql://hôte:port/base)</source>
        <translation>Database address, without a password (postgresql://host:port/database)</translation>
    </message>
    <message>
        <source>Nom d&apos;utilisateur</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Se souvenir du mot de passe (trousseau du système)</source>
        <translation>Remember the password (system keyring)</translation>
    </message>
    <message>
        <source>État de la connexion</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <source>&amp;Serveur :</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Utilisateur :</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Se &amp;connecter</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Indiquez le serveur et votre nom d&apos;utilisateur.</source>
        <translation>Enter the server and your username.</translation>
    </message>
    <message>
        <source>Connexion en cours…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Vérifier l&apos;identité de l&apos;appelant</source>
        <translation>Verify the caller&apos;s identity</translation>
    </message>
    <message>
        <source>Posez au moins deux questions. Tapez la réponse de l&apos;appelant, jamais celle du dossier. Laissez vides les questions non posées.</source>
        <translation>Ask at least two questions. Type the caller&apos;s answer, never the one on file. Leave the questions you did not ask empty.</translation>
    </message>
    <message>
        <source>AAAA-MM-JJ</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>G1R 2B5</source>
        <translation>G1R 2B5</translation>
    </message>
    <message>
        <source>no de dossier</source>
        <translation>household no.</translation>
    </message>
    <message>
        <source>87,50</source>
        <translation>87.50</translation>
    </message>
    <message>
        <source>&amp;Date de naissance du responsable :</source>
        <translation>Responsible&apos;s &amp;date of birth:</translation>
    </message>
    <message>
        <source>Code &amp;postal :</source>
        <translation>&amp;Postal code:</translation>
    </message>
    <message>
        <source>&amp;Numéro de dossier :</source>
        <translation>Household &amp;number:</translation>
    </message>
    <message>
        <source>&amp;Montant du dernier paiement ($) :</source>
        <translation>Last payment &amp;amount ($):</translation>
    </message>
    <message>
        <source>Da&amp;te du dernier paiement :</source>
        <translation>Last payment da&amp;te:</translation>
    </message>
    <message>
        <source>Résultat de la vérification</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <source>&amp;Vérifier</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>date de naissance</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>date du paiement</source>
        <translation>payment date</translation>
    </message>
    <message>
        <source>La {what} doit s&apos;écrire AAAA-MM-JJ.</source>
        <translation>The {what} must be written YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Le montant doit s&apos;écrire comme 87,50.</source>
        <translation>The amount must be written like 87.50.</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Appelant vérifié ({matched}). Valide jusqu&apos;à {until}.</source>
        <translation>Caller verified ({matched}). Valid until {until}.</translation>
    </message>
    <message>
        <source>Trop d&apos;essais manqués pour ce dossier : vérification bloquée jusqu&apos;à {until}. N&apos;effectuez aucune action sur le dossier.</source>
        <translation>Too many failed attempts for this household: verification blocked until {until}. Do not take any action on the household.</translation>
    </message>
    <message>
        <source>Vérification échouée : réponses concordantes : {matched}. Essais restants : {left}.</source>
        <translation>Verification failed: matching answers: {matched}. Attempts left: {left}.</translation>
    </message>
    <message>
        <source>code postal</source>
        <translation>postal code</translation>
    </message>
    <message>
        <source>numéro de dossier</source>
        <translation>household number</translation>
    </message>
    <message>
        <source>dernier paiement</source>
        <translation>last payment</translation>
    </message>
</context>
<context>
    <name>WaitlistReviewScreen</name>
    <message>
        <source>Revue de la liste d&apos;attente</source>
        <translation>Waiting list review</translation>
    </message>
    <message>
        <source>Personnes en attente</source>
        <translation>People waiting</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Membre</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Offre jusqu&apos;à</source>
        <translation>Offer until</translation>
    </message>
    <message>
        <source>Nouveau rang</source>
        <translation>New rank</translation>
    </message>
    <message>
        <source>Raison (obligatoire, consignée au journal)</source>
        <translation>Reason (required, written to the journal)</translation>
    </message>
    <message>
        <source>&amp;Déplacer au rang</source>
        <translation>&amp;Move to rank</translation>
    </message>
    <message>
        <source>&amp;Offrir une place</source>
        <translation>&amp;Offer a place</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt; — {title} : taux de remplissage {fill:.0%} ({confirmed}/{capacity}), places réellement libres : {real}, offres en cours : {offers}</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; — {title}: fill rate {fill:.0%} ({confirmed}/{capacity}), places really free: {real}, open offers: {offers}</translation>
    </message>
    <message>
        <source>en attente</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>place offerte</source>
        <translation>place offered</translation>
    </message>
    <message>
        <source>Entrée déplacée.</source>
        <translation>Entry moved.</translation>
    </message>
    <message>
        <source>Place offerte jusqu&apos;au {at}; la famille est avisée par courriel.</source>
        <translation>Place offered until {at}; the family is notified by email.</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Panier</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Propriétaire</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Arrondissement</source>
        <translation>Borough</translation>
    </message>
    <message>
        <source>Verrouillé jusqu&apos;à</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Reste</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Échecs</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>Dernier échec</source>
        <translation>Last failure</translation>
    </message>
    <message>
        <source>Dernière erreur</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>&amp;Tableau de bord</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Appels par motif et par jour</source>
        <translation>Calls per reason per day</translation>
    </message>
    <message>
        <source>{title} · {waiting} en attente</source>
        <translation>{title} · {waiting} waiting</translation>
    </message>
    <message>
        <source>Taux de remplissage et listes d&apos;attente (en rouge : complet)</source>
        <translation>Fill rates and waitlists (red: full)</translation>
    </message>
    <message>
        <source>Taux de remplissage</source>
        <translation>Fill rate</translation>
    </message>
</context>
<context>
    <name>demo_data</name>
    <message>
        <source>&amp;Données de démonstration…</source>
        <translation>&amp;Demo data…</translation>
    </message>
    <message>
        <source>Petite (60 dossiers)</source>
        <translation>Small (60 households)</translation>
    </message>
    <message>
        <source>Moyenne (400 dossiers)</source>
        <translation>Medium (400 households)</translation>
    </message>
    <message>
        <source>Données de démonstration</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>Recréer la base de démonstration ? Les données actuelles seront remplacées.
Taille :</source>
        <translation>Make the demo database again? The current data will be replaced.
Size:</translation>
    </message>
    <message>
        <source>Création des données de démonstration…</source>
        <translation>Creating the demo data…</translation>
    </message>
    <message>
        <source>La base de démonstration n&apos;a pas pu être recréée : {error}</source>
        <translation>The demo database could not be made again: {error}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>échu</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>encore {minutes} min</source>
        <translation>{minutes} min left</translation>
    </message>
    <message>
        <source>Responsable du dossier</source>
        <translation>Household responsible</translation>
    </message>
    <message>
        <source>Conjoint et parent des enfants</source>
        <translation>Spouse and parent of the children</translation>
    </message>
    <message>
        <source>Conjoint</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>Père ou mère du responsable de dossier</source>
        <translation>Father or mother of the responsible</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Enfant</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>commis d&apos;arrondissement</source>
        <translation>borough clerk</translation>
    </message>
    <message>
        <source>superviseur</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>Courriel exact</source>
        <translation>Exact email</translation>
    </message>
    <message>
        <source>Début du courriel</source>
        <translation>Start of email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>N° de dossier</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>N° de panier</source>
        <translation>Cart no.</translation>
    </message>
    <message>
        <source>N° de reçu</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>N° de transaction</source>
        <translation>Transaction no.</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Début du nom</source>
        <translation>Start of name</translation>
    </message>
    <message>
        <source>Ouvert</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Verrouillé au paiement</source>
        <translation>Locked at checkout</translation>
    </message>
    <message>
        <source>Payé</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Expiré</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>Annulé</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Réservé</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Inscrit</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Libéré</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>Confirmée</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Annulée</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>En attente</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Place offerte</source>
        <translation>Place offered</translation>
    </message>
    <message>
        <source>Acceptée</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Offre expirée</source>
        <translation>Offer lapsed</translation>
    </message>
    <message>
        <source>Retirée</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>En attente de réponse</source>
        <translation>Awaiting answer</translation>
    </message>
    <message>
        <source>Paiement effectué</source>
        <translation>Payment successful</translation>
    </message>
    <message>
        <source>Paiement refusé</source>
        <translation>Payment refused</translation>
    </message>
    <message>
        <source>En file d&apos;envoi</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Envoyé</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Échec d&apos;envoi</source>
        <translation>Delivery failed</translation>
    </message>
    <message>
        <source>Confirmation de compte</source>
        <translation>Account confirmation</translation>
    </message>
    <message>
        <source>Réinitialisation du mot de passe</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Compte déverrouillé</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>Reçu</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Offre de place</source>
        <translation>Place offer</translation>
    </message>
    <message>
        <source>Confirmation d&apos;inscription</source>
        <translation>Registration confirmation</translation>
    </message>
    <message>
        <source>FAQ {number}</source>
        <translation>FAQ {number}</translation>
    </message>
    <message>
        <source>Autre motif</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Appelant vérifié</source>
        <translation>Caller verified</translation>
    </message>
    <message>
        <source>Vérification échouée</source>
        <translation>Verification failed</translation>
    </message>
    <message>
        <source>Vérification bloquée</source>
        <translation>Verification blocked</translation>
    </message>
    <message>
        <source>Lien de réinitialisation envoyé</source>
        <translation>Reset link sent</translation>
    </message>
    <message>
        <source>Mot de passe réinitialisé</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Confirmation renvoyée</source>
        <translation>Confirmation resent</translation>
    </message>
    <message>
        <source>Lien de parenté modifié</source>
        <translation>Relationship changed</translation>
    </message>
    <message>
        <source>Membre retiré</source>
        <translation>Member removed</translation>
    </message>
</context>
<context>
    <name>household</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source> (retiré)</source>
        <translation> (removed)</translation>
    </message>
    <message>
        <source>Lien de parenté</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Né(e) le {date}</source>
        <translation>Born on {date}</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Payeur</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Peut payer</source>
        <translation>May pay</translation>
    </message>
    <message>
        <source>Figure dans la liste des payeurs du site (F12)</source>
        <translation>Appears in the site&apos;s payer list (F12)</translation>
    </message>
    <message>
        <source>NAS</source>
        <translation>SIN</translation>
    </message>
    <message>
        <source>Au dossier</source>
        <translation>On file</translation>
    </message>
    <message>
        <source>Membre</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Activité</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Season</translation>
    </message>
    <message>
        <source>Horaire</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Panier</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Inscrit le</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>jusqu&apos;au {moment}</source>
        <translation>until {moment}</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Offre</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Depuis le</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Carte</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Créé le</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Envoyé le</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Essais</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Paniers</source>
        <translation>Carts</translation>
    </message>
    <message>
        <source>Panier / activité</source>
        <translation>Cart / activity</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Panier {number}</source>
        <translation>Cart {number}</translation>
    </message>
    <message>
        <source>{count} article(s)</source>
        <translation>{count} item(s)</translation>
    </message>
    <message>
        <source>{time} — {left}</source>
        <translation>{time} — {left}</translation>
    </message>
    <message>
        <source> · prolongé</source>
        <translation> · extended</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Ce dossier loisir n&apos;existe plus (no {id}).</source>
        <translation>This household no longer exists (no. {id}).</translation>
    </message>
    <message>
        <source>Aucun membre du personnel actif n&apos;a l&apos;identifiant « {username} ».</source>
        <translation>No active staff member has the username “{username}”.</translation>
    </message>
    <message>
        <source>Votre rôle ne permet pas cette action.</source>
        <translation>Your role does not allow this action.</translation>
    </message>
    <message>
        <source>La base de données est occupée. Réessayez dans un instant.</source>
        <translation>The database is busy. Try again in a moment.</translation>
    </message>
    <message>
        <source>La base de données ne répond pas. Vérifiez la connexion puis réessayez.</source>
        <translation>The database does not answer. Check the connection, then try again.</translation>
    </message>
    <message>
        <source>Aucun membre du personnel n&apos;est défini dans la base de données.</source>
        <translation>No staff member is defined in the database.</translation>
    </message>
    <message>
        <source>Erreur inattendue : {detail}</source>
        <translation>Unexpected error: {detail}</translation>
    </message>
    <message>
        <source>Un service externe ne répond pas. Réessayez dans un instant.</source>
        <translation>An outside service does not answer. Try again in a moment.</translation>
    </message>
    <message>
        <source>Introuvable (code : {code}).</source>
        <translation>Not found (code: {code}).</translation>
    </message>
    <message>
        <source>Action refusée (code : {code}).</source>
        <translation>Action refused (code: {code}).</translation>
    </message>
    <message>
        <source>Nom d&apos;utilisateur ou mot de passe refusé par la base de données.</source>
        <translation>The database refused the username or password.</translation>
    </message>
    <message>
        <source>L&apos;adresse du serveur n&apos;est pas valide (exemple : postgresql://hôte:5432/base).</source>
        <translation>The server address is not valid (example: postgresql://host:5432/database).</translation>
    </message>
</context>
<context>
    <name>places</name>
    <message>
        <source>&amp;Inscrire par téléphone…</source>
        <translation>&amp;Register by phone…</translation>
    </message>
    <message>
        <source>Déjà &amp;inscrit ? (F7)…</source>
        <translation>Already &amp;registered? (F7)…</translation>
    </message>
    <message>
        <source>&amp;Libérer un panier verrouillé…</source>
        <translation>&amp;Release a locked cart…</translation>
    </message>
    <message>
        <source>A&amp;ctivités</source>
        <translation>A&amp;ctivities</translation>
    </message>
    <message>
        <source>&amp;Places d&apos;une activité…</source>
        <translation>&amp;Places of an activity…</translation>
    </message>
    <message>
        <source>&amp;Liste d&apos;attente (superviseur)…</source>
        <translation>&amp;Waiting list (supervisor)…</translation>
    </message>
    <message>
        <source>Places d&apos;une activité</source>
        <translation>Places of an activity</translation>
    </message>
    <message>
        <source>Revue de la liste d&apos;attente</source>
        <translation>Waiting list review</translation>
    </message>
    <message>
        <source>Membre</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>« Vous êtes déjà inscrit à cette activité »</source>
        <translation>&quot;Vous êtes déjà inscrit à cette activité&quot; (already registered)</translation>
    </message>
    <message>
        <source>Aucun panier verrouillé dans ce dossier.</source>
        <translation>No locked cart in this household.</translation>
    </message>
    <message>
        <source>Panier verrouillé</source>
        <translation>Locked cart</translation>
    </message>
    <message>
        <source>Panier :</source>
        <translation>Cart:</translation>
    </message>
    <message>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Raison (consignée) :</source>
        <translation>Reason (recorded):</translation>
    </message>
    <message>
        <source>Le paiement du panier {cart} avait réussi : l&apos;inscription est complétée (reçu {receipt}).</source>
        <translation>The payment of cart {cart} had gone through: the registration is completed (receipt {receipt}).</translation>
    </message>
    <message>
        <source>Le site de paiement confirme qu&apos;aucun paiement n&apos;a abouti : le panier {cart} est déverrouillé.</source>
        <translation>The payment site confirms no payment went through: cart {cart} is unlocked.</translation>
    </message>
    <message>
        <source>Une place pourrait se libérer à {at}.</source>
        <translation>A place may free up at {at}.</translation>
    </message>
    <message>
        <source>Il reste réellement {remaining} place(s) sur {capacity} : on peut inscrire l&apos;appelant.</source>
        <translation>{remaining} of {capacity} place(s) are really free: the caller can be registered.</translation>
    </message>
    <message>
        <source>Le site affiche {site} place(s) libre(s), mais elles sont toutes retenues : {carts} dans des paniers, {checkout} en paiement, {offers} offerte(s) à la liste d&apos;attente.</source>
        <translation>The site shows {site} free place(s), but all are held: {carts} in carts, {checkout} at payment, {offers} offered to the waiting list.</translation>
    </message>
    <message>
        <source>Le site affiche {site} place(s) libre(s), mais elles sont offertes à des personnes de la liste d&apos;attente.</source>
        <translation>The site shows {site} free place(s), but they are offered to people on the waiting list.</translation>
    </message>
    <message>
        <source>Complet : {confirmed} inscription(s) pour {capacity} place(s). L&apos;appelant ira sur la liste d&apos;attente ({waiting} personne(s) avant lui).</source>
        <translation>Full: {confirmed} registration(s) for {capacity} place(s). The caller goes on the waiting list ({waiting} person(s) ahead).</translation>
    </message>
    <message>
        <source>Ce membre est déjà inscrit à cette activité.</source>
        <translation>This member is already registered in this activity.</translation>
    </message>
    <message>
        <source>Ce membre a déjà cette activité dans le panier {cart}.</source>
        <translation>This member already has this activity in cart {cart}.</translation>
    </message>
    <message>
        <source>Ce membre est déjà sur la liste d&apos;attente.</source>
        <translation>This member is already on the waiting list.</translation>
    </message>
    <message>
        <source>Le délai supplémentaire de 20 minutes a déjà été accordé pour ce panier.</source>
        <translation>The extra 20 minutes were already granted for this cart.</translation>
    </message>
    <message>
        <source>Le délai du panier est écoulé : les places ont été libérées.</source>
        <translation>The cart&apos;s hold ran out: its places were released.</translation>
    </message>
    <message>
        <source>Ce panier est verrouillé ou terminé.</source>
        <translation>This cart is locked or closed.</translation>
    </message>
    <message>
        <source>Ce panier n&apos;est pas verrouillé.</source>
        <translation>This cart is not locked.</translation>
    </message>
    <message>
        <source>Ce panier est en paiement : utilisez « Libérer le panier verrouillé ».</source>
        <translation>This cart is at payment: use &quot;Release a locked cart&quot;.</translation>
    </message>
    <message>
        <source>Le panier est vide.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message>
        <source>Le site de paiement ne répond pas : impossible de savoir si le paiement a réussi. Le panier reste verrouillé; réessayez dans quelques minutes.</source>
        <translation>The payment site does not answer: there is no way to know whether the payment went through. The cart stays locked; try again in a few minutes.</translation>
    </message>
    <message>
        <source>Aucune place libre à offrir pour cette activité.</source>
        <translation>No free place to offer for this activity.</translation>
    </message>
    <message>
        <source>Cette offre n&apos;est plus valide.</source>
        <translation>This offer is no longer valid.</translation>
    </message>
    <message>
        <source>Une inscription payée ne se libère pas ici : c&apos;est une annulation.</source>
        <translation>A paid registration is not released here: that is a cancellation.</translation>
    </message>
</context>
<context>
    <name>supervision</name>
    <message>
        <source>&amp;Supervision</source>
        <translation>&amp;Supervision</translation>
    </message>
</context>
<context>
    <name>support</name>
    <message>
        <source>Vérifiez d&apos;abord l&apos;identité de l&apos;appelant (Ctrl+Maj+V).</source>
        <translation>Verify the caller&apos;s identity first (Ctrl+Shift+V).</translation>
    </message>
    <message>
        <source>Posez au moins deux questions de vérification.</source>
        <translation>Ask at least two verification questions.</translation>
    </message>
    <message>
        <source>Ce compte n&apos;est pas verrouillé.</source>
        <translation>This account is not locked.</translation>
    </message>
    <message>
        <source>Ce compte est déjà confirmé : aucun courriel de confirmation n&apos;est nécessaire.</source>
        <translation>This account is already confirmed: no confirmation email is needed.</translation>
    </message>
    <message>
        <source>Trois liens ont déjà été envoyés dans la dernière heure. Réessayez après {at}.</source>
        <translation>Three links were already sent in the last hour. Try again after {at}.</translation>
    </message>
    <message>
        <source>Trois courriels de confirmation ont déjà été envoyés dans la dernière heure. Réessayez après {at}.</source>
        <translation>Three confirmation emails were already sent in the last hour. Try again after {at}.</translation>
    </message>
    <message>
        <source>Cette adresse courriel n&apos;est pas valide.</source>
        <translation>This email address is not valid.</translation>
    </message>
    <message>
        <source>Indiquez la raison du changement.</source>
        <translation>Give the reason for the change.</translation>
    </message>
    <message>
        <source>Le responsable du dossier ne change pas : on ne peut ni le retirer de ce rôle ni le donner à un autre membre.</source>
        <translation>The household responsible does not change: the role can neither be taken away nor given to another member.</translation>
    </message>
    <message>
        <source>Ce membre a déjà ce lien de parenté.</source>
        <translation>This member already has this relationship.</translation>
    </message>
    <message>
        <source>Le responsable du dossier ne peut pas être retiré.</source>
        <translation>The household responsible cannot be removed.</translation>
    </message>
    <message>
        <source>{name} a déjà été retiré du dossier.</source>
        <translation>{name} was already removed from the household.</translation>
    </message>
    <message>
        <source>Ce membre n&apos;existe plus dans ce dossier.</source>
        <translation>This member no longer exists in this household.</translation>
    </message>
    <message>
        <source>{name} ne peut pas être retiré pour l&apos;instant :</source>
        <translation>{name} cannot be removed for now:</translation>
    </message>
    <message>
        <source>inscription à venir à {code} {title} (saison jusqu&apos;au {ends});</source>
        <translation>upcoming registration in {code} {title} (season until {ends});</translation>
    </message>
    <message>
        <source>réservation en cours dans le panier {cart} pour {code} {title};</source>
        <translation>current hold in cart {cart} for {code} {title};</translation>
    </message>
    <message>
        <source>liste d&apos;attente de {code} {title};</source>
        <translation>waitlist of {code} {title};</translation>
    </message>
    <message>
        <source>Seul le bureau de l&apos;arrondissement du dossier peut retirer un membre (F4).</source>
        <translation>Only the household&apos;s borough office can remove a member (F4).</translation>
    </message>
    <message>
        <source>Un autre employé vient de modifier ce dossier. Le dossier a été rechargé : vérifiez-le, puis refaites le changement au besoin.</source>
        <translation>Another staff member just changed this household. It was reloaded: check it, then make the change again if needed.</translation>
    </message>
    <message>
        <source>au moins 8 caractères;</source>
        <translation>at least 8 characters;</translation>
    </message>
    <message>
        <source>au moins une lettre majuscule;</source>
        <translation>at least one uppercase letter;</translation>
    </message>
    <message>
        <source>au moins un chiffre;</source>
        <translation>at least one digit;</translation>
    </message>
    <message>
        <source>au moins un caractère spécial (#, !, $, &amp;, etc.);</source>
        <translation>at least one special character (#, !, $, &amp;, etc.);</translation>
    </message>
    <message>
        <source>le caractère spécial ne peut pas être le premier.</source>
        <translation>the special character cannot be the first one.</translation>
    </message>
</context>
</TS>
