<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_CA" sourcelanguage="fr_CA">
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
        <source>Compte utilisateur</source>
        <translation>User account</translation>
    </message>
    <message>
        <source>Courriel :</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Confirmé :</source>
        <translation>Confirmed:</translation>
    </message>
    <message>
        <source>Panier actif : {left}</source>
        <translation>Live cart: {left}</translation>
    </message>
    <message>
        <source>Verrouillé ({date})</source>
        <translation>Locked ({date})</translation>
    </message>
    <message>
        <source>État :</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Échecs de connexion :</source>
        <translation>Failed sign-ins:</translation>
    </message>
    <message>
        <source>Langue :</source>
        <translation>Language:</translation>
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
    <message>
        <source>Oui, le {date}</source>
        <translation>Yes, on {date}</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>{count} (dernier : {date})</source>
        <translation>{count} (last: {date})</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>French</translation>
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
</context>
</TS>
