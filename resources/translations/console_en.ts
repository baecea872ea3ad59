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
        <source>Courriel (identifiant)&#xa0;:</source>
        <translation>Email (identifier):</translation>
    </message>
    <message>
        <source>Confirmé&#xa0;:</source>
        <translation>Confirmed:</translation>
    </message>
    <message>
        <source>Verrouillé&#xa0;:</source>
        <translation>Locked:</translation>
    </message>
    <message>
        <source>Connexions échouées&#xa0;:</source>
        <translation>Failed sign-ins:</translation>
    </message>
    <message>
        <source>Résultat de l&apos;action</source>
        <translation>Result of the action</translation>
    </message>
    <message>
        <source>À lire à la personne qui appelle</source>
        <translation>To read to the caller</translation>
    </message>
    <message>
        <source>Mot de passe (F1) — le nouveau mot de passe doit avoir&#xa0;:</source>
        <translation>Password (F1) — the new password must have:</translation>
    </message>
    <message>
        <source>Confirmation (F2) — le courriel peut prendre quelques minutes, surtout avec Hotmail. Actualisez la boîte de réception et regardez dans les courriers indésirables.</source>
        <translation>Confirmation (F2) — the email can take a few minutes, especially with Hotmail. Refresh the inbox and look in the junk mail folder.</translation>
    </message>
    <message>
        <source>Changer d&apos;adresse (F3) — impossible&#xa0;: l&apos;adresse courriel est l&apos;identifiant unique du compte. Pour utiliser une autre adresse, la famille crée un nouveau Dossier loisir avec cette adresse.</source>
        <translation>Changing the address (F3) — not possible: the email address is the account&apos;s unique identifier. To use another address, the family creates a new Dossier loisir with that address.</translation>
    </message>
    <message>
        <source>Adresse que la famille voudrait utiliser</source>
        <translation>Address the family would like to use</translation>
    </message>
    <message>
        <source>&amp;Vérifier l&apos;adresse</source>
        <translation>Chec&amp;k the address</translation>
    </message>
    <message>
        <source>Résultat pour l&apos;adresse</source>
        <translation>Result for the address</translation>
    </message>
    <message>
        <source>Vérifiez d&apos;abord l&apos;identité de la personne qui appelle (Ctrl+Maj+V)&#xa0;: déverrouiller, envoyer un lien ou renvoyer la confirmation l&apos;exige.</source>
        <translation>Verify the caller&apos;s identity first (Ctrl+Shift+V): unlocking, sending a link or resending the confirmation requires it.</translation>
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
        <source>{count} (dernière&#xa0;: {at})</source>
        <translation>{count} (last: {at})</translation>
    </message>
    <message>
        <source>valide {until}</source>
        <translation>valid {until}</translation>
    </message>
    <message>
        <source>Liens restants cette heure&#xa0;: {n}</source>
        <translation>Links left this hour: {n}</translation>
    </message>
    <message>
        <source>Déverrouiller le compte</source>
        <translation>Unlock the account</translation>
    </message>
    <message>
        <source>Déverrouiller le compte {email} du dossier {number} ({who})&#xa0;?</source>
        <translation>Unlock the account {email} of household {number} ({who})?</translation>
    </message>
    <message>
        <source>Un courriel avise la famille. Cela ne s&apos;annule pas.</source>
        <translation>An email tells the family. This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Déverrouiller</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Envoyer le lien</source>
        <translation>&amp;Send the link</translation>
    </message>
    <message>
        <source>&amp;Renvoyer</source>
        <translation>&amp;Resend</translation>
    </message>
    <message>
        <source>Compte déverrouillé. Un courriel avise {email}.</source>
        <translation>Account unlocked. An email lets {email} know.</translation>
    </message>
    <message>
        <source>Envoyer un lien de réinitialisation</source>
        <translation>Send a password reset link</translation>
    </message>
    <message>
        <source>Envoyer un lien de réinitialisation à {email}, compte du dossier {number} ({who})&#xa0;?</source>
        <translation>Send a password reset link to {email}, the account of household {number} ({who})?</translation>
    </message>
    <message>
        <source>Un courriel envoyé ne se reprend pas.</source>
        <translation>An email sent cannot be taken back.</translation>
    </message>
    <message>
        <source>Lien de réinitialisation envoyé à {email}, valide {until}.</source>
        <translation>Reset link sent to {email}, valid {until}.</translation>
    </message>
    <message>
        <source>Renvoyer la confirmation</source>
        <translation>Resend the confirmation</translation>
    </message>
    <message>
        <source>Renvoyer le courriel de confirmation à {email}, compte du dossier {number} ({who})&#xa0;?</source>
        <translation>Resend the confirmation email to {email}, the account of household {number} ({who})?</translation>
    </message>
    <message>
        <source>Courriel de confirmation renvoyé à {email}.</source>
        <translation>Confirmation email sent again to {email}.</translation>
    </message>
    <message>
        <source>sans personne responsable</source>
        <translation>no person responsible</translation>
    </message>
    <message>
        <source>Rien n&apos;a été fait&#xa0;: le dossier affiché a changé pendant la question.</source>
        <translation>Nothing was done: the household shown changed during the question.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{email} est déjà l&apos;identifiant du dossier {number}&#xa0;: la famille peut utiliser ce dossier.</source>
        <translation>{email} is already the identifier of household {number}: the family can use that household.</translation>
    </message>
    <message>
        <source>Aucun dossier n&apos;utilise {email}&#xa0;: la famille peut créer un nouveau Dossier loisir avec cette adresse.</source>
        <translation>No household uses {email}: the family can create a new Dossier loisir with this address.</translation>
    </message>
    <message>
        <source>Langue&#xa0;:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Lien de réinitialisation&#xa0;:</source>
        <translation>Reset link:</translation>
    </message>
    <message>
        <source>Déve&amp;rrouiller</source>
        <translation>Un&amp;lock</translation>
    </message>
    <message>
        <source>Envoyer &amp;un lien de réinitialisation</source>
        <translation>Send a pass&amp;word reset link</translation>
    </message>
    <message>
        <source>Renvo&amp;yer la confirmation</source>
        <translation>Resen&amp;d the confirmation</translation>
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
        <source>Vérifiez d&apos;abord l&apos;identité de la personne qui appelle (Ctrl+Maj+V).</source>
        <translation>Verify the caller&apos;s identity first (Ctrl+Shift+V).</translation>
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
        <source>aucun en cours</source>
        <translation>none active</translation>
    </message>
</context>
<context>
    <name>AccountScreens</name>
    <message>
        <source>&amp;Vérifier l&apos;identité</source>
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
        <source>Déverrouiller le compte…</source>
        <translation>Unlock the account…</translation>
    </message>
    <message>
        <source>&amp;Journal des actions</source>
        <translation>Action &amp;log</translation>
    </message>
</context>
<context>
    <name>ActionStrip</name>
    <message>
        <source>Plus</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Autres actions du dossier</source>
        <translation>Other household actions</translation>
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
        <source>{code} — {title} (places réellement libres&#xa0;: {real})</source>
        <translation>{code} — {title} (actually available: {real})</translation>
    </message>
</context>
<context>
    <name>AlreadyRegisteredDialog</name>
    <message>
        <source>«&#xa0;Vous êtes déjà inscrit à cette activité&#xa0;»</source>
        <translation>&quot;Vous êtes déjà inscrit à cette activité&quot; (already registered)</translation>
    </message>
    <message>
        <source>Membre</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Réservation de {member} en {code} libérée&#xa0;: la place est de nouveau disponible.</source>
        <translation>{member}&apos;s hold in {code} released: the place is available again.</translation>
    </message>
    <message>
        <source>Son inscription demeure (reçu {receipt}).</source>
        <translation>The registration stands (receipt {receipt}).</translation>
    </message>
</context>
<context>
    <name>AlreadyRegisteredPanel</name>
    <message>
        <source>Inscription déjà faite</source>
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
        <source>Raison</source>
        <translation>Reason</translation>
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
        <source>Rien ne retient {member} à {code}&#xa0;: l&apos;inscription peut se faire.</source>
        <translation>Nothing holds {member} in {code}: the registration can go ahead.</translation>
    </message>
    <message>
        <source>Inscription déjà faite&#xa0;: réservation restée au panier</source>
        <translation>Already registered: hold left in the cart</translation>
    </message>
    <message>
        <source>Réservation en double dans un autre panier</source>
        <translation>Held twice, in another cart</translation>
    </message>
    <message>
        <source>Déjà en liste d&apos;attente&#xa0;: réservation restée au panier</source>
        <translation>Already on the waiting list: hold left in the cart</translation>
    </message>
    <message>
        <source>Inscription déjà faite&#xa0;: retrait de la liste d&apos;attente</source>
        <translation>Already registered: off the waiting list</translation>
    </message>
    <message>
        <source>Place déjà au panier&#xa0;: retrait de la liste d&apos;attente</source>
        <translation>Place already in a cart: off the waiting list</translation>
    </message>
    <message>
        <source>À la demande de la personne qui appelle</source>
        <translation>At the caller&apos;s request</translation>
    </message>
    <message>
        <source>Libérer la réservation</source>
        <translation>Release the hold</translation>
    </message>
    <message>
        <source>Libérer «&#xa0;{what}&#xa0;» en {code} — {title}&#xa0;? La place redevient libre.</source>
        <translation>Release “{what}” in {code} — {title}? The place becomes free again.</translation>
    </message>
    <message>
        <source>Raison&#xa0;: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Réservation libérée&#xa0;; la place est de nouveau disponible.</source>
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
        <source>Membre du personnel</source>
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
        <translation>&amp;Between dates</translation>
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
        <source>Membre du &amp;personnel&#xa0;:</source>
        <translation>Staff &amp;member:</translation>
    </message>
    <message>
        <source>&amp;Dossier&#xa0;:</source>
        <translation>&amp;Household:</translation>
    </message>
    <message>
        <source>&amp;Action&#xa0;:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>Jours&#xa0;:</source>
        <translation>Dates:</translation>
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
        <translation>A household number contains only digits.</translation>
    </message>
    <message>
        <source>Entrées affichées&#xa0;: {n}</source>
        <translation>Entries shown: {n}</translation>
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
    <name>CallFlow</name>
    <message>
        <source>Appel</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>&amp;Nouvel appel</source>
        <translation>&amp;New call</translation>
    </message>
    <message>
        <source>&amp;Terminer l&apos;appel</source>
        <translation>&amp;End call</translation>
    </message>
    <message>
        <source>Choisir le &amp;motif</source>
        <translation>Pick the &amp;reason</translation>
    </message>
    <message>
        <source>&amp;Avis de collecte (Loi sur l&apos;accès)</source>
        <translation>&amp;Collection notice (Access Act)</translation>
    </message>
    <message>
        <source>&amp;Panneau d&apos;appel</source>
        <translation>Call &amp;panel</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>A&amp;ppel</source>
        <translation>C&amp;all</translation>
    </message>
    <message>
        <source>É&amp;crire la note</source>
        <translation>&amp;Write the note</translation>
    </message>
    <message>
        <source>Réponse en &amp;français / en anglais</source>
        <translation>Answer in &amp;French / in English</translation>
    </message>
    <message>
        <source>Aid&amp;e</source>
        <translation>Hel&amp;p</translation>
    </message>
    <message>
        <source>Nouvel appel (Ctrl+N)</source>
        <translation>New call (Ctrl+N)</translation>
    </message>
    <message>
        <source>Terminer l&apos;appel et enregistrer la note (Ctrl+Maj+E)</source>
        <translation>End the call and save the note (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Impossible d&apos;écouter les appels sur le port {port}&#xa0;: {error}</source>
        <translation>Cannot listen for calls on port {port}: {error}</translation>
    </message>
    <message>
        <source>Terminez d&apos;abord l&apos;appel en cours (Ctrl+Maj+E)&#xa0;: sa note est à moitié écrite.</source>
        <translation>End the current call first (Ctrl+Shift+E): its note is half written.</translation>
    </message>
    <message>
        <source>Choisissez le motif de l&apos;appel avant de le terminer (Ctrl+Maj+M).</source>
        <translation>Pick the call&apos;s reason before ending it (Ctrl+Shift+M).</translation>
    </message>
    <message>
        <source>Aucune session de membre du personnel n&apos;est ouverte&#xa0;: la note ne peut pas être enregistrée.</source>
        <translation>No staff member is signed in: the note cannot be saved.</translation>
    </message>
    <message>
        <source>Note d&apos;appel enregistrée&#xa0;: {details}.</source>
        <translation>Call note saved: {details}.</translation>
    </message>
    <message>
        <source>Actions&#xa0;: {actions}.</source>
        <translation>Actions: {actions}.</translation>
    </message>
    <message>
        <source>La note n&apos;est pas enregistrée&#xa0;: {error} Ce que vous avez saisi est conservé&#xa0;; réessayez avec Ctrl+Maj+E.</source>
        <translation>The note is not saved: {error} What you typed is kept; try again with Ctrl+Shift+E.</translation>
    </message>
    <message>
        <source>L&apos;appel en cours porte sur le dossier {number}&#xa0;: terminez-le (Ctrl+Maj+E) avant de passer au suivant.</source>
        <translation>The current call is about household {number}: end it (Ctrl+Shift+E) before moving to the next one.</translation>
    </message>
    <message>
        <source>Aucun appel en cours. Ouvrez un dossier ou appuyez sur Ctrl+N.</source>
        <translation>No call under way. Open a household or press Ctrl+N.</translation>
    </message>
    <message>
        <source>Appel en cours · personne non identifiée</source>
        <translation>Call under way · person not identified</translation>
    </message>
    <message>
        <source>Appel en cours · dossier {number}</source>
        <translation>Call under way · household {number}</translation>
    </message>
    <message>
        <source>La note de l&apos;appel en cours n&apos;est pas enregistrée. Terminez l&apos;appel (Ctrl+Maj+E), ou fermez de nouveau pour quitter sans l&apos;enregistrer.</source>
        <translation>The current call&apos;s note is not saved. End the call (Ctrl+Shift+E), or close again to quit without saving it.</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>Durée de l&apos;appel</source>
        <translation>Call duration</translation>
    </message>
    <message>
        <source>Dossier de la note d&apos;appel</source>
        <translation>Household of the call note</translation>
    </message>
    <message>
        <source>Motif de l&apos;appel</source>
        <translation>Reason for the call</translation>
    </message>
    <message>
        <source>— Choisir le motif —</source>
        <translation>— Pick the reason —</translation>
    </message>
    <message>
        <source>&amp;Motif&#xa0;:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Lire en français</source>
        <translation>Read in French</translation>
    </message>
    <message>
        <source>Lire en anglais</source>
        <translation>Read in English</translation>
    </message>
    <message>
        <source>Réponse à lire à la personne qui appelle</source>
        <translation>Answer to read to the caller</translation>
    </message>
    <message>
        <source>Note d&apos;appel</source>
        <translation>Call note</translation>
    </message>
    <message>
        <source>Ce que la personne demande, ce qui a été fait, ce qui reste à faire…</source>
        <translation>What the caller asks, what was done, what is left to do…</translation>
    </message>
    <message>
        <source>No&amp;te&#xa0;:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Nouvel appel</source>
        <translation>New call</translation>
    </message>
    <message>
        <source>Terminer l&apos;appel</source>
        <translation>End call</translation>
    </message>
    <message>
        <source>Note sans dossier&#xa0;: ouvrez le dossier de la personne qui appelle pour l&apos;y classer.</source>
        <translation>Note without a household: open the caller&apos;s household to file it there.</translation>
    </message>
    <message>
        <source>Note classée au dossier {number} · {name}</source>
        <translation>Note filed to household {number} · {name}</translation>
    </message>
    <message>
        <source>Note classée au dossier {number}</source>
        <translation>Note filed to household {number}</translation>
    </message>
    <message>
        <source>(pas le dossier affiché)</source>
        <translation>(not the household on screen)</translation>
    </message>
    <message>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Réponse à lire</source>
        <translation>Answer to read</translation>
    </message>
    <message>
        <source>Choisissez le motif de l&apos;appel&#xa0;: la réponse de la foire aux questions à lire à la personne qui appelle s&apos;affiche ici.</source>
        <translation>Pick the reason for the call: the FAQ answer to read to the caller appears here.</translation>
    </message>
    <message>
        <source>Dans la console&#xa0;: {hint}</source>
        <translation>In the console: {hint}</translation>
    </message>
    <message>
        <source>Avis à lire avant de recueillir des renseignements (Loi sur l&apos;accès)</source>
        <translation>Notice to read before collecting information (Access Act)</translation>
    </message>
</context>
<context>
    <name>CallerId</name>
    <message>
        <source>un autre programme utilise déjà ce port.</source>
        <translation>another program is already using this port.</translation>
    </message>
    <message>
        <source>le système refuse l&apos;accès à ce port.</source>
        <translation>the system denies access to this port.</translation>
    </message>
    <message>
        <source>le poste refuse d&apos;ouvrir ce port.</source>
        <translation>this workstation cannot open this port.</translation>
    </message>
</context>
<context>
    <name>CallerVerification</name>
    <message>
        <source>Vérification de l&apos;identité</source>
        <translation>Caller verification</translation>
    </message>
    <message>
        <source>✔ Identité vérifiée {until}</source>
        <translation>✔ Identity verified {until}</translation>
    </message>
    <message>
        <source>Les actions sur le compte et les membres sont permises {until}.</source>
        <translation>Account and member actions are allowed {until}.</translation>
    </message>
    <message>
        <source>Vérification bloquée {until}</source>
        <translation>Verification blocked {until}</translation>
    </message>
    <message>
        <source>Trop d&apos;essais manqués&#xa0;: n&apos;effectuez aucune action sur le dossier.</source>
        <translation>Too many failed attempts: take no action on this file.</translation>
    </message>
    <message>
        <source>Identité non vérifiée</source>
        <translation>Identity not verified</translation>
    </message>
    <message>
        <source>Vérifiez l&apos;identité de la personne qui appelle (Ctrl+Maj+V) avant toute action sur le compte ou les membres.</source>
        <translation>Verify the caller&apos;s identity (Ctrl+Shift+V) before any action on the account or the members.</translation>
    </message>
</context>
<context>
    <name>CardEntry</name>
    <message>
        <source>{head} ou {last}</source>
        <translation>{head} or {last}</translation>
    </message>
    <message>
        <source>Le numéro de carte ne doit contenir que des chiffres.</source>
        <translation>The card number can contain only digits.</translation>
    </message>
    <message>
        <source>Carte {network}&#xa0;: seules les cartes VISA et Mastercard sont acceptées.</source>
        <translation>{network} card: only VISA and Mastercard are accepted.</translation>
    </message>
    <message>
        <source>Seules les cartes VISA et Mastercard sont acceptées.</source>
        <translation>Only VISA and Mastercard are accepted.</translation>
    </message>
    <message>
        <source>Un numéro {brand} a {allowed} chiffres&#xa0;; {length} ont été saisis.</source>
        <translation>A {brand} number has {allowed} digits; {length} were entered.</translation>
    </message>
    <message>
        <source>Ce numéro de carte n&apos;existe pas&#xa0;: un chiffre a probablement été mal saisi. Faites répéter le numéro.</source>
        <translation>This card number does not exist: a digit was probably mistyped. Ask the caller to repeat the number.</translation>
    </message>
    <message>
        <source>La carte est expirée (fin {month:02d}/{year}).</source>
        <translation>The card has expired (end of {month:02d}/{year}).</translation>
    </message>
    <message>
        <source>Date d&apos;expiration invalide&#xa0;: inscrivez le mois et l&apos;année (MM/AA).</source>
        <translation>Invalid expiry date: enter the month and the year (MM/YY).</translation>
    </message>
    <message>
        <source>Le code de validation a 3 chiffres&#xa0;; il est au dos de la carte.</source>
        <translation>The security code has 3 digits; it is on the back of the card.</translation>
    </message>
</context>
<context>
    <name>CardEntryWidget</name>
    <message>
        <source>Numéro de la carte</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Numéro de la carte de crédit</source>
        <translation>Credit card number</translation>
    </message>
    <message>
        <source>MM/AA</source>
        <translation>MM/YY</translation>
    </message>
    <message>
        <source>Date d&apos;expiration (mois/année)</source>
        <translation>Expiry date (month/year)</translation>
    </message>
    <message>
        <source>CVV</source>
        <translation>CVV</translation>
    </message>
    <message>
        <source>Code de validation (3 chiffres au dos de la carte)</source>
        <translation>Security code (3 digits on the back of the card)</translation>
    </message>
    <message>
        <source>Carte (VISA ou Mastercard)</source>
        <translation>Card (VISA or Mastercard)</translation>
    </message>
    <message>
        <source>Expiration</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Inconnue</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Palette de commandes</source>
        <translation>Command palette</translation>
    </message>
    <message>
        <source>Tapez quelques lettres d&apos;une action, puis Entrée pour la lancer. Échap pour fermer.</source>
        <translation>Type a few letters of an action, then Enter to run it. Escape closes.</translation>
    </message>
    <message>
        <source>Action à lancer…</source>
        <translation>Action to run…</translation>
    </message>
    <message>
        <source>Action à lancer</source>
        <translation>Action to run</translation>
    </message>
    <message>
        <source>Actions de la console</source>
        <translation>The console&apos;s actions</translation>
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
    <message>
        <source>Connexion au serveur de la console perdue — reconnexion…</source>
        <translation>Connection to the console server lost — reconnecting…</translation>
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
        <source>A&amp;rrondissement&#xa0;:</source>
        <translation>B&amp;orough:</translation>
    </message>
    <message>
        <source>&amp;Saison&#xa0;:</source>
        <translation>&amp;Season:</translation>
    </message>
    <message>
        <source>&amp;Période&#xa0;:</source>
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
        <source>Ren&amp;voyer les courriels en échec…</source>
        <translation>Resend &amp;failed emails…</translation>
    </message>
    <message>
        <source>Remet dans la file d&apos;envoi chaque courriel en échec (sauf les liens de réinitialisation), par exemple après une panne du serveur de courriel.</source>
        <translation>Puts every failed email back in the sending queue (except reset links), for example after the mail server was down.</translation>
    </message>
    <message>
        <source>Remise des courriels dans la file d&apos;envoi…</source>
        <translation>Putting the emails back in the sending queue…</translation>
    </message>
    <message>
        <source>Courriels remis dans la file d&apos;envoi&#xa0;: {done} sur {total}.</source>
        <translation>Emails put back in the sending queue: {done} of {total}.</translation>
    </message>
    <message>
        <source>Arrêté à votre demande.</source>
        <translation>Stopped at your request.</translation>
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
        <source>Mis à jour&#xa0;: {moment}</source>
        <translation>Updated: {moment}</translation>
    </message>
</context>
<context>
    <name>FamilyPanel</name>
    <message>
        <source>Ce qui bloque le retrait</source>
        <translation>What blocks the removal</translation>
    </message>
    <message>
        <source>Résultat de l&apos;action</source>
        <translation>Result of the action</translation>
    </message>
    <message>
        <source>Seul le bureau d&apos;arrondissement ({borough}) retire un membre (F4)&#xa0;: dirigez-y la personne.</source>
        <translation>Only the borough office ({borough}) removes a member (F4): refer the caller there.</translation>
    </message>
    <message>
        <source>Ce dossier relève d&apos;un autre arrondissement ({borough})&#xa0;: seul son bureau retire un membre (F4).</source>
        <translation>This household belongs to another borough ({borough}): only its office removes a member (F4).</translation>
    </message>
    <message>
        <source>Retirer un membre&#xa0;: ce dossier relève d&apos;un autre arrondissement ({borough})&#xa0;; seul son bureau le peut (F4). Notez la demande dans l&apos;appel et dirigez la personne vers ce bureau.</source>
        <translation>Removing a member: this household belongs to another borough ({borough}); only its office can do it (F4). Note the request in the call and refer the caller to that office.</translation>
    </message>
    <message>
        <source>Retrait impossible pour l&apos;instant&#xa0;:</source>
        <translation>Removal not possible for now:</translation>
    </message>
    <message>
        <source>Aujourd&apos;hui&#xa0;: peut payer pour la famille.</source>
        <translation>Now: can pay for the family.</translation>
    </message>
    <message>
        <source>Aujourd&apos;hui&#xa0;: ne peut pas payer (un enfant ne paie pas, F12).</source>
        <translation>Now: cannot pay (a child does not pay, F12).</translation>
    </message>
    <message>
        <source>Pourra payer pour la famille</source>
        <translation>Will be able to pay for the family</translation>
    </message>
    <message>
        <source>Ne pourra plus payer pour la famille</source>
        <translation>Will no longer be able to pay for the family</translation>
    </message>
    <message>
        <source>Ne pourra pas payer pour la famille</source>
        <translation>Will not be able to pay for the family</translation>
    </message>
    <message>
        <source>Peut payer pour la famille.</source>
        <translation>Can pay for the family.</translation>
    </message>
    <message>
        <source>Ne peut pas payer pour la famille.</source>
        <translation>Cannot pay for the family.</translation>
    </message>
    <message>
        <source>&amp;Retirer {name}</source>
        <translation>&amp;Remove {name}</translation>
    </message>
    <message>
        <source>Ce membre paie pour la famille&#xa0;: cette personne ne pourra plus payer pour la famille.</source>
        <translation>This member is a payer: they will no longer be able to pay for the family.</translation>
    </message>
    <message>
        <source>Retirer un membre</source>
        <translation>Remove a member</translation>
    </message>
    <message>
        <source>Retirer {who} du dossier {number}&#xa0;?</source>
        <translation>Remove {who} from household {number}?</translation>
    </message>
    <message>
        <source>Personne inscrite comme enfant par erreur</source>
        <translation>Person recorded as a child in error</translation>
    </message>
    <message>
        <source>Lien inscrit par erreur</source>
        <translation>Relationship recorded in error</translation>
    </message>
    <message>
        <source>Changement de situation familiale</source>
        <translation>Change in the family&apos;s situation</translation>
    </message>
    <message>
        <source>Séparation</source>
        <translation>Separation</translation>
    </message>
    <message>
        <source>Départ du foyer</source>
        <translation>Left the household</translation>
    </message>
    <message>
        <source>Décès</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Membre en double</source>
        <translation>Duplicate member</translation>
    </message>
    <message>
        <source>Membre ajouté par erreur</source>
        <translation>Member added in error</translation>
    </message>
    <message>
        <source>Modifier le &amp;lien…</source>
        <translation>Change &amp;the relationship…</translation>
    </message>
    <message>
        <source>Retirer le mem&amp;bre…</source>
        <translation>Re&amp;move the member…</translation>
    </message>
    <message>
        <source>Qui retire un membre</source>
        <translation>Who removes a member</translation>
    </message>
    <message>
        <source>Retirer un membre&#xa0;: seul le personnel du bureau d&apos;arrondissement du dossier ({borough}) le peut (F4). Notez la demande dans l&apos;appel et dirigez la personne vers ce bureau.</source>
        <translation>Removing a member: only the staff of the household&apos;s borough office ({borough}) can do it (F4). Note the request in the call and refer the caller to that office.</translation>
    </message>
    <message>
        <source>Nouveau lien avec la personne responsable du dossier {number}, pour {who}&#xa0;:</source>
        <translation>New relationship to the person responsible for household {number}, for {who}:</translation>
    </message>
    <message>
        <source>Modifier le lien d&apos;un membre</source>
        <translation>Change a member&apos;s relationship</translation>
    </message>
    <message>
        <source>{name}&#xa0;: lien changé pour «&#xa0;{relationship}&#xa0;». {payers}</source>
        <translation>{name}: relationship changed to “{relationship}”. {payers}</translation>
    </message>
    <message>
        <source>Le retrait ne peut pas être annulé depuis la console. L&apos;historique du membre est conservé.</source>
        <translation>The removal cannot be undone from the console. The member&apos;s history is kept.</translation>
    </message>
    <message>
        <source>{name} ne fait plus partie du dossier. Son historique est conservé.</source>
        <translation>{name} is no longer part of the household. Their history is kept.</translation>
    </message>
    <message>
        <source>{name} ({relationship})</source>
        <translation>{name} ({relationship})</translation>
    </message>
    <message>
        <source>Rien n&apos;a été changé&#xa0;: le membre sélectionné ou le dossier a changé pendant la question. Vérifiez le membre et recommencez.</source>
        <translation>Nothing was changed: the selected member or the household changed during the question. Check the member and start again.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Modifier un membre</source>
        <translation>Change a member</translation>
    </message>
    <message>
        <source>Vérifiez d&apos;abord l&apos;identité de la personne qui appelle (Ctrl+Maj+V) avant de modifier un membre.</source>
        <translation>Verify the caller&apos;s identity first (Ctrl+Shift+V) before changing a member.</translation>
    </message>
    <message>
        <source>Seul le personnel du bureau d&apos;arrondissement du dossier retire un membre (F4).</source>
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
    <name>FileAccessDialog</name>
    <message>
        <source>Consultations du dossier {number}</source>
        <translation>Who opened file {number}</translation>
    </message>
    <message>
        <source>Chargement…</source>
        <translation>Loading…</translation>
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
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Consultations du dossier</source>
        <translation>Times the family file was opened</translation>
    </message>
    <message>
        <source>Une consultation.</source>
        <translation>Opened once.</translation>
    </message>
    <message>
        <source>{count} consultations, la plus récente en premier.</source>
        <translation>Opened {count} times, the most recent first.</translation>
    </message>
    <message>
        <source>Personne n&apos;a encore consulté ce dossier.</source>
        <translation>Nobody has opened this file yet.</translation>
    </message>
</context>
<context>
    <name>FileAccessScreens</name>
    <message>
        <source>Qui a c&amp;onsulté ce dossier</source>
        <translation>Who &amp;opened this file</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <source>Aucun dossier ouvert.

Cherchez la personne qui appelle dans la zone de recherche (Ctrl+K)&#xa0;: nom, courriel, téléphone ou numéro de dossier, de panier, de reçu ou de transaction.</source>
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
        <source>Courriels</source>
        <translation>Emails</translation>
    </message>
    <message>
        <source>Panier actif&#xa0;: {left}</source>
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
        <source>(aucune personne responsable active)</source>
        <translation>(no active person responsible)</translation>
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
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
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
    <name>PaletteLauncher</name>
    <message>
        <source>&amp;Palette de commandes</source>
        <translation>Command &amp;palette</translation>
    </message>
    <message>
        <source>Lancer n&apos;importe quelle action au clavier</source>
        <translation>Run any action from the keyboard</translation>
    </message>
</context>
<context>
    <name>PaymentActions</name>
    <message>
        <source>&amp;Payer le panier…</source>
        <translation>&amp;Pay the cart…</translation>
    </message>
    <message>
        <source>Payer par téléphone le panier sélectionné (F10, F12)</source>
        <translation>Pay the selected cart by phone (F10, F12)</translation>
    </message>
    <message>
        <source>&amp;Réimprimer le reçu…</source>
        <translation>Reprin&amp;t the receipt…</translation>
    </message>
    <message>
        <source>Réimprimer un reçu avec le numéro de panier et du propriétaire (F14)</source>
        <translation>Reprint a receipt from the cart number and the owner number (F14)</translation>
    </message>
    <message>
        <source>Payer le panier</source>
        <translation>Pay the cart</translation>
    </message>
    <message>
        <source>Sélectionnez dans l&apos;onglet Paniers un panier ouvert à payer.</source>
        <translation>Select an open cart to pay in the Carts tab.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Ce panier contient une activité offrant un service de garde ({activities})&#xa0;: seule la personne responsable du dossier, {name}, peut payer, car le relevé 24 est délivré à son numéro d&apos;assurance sociale.</source>
        <translation>This cart includes an activity with childcare ({activities}): only the person responsible for the household, {name}, can pay, because the Relevé 24 slip is issued under their social insurance number.</translation>
    </message>
    <message>
        <source>Aucun numéro d&apos;assurance sociale n&apos;est inscrit au dossier de {name}&#xa0;: aucun relevé 24 ne pourra être délivré.</source>
        <translation>No social insurance number is on file for {name}: no Relevé 24 can be issued.</translation>
    </message>
    <message>
        <source>Ce dossier n&apos;a pas de personne responsable&#xa0;: une activité de garde ne peut pas être payée. Dirigez la personne qui appelle vers son bureau d&apos;arrondissement.</source>
        <translation>This household has no person responsible: an activity with childcare cannot be paid for. Refer the caller to their borough office.</translation>
    </message>
    <message>
        <source>Un enfant ne peut pas payer.</source>
        <translation>A child cannot be the payer.</translation>
    </message>
    <message>
        <source>{name} a été retiré du dossier.</source>
        <translation>{name} was removed from the household.</translation>
    </message>
    <message>
        <source>La personne qui paie ne fait pas partie de ce dossier.</source>
        <translation>The person who pays is not part of this household.</translation>
    </message>
    <message>
        <source>Fonds ou limite de crédit insuffisants sur la carte.</source>
        <translation>Insufficient funds or credit limit on the card.</translation>
    </message>
    <message>
        <source>La carte a été refusée par l&apos;institution financière. La personne qui appelle doit communiquer avec elle pour connaître la raison.</source>
        <translation>The card was declined by the financial institution. The caller should contact it to find out why.</translation>
    </message>
    <message>
        <source>L&apos;institution financière indique que la carte est expirée. La personne qui appelle peut essayer une autre carte.</source>
        <translation>The financial institution says the card has expired. The caller can try another card.</translation>
    </message>
    <message>
        <source>Le code de validation ne correspond pas à la carte. Faites-le relire au dos de la carte, puis réessayez.</source>
        <translation>The security code does not match the card. Have the caller read it again from the back of the card, then try again.</translation>
    </message>
    <message>
        <source>Seules les cartes VISA et Mastercard sont acceptées.</source>
        <translation>Only VISA and Mastercard are accepted.</translation>
    </message>
    <message>
        <source>Le site de paiement n&apos;a pas répondu&#xa0;: le paiement est en attente. Ne recommencez pas&#xa0;; vérifiez l&apos;état du panier dans un instant.</source>
        <translation>The payment site did not answer: the payment is pending. Do not try again; check the cart in a moment.</translation>
    </message>
    <message>
        <source>Le site de paiement est inaccessible&#xa0;: rien n&apos;a été débité. Réessayez dans un instant.</source>
        <translation>The payment site cannot be reached: nothing was charged. Try again in a moment.</translation>
    </message>
    <message>
        <source>Le site de paiement n&apos;a pas encore reçu ce paiement&#xa0;: rien n&apos;a été débité pour l&apos;instant. Vérifiez l&apos;état du panier dans un instant.</source>
        <translation>The payment site has not received this payment yet: nothing has been charged so far. Check the cart&apos;s status in a moment.</translation>
    </message>
    <message>
        <source>Le site de paiement a refusé la carte. La personne qui appelle peut essayer une autre carte.</source>
        <translation>The payment site refused the card. The caller may try another card.</translation>
    </message>
    <message>
        <source>Paiement du panier</source>
        <translation>Cart payment</translation>
    </message>
    <message>
        <source>Personne qui paie</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>&amp;Payer</source>
        <translation>&amp;Pay</translation>
    </message>
    <message>
        <source>Reçu…</source>
        <translation>Receipt…</translation>
    </message>
    <message>
        <source>Panier</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Chargement du panier…</source>
        <translation>Loading the cart…</translation>
    </message>
    <message>
        <source>no {cart} (propriétaire {owner})</source>
        <translation>no. {cart} (owner {owner})</translation>
    </message>
    <message>
        <source> (personne responsable du dossier)</source>
        <translation> (person responsible)</translation>
    </message>
    <message>
        <source>Seule la personne responsable du dossier peut payer ce panier.</source>
        <translation>Only the person responsible for the household can pay for this cart.</translation>
    </message>
    <message>
        <source>Aucun membre ne peut payer&#xa0;: la personne qui paie doit avoir un lien autre que «&#xa0;Enfant&#xa0;» avec la personne responsable du dossier.</source>
        <translation>No member can pay: the person who pays must have a relationship other than “Child” with the person responsible for the household.</translation>
    </message>
    <message>
        <source>Payer le panier</source>
        <translation>Pay the cart</translation>
    </message>
    <message>
        <source>Débiter {amount} pour le panier {cart}&#xa0;? Un paiement ne s&apos;annule pas ici.</source>
        <translation>Charge {amount} for cart {cart}? A payment cannot be cancelled here.</translation>
    </message>
    <message>
        <source>Paiement par {name}, dossier {number}</source>
        <translation>Payer: {name}, file {number}</translation>
    </message>
    <message>
        <source>Paiement en cours auprès du site de paiement…</source>
        <translation>Payment in progress with the payment site…</translation>
    </message>
    <message>
        <source>{amount} — {card} — code d&apos;autorisation {code} — reçu no {receipt}</source>
        <translation>{amount} — {card} — authorization code {code} — receipt no. {receipt}</translation>
    </message>
    <message>
        <source>{card} — Aucune inscription n&apos;a été faite.</source>
        <translation>{card} — No registration was made.</translation>
    </message>
</context>
<context>
    <name>PlacesPanel</name>
    <message>
        <source>Places de l&apos;activité</source>
        <translation>Places in the activity</translation>
    </message>
    <message>
        <source>Places réellement libres</source>
        <translation>Places actually available</translation>
    </message>
    <message>
        <source>Capacité&#xa0;:</source>
        <translation>Capacity:</translation>
    </message>
    <message>
        <source>Inscriptions confirmées&#xa0;:</source>
        <translation>Confirmed registrations:</translation>
    </message>
    <message>
        <source>Places réellement libres&#xa0;:</source>
        <translation>Actually available:</translation>
    </message>
    <message>
        <source>Affiché sur le site&#xa0;:</source>
        <translation>Shown on the site:</translation>
    </message>
    <message>
        <source>Offres en cours&#xa0;:</source>
        <translation>Open offers:</translation>
    </message>
    <message>
        <source>Liste d&apos;attente&#xa0;:</source>
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
        <translation>Expires at</translation>
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
    <name>PresenceWatcher</name>
    <message>
        <source>Autres membres du personnel sur ce dossier</source>
        <translation>Other staff members on this household</translation>
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
    <name>ReceiptDialog</name>
    <message>
        <source>Réimprimer un reçu</source>
        <translation>Reprint a receipt</translation>
    </message>
    <message>
        <source>Afficher le reçu</source>
        <translation>Show the receipt</translation>
    </message>
    <message>
        <source>Ouvrir le PDF</source>
        <translation>Open the PDF</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Enregistrer…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>&amp;Envoyer par courriel</source>
        <translation>&amp;Email it</translation>
    </message>
    <message>
        <source>Numéro de panier</source>
        <translation>Cart number</translation>
    </message>
    <message>
        <source>Numéro du propriétaire du panier</source>
        <translation>Cart owner number</translation>
    </message>
    <message>
        <source>Inscrivez le numéro de panier et le numéro du propriétaire du panier.</source>
        <translation>Enter the cart number and the cart owner number.</translation>
    </message>
    <message>
        <source>Recherche du reçu…</source>
        <translation>Looking up the receipt…</translation>
    </message>
    <message>
        <source>Reçu no {number} — consultation inscrite au journal.</source>
        <translation>Receipt no. {number} — this lookup is recorded in the journal.</translation>
    </message>
    <message>
        <source>Aucun lecteur PDF n&apos;est installé sur ce poste.</source>
        <translation>No PDF reader is installed on this workstation.</translation>
    </message>
    <message>
        <source>Reçu envoyé à l&apos;imprimante.</source>
        <translation>Receipt sent to the printer.</translation>
    </message>
    <message>
        <source>L&apos;impression a échoué&#xa0;; ouvrez le PDF pour l&apos;imprimer.</source>
        <translation>Printing failed; open the PDF to print it.</translation>
    </message>
    <message>
        <source>Enregistrer le reçu</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <source>Envoyer le reçu</source>
        <translation>Send the receipt</translation>
    </message>
    <message>
        <source>Envoyer le reçu par courriel à l&apos;adresse inscrite au dossier&#xa0;?</source>
        <translation>Email the receipt to the address on file?</translation>
    </message>
    <message>
        <source>Reçu no {number} mis en file d&apos;envoi pour {address}.</source>
        <translation>Receipt no. {number} queued for {address}.</translation>
    </message>
    <message>
        <source>Aucun panier no {cart} n&apos;appartient au propriétaire no {owner}. Vérifiez les deux numéros avec la personne qui appelle.</source>
        <translation>No cart no. {cart} belongs to owner no. {owner}. Check both numbers with the caller.</translation>
    </message>
    <message>
        <source>Le panier no {cart} n&apos;a pas encore été payé&#xa0;: aucun reçu n&apos;a été délivré.</source>
        <translation>Cart no. {cart} has not been paid yet: no receipt was issued.</translation>
    </message>
    <message>
        <source>Vérifiez l&apos;identité de la personne qui appelle avant de lui donner un reçu.</source>
        <translation>Verify the caller&apos;s identity before giving them a receipt.</translation>
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
        <source>Filtre des activités</source>
        <translation>Activity filter</translation>
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
        <source>Âges</source>
        <translation>Ages</translation>
    </message>
    <message>
        <source>Horaire</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Places réelles</source>
        <translation>Actually available</translation>
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
        <source>Pa&amp;yer le panier…</source>
        <translation>Pa&amp;y the cart…</translation>
    </message>
    <message>
        <source>Membres&#xa0;:</source>
        <translation>Members:</translation>
    </message>
    <message>
        <source>{ages} — ne convient pas ({age}&#xa0;ans)</source>
        <translation>{ages} — does not fit (age {age})</translation>
    </message>
    <message>
        <source>Choisissez un membre et une activité.</source>
        <translation>Choose a member and an activity.</translation>
    </message>
    <message>
        <source>Accepter l&apos;offre de la liste d&apos;attente</source>
        <translation>Accept the waiting-list offer</translation>
    </message>
    <message>
        <source>Accepter la place offerte en {code} — {title} et la mettre au panier&#xa0;?</source>
        <translation>Accept the place offered in {code} — {title} and put it in the cart?</translation>
    </message>
    <message>
        <source>Offre acceptée&#xa0;: la place est retenue dans le panier.</source>
        <translation>Offer accepted: the place is held in the cart.</translation>
    </message>
    <message>
        <source>Place retenue dans le panier.</source>
        <translation>Place held in the cart.</translation>
    </message>
    <message>
        <source>Aucune place réellement libre&#xa0;: la demande est sur la liste d&apos;attente, en position {position}. Un courriel avisera la famille si une place se libère.</source>
        <translation>No place is actually available: the request is on the waiting list, in position {position}. The family will get an email if a place opens up.</translation>
    </message>
    <message>
        <source>Retirer l&apos;activité du panier</source>
        <translation>Remove the activity from the cart</translation>
    </message>
    <message>
        <source>Retirer «&#xa0;{line}&#xa0;» du panier {number}&#xa0;? La place sera libérée.</source>
        <translation>Remove “{line}” from cart {number}? The place will be released.</translation>
    </message>
    <message>
        <source>Panier {number} (propriétaire {owner}) — réservé {until}</source>
        <translation>Cart {number} (owner {owner}) — held {until}</translation>
    </message>
    <message>
        <source>Délai écoulé&#xa0;: les places sont libérées.</source>
        <translation>Hold ran out: the places are released.</translation>
    </message>
    <message>
        <source>{minutes} min restantes</source>
        <translation>{minutes} min left</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <source>Révéler le NAS</source>
        <translation>Reveal the SIN</translation>
    </message>
    <message>
        <source>Pourquoi devez-vous voir le NAS de {name}&#xa0;? La raison est inscrite au journal des actions avec votre nom.</source>
        <translation>Why do you need to see {name}&apos;s SIN? The reason goes in the action log with your name.</translation>
    </message>
    <message>
        <source>Raison (obligatoire)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Raison de la révélation</source>
        <translation>Reason for the reveal</translation>
    </message>
    <message>
        <source>&amp;Révéler</source>
        <translation>&amp;Reveal</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SandboxBanner</name>
    <message>
        <source>BAC À SABLE — aucun argent ne circule</source>
        <translation>SANDBOX — no money moves</translation>
    </message>
    <message>
        <source>Le serveur utilise la passerelle de paiement d&apos;essai&#xa0;: aucune carte n&apos;est débitée et aucune inscription n&apos;est payée pour vrai.</source>
        <translation>The server uses the test payment gateway: no card is charged and no registration is actually paid for.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Nom, courriel, téléphone, n° de dossier, de panier, de reçu ou de transaction</source>
        <translation>Name, email, phone, household, cart, receipt or transaction number</translation>
    </message>
    <message>
        <source>Recherche de la personne qui appelle</source>
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
        <translation>Person responsible</translation>
    </message>
    <message>
        <source>(aucune personne responsable)</source>
        <translation>(no person responsible)</translation>
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
        <source>{reason}&#xa0;: {text}</source>
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
        <source>Aucun dossier ne correspond à «&#xa0;{query}&#xa0;».</source>
        <translation>No household matches “{query}”.</translation>
    </message>
    <message>
        <source>{count} dossiers affichés, d&apos;autres peuvent correspondre&#xa0;: précisez la recherche.</source>
        <translation>{count} households shown, others may match: narrow the search.</translation>
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
    <name>ShortcutsDialog</name>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Toute la console s&apos;utilise au clavier. Tapez pour filtrer la liste.</source>
        <translation>The whole console works from the keyboard. Type to filter the list.</translation>
    </message>
    <message>
        <source>Filtrer…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>Filtrer les raccourcis</source>
        <translation>Filter the shortcuts</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Raccourci</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Fenêtre</source>
        <translation>Window</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Serveur</source>
        <translation>Server</translation>
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
        <source>Connexion à la console</source>
        <translation>Sign in to the console</translation>
    </message>
    <message>
        <source>Connectez-vous avec votre nom d&apos;utilisateur et votre mot de passe de la console.</source>
        <translation>Sign in with your console username and password.</translation>
    </message>
    <message>
        <source>Adresse du serveur de la console (https://…)</source>
        <translation>Address of the console server (https://…)</translation>
    </message>
    <message>
        <source>État de la connexion</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <source>&amp;Serveur&#xa0;:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Utilisateur&#xa0;:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Mot de passe&#xa0;:</source>
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
        <source>Indiquez le serveur, votre nom d&apos;utilisateur et votre mot de passe.</source>
        <translation>Enter the server, your username and your password.</translation>
    </message>
    <message>
        <source>Connexion en cours…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>SinReveal</name>
    <message>
        <source>Révéler le &amp;NAS…</source>
        <translation>Reveal the S&amp;IN…</translation>
    </message>
    <message>
        <source>Révéler le NAS</source>
        <translation>Reveal the SIN</translation>
    </message>
    <message>
        <source>NAS révélé</source>
        <translation>SIN revealed</translation>
    </message>
    <message>
        <source>Seul le personnel du bureau d&apos;arrondissement du dossier ou de la supervision révèle un NAS.</source>
        <translation>Only staff of the household&apos;s borough office or supervision reveal a SIN.</translation>
    </message>
    <message>
        <source>Choisissez un membre dans le tableau.</source>
        <translation>Choose a member in the table.</translation>
    </message>
    <message>
        <source>Aucun NAS n&apos;est au dossier de {name}.</source>
        <translation>No SIN is on file for {name}.</translation>
    </message>
    <message>
        <source>Vérifiez d&apos;abord l&apos;identité de la personne qui appelle (Ctrl+Maj+V).</source>
        <translation>Verify the caller&apos;s identity first (Ctrl+Shift+V).</translation>
    </message>
    <message>
        <source>NAS de {name}&#xa0;: {number}</source>
        <translation>{name}&apos;s SIN: {number}</translation>
    </message>
    <message>
        <source>{shown} — masqué dans {seconds} s</source>
        <translation>{shown} — masked in {seconds} s</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Vérifier l&apos;identité de la personne qui appelle</source>
        <translation>Verify the caller&apos;s identity</translation>
    </message>
    <message>
        <source>Posez au moins deux questions. Tapez la réponse de la personne qui appelle, jamais celle du dossier. Laissez vides les questions non posées.</source>
        <translation>Ask at least two questions. Type the caller&apos;s answer, never the one on file. Leave the questions you did not ask empty.</translation>
    </message>
    <message>
        <source>3/12/2016 ou 3 déc. 2016</source>
        <translation>3/12/2016 or 3 Dec 2016</translation>
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
        <source>&amp;Date de naissance de la personne responsable&#xa0;:</source>
        <translation>&amp;Date of birth of the person responsible:</translation>
    </message>
    <message>
        <source>Code &amp;postal&#xa0;:</source>
        <translation>&amp;Postal code:</translation>
    </message>
    <message>
        <source>&amp;Numéro de dossier&#xa0;:</source>
        <translation>Household &amp;number:</translation>
    </message>
    <message>
        <source>&amp;Montant du dernier paiement ($)&#xa0;:</source>
        <translation>Last payment &amp;amount ($):</translation>
    </message>
    <message>
        <source>Da&amp;te du dernier paiement&#xa0;:</source>
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
        <source>Date comprise</source>
        <translation>Date understood</translation>
    </message>
    <message>
        <source>Date non comprise.</source>
        <translation>Date not understood.</translation>
    </message>
    <message>
        <source>Compris&#xa0;: {date}</source>
        <translation>Understood: {date}</translation>
    </message>
    <message>
        <source>{understood} (lu le jour d&apos;abord, puis le mois)</source>
        <translation>{understood} (read day first, then month)</translation>
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
        <source>La {what} n&apos;est pas comprise&#xa0;: écrivez-la comme 3/12/2016, 2016-12-03 ou 3 décembre 2016 (année en quatre chiffres).</source>
        <translation>The {what} is not understood: write it as 3/12/2016, 2016-12-03 or 3 December 2016 (four-digit year).</translation>
    </message>
    <message>
        <source>Le montant doit s&apos;écrire comme 87,50.</source>
        <translation>Write the amount like this: 87.50.</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Identité vérifiée ({matched}). Valide {until}.</source>
        <translation>Identity verified ({matched}). Valid {until}.</translation>
    </message>
    <message>
        <source>Trop d&apos;essais manqués pour ce dossier&#xa0;: vérification bloquée {until}. N&apos;effectuez aucune action sur le dossier.</source>
        <translation>Too many failed attempts for this file: verification is blocked {until}. Do not take any action on the file.</translation>
    </message>
    <message>
        <source>Vérification échouée&#xa0;: réponses concordantes&#xa0;: {matched}. Essais restants&#xa0;: {left}.</source>
        <translation>Verification failed. Matching answers: {matched}. Attempts left: {left}.</translation>
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
        <translation>New position</translation>
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
        <source>&lt;b&gt;{code}&lt;/b&gt; — {title}&#xa0;: taux de remplissage {fill:.0%} ({confirmed}/{capacity}), places réellement libres&#xa0;: {real}, offres en cours&#xa0;: {offers}</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; — {title}: fill rate {fill:.0%} ({confirmed}/{capacity}), actually available: {real}, open offers: {offers}</translation>
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
        <source>Déplacer dans la liste d&apos;attente</source>
        <translation>Move in the waiting list</translation>
    </message>
    <message>
        <source>Déplacer au rang {rank} (de {old}) sur la liste de {activity}&#xa0;?</source>
        <translation>Move to rank {rank} (from {old}) on the list of {activity}?</translation>
    </message>
    <message>
        <source>Raison&#xa0;: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Entrée déplacée.</source>
        <translation>Entry moved.</translation>
    </message>
    <message>
        <source>Offrir une place</source>
        <translation>Offer a place</translation>
    </message>
    <message>
        <source>Offrir une place en {activity}&#xa0;? La famille sera avisée par courriel.</source>
        <translation>Offer a place in {activity}? The family will be notified by email.</translation>
    </message>
    <message>
        <source>Place offerte jusqu&apos;au {at}&#xa0;; la famille est avisée par courriel.</source>
        <translation>Place offered until {at}; the family is notified by email.</translation>
    </message>
</context>
<context>
    <name>WindowFrame</name>
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
        <source>Base de démonstration&#xa0;: les données sont fictives et le choix du membre du personnel n&apos;est pas une vraie connexion.</source>
        <translation>Demo database: the data is fictitious and picking an agent is not a real sign-in.</translation>
    </message>
    <message>
        <source>A&amp;gent (démo)&#xa0;:</source>
        <translation>A&amp;gent (demo):</translation>
    </message>
    <message>
        <source>Membre du personnel de démonstration</source>
        <translation>Demo staff member</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Se dé&amp;connecter</source>
        <translation>Sign &amp;out</translation>
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
        <source>&amp;Rechercher la personne qui appelle</source>
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
        <source>Membre du personnel en session</source>
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
        <source>Aucune session ouverte</source>
        <translation>Not signed in</translation>
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
        <source>Session&#xa0;: {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <source>La langue choisie s&apos;appliquera au prochain démarrage de la console. / The new language applies the next time the console starts.</source>
        <translation>The new language applies the next time the console starts. / La langue choisie s&apos;appliquera au prochain démarrage de la console.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Panier no {n}</source>
        <translation>Cart {n}</translation>
    </message>
    <message>
        <source>Liste d&apos;attente, entrée no {n}</source>
        <translation>Waiting list, entry {n}</translation>
    </message>
    <message>
        <source>Courriels ({n})</source>
        <translation>Emails ({n})</translation>
    </message>
    <message>
        <source>NAS ({n})</source>
        <translation>SINs ({n})</translation>
    </message>
    <message>
        <source>identifiant inconnu</source>
        <translation>unknown username</translation>
    </message>
    <message>
        <source>mot de passe erroné</source>
        <translation>wrong password</translation>
    </message>
    <message>
        <source>compte bloqué</source>
        <translation>account locked</translation>
    </message>
    <message>
        <source>compte désactivé</source>
        <translation>account disabled</translation>
    </message>
    <message>
        <source>aucun mot de passe défini</source>
        <translation>no password set</translation>
    </message>
    <message>
        <source>réservation dans un panier</source>
        <translation>hold in a cart</translation>
    </message>
    <message>
        <source>liste d&apos;attente</source>
        <translation>waiting list</translation>
    </message>
    <message>
        <source>inscription</source>
        <translation>registration</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>anglais</source>
        <translation>English</translation>
    </message>
    <message>
        <source>français</source>
        <translation>French</translation>
    </message>
    <message>
        <source>Détail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Activité</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Avant</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Après</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Lien de parenté</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Arrondissement</source>
        <translation>Borough</translation>
    </message>
    <message>
        <source>Nom affiché</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Questions posées</source>
        <translation>Questions asked</translation>
    </message>
    <message>
        <source>Bonnes réponses</source>
        <translation>Correct answers</translation>
    </message>
    <message>
        <source>Nouveau rang</source>
        <translation>New position</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Échecs de suite</source>
        <translation>Failures in a row</translation>
    </message>
    <message>
        <source>Sessions fermées</source>
        <translation>Sessions ended</translation>
    </message>
    <message>
        <source>Était actif</source>
        <translation>Was active</translation>
    </message>
    <message>
        <source>Liens annulés</source>
        <translation>Links revoked</translation>
    </message>
    <message>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>Actions notées</source>
        <translation>Actions noted</translation>
    </message>
    <message>
        <source>Reçu no</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Bloqué jusqu&apos;au</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Valide jusqu&apos;au</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Derniers chiffres complétés</source>
        <translation>Last digits filled in</translation>
    </message>
    <message>
        <source>{label}&#xa0;: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
<context>
    <name>calls</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes} min {seconds:02d} s</translation>
    </message>
    <message>
        <source>Motif d&apos;appel inconnu&#xa0;: {reason}.</source>
        <translation>Unknown call reason: {reason}.</translation>
    </message>
    <message>
        <source>La note d&apos;appel est trop longue (au plus {max} caractères).</source>
        <translation>The call note is too long (at most {max} characters).</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <source>&amp;Confirmer</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <source>dossier {number}</source>
        <translation>file {number}</translation>
    </message>
    <message>
        <source>Raison (obligatoire)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Tapez une raison ou choisissez-en une (Alt+↓)</source>
        <translation>Type a reason or pick one (Alt+↓)</translation>
    </message>
    <message>
        <source>Rais&amp;on (obligatoire)&#xa0;:</source>
        <translation>Reas&amp;on (required):</translation>
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
        <source>Taux de remplissage et listes d&apos;attente (en rouge&#xa0;: complet)</source>
        <translation>Fill rates and waitlists (red: full)</translation>
    </message>
    <message>
        <source>Taux de remplissage</source>
        <translation>Fill rate</translation>
    </message>
</context>
<context>
    <name>demo_cases</name>
    <message>
        <source>Cas de démonstration</source>
        <translation>Demo cases</translation>
    </message>
    <message>
        <source>Chaque appel fictif de la démonstration, ce que la personne dira et la question de la FAQ illustrée. Entrée met l&apos;identifiant dans la recherche.</source>
        <translation>Each fictitious caller of the demo, what they will say and the FAQ question they illustrate. Enter puts the identifier into the search.</translation>
    </message>
    <message>
        <source>FAQ</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <source>Personne qui appelle</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Ce qui sera dit</source>
        <translation>What will be said</translation>
    </message>
    <message>
        <source>Dans le dossier</source>
        <translation>In the file</translation>
    </message>
    <message>
        <source>À rechercher</source>
        <translation>Search for</translation>
    </message>
    <message>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Cas de démonstration…</source>
        <translation>Demo &amp;cases…</translation>
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
        <source>Recréer la base de démonstration&#xa0;? Les données actuelles seront remplacées.
Taille&#xa0;:</source>
        <translation>Rebuild the demo database? The current data will be replaced.
Size:</translation>
    </message>
    <message>
        <source>Création des données de démonstration…</source>
        <translation>Creating the demo data…</translation>
    </message>
    <message>
        <source>La base de démonstration n&apos;a pas pu être recréée&#xa0;: {error}</source>
        <translation>The demo database could not be rebuilt: {error}</translation>
    </message>
</context>
<context>
    <name>demo_simulation</name>
    <message>
        <source>&amp;Simuler le site public</source>
        <translation>&amp;Simulate the public site</translation>
    </message>
    <message>
        <source>Des familles fictives réservent, paient ou abandonnent leur panier, comme sur le site public.</source>
        <translation>Fictitious families hold places, pay or abandon their carts, as on the public site.</translation>
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
        <translation>Person responsible for the file</translation>
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
        <translation>Father or mother of the person responsible</translation>
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
        <source>commis d&apos;arrondissement</source>
        <translation>borough clerk</translation>
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
        <translation>Awaiting response</translation>
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
        <source>NAS révélé</source>
        <translation>SIN revealed</translation>
    </message>
    <message>
        <source>Ajout au panier</source>
        <translation>Added to cart</translation>
    </message>
    <message>
        <source>Retrait du panier</source>
        <translation>Removed from cart</translation>
    </message>
    <message>
        <source>Panier prolongé</source>
        <translation>Cart extended</translation>
    </message>
    <message>
        <source>Passage au paiement</source>
        <translation>Checkout started</translation>
    </message>
    <message>
        <source>Panier verrouillé libéré</source>
        <translation>Locked cart released</translation>
    </message>
    <message>
        <source>Panier verrouillé&#xa0;: paiement confirmé, inscription faite</source>
        <translation>Locked cart: payment confirmed, registered</translation>
    </message>
    <message>
        <source>Libération refusée (CT-Paiement injoignable)</source>
        <translation>Release refused (CT-Paiement unreachable)</translation>
    </message>
    <message>
        <source>Réservation périmée libérée</source>
        <translation>Stale hold released</translation>
    </message>
    <message>
        <source>Ajout à la liste d&apos;attente</source>
        <translation>Added to the waiting list</translation>
    </message>
    <message>
        <source>Place offerte (liste d&apos;attente)</source>
        <translation>Place offered (waiting list)</translation>
    </message>
    <message>
        <source>Offre de place acceptée</source>
        <translation>Place offer accepted</translation>
    </message>
    <message>
        <source>Rang déplacé (liste d&apos;attente)</source>
        <translation>Waiting list position changed</translation>
    </message>
    <message>
        <source>Paiement commencé</source>
        <translation>Payment started</translation>
    </message>
    <message>
        <source>Paiement accepté</source>
        <translation>Payment approved</translation>
    </message>
    <message>
        <source>Reçu réimprimé</source>
        <translation>Receipt reprinted</translation>
    </message>
    <message>
        <source>Reçu envoyé par courriel</source>
        <translation>Receipt emailed</translation>
    </message>
    <message>
        <source>Courriel renvoyé</source>
        <translation>Email resent</translation>
    </message>
    <message>
        <source>Appel terminé</source>
        <translation>Call ended</translation>
    </message>
    <message>
        <source>Connexion au serveur</source>
        <translation>Signed in to the server</translation>
    </message>
    <message>
        <source>Connexion refusée</source>
        <translation>Sign-in refused</translation>
    </message>
    <message>
        <source>Connexion bloquée (trop de tentatives)</source>
        <translation>Sign-in locked (too many attempts)</translation>
    </message>
    <message>
        <source>Déconnexion</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Membre du personnel ajouté</source>
        <translation>Staff member added</translation>
    </message>
    <message>
        <source>Membre du personnel désactivé</source>
        <translation>Staff member disabled</translation>
    </message>
    <message>
        <source>Mot de passe du personnel défini</source>
        <translation>Staff password set</translation>
    </message>
    <message>
        <source>Panier expiré (système)</source>
        <translation>Cart lapsed (system)</translation>
    </message>
    <message>
        <source>Offre expirée (système)</source>
        <translation>Offer lapsed (system)</translation>
    </message>
    <message>
        <source>Paiement en attente réglé (système)</source>
        <translation>Pending payment settled (system)</translation>
    </message>
    <message>
        <source>NAS chiffrés de nouveau avec la clé courante (système)</source>
        <translation>SINs encrypted again with the current key (system)</translation>
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
        <source>Identité vérifiée</source>
        <translation>Caller verified</translation>
    </message>
    <message>
        <source>jusqu&apos;au {date}, {time}</source>
        <translation>until {date}, {time}</translation>
    </message>
    <message>
        <source>jusqu&apos;à {time}</source>
        <translation>until {time}</translation>
    </message>
    <message>
        <source>soutien téléphonique</source>
        <translation>phone support agent</translation>
    </message>
    <message>
        <source>supervision</source>
        <translation>supervisor</translation>
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
        <source>Retrait d&apos;un membre</source>
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
        <source>Date de naissance&#xa0;: {date}</source>
        <translation>Date of birth: {date}</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Personne qui paie</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Peut payer</source>
        <translation>May pay</translation>
    </message>
    <message>
        <source>Peut être choisie pour payer sur le site (F12)</source>
        <translation>Can be chosen to pay on the site (F12)</translation>
    </message>
    <message>
        <source>NAS</source>
        <translation>SIN</translation>
    </message>
    <message>
        <source>Seuls les trois derniers chiffres sont affichés.</source>
        <translation>Only the last three digits are shown.</translation>
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
        <source>Date d&apos;inscription</source>
        <translation>Registered on</translation>
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
        <source>Membre du personnel</source>
        <translation>Staff member</translation>
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
        <source>aucune activité</source>
        <translation>no activity</translation>
    </message>
    <message>
        <source>1 activité</source>
        <translation>1 activity</translation>
    </message>
    <message>
        <source>{count} activités</source>
        <translation>{count} activities</translation>
    </message>
    <message>
        <source>{until} — {left}</source>
        <translation>{until} — {left}</translation>
    </message>
    <message>
        <source> · prolongé</source>
        <translation> · extended</translation>
    </message>
</context>
<context>
    <name>knowledge</name>
    <message>
        <source>Mot de passe oublié</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Courriel de confirmation non reçu</source>
        <translation>Confirmation email not received</translation>
    </message>
    <message>
        <source>Modifier l&apos;adresse courriel</source>
        <translation>Changing the email address</translation>
    </message>
    <message>
        <source>Retirer quelqu&apos;un du Dossier loisir</source>
        <translation>Removing someone from the Dossier loisir</translation>
    </message>
    <message>
        <source>Accès au site Mes loisirs en ligne</source>
        <translation>Access to the Mes loisirs en ligne site</translation>
    </message>
    <message>
        <source>Cours non complet, mais liste d&apos;attente</source>
        <translation>Course not full, but waitlisted</translation>
    </message>
    <message>
        <source>«&#xa0;Vous êtes déjà inscrit à cette activité&#xa0;»</source>
        <translation>“Vous êtes déjà inscrit à cette activité” (already registered)</translation>
    </message>
    <message>
        <source>Durée de la réservation dans le panier</source>
        <translation>How long the cart holds a course</translation>
    </message>
    <message>
        <source>Vérifier une inscription</source>
        <translation>Checking a registration</translation>
    </message>
    <message>
        <source>Difficulté de paiement (CT-Paiement)</source>
        <translation>Payment trouble (CT-Paiement)</translation>
    </message>
    <message>
        <source>Panier verrouillé</source>
        <translation>Locked cart</translation>
    </message>
    <message>
        <source>Personne absente de la liste pour payer</source>
        <translation>Payer missing from the list</translation>
    </message>
    <message>
        <source>Personne responsable et paiement des services de garde</source>
        <translation>The person responsible pays for childcare</translation>
    </message>
    <message>
        <source>Reçu d&apos;inscription perdu</source>
        <translation>Lost registration receipt</translation>
    </message>
    <message>
        <source>Autre motif</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Si vous avez oublié votre mot de passe et en saisissez un erroné, le site affiche&#xa0;: «&#xa0;L&apos;adresse courriel ou le mot de passe n&apos;est pas valide. Veuillez vérifier les renseignements fournis.&#xa0;»

Voici comment vous connecter&#xa0;:
• Cliquez sur «&#xa0;J&apos;ai oublié mon mot de passe&#xa0;» et inscrivez l&apos;adresse courriel utilisée lors de votre inscription. Vous recevrez à cette adresse un lien à cliquer.
• Cliquez sur le lien et, dans le formulaire qui s&apos;affiche, saisissez un nouveau mot de passe d&apos;au moins 8 caractères qui contient au moins une majuscule, un chiffre et un caractère spécial (#,&#xa0;!, $, &amp;, etc.). Le caractère spécial ne peut pas être au début du mot de passe. Vous serez ensuite dirigé vers une autre page pour ouvrir votre session.

Si votre compte est verrouillé, je peux le déverrouiller pour vous.</source>
        <translation>If you forgot your password and enter a wrong one, the site shows: “L&apos;adresse courriel ou le mot de passe n&apos;est pas valide. Veuillez vérifier les renseignements fournis.” (the email address or password is not valid).

Here is how to sign in:
• Click “J&apos;ai oublié mon mot de passe” (I forgot my password) and enter the email address you used when you signed up. You will receive a link to click at that address.
• Click the link and, in the form that opens, enter a new password of at least 8 characters with at least one uppercase letter, one digit and one special character (#, !, $, &amp;, etc.). The special character cannot be the first one. You will then be taken to another page to sign in.

If your account is locked, I can unlock it for you.</translation>
    </message>
    <message>
        <source>Il peut s&apos;écouler quelques minutes avant que le courriel de confirmation arrive, en particulier avec les comptes de messagerie Hotmail. Attendez quelques instants et, au besoin, actualisez votre boîte de réception.

Vérifiez également votre boîte de courriers indésirables&#xa0;: votre messagerie a pu y diriger le courriel de confirmation.

Si, après ces vérifications, le courriel ne vous a toujours pas été acheminé, je peux vous le renvoyer.</source>
        <translation>The confirmation email can take a few minutes to arrive, especially with Hotmail accounts. Wait a moment and, if needed, refresh your inbox.

Also check your junk mail folder: your email service may have put the confirmation email there.

If after these checks the email still has not reached you, I can send it again.</translation>
    </message>
    <message>
        <source>Il est impossible de modifier une adresse courriel, puisqu&apos;il s&apos;agit de l&apos;identifiant unique de votre compte. Si vous souhaitez utiliser une autre adresse courriel, vous devez vous créer un nouveau Dossier loisir.</source>
        <translation>An email address cannot be changed, because it is your account&apos;s unique identifier. If you want to use another email address, you need to create a new Dossier loisir.</translation>
    </message>
    <message>
        <source>Pour retirer un membre de votre Dossier loisir, vous devez communiquer avec votre bureau d&apos;arrondissement.</source>
        <translation>To remove a member from your Dossier loisir, you need to contact your borough office.</translation>
    </message>
    <message>
        <source>Si vous avez de la difficulté à accéder à Mes loisirs en ligne, assurez-vous d&apos;avoir désactivé votre bloqueur de fenêtres publicitaires.

Assurez-vous également que votre navigateur est pris en charge par le site d&apos;inscription en ligne. Les navigateurs compatibles sont&#xa0;:
• Internet Explorer 10 et 11, et Edge (PC)&#xa0;;
• Firefox 17 (Linux, Mac et PC), 24, 31 et 43&#xa0;;
• Chrome 31 (Linux, Mac et PC), 33, 40, 47 et 49 (PC et tablette Android)&#xa0;;
• Safari 7, 8, 9 et 10 (Mac, iPad et iPhone).

Une autre version de ces logiciels ou un autre navigateur pourrait causer des problèmes.</source>
        <translation>If you have trouble reaching Mes loisirs en ligne, make sure your pop-up blocker is turned off.

Also make sure the online registration site supports your browser. The compatible browsers are:
• Internet Explorer 10 and 11, and Edge (PC);
• Firefox 17 (Linux, Mac and PC), 24, 31 and 43;
• Chrome 31 (Linux, Mac and PC), 33, 40, 47 and 49 (PC and Android tablet);
• Safari 7, 8, 9 and 10 (Mac, iPad and iPhone).

Other versions of these programs, or another browser, may cause problems.</translation>
    </message>
    <message>
        <source>Le site peut afficher qu&apos;un cours n&apos;est pas complet alors que les places qui restent sont réservées dans les paniers d&apos;autres personnes.

Je vérifie maintenant s&apos;il reste réellement de la place à cette activité. S&apos;il en reste, je peux procéder à votre inscription. S&apos;il ne reste plus de place, votre demande ira sur une liste d&apos;attente et on vous avisera si une place se libère.</source>
        <translation>The site can show a course as not full while the remaining places are held in other people&apos;s carts.

I am checking now whether there really is a place left in this activity. If there is, I can register you. If there is no place left, you will be put on a waitlist and we will let you know if a place frees up.</translation>
    </message>
    <message>
        <source>Ce message apparaît lorsque quelque chose retient déjà cette personne pour cette activité&#xa0;: une inscription, un autre panier ou une place sur une liste d&apos;attente.

Je vais vérifier ce qui la retient et corriger la situation avec vous.</source>
        <translation>This message appears when something already holds this person for this activity: a registration, another cart or a place on a waitlist.

I will check what is holding them and fix it with you.</translation>
    </message>
    <message>
        <source>Les éléments sélectionnés dans votre panier sont réservés pendant 20 minutes. L&apos;heure limite est indiquée dans la page de gestion du panier. Vous pouvez demander un délai supplémentaire de 20 minutes, à une seule reprise.

Chaque modification à votre panier (ajout, retrait, etc.) allonge la durée de la réservation.

Lorsque le délai est écoulé, les activités sont libérées et redeviennent disponibles pour les autres personnes.</source>
        <translation>The items you select in your cart are held for 20 minutes. The deadline is shown on the cart management page. You can ask for 20 more minutes, once.

Every change to your cart (adding, removing, etc.) extends the hold.

When the time is up, the activities are released and become available to other users again.</translation>
    </message>
    <message>
        <source>Après le paiement, une page de confirmation affiche le message «&#xa0;Paiement effectué avec succès – Confirmation de paiement&#xa0;».

Cette page présente aussi un reçu qui indique vos inscriptions aux activités. Vous pouvez imprimer ce reçu ou le recevoir par courriel. Ce document est la preuve de votre inscription.

Si aucun message de confirmation ne s&apos;est affiché ou si votre reçu indique «&#xa0;Paiement refusé&#xa0;», l&apos;inscription n&apos;a pas été faite&#xa0;: il faudra la refaire. Si le problème persiste, communiquez avec l&apos;institution financière qui vous a délivré votre carte de crédit pour connaître la raison du refus.</source>
        <translation>After payment, a confirmation page shows the message “Paiement effectué avec succès – Confirmation de paiement” (payment successful – payment confirmation).

That page also shows a receipt listing the activities you are registered for. You can print this receipt or receive it by email. This document is the proof of your registration.

If no confirmation message appeared, or if your receipt says “Paiement refusé” (payment declined), you are not registered: you will need to register again. If the problem persists, contact the financial institution that issued your credit card to find out why the payment was declined.</translation>
    </message>
    <message>
        <source>Par mesure de sécurité, le site de paiement CT-Paiement n&apos;est plus compatible avec Windows XP. Pour payer, utilisez un ordinateur qui a un autre système d&apos;exploitation&#xa0;: Windows 7, Windows 8.1 ou Mac OS.

Autrement, les difficultés de paiement viennent habituellement de l&apos;une de ces raisons&#xa0;:
• seules les cartes de crédit VISA et Mastercard sont acceptées&#xa0;;
• une erreur s&apos;est glissée dans le numéro de la carte&#xa0;;
• le numéro de la carte a été saisi avec des tirets ou des espaces&#xa0;;
• la carte de crédit est expirée&#xa0;;
• le code de validation (3 chiffres au dos de la carte) n&apos;a pas été saisi correctement.

Vérifiez ces points. Si le problème persiste, communiquez avec l&apos;institution financière qui vous a délivré votre carte de crédit.</source>
        <translation>For security reasons, the CT-Paiement payment site no longer works with Windows XP. To pay, use a computer with another operating system: Windows 7, Windows 8.1 or Mac OS.

Otherwise, payment trouble usually comes from one of these reasons:
• only VISA and Mastercard credit cards are accepted;
• there is a mistake in the card number;
• the card number was typed with dashes or spaces;
• the credit card has expired;
• the validation code (the 3 digits on the back of the card) was not entered correctly.

Please check these points. If the problem persists, contact the financial institution that issued your credit card.</translation>
    </message>
    <message>
        <source>Lorsque vous cliquez sur «&#xa0;Passer à la caisse&#xa0;», une communication s&apos;établit avec le site de transaction CT-Paiement. Si votre panier est verrouillé, c&apos;est probablement que votre navigateur a été fermé par accident&#xa0;: la transaction ne peut alors pas continuer.

Il faut attendre la fin du délai inscrit sur le compteur avant de reprendre le paiement. Une fois ce délai passé, vous serez de retour dans votre panier et pourrez payer.

Pouvez-vous me donner le numéro de votre panier&#xa0;? Je vais vérifier auprès du site de paiement si le paiement a été effectué.</source>
        <translation>When you click “Passer à la caisse” (checkout), a connection opens with the CT-Paiement transaction site. If your cart is locked, your browser was probably closed by accident: the transaction cannot continue.

You need to wait until the time shown on the counter runs out before paying again. Once it has, you will be back in your cart and can pay.

Could you give me your cart number? I will check with the payment site whether the payment went through.</translation>
    </message>
    <message>
        <source>La liste des personnes qui peuvent payer présente tous les membres de la famille dont le lien avec la personne responsable du dossier est autre que «&#xa0;Enfant&#xa0;». Les choix possibles sont les libellés du site&#xa0;:
• «&#xa0;Conjoint et parent des enfants&#xa0;»
• «&#xa0;Conjoint&#xa0;»
• «&#xa0;Père ou mère du responsable de dossier&#xa0;»
• «&#xa0;Autre&#xa0;»

Si la personne que vous voulez indiquer pour payer n&apos;apparaît pas dans la liste, il faut modifier son lien de parenté avec la personne responsable du dossier.

Notez que le reçu est délivré au nom de la personne indiquée pour payer, quelle que soit la carte de crédit utilisée. Les parents peuvent donc utiliser la carte de l&apos;un ou de l&apos;autre.</source>
        <translation>The payer list shows every family member whose relationship to the person responsible for the file is other than “Enfant” (child). The possible choices are:
• Conjoint et parent des enfants (spouse and parent of the children)
• Conjoint (spouse)
• Père ou mère du responsable de dossier (father or mother of the person responsible)
• Autre (other)

If the person you want to name as payer is not in the list, their relationship to the person responsible for the file must be changed.

Please note that the receipt is issued in the name of the person named as payer, whichever credit card is used. So parents can use either one&apos;s card.</translation>
    </message>
    <message>
        <source>La personne responsable du dossier doit obligatoirement être celle qui paie les activités du Programme Vacances-Été (PVE), de la semaine de relâche et les ateliers préscolaires, parce qu&apos;un relevé 24 est délivré pour ces activités, pour les crédits d&apos;impôt.

Le numéro d&apos;assurance sociale inscrit au dossier est celui de la personne responsable du dossier. Si une autre personne paie, le relevé 24 ne pourra pas être délivré.</source>
        <translation>The person responsible for the file must be the one who pays for the Programme Vacances-Été (PVE, summer day camp), spring break week and preschool workshop activities, because an RL-24 slip is issued for these activities, for tax credits.

The social insurance number on file is that of the person responsible for the file. If someone else pays, the RL-24 slip cannot be issued.</translation>
    </message>
    <message>
        <source>Si vous avez perdu votre reçu d&apos;inscription, vous pouvez en imprimer un nouveau avec le numéro de votre panier et le numéro du propriétaire du panier fournis lors de la transaction.

Rendez-vous sur le site «&#xa0;Mes loisirs en ligne&#xa0;» et cliquez sur l&apos;onglet «&#xa0;Panier&#xa0;», en haut de la page. Dans la page «&#xa0;Panier&#xa0;», remplissez le formulaire «&#xa0;Pour réimprimer votre reçu d&apos;inscription&#xa0;» avec votre numéro de panier et le numéro du propriétaire du panier, puis cliquez sur «&#xa0;Soumettre&#xa0;».

Si vous n&apos;avez pas conservé ces numéros, je peux les retrouver pour vous.</source>
        <translation>If you lost your registration receipt, you can print a new one with your cart number and the cart owner&apos;s number given during the transaction.

Go to the “Mes loisirs en ligne” site and click the “Panier” (cart) tab at the top of the page. On the “Panier” page, fill in the form “Pour réimprimer votre reçu d&apos;inscription” (to reprint your registration receipt) with your cart number and the cart owner&apos;s number, then click “Soumettre” (submit).

If you did not keep these numbers, I can find them for you.</translation>
    </message>
    <message>
        <source>Aucune réponse de la foire aux questions ne correspond à ce motif. Écoutez la demande et résumez-la dans la note d&apos;appel.</source>
        <translation>No FAQ answer matches this reason. Listen to the request and sum it up in the call note.</translation>
    </message>
    <message>
        <source>Vérifiez l&apos;identité de la personne qui appelle, puis envoyez le lien de réinitialisation à l&apos;adresse au dossier ou déverrouillez le compte. Ne demandez, ne voyez et ne choisissez jamais un mot de passe.</source>
        <translation>Verify the caller&apos;s identity, then send the reset link to the address on file or unlock the account. Never ask for, see or choose a password.</translation>
    </message>
    <message>
        <source>L&apos;onglet «&#xa0;Courriels envoyés&#xa0;» montre chaque message et son état de livraison&#xa0;; renvoyez la confirmation à l&apos;adresse au dossier au besoin.</source>
        <translation>The “Emails sent” tab shows every message and its delivery state; resend the confirmation to the address on file if needed.</translation>
    </message>
    <message>
        <source>La console ne permet pas de modifier l&apos;adresse courriel&#xa0;: c&apos;est l&apos;identifiant du compte.</source>
        <translation>The console cannot change the email address: it is the account&apos;s identifier.</translation>
    </message>
    <message>
        <source>Seul le personnel du bureau d&apos;arrondissement retire un membre. Lisez l&apos;avis de collecte avant de modifier le dossier.</source>
        <translation>Only a borough-office clerk removes a member. Read the collection notice before changing the file.</translation>
    </message>
    <message>
        <source>Notez le navigateur et sa version dans la note d&apos;appel.</source>
        <translation>Write the browser and its version in the call note.</translation>
    </message>
    <message>
        <source>Consultez les places réelles (capacité moins inscriptions, réservations en panier et offres)&#xa0;; inscrivez la personne s&apos;il reste une place, sinon sur la liste d&apos;attente.</source>
        <translation>Check the real places left (capacity minus registrations, cart holds and offers); register the caller if a place remains, otherwise put them on the waitlist.</translation>
    </message>
    <message>
        <source>Cherchez l&apos;inscription, le panier ou la liste d&apos;attente qui retient ce membre pour cette activité, et réglez celui qui est périmé.</source>
        <translation>Find the registration, cart or waitlist entry holding this member on this activity, and fix the stale one.</translation>
    </message>
    <message>
        <source>L&apos;onglet «&#xa0;Paniers&#xa0;» montre l&apos;heure limite de chaque réservation et si la prolongation a déjà été utilisée.</source>
        <translation>The “Carts” tab shows each hold&apos;s deadline and whether the extension was already used.</translation>
    </message>
    <message>
        <source>Une inscription n&apos;existe qu&apos;après un paiement réussi&#xa0;: voyez les onglets «&#xa0;Inscriptions&#xa0;» et «&#xa0;Paiements&#xa0;».</source>
        <translation>A registration exists only after a successful payment: see the “Registrations” and “Payments” tabs.</translation>
    </message>
    <message>
        <source>Ne notez jamais le numéro complet de la carte ni le code de validation.</source>
        <translation>Never write down the full card number or the validation code.</translation>
    </message>
    <message>
        <source>Ne libérez le panier qu&apos;après avoir demandé au site de paiement si le paiement est passé.</source>
        <translation>Release the cart only after asking the payment site whether the payment went through.</translation>
    </message>
    <message>
        <source>Lisez l&apos;avis de collecte, puis modifiez le lien de parenté du membre, avec un motif.</source>
        <translation>Read the collection notice, then change the member&apos;s relationship, with a reason.</translation>
    </message>
    <message>
        <source>Le NAS reste masqué&#xa0;; chaque affichage complet est journalisé. Lisez l&apos;avis de collecte avant de le recueillir.</source>
        <translation>The SIN stays masked; every full display is logged. Read the collection notice before collecting it.</translation>
    </message>
    <message>
        <source>Le numéro de panier et le numéro du propriétaire sont dans l&apos;onglet «&#xa0;Paniers&#xa0;».</source>
        <translation>The cart number and the owner&apos;s number are in the “Carts” tab.</translation>
    </message>
    <message>
        <source>Décrivez la demande dans la note&#xa0;: elle reste au dossier.</source>
        <translation>Describe the request in the note: it stays on file.</translation>
    </message>
    <message>
        <source>Les renseignements que je vais vous demander sont recueillis par la Ville de Québec pour gérer votre Dossier loisir et vos inscriptions aux activités de loisir. Seul le personnel autorisé de la Ville y a accès, lorsque son travail l&apos;exige. Vous n&apos;êtes pas obligé de répondre, mais sans ces renseignements, nous pourrions ne pas être en mesure de traiter votre demande. Vous avez le droit de consulter les renseignements qui vous concernent et de les faire corriger.</source>
        <translation>The information I am about to ask for is collected by the Ville de Québec to manage your Dossier loisir and your registrations for recreation activities. Only authorized City staff can see it, when their work requires it. You do not have to answer, but without this information we may not be able to handle your request. You have the right to see the information about you and to have it corrected.</translation>
    </message>
    <message>
        <source>{number} — {title}</source>
        <translation>{number} — {title}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Ce dossier loisir n&apos;existe plus (no {id}).</source>
        <translation>This household no longer exists (no. {id}).</translation>
    </message>
    <message>
        <source>Aucun membre du personnel actif n&apos;a l&apos;identifiant «&#xa0;{username}&#xa0;».</source>
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
        <translation>The database is not responding. Check the connection, then try again.</translation>
    </message>
    <message>
        <source>Aucun membre du personnel n&apos;est défini dans la base de données.</source>
        <translation>No staff member is defined in the database.</translation>
    </message>
    <message>
        <source>Une règle refuse cette action.</source>
        <translation>A rule does not allow this action.</translation>
    </message>
    <message>
        <source>Erreur inattendue&#xa0;: l&apos;action n&apos;a pas abouti. Réessayez&#xa0;; si l&apos;erreur revient, signalez-la au soutien informatique avec l&apos;heure.</source>
        <translation>Unexpected error: the action did not go through. Try again; if the error comes back, report it to IT support with the time it happened.</translation>
    </message>
    <message>
        <source>Ce que vous cherchez n&apos;existe pas ou n&apos;existe plus.</source>
        <translation>What you are looking for does not exist, or no longer does.</translation>
    </message>
    <message>
        <source>Action refusée. Si cela vous semble une erreur, signalez-le au soutien informatique avec l&apos;heure.</source>
        <translation>Action refused. If this looks wrong to you, report it to IT support with the time it happened.</translation>
    </message>
    <message>
        <source>Un service externe ne répond pas. Réessayez dans un instant.</source>
        <translation>An external service is not responding. Try again in a moment.</translation>
    </message>
    <message>
        <source>Identifiant ou mot de passe refusé.</source>
        <translation>Username or password refused.</translation>
    </message>
    <message>
        <source>Trop d&apos;essais refusés&#xa0;: ce compte est bloqué pour quelques minutes. Réessayez plus tard ou appelez votre chef d&apos;équipe.</source>
        <translation>Too many refused attempts: this account is locked for a few minutes. Try again later or call your supervisor.</translation>
    </message>
    <message>
        <source>Votre session a pris fin. Connectez-vous de nouveau pour continuer.</source>
        <translation>Your session has ended. Sign in again to continue.</translation>
    </message>
    <message>
        <source>Le serveur de la console ne répond pas. Vérifiez le réseau puis réessayez.</source>
        <translation>The console server is not responding. Check the network, then try again.</translation>
    </message>
    <message>
        <source>Le serveur de la console tarde à répondre. Vérifiez le résultat avant de réessayer.</source>
        <translation>The console server is slow to respond. Check the outcome before trying again.</translation>
    </message>
    <message>
        <source>Le serveur de la console n&apos;a pas pu traiter la demande. Réessayez dans un instant.</source>
        <translation>The console server could not handle the request. Try again in a moment.</translation>
    </message>
    <message>
        <source>La demande n&apos;a pas pu être lue par le serveur. Réessayez ou signalez-le.</source>
        <translation>The server could not read the request. Try again or report it.</translation>
    </message>
    <message>
        <source>Trop de tentatives de connexion viennent de ce réseau en ce moment. Réessayez dans {seconds}&#xa0;s.</source>
        <translation>Too many sign-in attempts are coming from this network right now. Try again in {seconds} s.</translation>
    </message>
    <message>
        <source>La base de données refuse la connexion du serveur de la console (nom d&apos;utilisateur ou mot de passe refusé). Avisez l&apos;équipe d&apos;administration du serveur.</source>
        <translation>The database refuses the console server&apos;s login (user name or password refused). Tell the server&apos;s administrator.</translation>
    </message>
    <message>
        <source>Cette console ne se connecte pas directement à la base de données&#xa0;: indiquez l&apos;adresse du serveur de la console (server_url) dans ses réglages.</source>
        <translation>This console does not connect to the database directly: set the console server&apos;s address (server_url) in its settings.</translation>
    </message>
</context>
<context>
    <name>places</name>
    <message>
        <source>&amp;Inscrire par téléphone…</source>
        <translation>&amp;Register by phone…</translation>
    </message>
    <message>
        <source>&amp;Déjà une inscription&#xa0;? (F7)…</source>
        <translation>&amp;Already registered? (F7)…</translation>
    </message>
    <message>
        <source>&amp;Libérer un panier verrouillé…</source>
        <translation>Re&amp;lease a locked cart…</translation>
    </message>
    <message>
        <source>A&amp;ctivités</source>
        <translation>A&amp;ctivities</translation>
    </message>
    <message>
        <source>&amp;Places d&apos;une activité…</source>
        <translation>&amp;Places in an activity…</translation>
    </message>
    <message>
        <source>&amp;Liste d&apos;attente (supervision)…</source>
        <translation>&amp;Waiting list (supervisor)…</translation>
    </message>
    <message>
        <source>Places d&apos;une activité</source>
        <translation>Places in an activity</translation>
    </message>
    <message>
        <source>Revue de la liste d&apos;attente</source>
        <translation>Waiting list review</translation>
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
        <source>Panier&#xa0;:</source>
        <translation>Cart:</translation>
    </message>
    <message>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Raison (consignée)&#xa0;:</source>
        <translation>Reason (recorded):</translation>
    </message>
    <message>
        <source>Libérer le panier verrouillé</source>
        <translation>Release the locked cart</translation>
    </message>
    <message>
        <source>Libérer le panier {cart}&#xa0;? Le site de paiement est consulté d&apos;abord&#xa0;; sans paiement réussi, les places redeviennent libres.</source>
        <translation>Release cart {cart}? The payment site is asked first; without a successful payment, the places become free again.</translation>
    </message>
    <message>
        <source>Le paiement du panier {cart} avait réussi&#xa0;: l&apos;inscription est complétée (reçu {receipt}).</source>
        <translation>The payment of cart {cart} had gone through: the registration is completed (receipt {receipt}).</translation>
    </message>
    <message>
        <source>Le site de paiement confirme qu&apos;aucun paiement n&apos;a abouti&#xa0;: le panier {cart} est déverrouillé.</source>
        <translation>The payment site confirms no payment went through: cart {cart} is unlocked.</translation>
    </message>
    <message>
        <source>Une place pourrait se libérer à {at}.</source>
        <translation>A place may free up at {at}.</translation>
    </message>
    <message>
        <source>{min} à {max}&#xa0;ans</source>
        <translation>{min} to {max} years</translation>
    </message>
    <message>
        <source>{min}&#xa0;ans et plus</source>
        <translation>{min} years and over</translation>
    </message>
    <message>
        <source>jusqu&apos;à {max}&#xa0;ans</source>
        <translation>up to {max} years</translation>
    </message>
    <message>
        <source>tous âges</source>
        <translation>all ages</translation>
    </message>
    <message>
        <source>Ce membre a {age}&#xa0;ans&#xa0;; cette activité accepte {ages}&#xa0;: ce membre ne peut pas s&apos;y inscrire.</source>
        <translation>This member is {age}; this activity accepts {ages}: they cannot be registered in it.</translation>
    </message>
    <message>
        <source>Places réellement libres&#xa0;: {remaining} sur {capacity}. On peut inscrire la personne.</source>
        <translation>Places actually available: {remaining} of {capacity}. The registration can go ahead.</translation>
    </message>
    <message>
        <source>Places libres selon le site&#xa0;: {site}, mais aucune n&apos;est vraiment libre. Retenues dans des paniers&#xa0;: {carts}&#xa0;; en paiement&#xa0;: {checkout}&#xa0;; offertes à la liste d&apos;attente&#xa0;: {offers}.</source>
        <translation>Free places according to the site: {site}, but none is really free. Held in carts: {carts}; at checkout: {checkout}; offered to the waiting list: {offers}.</translation>
    </message>
    <message>
        <source>Places libres selon le site&#xa0;: {site}, mais toutes sont offertes à des personnes de la liste d&apos;attente.</source>
        <translation>Free places according to the site: {site}, but all of them are offered to people on the waiting list.</translation>
    </message>
    <message>
        <source>Activité complète. Inscriptions&#xa0;: {confirmed}&#xa0;; capacité&#xa0;: {capacity}. La demande ira sur la liste d&apos;attente (déjà en attente&#xa0;: {waiting}).</source>
        <translation>Activity full. Registrations: {confirmed}; capacity: {capacity}. The request goes on the waiting list (already waiting: {waiting}).</translation>
    </message>
    <message>
        <source>Ce membre a déjà une inscription à cette activité.</source>
        <translation>This member already has a registration in this activity.</translation>
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
        <source>Une place est offerte à ce membre pour cette activité&#xa0;: acceptez l&apos;offre plutôt que de l&apos;inscrire de nouveau.</source>
        <translation>A place is offered to this member for this activity: accept the offer rather than registering them again.</translation>
    </message>
    <message>
        <source>Le délai supplémentaire de 20 minutes a déjà été accordé pour ce panier.</source>
        <translation>The extra 20 minutes were already granted for this cart.</translation>
    </message>
    <message>
        <source>Le délai du panier est écoulé&#xa0;: les places ont été libérées.</source>
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
        <source>Ce panier est en paiement&#xa0;: utilisez «&#xa0;Libérer le panier verrouillé&#xa0;».</source>
        <translation>This cart is at checkout: use “Release a locked cart”.</translation>
    </message>
    <message>
        <source>Le panier est vide.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message>
        <source>Le site de paiement ne répond pas&#xa0;: impossible de savoir si le paiement a réussi. Le panier reste verrouillé&#xa0;; réessayez dans quelques minutes.</source>
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
        <source>Ce membre a été retiré du Dossier loisir&#xa0;: l&apos;offre ne peut pas lui être donnée.</source>
        <translation>This member was removed from the family file: the offer cannot go to them.</translation>
    </message>
    <message>
        <source>Un paiement est déjà en cours pour le panier {cart} avec une autre personne qui paie&#xa0;: vérifiez d&apos;abord son état auprès du site de paiement.</source>
        <translation>A payment is already under way for cart {cart} with another payer: first check its status with the payment site.</translation>
    </message>
    <message>
        <source>Le panier {cart} vient de changer (paiement réglé entre-temps)&#xa0;: réessayez.</source>
        <translation>Cart {cart} has just changed (its payment was settled meanwhile): try again.</translation>
    </message>
    <message>
        <source>Une inscription payée ne se libère pas ici&#xa0;: c&apos;est une annulation.</source>
        <translation>A paid registration cannot be released here: that would be a cancellation.</translation>
    </message>
    <message>
        <source>Cette activité n&apos;existe plus. Relancez la recherche d&apos;activités, puis réessayez.</source>
        <translation>This activity no longer exists. Search the activities again, then try again.</translation>
    </message>
    <message>
        <source>Ce membre ou cette activité n&apos;existe plus. Rouvrez le dossier, puis réessayez.</source>
        <translation>This member or this activity no longer exists. Open the household again, then try again.</translation>
    </message>
    <message>
        <source>Ce panier n&apos;existe plus. Rouvrez le dossier pour voir ses paniers à jour.</source>
        <translation>This cart no longer exists. Open the household again to see its carts as they are now.</translation>
    </message>
    <message>
        <source>Cette activité n&apos;est plus réservée dans le panier (retirée ou délai écoulé). Rouvrez le panier pour voir son contenu à jour.</source>
        <translation>This activity is no longer held in the cart (removed, or its time ran out). Open the cart again to see what it holds now.</translation>
    </message>
    <message>
        <source>Le panier {cart} appartient à un autre dossier&#xa0;: il ne peut pas être modifié à partir de celui-ci. Vérifiez le numéro du panier avec la personne qui appelle.</source>
        <translation>Cart {cart} belongs to another household: it cannot be changed from this one. Check the cart number with the caller.</translation>
    </message>
    <message>
        <source>Ce panier appartient à un autre dossier&#xa0;: il ne peut pas être modifié à partir de celui-ci. Vérifiez le numéro du panier avec la personne qui appelle.</source>
        <translation>This cart belongs to another household: it cannot be changed from this one. Check the cart number with the caller.</translation>
    </message>
    <message>
        <source>Ce panier n&apos;est plus en paiement&#xa0;: il est déjà revenu à la famille ou il est terminé. Rouvrez le panier pour voir son état.</source>
        <translation>This cart is no longer at checkout: it is already back in the family&apos;s hands, or it is finished. Open the cart again to see its state.</translation>
    </message>
    <message>
        <source>Le panier {cart} ne peut plus être payé&#xa0;: son délai est écoulé ou il n&apos;est pas en paiement. Rien n&apos;a été débité. Rouvrez le panier pour voir son état.</source>
        <translation>Cart {cart} can no longer be paid: its time ran out or it is not at checkout. Nothing was charged. Open the cart again to see its state.</translation>
    </message>
    <message>
        <source>La carte n&apos;a pas été soumise au site de paiement et rien n&apos;a été débité. Corrigez la saisie avec la personne qui appelle.</source>
        <translation>The card was not sent to the payment site and nothing was charged. Correct what was keyed with the caller.</translation>
    </message>
    <message>
        <source>Aucun paiement n&apos;est en attente pour ce panier&#xa0;: il n&apos;y a rien à vérifier auprès du site de paiement. Rouvrez le panier pour voir son état.</source>
        <translation>No payment is pending for this cart: there is nothing to check with the payment site. Open the cart again to see its state.</translation>
    </message>
    <message>
        <source>Ce paiement est introuvable dans la console. Vérifiez l&apos;état du panier avant de recommencer le paiement.</source>
        <translation>The console cannot find this payment. Check the cart&apos;s state before taking the payment again.</translation>
    </message>
    <message>
        <source>Le site de paiement n&apos;est pas configuré sur le serveur de la console&#xa0;: aucun paiement n&apos;est possible pour l&apos;instant. Avisez l&apos;équipe d&apos;administration du serveur.</source>
        <translation>The payment site is not set up on the console server: no payment can be taken for now. Tell the server&apos;s administrator.</translation>
    </message>
    <message>
        <source>Cette personne n&apos;est plus en attente sur cette liste (déjà traitée ou retirée). Rouvrez la liste d&apos;attente pour la voir à jour.</source>
        <translation>This person is no longer waiting on this list (already dealt with, or removed). Open the waitlist again to see it as it is now.</translation>
    </message>
</context>
<context>
    <name>presence</name>
    <message>
        <source>{name} consulte aussi ce dossier</source>
        <translation>{name} is also viewing this household</translation>
    </message>
    <message>
        <source>{names} et {last} consultent aussi ce dossier</source>
        <translation>{names} and {last} are also viewing this household</translation>
    </message>
</context>
<context>
    <name>sin</name>
    <message>
        <source>Seul le personnel du bureau d&apos;arrondissement du dossier ou de la supervision peut révéler un NAS.</source>
        <translation>Only staff of the household&apos;s borough office or supervision may reveal a SIN.</translation>
    </message>
    <message>
        <source>Aucun NAS n&apos;est au dossier de {name}.</source>
        <translation>No SIN is on file for {name}.</translation>
    </message>
    <message>
        <source>Le serveur ne peut pas lire le NAS de {name}&#xa0;: la clé qui l&apos;a chiffré lui manque. Avisez l&apos;équipe d&apos;administration du serveur.</source>
        <translation>The server cannot read {name}&apos;s SIN: it lacks the key that encrypted it. Tell the server&apos;s administrator.</translation>
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
        <source>Vérifiez d&apos;abord l&apos;identité de la personne qui appelle (Ctrl+Maj+V).</source>
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
        <source>Ce compte est déjà confirmé&#xa0;: aucun courriel de confirmation n&apos;est nécessaire.</source>
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
        <source>La personne responsable du dossier ne change pas&#xa0;: on ne peut ni lui retirer ce rôle ni le donner à un autre membre.</source>
        <translation>The person responsible for the household does not change: the role can neither be taken away nor given to another member.</translation>
    </message>
    <message>
        <source>Ce membre a déjà ce lien de parenté.</source>
        <translation>This member already has this relationship.</translation>
    </message>
    <message>
        <source>On ne peut pas retirer la personne responsable du dossier.</source>
        <translation>The person responsible for the household cannot be removed.</translation>
    </message>
    <message>
        <source>{name} ne fait déjà plus partie du dossier.</source>
        <translation>{name} was already removed from the household.</translation>
    </message>
    <message>
        <source>Ce membre n&apos;existe plus dans ce dossier.</source>
        <translation>This member no longer exists in this household.</translation>
    </message>
    <message>
        <source>On ne peut pas retirer {name} du dossier pour l&apos;instant&#xa0;:</source>
        <translation>{name} cannot be removed for now:</translation>
    </message>
    <message>
        <source>inscription à venir à {code} {title} (saison jusqu&apos;au {ends})&#xa0;;</source>
        <translation>upcoming registration in {code} {title} (season until {ends});</translation>
    </message>
    <message>
        <source>réservation en cours dans le panier {cart} pour {code} {title}&#xa0;;</source>
        <translation>current hold in cart {cart} for {code} {title};</translation>
    </message>
    <message>
        <source>liste d&apos;attente de {code} {title}&#xa0;;</source>
        <translation>waitlist of {code} {title};</translation>
    </message>
    <message>
        <source>Seul le bureau de l&apos;arrondissement du dossier peut retirer un membre (F4).</source>
        <translation>Only the household&apos;s borough office can remove a member (F4).</translation>
    </message>
    <message>
        <source>Un autre membre du personnel vient de modifier ce dossier. Le dossier a été rechargé&#xa0;: vérifiez-le, puis refaites le changement au besoin.</source>
        <translation>Another staff member just changed this household. It was reloaded: check it, then make the change again if needed.</translation>
    </message>
    <message>
        <source>Ce lien de réinitialisation n&apos;est plus valide (déjà utilisé, remplacé par un plus récent ou expiré). Envoyez un nouveau lien à la personne qui appelle.</source>
        <translation>This reset link is no longer valid (already used, replaced by a newer one, or expired). Send the caller a new link.</translation>
    </message>
    <message>
        <source>Ce mot de passe n&apos;est pas accepté. Règles non respectées&#xa0;:</source>
        <translation>This password is not accepted. Rules not met:</translation>
    </message>
    <message>
        <source>au moins 8 caractères&#xa0;;</source>
        <translation>at least 8 characters;</translation>
    </message>
    <message>
        <source>au moins une lettre majuscule&#xa0;;</source>
        <translation>at least one uppercase letter;</translation>
    </message>
    <message>
        <source>au moins un chiffre&#xa0;;</source>
        <translation>at least one digit;</translation>
    </message>
    <message>
        <source>au moins un caractère spécial (#,&#xa0;!, $, &amp;, etc.)&#xa0;;</source>
        <translation>at least one special character (#, !, $, &amp;, etc.);</translation>
    </message>
    <message>
        <source>le caractère spécial ne peut pas être le premier.</source>
        <translation>the special character cannot be the first one.</translation>
    </message>
</context>
<context>
    <name>text_messages</name>
    <message>
        <source>la recherche</source>
        <translation>the search</translation>
    </message>
    <message>
        <source>la recherche d&apos;activité</source>
        <translation>the activity search</translation>
    </message>
    <message>
        <source>la raison</source>
        <translation>the reason</translation>
    </message>
    <message>
        <source>la note d&apos;appel</source>
        <translation>the call note</translation>
    </message>
    <message>
        <source>l&apos;adresse courriel</source>
        <translation>the email address</translation>
    </message>
    <message>
        <source>le code postal</source>
        <translation>the postal code</translation>
    </message>
    <message>
        <source>le numéro de dossier</source>
        <translation>the household number</translation>
    </message>
    <message>
        <source>l&apos;action</source>
        <translation>the action</translation>
    </message>
    <message>
        <source>l&apos;identifiant</source>
        <translation>the username</translation>
    </message>
    <message>
        <source>le nom</source>
        <translation>the name</translation>
    </message>
    <message>
        <source>le mot de passe</source>
        <translation>the password</translation>
    </message>
    <message>
        <source>l&apos;arrondissement</source>
        <translation>the borough</translation>
    </message>
    <message>
        <source>Le texte de {field} contient un caractère qui ne peut pas être enregistré (caractère de contrôle ou caractère invalide). Retirez-le, puis réessayez.</source>
        <translation>The text of {field} contains a character that cannot be saved (a control character or an invalid character). Remove it, then try again.</translation>
    </message>
    <message>
        <source>Le texte de {field} est trop long&#xa0;: {max} caractères au plus.</source>
        <translation>The text of {field} is too long: {max} characters at most.</translation>
    </message>
    <message>
        <source>Un paiement de ce panier est peut-être encore en cours chez CT-Paiement&#xa0;: le panier ne peut pas être libéré avant {at}. Réessayez à ce moment.</source>
        <translation>A payment for this cart may still be in progress at CT-Paiement: the cart cannot be released before {at}. Try again then.</translation>
    </message>
</context>
</TS>
