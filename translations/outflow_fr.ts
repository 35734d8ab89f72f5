<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ActivationPlanner</name>
    <message>
        <source>The destination no longer exists: another window or outflowctl removed it.</source>
        <translation>La destination n’existe plus : une autre fenêtre ou outflowctl l’a supprimée.</translation>
    </message>
    <message>
        <source>The destination no longer exists.</source>
        <translation>La destination n’existe plus.</translation>
    </message>
    <message>
        <source>Select at least one audience to activate.</source>
        <translation>Sélectionnez au moins une audience à activer.</translation>
    </message>
    <message>
        <source>Attribute “%1”: %2.</source>
        <translation>Attribut « %1 » : %2.</translation>
    </message>
    <message>
        <source>Attribute “%1” is mapped twice.</source>
        <translation>L’attribut « %1 » est mappé deux fois.</translation>
    </message>
    <message>
        <source>Only one attribute can be the unique identifier.</source>
        <translation>Un seul attribut peut être l’identifiant unique.</translation>
    </message>
</context>
<context>
    <name>ActivationService</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>the path is empty</source>
        <translation>le chemin est vide</translation>
    </message>
    <message>
        <source>field %1 is empty (a leading, trailing or double dot)</source>
        <translation>le champ %1 est vide (point au début, à la fin ou en double)</translation>
    </message>
    <message>
        <source>field %1 (“%2”) may hold only letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>le champ %1 (« %2 ») ne peut contenir que des lettres, des chiffres, « _ » et « - »</translation>
    </message>
    <message>
        <source>identities cannot be mapped: every export carries the whole identityMap</source>
        <translation>les identités ne peuvent pas être mappées : chaque exportation contient l’objet identityMap complet</translation>
    </message>
    <message>
        <source>memberships cannot be mapped: every export carries its segmentMembership</source>
        <translation>les appartenances ne peuvent pas être mappées : chaque exportation contient son objet segmentMembership</translation>
    </message>
    <message>
        <source>Could not read the destinations</source>
        <translation>Impossible de lire les destinations</translation>
    </message>
    <message>
        <source>There is no destination with the id or name “%1”.</source>
        <translation>Aucune destination n’a l’identifiant ou le nom « %1 ».</translation>
    </message>
    <message>
        <source>Could not read the audiences</source>
        <translation>Impossible de lire les audiences</translation>
    </message>
    <message>
        <source>--audience: there is no audience with the id or name “%1”.</source>
        <translation>--audience : aucune audience n’a l’identifiant ou le nom « %1 ».</translation>
    </message>
    <message>
        <source>--attribute “%1”: %2.</source>
        <translation>--attribute « %1 » : %2.</translation>
    </message>
    <message>
        <source>Could not read the dataflow</source>
        <translation>Impossible de lire le flux de données</translation>
    </message>
    <message>
        <source>Could not save the dataflow</source>
        <translation>Impossible d’enregistrer le flux de données</translation>
    </message>
    <message>
        <source>--audience: “%1” is not mapped to the destination “%2”.</source>
        <translation>--audience : « %1 » n’est pas mappée à la destination « %2 ».</translation>
    </message>
    <message>
        <source>The destination “%1” has no dataflow: activate audiences to it first.</source>
        <translation>La destination « %1 » n’a pas de flux de données : activez d’abord des audiences vers cette destination.</translation>
    </message>
    <message>
        <source>Could not read the dataflow&apos;s figures</source>
        <translation>Impossible de lire les chiffres du flux de données</translation>
    </message>
</context>
<context>
    <name>Activator</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Could not read the audiences</source>
        <translation>Impossible de lire les audiences</translation>
    </message>
    <message>
        <source>Could not read the dataflows</source>
        <translation>Impossible de lire les flux de données</translation>
    </message>
    <message>
        <source>Could not read the destinations</source>
        <translation>Impossible de lire les destinations</translation>
    </message>
    <message>
        <source>Could not read profile %1</source>
        <translation>Impossible de lire le profil %1</translation>
    </message>
    <message>
        <source>Could not read the memberships of profile %1</source>
        <translation>Impossible de lire les appartenances du profil %1</translation>
    </message>
    <message>
        <source>Could not queue an export of profile %1</source>
        <translation>Impossible de mettre en file d’attente une exportation du profil %1</translation>
    </message>
    <message>
        <source>Could not log an export of profile %1</source>
        <translation>Impossible de journaliser une exportation du profil %1</translation>
    </message>
    <message>
        <source>Could not log an exclusion of profile %1</source>
        <translation>Impossible de journaliser une exclusion du profil %1</translation>
    </message>
    <message>
        <source>Could not count an activation of dataflow %1</source>
        <translation>Impossible de comptabiliser une activation du flux de données %1</translation>
    </message>
    <message>
        <source>Could not read the activations of profile %1</source>
        <translation>Impossible de lire les activations du profil %1</translation>
    </message>
    <message>
        <source>Could not log a suppressed export of profile %1</source>
        <translation>Impossible de journaliser l’exportation supprimée du profil %1</translation>
    </message>
</context>
<context>
    <name>AlertRules</name>
    <message>
        <source>%1: %2 of deliveries failed in the last 5 minutes (threshold %3). Check the destination&apos;s delivery log for the endpoint&apos;s answers.</source>
        <translation>%1 : %2 des livraisons ont échoué au cours des 5 dernières minutes (seuil %3). Consultez le journal de livraison de la destination pour voir les réponses du point d’entrée.</translation>
    </message>
    <message>
        <source>%1: only %2 of exports were delivered in time over the last hour (target %3). Look at the backlog and the endpoint&apos;s latency.</source>
        <translation>%1 : seules %2 des exportations ont été livrées à temps au cours de la dernière heure (objectif %3). Examinez la file d’attente et la latence du point d’entrée.</translation>
    </message>
    <message>
        <source>%1: %2 of profiles were excluded over the last hour (threshold %3), most often for a missing mandatory attribute. Check the mapping&apos;s mandatory attributes.</source>
        <translation>%1 : %2 des profils ont été exclus au cours de la dernière heure (seuil %3), le plus souvent faute d’un attribut obligatoire. Vérifiez les attributs obligatoires du mappage.</translation>
    </message>
    <message>
        <source>%1: authentication failed %2 times in a row. Check the credentials in the keychain and the token endpoint.</source>
        <translation>%1 : l’authentification a échoué %2 fois de suite. Vérifiez les identifiants dans le trousseau et le point d’entrée du jeton.</translation>
    </message>
    <message>
        <source>%1: %2 of requests timed out in the last 5 minutes (threshold %3). The endpoint answers too slowly for the destination&apos;s timeout.</source>
        <translation>%1 : %2 des requêtes ont dépassé le délai d’expiration au cours des 5 dernières minutes (seuil %3). Le point d’entrée répond trop lentement pour le délai de la destination.</translation>
    </message>
    <message>
        <source>%1: the client certificate has expired. Install a renewed certificate before the endpoint refuses every request.</source>
        <translation>%1 : le certificat client a expiré. Installez un certificat renouvelé avant que le point d’entrée ne refuse toutes les requêtes.</translation>
    </message>
    <message>
        <source>%1: the client certificate expires in %2 days. Renew it and update the destination.</source>
        <translation>%1 : le certificat client expire dans %2 jours. Renouvelez-le et mettez la destination à jour.</translation>
    </message>
    <message>
        <source>%1 is disabled: nothing is exported to it. Enable it when it should send again.</source>
        <translation>%1 est désactivée : rien ne lui est exporté. Activez-la lorsqu’elle doit de nouveau recevoir des exportations.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1: the oldest export has waited %2 (threshold %3). The endpoint is too slow or unreachable; check its status and the failure rate.</source>
        <translation>%1 : l’exportation la plus ancienne attend depuis %2 (seuil %3). Le point d’entrée est trop lent ou injoignable ; vérifiez son état et le taux d’échec.</translation>
    </message>
    <message>
        <source>a share: 2% or 0.02</source>
        <translation>une proportion : 2% ou 0.02</translation>
    </message>
    <message>
        <source>a duration: 500ms, 90s, 10m, 1h</source>
        <translation>une durée : 500ms, 90s, 10m, 1h</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>alert threshold “%1”: unknown; use one of %2.</source>
        <translation>seuil d’alerte « %1 » : inconnu ; utilisez l’un de %2.</translation>
    </message>
    <message>
        <source>a share from 0% to 100%, as 2% or 0.02</source>
        <translation>une proportion de 0% à 100%, comme 2% ou 0.02</translation>
    </message>
    <message>
        <source>a duration such as 500ms, 90s, 10m or 1h</source>
        <translation>une durée comme 500ms, 90s, 10m ou 1h</translation>
    </message>
    <message>
        <source>alert threshold “%1”: “%2” is not %3.</source>
        <translation>seuil d’alerte « %1 » : « %2 » n’est pas %3.</translation>
    </message>
</context>
<context>
    <name>AlertTexts</name>
    <message>
        <source>Delivery failure rate</source>
        <translation>Taux d’échec de livraison</translation>
    </message>
    <message>
        <source>Delivery delay</source>
        <translation>Retard de livraison</translation>
    </message>
    <message>
        <source>Delivery SLO at risk</source>
        <translation>SLO de livraison menacé</translation>
    </message>
    <message>
        <source>Profiles excluded from activation</source>
        <translation>Profils exclus de l’activation</translation>
    </message>
    <message>
        <source>Authentication failure</source>
        <translation>Échec d’authentification</translation>
    </message>
    <message>
        <source>Endpoint timeouts</source>
        <translation>Délais dépassés au point d’entrée</translation>
    </message>
    <message>
        <source>Client certificate expiry</source>
        <translation>Expiration du certificat client</translation>
    </message>
    <message>
        <source>Destination disabled</source>
        <translation>Destination désactivée</translation>
    </message>
</context>
<context>
    <name>AudienceService</name>
    <message>
        <source>Could not read the members of “%1”</source>
        <translation>Impossible de lire les membres de « %1 »</translation>
    </message>
    <message>
        <source>line %1: the identity column “%2” is empty.</source>
        <translation>ligne %1 : la colonne d’identité « %2 » est vide.</translation>
    </message>
    <message>
        <source>Could not look up the identity on line %1</source>
        <translation>Impossible de rechercher l’identité de la ligne %1</translation>
    </message>
    <message>
        <source>Could not create a profile for the identity on line %1</source>
        <translation>Impossible de créer un profil pour l’identité de la ligne %1</translation>
    </message>
    <message>
        <source>The identity column is required.</source>
        <translation>La colonne d’identité est obligatoire.</translation>
    </message>
    <message>
        <source>The identity namespace is required.</source>
        <translation>L’espace de noms des identités est obligatoire.</translation>
    </message>
    <message>
        <source>The file has no header row.</source>
        <translation>Le fichier n’a pas de ligne d’en-tête.</translation>
    </message>
    <message>
        <source>The file has no column “%1” (or more than one); its columns are: %2.</source>
        <translation>Le fichier n’a pas de colonne « %1 » (ou en a plusieurs) ; ses colonnes sont : %2.</translation>
    </message>
    <message>
        <source>“%1” is a rule audience: choose another name for the upload.</source>
        <translation>« %1 » est une audience à règle : choisissez un autre nom pour l’import.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>The audience name is required.</source>
        <translation>Le nom de l’audience est obligatoire.</translation>
    </message>
    <message>
        <source>There is no audience with the id or name “%1”.</source>
        <translation>Aucune audience n’a l’identifiant ou le nom « %1 ».</translation>
    </message>
    <message>
        <source>Could not record a membership of profile %1</source>
        <translation>Impossible d’enregistrer une appartenance du profil %1</translation>
    </message>
    <message>
        <source>Could not read profile %1</source>
        <translation>Impossible de lire le profil %1</translation>
    </message>
    <message>
        <source>The rule is required.</source>
        <translation>La règle est obligatoire.</translation>
    </message>
    <message>
        <source>The rule does not parse: %1</source>
        <translation>La règle est incorrecte : %1</translation>
    </message>
    <message>
        <source>The merge policy must not be empty.</source>
        <translation>La politique de fusion ne doit pas être vide.</translation>
    </message>
    <message>
        <source>“%1” is a custom-upload audience: it has no rule; upload its file again instead.</source>
        <translation>« %1 » est une audience importée : elle n’a pas de règle ; importez plutôt son fichier à nouveau.</translation>
    </message>
    <message>
        <source>Could not read the profiles</source>
        <translation>Impossible de lire les profils</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>AuthProvider</name>
    <message>
        <source>bearer-token: the bearer token is missing</source>
        <translation>bearer-token : le jeton porteur est absent</translation>
    </message>
    <message>
        <source>bearer-token: the token holds spaces or characters an HTTP header cannot carry</source>
        <translation>bearer-token : le jeton contient des espaces ou des caractères qu’un en-tête HTTP ne peut pas transporter</translation>
    </message>
    <message>
        <source>client-id: OAuth2 needs a client id</source>
        <translation>client-id : OAuth2 nécessite un identifiant client</translation>
    </message>
    <message>
        <source>client-secret: the client secret is missing</source>
        <translation>client-secret : le secret client est absent</translation>
    </message>
    <message>
        <source>username: the password grant needs a username</source>
        <translation>username : l’octroi par mot de passe nécessite un nom d’utilisateur</translation>
    </message>
    <message>
        <source>password: the password is missing</source>
        <translation>password : le mot de passe est absent</translation>
    </message>
    <message>
        <source>The token endpoint %1 answered without a usable access token: %2</source>
        <translation>Le point d’entrée de jeton %1 a répondu sans jeton d’accès utilisable : %2</translation>
    </message>
    <message>
        <source>The token endpoint %1 refused the request (HTTP %2): %3</source>
        <translation>Le point d’entrée de jeton %1 a refusé la requête (HTTP %2) : %3</translation>
    </message>
    <message>
        <source>The token endpoint %1 refused the request (HTTP %2): %3: %4</source>
        <translation>Le point d’entrée de jeton %1 a refusé la requête (HTTP %2) : %3 : %4</translation>
    </message>
    <message>
        <source>The token endpoint %1 answered HTTP %2</source>
        <translation>Le point d’entrée de jeton %1 a répondu HTTP %2</translation>
    </message>
    <message>
        <source>the body is not a JSON object</source>
        <translation>le corps n’est pas un objet JSON</translation>
    </message>
    <message>
        <source>there is no access_token</source>
        <translation>access_token est absent</translation>
    </message>
    <message>
        <source>the access token holds characters an HTTP header cannot carry</source>
        <translation>le jeton d’accès contient des caractères qu’un en-tête HTTP ne peut pas transporter</translation>
    </message>
    <message>
        <source>the token type %1 is not supported (only Bearer)</source>
        <translation>le type de jeton %1 n’est pas pris en charge (seul Bearer l’est)</translation>
    </message>
    <message>
        <source>expires_in is not a number of seconds</source>
        <translation>expires_in n’est pas un nombre de secondes</translation>
    </message>
    <message>
        <source>The token endpoint %1 did not answer within %2 ms</source>
        <translation>Le point d’entrée de jeton %1 n’a pas répondu dans le délai de %2 ms</translation>
    </message>
    <message>
        <source>The token endpoint %1 could not be reached: %2</source>
        <translation>Le point d’entrée de jeton %1 est injoignable : %2</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>la réponse dépasse %1 octets</translation>
    </message>
</context>
<context>
    <name>BackfillRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Could not read the backfills</source>
        <translation>Impossible de lire les rattrapages</translation>
    </message>
    <message>
        <source>Could not start a backfill page</source>
        <translation>Impossible de commencer une page de rattrapage</translation>
    </message>
    <message>
        <source>Could not read the members of audience %1</source>
        <translation>Impossible de lire les membres de l’audience %1</translation>
    </message>
    <message>
        <source>Could not record the backfill&apos;s progress</source>
        <translation>Impossible d’enregistrer la progression du rattrapage</translation>
    </message>
    <message>
        <source>Could not commit a backfill page</source>
        <translation>Impossible de valider une page de rattrapage</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>the file is empty: a header row naming the columns is expected</source>
        <translation>le fichier est vide : une ligne d’en-tête nommant les colonnes est attendue</translation>
    </message>
    <message>
        <source>the file has a header row but no records</source>
        <translation>le fichier a une ligne d’en-tête mais aucun enregistrement</translation>
    </message>
    <message>
        <source>quoted field not closed: the file ends inside it</source>
        <translation>champ entre guillemets non fermé : le fichier se termine à l’intérieur</translation>
    </message>
    <message>
        <source>quote inside an unquoted field (quote the whole field and double the quotes in it)</source>
        <translation>guillemet dans un champ sans guillemets (mettez tout le champ entre guillemets et doublez ceux qu’il contient)</translation>
    </message>
    <message>
        <source>text after a closing quote (quote the whole field and double the quotes in it)</source>
        <translation>texte après un guillemet fermant (mettez tout le champ entre guillemets et doublez ceux qu’il contient)</translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes</source>
        <translation>l’enregistrement dépasse %1 octets</translation>
    </message>
    <message numerus="yes">
        <source>expected %n field(s), found %1</source>
        <translation>
            <numerusform>%n champ attendu, nombre trouvé : %1</numerusform>
            <numerusform>%n champs attendus, nombre trouvé : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>UTF-8 invalide</translation>
    </message>
    <message>
        <source>invalid header row: %1</source>
        <translation>ligne d’en-tête invalide : %1</translation>
    </message>
    <message>
        <source>empty column name</source>
        <translation>nom de colonne vide</translation>
    </message>
    <message>
        <source>duplicate column name &quot;%1&quot; (also column %2)</source>
        <translation>nom de colonne « %1 » en double (aussi colonne %2)</translation>
    </message>
    <message>
        <source>cannot read the input: %1</source>
        <translation>impossible de lire l’entrée : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>place: problem</comment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
</context>
<context>
    <name>DeliveryInspection</name>
    <message>
        <source>No longer queued</source>
        <translation>Plus en file d’attente</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>En cours d’envoi</translation>
    </message>
    <message>
        <source>Waiting for a retry</source>
        <translation>En attente d’une nouvelle tentative</translation>
    </message>
    <message>
        <source>Failed (dead letter)</source>
        <translation>En échec (lettre morte)</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrées</translation>
    </message>
    <message>
        <source>Not sent again: a newer export replaced it</source>
        <translation>Pas renvoyée : une exportation plus récente l’a remplacée</translation>
    </message>
    <message>
        <source>The destination of this export no longer exists.</source>
        <translation>La destination de cette exportation n’existe plus.</translation>
    </message>
    <message>
        <source>No attempt of export %1 is left in the delivery log of “%2”.</source>
        <translation>Aucune tentative de l’exportation %1 ne reste dans le journal de livraison de « %2 ».</translation>
    </message>
    <message>
        <source>The body of a delivered export is not kept: the outbox lets it go after the 2xx.</source>
        <translation>Le corps d’une exportation livrée n’est pas conservé : la file d’envoi le libère après le 2xx.</translation>
    </message>
    <message>
        <source>The body is no longer kept: the export left the outbox.</source>
        <translation>Le corps n’est plus conservé : l’exportation a quitté la file d’envoi.</translation>
    </message>
</context>
<context>
    <name>DeliveryJournal</name>
    <message>
        <source>Could not claim exports</source>
        <translation>Impossible de réserver des exportations</translation>
    </message>
    <message>
        <source>Could not record deliveries</source>
        <translation>Impossible d’enregistrer les livraisons</translation>
    </message>
</context>
<context>
    <name>DemoFeed</name>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <source>no profile with an identityMap</source>
        <translation>aucun profil avec un identityMap</translation>
    </message>
</context>
<context>
    <name>DestinationConfig</name>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: entry %2 (%3): %4</source>
        <translation>%1 : entrée %2 (%3) : %4</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by two hexadecimal digits (write a literal % as %25)</source>
        <translation>« % » doit être suivi de deux chiffres hexadécimaux (écrivez un % littéral sous la forme %25)</translation>
    </message>
    <message>
        <source>a space cannot appear in a URL query: write it as %20 (or +, if the receiver decodes forms)</source>
        <translation>un espace ne peut pas figurer dans la chaîne de requête d’une URL : écrivez-le %20 (ou +, si le destinataire décode les formulaires)</translation>
    </message>
    <message>
        <source>the character %1 cannot appear in a URL query: write it as %2</source>
        <translation>le caractère %1 ne peut pas figurer dans la chaîne de requête d’une URL : écrivez-le %2</translation>
    </message>
    <message>
        <source>an http:// or https:// URL is required</source>
        <translation>une URL http:// ou https:// est obligatoire</translation>
    </message>
    <message>
        <source>not a valid URL (%1)</source>
        <translation>URL invalide (%1)</translation>
    </message>
    <message>
        <source>the URL must start with http:// or https://</source>
        <translation>l’URL doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <source>the scheme must be http or https, not %1</source>
        <translation>le schéma doit être http ou https, pas %1</translation>
    </message>
    <message>
        <source>the URL has no host</source>
        <translation>l’URL n’a pas d’hôte</translation>
    </message>
    <message>
        <source>the URL must not contain a user name or password (they would show in logs): configure the authentication instead</source>
        <translation>l’URL ne doit contenir ni nom d’utilisateur ni mot de passe (ils apparaîtraient dans les journaux) : configurez plutôt l’authentification</translation>
    </message>
    <message>
        <source>the URL must not contain a fragment (#…): it is never sent to the server</source>
        <translation>l’URL ne doit pas contenir de fragment (#…) : il n’est jamais envoyé au serveur</translation>
    </message>
    <message>
        <source>%1 is out of range: use %2 to %3</source>
        <translation>%1 est hors limites : utilisez une valeur de %2 à %3</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 n’est pas un nombre entier</translation>
    </message>
    <message>
        <source>entry %1 is empty (two &apos;&amp;&apos; in a row, or one at an end)</source>
        <translation>l’entrée %1 est vide (deux « &amp; » consécutifs, ou un « &amp; » au début ou à la fin)</translation>
    </message>
    <message>
        <source>the parameter has no name</source>
        <translation>le paramètre n’a pas de nom</translation>
    </message>
    <message>
        <source>token-url: the URL has %1 query parameters; token endpoints are expected to take at most one, and more may prevent connecting</source>
        <translation>token-url : l’URL comporte %1 paramètres de requête ; une URL de jeton d’accès en accepte normalement un au maximum, et davantage peut empêcher la connexion</translation>
    </message>
    <message>
        <source>token-url: the URL uses http, so the client secret and password travel unencrypted; prefer https</source>
        <translation>token-url : l’URL utilise http, donc le secret client et le mot de passe circulent sans chiffrement ; préférez https</translation>
    </message>
    <message>
        <source>a name is required</source>
        <translation>un nom est obligatoire</translation>
    </message>
    <message>
        <source>use at most %1 characters, on one line</source>
        <translation>utilisez au plus %1 caractères, sur une seule ligne</translation>
    </message>
    <message>
        <source>OAuth2 needs the URL of the token endpoint</source>
        <translation>OAuth2 nécessite l’URL du jeton d’accès</translation>
    </message>
    <message>
        <source>OAuth2 needs a client id, on one line</source>
        <translation>OAuth2 nécessite un identifiant client, sur une seule ligne</translation>
    </message>
    <message>
        <source>the OAuth2 password grant needs a username, on one line</source>
        <translation>l’octroi par mot de passe OAuth2 nécessite un nom d’utilisateur, sur une seule ligne</translation>
    </message>
    <message>
        <source>a client key needs its client certificate (client-cert)</source>
        <translation>une clé client nécessite son certificat client (client-cert)</translation>
    </message>
    <message>
        <source>retries need at least one delay</source>
        <translation>les nouvelles tentatives nécessitent au moins un délai</translation>
    </message>
    <message>
        <source>entry %1 (%2) is out of range: use 0 to %3 milliseconds</source>
        <translation>l’entrée %1 (%2) est hors limites : utilisez une valeur de 0 à %3 millisecondes</translation>
    </message>
    <message>
        <source>unknown kind %1; the kinds are: %2</source>
        <translation>type %1 inconnu ; les types possibles sont : %2</translation>
    </message>
    <message>
        <source>the value contains a line break, which would split the request&apos;s headers</source>
        <translation>la valeur contient un saut de ligne, qui couperait les en-têtes de la requête</translation>
    </message>
    <message>
        <source>the value contains a NUL character</source>
        <translation>la valeur contient un caractère NUL</translation>
    </message>
    <message>
        <source>the value contains the control character U+%1</source>
        <translation>la valeur contient le caractère de contrôle U+%1</translation>
    </message>
    <message>
        <source>the header has no name</source>
        <translation>l’en-tête n’a pas de nom</translation>
    </message>
    <message>
        <source>%1 is not a valid header name: use letters, digits and !#$%&amp;&apos;*+-.^_`|~ only</source>
        <translation>%1 n’est pas un nom d’en-tête valide : utilisez uniquement des lettres, des chiffres et !#$%&amp;&apos;*+-.^_`|~</translation>
    </message>
    <message>
        <source>%1 comes from the destination&apos;s authentication settings and cannot be set as a header</source>
        <translation>%1 provient des paramètres d’authentification de la destination et ne peut pas être défini comme en-tête</translation>
    </message>
    <message>
        <source>%1 is set by Outflow and cannot be configured</source>
        <translation>%1 est défini par Outflow et ne peut pas être configuré</translation>
    </message>
    <message>
        <source>the value starts or ends with blanks</source>
        <translation>la valeur commence ou se termine par des espaces</translation>
    </message>
    <message>
        <source>%1 is already set by an earlier entry</source>
        <translation>%1 est déjà défini par une entrée précédente</translation>
    </message>
    <message>
        <source>entry %1 is empty (two commas in a row, or one at an end)</source>
        <translation>l’entrée %1 est vide (deux virgules consécutives, ou une virgule au début ou à la fin)</translation>
    </message>
    <message>
        <source>a colon must separate the header&apos;s name from its value</source>
        <translation>un deux-points doit séparer le nom de l’en-tête de sa valeur</translation>
    </message>
    <message>
        <source>the value contains a comma, which the &quot;h1:v1,h2:v2&quot; format cannot carry</source>
        <translation>la valeur contient une virgule, que le format « h1:v1,h2:v2 » ne permet pas</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>URL invalide</translation>
    </message>
    <message>
        <source>unknown value %1</source>
        <translation>valeur %1 inconnue</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>entry %1 has the wrong type</source>
        <translation>l’entrée %1 n’est pas du bon type</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>valeur attendue : %1</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>un objet de chaînes</translation>
    </message>
    <message>
        <source>%1 is not a parameter of the query</source>
        <translation>%1 n’est pas un paramètre de la requête</translation>
    </message>
    <message>
        <source>%1 is out of range: use 1 (one profile per request) to %2</source>
        <translation>%1 est hors limites : indiquez de 1 (un profil par requête) à %2</translation>
    </message>
    <message>
        <source>%1 is out of range: use 0 ms to %2</source>
        <translation>%1 est hors limites : indiquez de 0 ms à %2</translation>
    </message>
    <message>
        <source>%1 bytes is out of range: use %2 to %3</source>
        <translation>%1 octets est hors limites : indiquez de %2 à %3</translation>
    </message>
    <message>
        <source>%1 is not a duration: write e.g. 250ms, 2s or 1m</source>
        <translation>%1 n’est pas une durée : écrivez par exemple 250ms, 2s ou 1m</translation>
    </message>
    <message>
        <source>%1 is not a size: write e.g. 1048576, 512KiB or 1MiB</source>
        <translation>%1 n’est pas une taille : écrivez par exemple 1048576, 512KiB ou 1MiB</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
</context>
<context>
    <name>DestinationStates</name>
    <message>
        <source>Healthy</source>
        <translation>En bonne santé</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Backlogged</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Nouvelles tentatives</translation>
    </message>
    <message>
        <source>Authentication failing</source>
        <translation>Échec d’authentification</translation>
    </message>
    <message>
        <source>TLS problem</source>
        <translation>Problème TLS</translation>
    </message>
    <message>
        <source>Missing secret</source>
        <translation>Secret manquant</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Enter the secret again (Edit, or outflowctl destination set-secret).</source>
        <translation>Saisissez de nouveau le secret (Modifier, ou outflowctl destination set-secret).</translation>
    </message>
    <message>
        <source>Choose certificate and key files that can be read and belong together (Edit).</source>
        <translation>Choisissez des fichiers de certificat et de clé lisibles et qui vont ensemble (Modifier).</translation>
    </message>
    <message>
        <source>Check the credentials and the token URL (Edit, then Send test).</source>
        <translation>Vérifiez les identifiants et l’URL du jeton (Modifier, puis Envoyer un test).</translation>
    </message>
    <message>
        <source>Exports wait longer than a minute: check the endpoint&apos;s answers (Monitoring).</source>
        <translation>Des exportations attendent depuis plus d’une minute : vérifiez les réponses du point d’entrée (Surveillance).</translation>
    </message>
    <message>
        <source>The endpoint failed some requests: they are retried on their schedule.</source>
        <translation>Le point d’entrée a refusé certaines requêtes : elles sont retentées selon leur calendrier.</translation>
    </message>
    <message>
        <source>Enable it to send its queued exports.</source>
        <translation>Activez-la pour envoyer ses exportations en file.</translation>
    </message>
</context>
<context>
    <name>Monitor</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Could not read the alerts</source>
        <translation>Impossible de lire les alertes</translation>
    </message>
    <message>
        <source>Could not store the figures of a minute</source>
        <translation>Impossible d’enregistrer les chiffres d’une minute</translation>
    </message>
    <message>
        <source>Could not read the destinations</source>
        <translation>Impossible de lire les destinations</translation>
    </message>
    <message>
        <source>Could not store an alert</source>
        <translation>Impossible d’enregistrer une alerte</translation>
    </message>
    <message>
        <source>Could not roll old figures into hours</source>
        <translation>Impossible de regrouper les anciens chiffres par heure</translation>
    </message>
    <message>
        <source>Could not remove figures older than a year</source>
        <translation>Impossible de supprimer les chiffres de plus d’un an</translation>
    </message>
    <message>
        <source>Could not acknowledge the alert %1: %2</source>
        <translation>Impossible d’acquitter l’alerte %1 : %2</translation>
    </message>
    <message>
        <source>No alert has the id %1.</source>
        <translation>Aucune alerte n’a l’identifiant %1.</translation>
    </message>
    <message>
        <source>The alert %1 is resolved: there is nothing to acknowledge.</source>
        <translation>L’alerte %1 est résolue : il n’y a rien à acquitter.</translation>
    </message>
</context>
<context>
    <name>MonitoringReader</name>
    <message>
        <source>Could not read the destinations: %1</source>
        <translation>Impossible de lire les destinations : %1</translation>
    </message>
    <message>
        <source>Could not read the figures of “%1”: %2</source>
        <translation>Impossible de lire les chiffres de « %1 » : %2</translation>
    </message>
</context>
<context>
    <name>MonitoringText</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>MonitoringWindows</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
</context>
<context>
    <name>NdjsonReader</name>
    <message>
        <source>%1: %2</source>
        <comment>place: problem</comment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>element %1</source>
        <translation>élément %1</translation>
    </message>
    <message>
        <source>element %1, line %2, column %3</source>
        <translation>élément %1, ligne %2, colonne %3</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>invalid UTF-8 (byte 0x%1)</source>
        <translation>UTF-8 invalide (octet 0x%1)</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>JSON invalide : %1</translation>
    </message>
    <message>
        <source>expected a JSON object, found %1</source>
        <translation>un objet JSON est attendu, pas %1</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot; at the top level</source>
        <translation>clé « %1 » en double au premier niveau</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot; in %2</source>
        <translation>clé « %1 » en double dans %2</translation>
    </message>
    <message>
        <source>fragment has no identities (identityMap is missing or empty)</source>
        <translation>le fragment n’a aucune identité (identityMap est absent ou vide)</translation>
    </message>
    <message>
        <source>segmentMembership is not accepted: memberships are computed by Outflow, not ingested</source>
        <translation>segmentMembership n’est pas accepté : les appartenances sont calculées par Outflow, pas ingérées</translation>
    </message>
    <message>
        <source>identityMap must be an object, found %1</source>
        <translation>identityMap doit être un objet, pas %1</translation>
    </message>
    <message>
        <source>identityMap has a namespace with an empty name</source>
        <translation>identityMap contient un espace de noms au nom vide</translation>
    </message>
    <message>
        <source>%1 must be an array, found %2</source>
        <translation>%1 doit être un tableau, pas %2</translation>
    </message>
    <message>
        <source>%1 must be an object, found %2</source>
        <translation>%1 doit être un objet, pas %2</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 est absent</translation>
    </message>
    <message>
        <source>%1 must be a string, found %2</source>
        <translation>%1 doit être une chaîne, pas %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 est vide</translation>
    </message>
    <message>
        <source>%1 must be true or false, found %2</source>
        <translation>%1 doit valoir true ou false, pas %2</translation>
    </message>
    <message>
        <source>longer than the limit of %1 bytes; skipped</source>
        <translation>dépasse la limite de %1 octets ; ignorée</translation>
    </message>
    <message>
        <source>could not read the input: %1</source>
        <translation>impossible de lire l’entrée : %1</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>&apos;%1&apos; is a URL, and Outflow&apos;s store is an SQLite file for now (a %2 store is not supported yet): give a file path.</source>
        <translation>« %1 » est une URL, et le stockage d’Outflow est pour l’instant un fichier SQLite (un stockage %2 n’est pas encore pris en charge) : indiquez un chemin de fichier.</translation>
    </message>
</context>
<context>
    <name>ProfileLineage</name>
    <message>
        <source>missing mandatory attribute %1</source>
        <translation>attribut obligatoire %1 absent</translation>
    </message>
    <message>
        <source>missing mandatory attributes %1</source>
        <translation>attributs obligatoires %1 absents</translation>
    </message>
    <message>
        <source>excluded: %1</source>
        <translation>exclu : %1</translation>
    </message>
    <message>
        <source>trigger switched off: %1</source>
        <translation>déclencheur désactivé : %1</translation>
    </message>
    <message>
        <source>trigger: %1</source>
        <translation>déclencheur : %1</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation> : %1</translation>
    </message>
    <message>
        <source>replayed, waiting to be sent</source>
        <translation>rejoué, en attente d’envoi</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>en attente d’envoi</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>retrying (attempt %1 at %2)%3</source>
        <translation>nouvelle tentative (tentative %1 à %2)%3</translation>
    </message>
    <message>
        <source>failed after %1 attempts at %2, a dead letter%3</source>
        <translation>échec après %1 tentatives à %2, lettre morte%3</translation>
    </message>
    <message>
        <source>replayed, delivered at %1</source>
        <translation>rejoué, livré à %1</translation>
    </message>
    <message>
        <source>delivered at %1</source>
        <translation>livré à %1</translation>
    </message>
    <message>
        <source>failed, then superseded by a newer export: not sent again</source>
        <translation>échec, puis remplacé par une exportation plus récente : pas renvoyé</translation>
    </message>
    <message>
        <source>no longer queued; its delivery is no longer in the log</source>
        <translation>plus en file ; sa livraison n’est plus dans le journal</translation>
    </message>
    <message>
        <source>No profile has the identity %1:%2.</source>
        <translation>Aucun profil n’a l’identité %1:%2.</translation>
    </message>
</context>
<context>
    <name>ProfileMerger</name>
    <message>
        <source>The attributes of profile %1 are not a JSON object.</source>
        <translation>Les attributs du profil %1 ne sont pas un objet JSON.</translation>
    </message>
</context>
<context>
    <name>RuleParser</name>
    <message>
        <source>&quot;!=&quot;</source>
        <translation>« != »</translation>
    </message>
    <message>
        <source>a closing quote (&quot;) for the string that starts at column %1</source>
        <translation>un guillemet fermant (&quot;) pour la chaîne qui commence à la colonne %1</translation>
    </message>
    <message>
        <source>four hexadecimal digits after \u</source>
        <translation>quatre chiffres hexadécimaux après \u</translation>
    </message>
    <message>
        <source>an escape sequence (\&quot; \\ \/ \n \r \t or \uXXXX) after the backslash</source>
        <translation>une séquence d’échappement (\&quot; \\ \/ \n \r \t ou \uXXXX) après la barre oblique inverse</translation>
    </message>
    <message>
        <source>a digit after &quot;-&quot;</source>
        <translation>un chiffre après « - »</translation>
    </message>
    <message>
        <source>a digit after the decimal point</source>
        <translation>un chiffre après le point décimal</translation>
    </message>
    <message>
        <source>a digit in the exponent</source>
        <translation>un chiffre dans l’exposant</translation>
    </message>
    <message>
        <source>a number between -1.7e308 and 1.7e308</source>
        <translation>un nombre entre -1.7e308 et 1.7e308</translation>
    </message>
    <message>
        <source>a name or a quoted name after &quot;.&quot;</source>
        <translation>un nom, entre guillemets ou non, après « . »</translation>
    </message>
    <message>
        <source>end of rule</source>
        <translation>la fin de la règle</translation>
    </message>
    <message>
        <source>end of line</source>
        <translation>la fin de la ligne</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <comment>a piece of rule text quoted in an error message</comment>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>line %1, column %2: expected %3 but found %4</source>
        <translation>ligne %1, colonne %2 : on attendait %3 mais on a trouvé %4</translation>
    </message>
    <message>
        <source>&quot;and&quot;, &quot;or&quot; or the end of the rule</source>
        <translation>« and », « or » ou la fin de la règle</translation>
    </message>
    <message>
        <source>a path, &quot;not&quot; or &quot;(&quot;</source>
        <translation>un chemin, « not » ou « ( »</translation>
    </message>
    <message>
        <source>a path, &quot;not&quot; or &quot;(&quot; after &quot;%1&quot;</source>
        <translation>un chemin, « not » ou « ( » après « %1 »</translation>
    </message>
    <message>
        <source>at most %1 nested parentheses and &quot;not&quot;</source>
        <translation>au plus %1 niveaux imbriqués de parenthèses et de « not »</translation>
    </message>
    <message>
        <source>&quot;and&quot;, &quot;or&quot; or &quot;)&quot; to close the &quot;(&quot; at line %1, column %2</source>
        <translation>« and », « or » ou « ) » pour fermer la « ( » de la ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>&quot;[&quot; after &quot;in&quot;</source>
        <translation>« [ » après « in »</translation>
    </message>
    <message>
        <source>a value or &quot;]&quot; after &quot;[&quot;</source>
        <translation>une valeur ou « ] » après « [ »</translation>
    </message>
    <message>
        <source>a value after &quot;,&quot;</source>
        <translation>une valeur après « , »</translation>
    </message>
    <message>
        <source>&quot;,&quot; or &quot;]&quot; after a value of the list</source>
        <translation>« , » ou « ] » après une valeur de la liste</translation>
    </message>
    <message>
        <source>a value after &quot;%1&quot;</source>
        <translation>une valeur après « %1 »</translation>
    </message>
    <message>
        <source>a number, a string or a date after &quot;%1&quot;</source>
        <translation>un nombre, une chaîne ou une date après « %1 »</translation>
    </message>
    <message>
        <source>a string after &quot;%1&quot;</source>
        <translation>une chaîne après « %1 »</translation>
    </message>
    <message>
        <source>an operator (=, !=, &lt;, &lt;=, &gt;, &gt;=, in, exists, contains, startsWith or endsWith) after &quot;%1&quot;</source>
        <translation>un opérateur (=, !=, &lt;, &lt;=, &gt;, &gt;=, in, exists, contains, startsWith ou endsWith) après « %1 »</translation>
    </message>
    <message>
        <source>expected %1 but found %2</source>
        <translation>%1 attendu mais %2 trouvé</translation>
    </message>
</context>
<context>
    <name>SecretResult</name>
    <message>
        <source>The secret is stored in the keychain.</source>
        <translation>Le secret est enregistré dans le trousseau.</translation>
    </message>
    <message>
        <source>No secret is stored for this item yet.</source>
        <translation>Aucun secret n’est encore enregistré pour cet élément.</translation>
    </message>
    <message>
        <source>No keychain is available (Secret Service, Keychain or Credential Manager). Start or install one, for example gnome-keyring or KWallet; Outflow never saves secrets anywhere else.</source>
        <translation>Aucun trousseau n’est disponible (Secret Service, Trousseau ou Gestionnaire d’identification). Démarrez-en ou installez-en un, par exemple gnome-keyring ou KWallet ; Outflow n’enregistre jamais de secret ailleurs.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access. Unlock it and try again.</source>
        <translation>Le trousseau est verrouillé ou a refusé l’accès. Déverrouillez-le et réessayez.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Le trousseau a signalé une erreur : %1</translation>
    </message>
</context>
<context>
    <name>Segmenter</name>
    <message>
        <source>Could not load the audiences: %1</source>
        <translation>Impossible de charger les audiences : %1</translation>
    </message>
    <message>
        <source>the rule of “%1” does not parse (%2)</source>
        <translation>la règle de « %1 » est incorrecte (%2)</translation>
    </message>
    <message>
        <source>Some audiences are not evaluated: %1</source>
        <translation>Certaines audiences ne sont pas évaluées : %1</translation>
    </message>
    <message>
        <source>Could not read the memberships of profile %1: %2</source>
        <translation>Impossible de lire les appartenances du profil %1 : %2</translation>
    </message>
    <message>
        <source>Could not record a membership of profile %1: %2</source>
        <translation>Impossible d’enregistrer une appartenance du profil %1 : %2</translation>
    </message>
    <message>
        <source>Could not remove expired memberships: %1</source>
        <translation>Impossible de supprimer les appartenances expirées : %1</translation>
    </message>
</context>
<context>
    <name>SqliteStore</name>
    <message>
        <source>The store reported an error: %1</source>
        <translation>Le stockage a signalé une erreur : %1</translation>
    </message>
    <message>
        <source>There is no profile %1.</source>
        <translation>Il n’existe pas de profil %1.</translation>
    </message>
    <message>
        <source>The identity %1:%2 belongs to profile %3; merge the profiles first.</source>
        <translation>L’identité %1:%2 appartient au profil %3 ; fusionnez d’abord les profils.</translation>
    </message>
    <message>
        <source>Profile %1 cannot be merged into itself.</source>
        <translation>Le profil %1 ne peut pas être fusionné avec lui-même.</translation>
    </message>
    <message>
        <source>Invalid migration list: version %1 follows version %2.</source>
        <translation>Liste de migrations invalide : la version %1 suit la version %2.</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the store.</source>
        <translation>Impossible de créer le dossier %1 du stockage.</translation>
    </message>
    <message>
        <source>%1 is not an Outflow store: it is not an SQLite database.</source>
        <translation>%1 n’est pas un stockage Outflow : ce n’est pas une base SQLite.</translation>
    </message>
    <message>
        <source>Could not open the store %1: %2</source>
        <translation>Impossible d’ouvrir le stockage %1 : %2</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing (package libqt6sql6-sqlite).</source>
        <translation>Le pilote SQLite de Qt est absent (paquet libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>%1 is not an Outflow store: it holds another application&apos;s data.</source>
        <translation>%1 n’est pas un stockage Outflow : il contient les données d’une autre application.</translation>
    </message>
    <message>
        <source>This store was created by a newer Outflow (schema %1; this version knows up to %2). Upgrade Outflow or use another store.</source>
        <translation>Ce stockage a été créé par une version plus récente d’Outflow (schéma %1 ; cette version connaît jusqu’au schéma %2). Mettez Outflow à jour ou utilisez un autre stockage.</translation>
    </message>
    <message>
        <source>Could not open the store %1: its folder does not support SQLite&apos;s write-ahead log.</source>
        <translation>Impossible d’ouvrir le stockage %1 : son dossier ne prend pas en charge le journal d’écriture anticipée de SQLite.</translation>
    </message>
    <message>
        <source>Could not upgrade the store %1 to schema version %2 (%3): %4</source>
        <translation>Impossible de mettre à jour le stockage %1 vers la version de schéma %2 (%3) : %4</translation>
    </message>
    <message>
        <source>A transaction is already open.</source>
        <translation>Une transaction est déjà ouverte.</translation>
    </message>
    <message>
        <source>No transaction is open.</source>
        <translation>Aucune transaction n’est ouverte.</translation>
    </message>
    <message>
        <source>The store is not open.</source>
        <translation>Le stockage n’est pas ouvert.</translation>
    </message>
    <message>
        <source>Could not open the store %1: Qt&apos;s SQLite driver does not use the SQLite library Outflow was built with (%2).</source>
        <translation>Impossible d’ouvrir le stockage %1 : le pilote SQLite de Qt n’utilise pas la bibliothèque SQLite avec laquelle Outflow a été compilé (%2).</translation>
    </message>
    <message>
        <source>An audience named “%1” already exists.</source>
        <translation>Une audience nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>There is no audience with the id %1.</source>
        <translation>Aucune audience n’a l’identifiant %1.</translation>
    </message>
    <message>
        <source>A destination named “%1” already exists.</source>
        <translation>Une destination nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>There is no destination with the id %1.</source>
        <translation>Aucune destination n’a l’identifiant %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1, and %n more problem(s)</source>
        <translation>
            <numerusform>%1, et %n autre problème</numerusform>
            <numerusform>%1, et %n autres problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent again: a newer export of this profile replaced it.</source>
        <translation>Pas renvoyée : une exportation plus récente de ce profil l’a remplacée.</translation>
    </message>
</context>
<context>
    <name>StoreMaintenance</name>
    <message>
        <source>There is no store at %1.</source>
        <translation>Il n’y a pas de stockage à l’emplacement %1.</translation>
    </message>
    <message>
        <source>Could not open the store %1: %2</source>
        <translation>Impossible d’ouvrir le stockage %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not an Outflow store: it is not an SQLite database.</source>
        <translation>%1 n’est pas un stockage Outflow : ce n’est pas une base SQLite.</translation>
    </message>
    <message>
        <source>Could not read the store %1: %2</source>
        <translation>Impossible de lire le stockage %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not an Outflow store.</source>
        <translation>%1 n’est pas un stockage Outflow.</translation>
    </message>
    <message>
        <source>Give the file to write the backup to.</source>
        <translation>Indiquez le fichier dans lequel écrire la sauvegarde.</translation>
    </message>
    <message>
        <source>%1 is the store itself: choose another file.</source>
        <translation>%1 est le stockage lui-même : choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>%1 exists already: choose a new file (nothing was written).</source>
        <translation>%1 existe déjà : choisissez un nouveau fichier (rien n’a été écrit).</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The backup was cancelled (nothing was written).</source>
        <translation>La sauvegarde a été annulée (rien n’a été écrit).</translation>
    </message>
    <message>
        <source>Could not back the store up to %1: %2</source>
        <translation>Impossible de sauvegarder le stockage dans %1 : %2</translation>
    </message>
    <message>
        <source>The backup %1 did not pass its check (%2); nothing was kept.</source>
        <translation>La sauvegarde %1 n’a pas passé sa vérification (%2) ; rien n’a été conservé.</translation>
    </message>
    <message>
        <source>Could not write %1: the file could not be renamed.</source>
        <translation>Impossible d’écrire %1 : le fichier n’a pas pu être renommé.</translation>
    </message>
    <message>
        <source>The store %1 is damaged (%2). Outflow will not write into it. Run `outflowctl store check` (in the app: File › Check Store) for the details, stop every Outflow process that uses the store, and restore a backup.</source>
        <translation>Le stockage %1 est endommagé (%2). Outflow n’y écrira pas. Lancez `outflowctl store check` (dans l’application : Fichier › Vérifier le stockage) pour le détail, arrêtez tous les processus Outflow qui utilisent ce stockage et restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>No backup of this store was taken with `outflowctl store backup`.</source>
        <translation>Aucune sauvegarde de ce stockage n’a été faite avec `outflowctl store backup`.</translation>
    </message>
    <message>
        <source>The last backup is %1, taken %2.</source>
        <translation>La dernière sauvegarde est %1, faite le %2.</translation>
    </message>
</context>
<context>
    <name>TlsConfig</name>
    <message>
        <source>%1 is a folder, not a certificate or key file.</source>
        <translation>%1 est un dossier, pas un fichier de certificat ou de clé.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1 : %2.</translation>
    </message>
    <message>
        <source>%1 is too large to be a certificate or key file.</source>
        <translation>%1 est trop volumineux pour être un fichier de certificat ou de clé.</translation>
    </message>
    <message>
        <source>%1 holds no certificate: a CA bundle is a PEM file with one or more &quot;-----BEGIN CERTIFICATE-----&quot; blocks.</source>
        <translation>%1 ne contient aucun certificat : un bundle CA est un fichier PEM contenant un ou plusieurs blocs « -----BEGIN CERTIFICATE----- ».</translation>
    </message>
    <message>
        <source>A private key (%1) is set but no client certificate: set the certificate file too.</source>
        <translation>Une clé privée (%1) est définie, mais aucun certificat client : définissez aussi le fichier de certificat.</translation>
    </message>
    <message>
        <source>%1 holds no certificate (no &quot;-----BEGIN CERTIFICATE-----&quot; block).</source>
        <translation>%1 ne contient aucun certificat (aucun bloc « -----BEGIN CERTIFICATE----- »).</translation>
    </message>
    <message>
        <source>%1 is neither a certificate (PEM or DER) nor a PKCS#12 bundle (.p12, .pfx).</source>
        <translation>%1 n’est ni un certificat (PEM ou DER) ni un fichier PKCS#12 (.p12, .pfx).</translation>
    </message>
    <message>
        <source>%1 holds a certificate but no private key: set the private key file.</source>
        <translation>%1 contient un certificat, mais aucune clé privée : définissez le fichier de clé privée.</translation>
    </message>
    <message>
        <source>The private key in %1 does not belong to the certificate in %2 (%3): choose the key made with that certificate.</source>
        <translation>La clé privée de %1 ne correspond pas au certificat de %2 (%3) : choisissez la clé créée avec ce certificat.</translation>
    </message>
    <message>
        <source>%1 holds no private key (no &quot;-----BEGIN … PRIVATE KEY-----&quot; block).</source>
        <translation>%1 ne contient aucune clé privée (aucun bloc « -----BEGIN … PRIVATE KEY----- »).</translation>
    </message>
    <message>
        <source>The private key in %1 is encrypted and no passphrase is set.</source>
        <translation>La clé privée de %1 est chiffrée et aucune phrase secrète n’est définie.</translation>
    </message>
    <message>
        <source>The passphrase does not decrypt the private key in %1.</source>
        <translation>La phrase secrète ne déchiffre pas la clé privée de %1.</translation>
    </message>
    <message>
        <source>%1 holds no RSA or EC private key that can be read.</source>
        <translation>%1 ne contient aucune clé privée RSA ou EC lisible.</translation>
    </message>
    <message>
        <source>%1 is a PKCS#12 bundle, which holds its own private key: leave the private key file (%2) empty.</source>
        <translation>%1 est un fichier PKCS#12, qui contient sa propre clé privée : n’indiquez pas de fichier de clé privée (%2).</translation>
    </message>
    <message>
        <source>The PKCS#12 bundle %1 is encrypted with RC2 or RC4, which this system&apos;s TLS library no longer reads. Export it again with AES encryption (OpenSSL 3: openssl pkcs12 -export without -legacy).</source>
        <translation>Le fichier PKCS#12 %1 est chiffré avec RC2 ou RC4, que la bibliothèque TLS de ce système ne lit plus. Exportez-le à nouveau avec un chiffrement AES (OpenSSL 3 : openssl pkcs12 -export sans -legacy).</translation>
    </message>
    <message>
        <source>The PKCS#12 bundle %1 cannot be opened without a passphrase, and none is set.</source>
        <translation>Le fichier PKCS#12 %1 ne peut pas être ouvert sans phrase secrète, et aucune n’est définie.</translation>
    </message>
    <message>
        <source>The passphrase does not open the PKCS#12 bundle %1 (or the file is not a valid PKCS#12 bundle).</source>
        <translation>La phrase secrète n’ouvre pas le fichier PKCS#12 %1 (ou ce fichier n’est pas un fichier PKCS#12 valide).</translation>
    </message>
    <message>
        <source>The PKCS#12 bundle %1 does not hold both a certificate and its private key.</source>
        <translation>Le fichier PKCS#12 %1 ne contient pas à la fois un certificat et sa clé privée.</translation>
    </message>
    <message>
        <source>The client certificate %1 (%2) expired on %3: servers will refuse it. Renew it.</source>
        <translation>Le certificat client %1 (%2) a expiré le %3 : les serveurs le refuseront. Renouvelez-le.</translation>
    </message>
    <message>
        <source>The client certificate %1 (%2) is not valid before %3.</source>
        <translation>Le certificat client %1 (%2) n’est pas valide avant le %3.</translation>
    </message>
    <message numerus="yes">
        <source>The client certificate %1 (%2) expires in %n day(s), on %3.</source>
        <translation>
            <numerusform>Le certificat client %1 (%2) expire dans %n jour, le %3.</numerusform>
            <numerusform>Le certificat client %1 (%2) expire dans %n jours, le %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is Outflow&apos;s store, not a certificate or key file.</source>
        <translation>%1 est le stockage d’Outflow, pas un fichier de certificat ou de clé.</translation>
    </message>
</context>
<context>
    <name>TlsFailure</name>
    <message>
        <source>It was not issued by a CA in the destination&apos;s CA bundle: the bundle must hold the CA that issued the server&apos;s certificate (issuer: %1).</source>
        <translation>Il n’a pas été émis par une CA du bundle CA de la destination : ce bundle doit contenir la CA qui a émis le certificat du serveur (émetteur : %1).</translation>
    </message>
    <message>
        <source>Its issuer (%1) is not among this system&apos;s trusted CAs: if the endpoint uses a private CA, set the destination&apos;s CA bundle to that CA&apos;s PEM file.</source>
        <translation>Son émetteur (%1) ne fait pas partie des CA approuvées par ce système : si le point d’entrée utilise une CA privée, indiquez le fichier PEM de cette CA comme bundle CA de la destination.</translation>
    </message>
    <message>
        <source>Server certificate not trusted: %1. %2</source>
        <translation>Certificat du serveur non approuvé : %1. %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate (%1) is not valid before %2: check the clocks of this computer and of the server.</source>
        <translation>Le certificat du serveur (%1) n’est pas valide avant le %2 : vérifiez l’horloge de cet ordinateur et celle du serveur.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate (%1) expired on %2: the endpoint&apos;s administrators must renew it.</source>
        <translation>Le certificat du serveur (%1) a expiré le %2 : les administrateurs du point d’entrée doivent le renouveler.</translation>
    </message>
    <message>
        <source>Host name mismatch: the server&apos;s certificate is for %1, not %2. Use a host name the certificate names in the endpoint URL.</source>
        <translation>Nom d’hôte non concordant : le certificat du serveur est établi pour %1, pas pour %2. Dans l’URL du point d’entrée, utilisez un nom d’hôte que le certificat mentionne.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was rejected: %1.</source>
        <translation>Le certificat du serveur a été rejeté : %1.</translation>
    </message>
    <message>
        <source>The server requires a client certificate (mTLS) and none is configured for this destination.</source>
        <translation>Le serveur exige un certificat client (mTLS) et aucun n’est configuré pour cette destination.</translation>
    </message>
    <message>
        <source>The server requires a client certificate and did not receive the one configured (%1).</source>
        <translation>Le serveur exige un certificat client et n’a pas reçu celui qui est configuré (%1).</translation>
    </message>
    <message>
        <source>The server refused the client certificate (%1): it expired on %2. Renew it.</source>
        <translation>Le serveur a refusé le certificat client (%1) : il a expiré le %2. Renouvelez-le.</translation>
    </message>
    <message>
        <source>The server refused the client certificate (%1): the server does not trust its issuer (%2), or the certificate is revoked or not meant for client authentication.</source>
        <translation>Le serveur a refusé le certificat client (%1) : le serveur n’approuve pas son émetteur (%2), ou le certificat est révoqué ou n’est pas destiné à l’authentification client.</translation>
    </message>
    <message>
        <source>The server requires a client certificate (mTLS) and none is configured for this destination (%1).</source>
        <translation>Le serveur exige un certificat client (mTLS) et aucun n’est configuré pour cette destination (%1).</translation>
    </message>
    <message>
        <source>The server refused the client certificate (%1): %2.</source>
        <translation>Le serveur a refusé le certificat client (%1) : %2.</translation>
    </message>
    <message>
        <source>The TLS handshake with the server failed: %1.</source>
        <translation>La négociation TLS avec le serveur a échoué : %1.</translation>
    </message>
</context>
<context>
    <name>UiTexts</name>
    <message>
        <source>Delivered: HTTP %1 in %2 ms%3.</source>
        <translation>Livré : HTTP %1 en %2 ms%3.</translation>
    </message>
    <message>
        <source> over HTTP/2</source>
        <translation> en HTTP/2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>(HTTP %1 in %2 ms)</source>
        <translation>(HTTP %1 en %2 ms)</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Réponse : %1</translation>
    </message>
    <message>
        <source>Token issued for %1 s%2.</source>
        <translation>Jeton délivré pour %1 s%2.</translation>
    </message>
    <message>
        <source>, refreshable</source>
        <translation>, renouvelable</translation>
    </message>
    <message>
        <source>Token issued, without a lifetime.</source>
        <translation>Jeton délivré, sans durée de vie.</translation>
    </message>
    <message>
        <source>Server certificate: %1, issued by %2, valid until %3.</source>
        <translation>Certificat du serveur : %1, émis par %2, valide jusqu’au %3.</translation>
    </message>
    <message>
        <source>Client certificate presented: %1.</source>
        <translation>Certificat client présenté : %1.</translation>
    </message>
</context>
<context>
    <name>outflow</name>
    <message>
        <source>Stream customer profiles to any HTTP endpoint.</source>
        <translation>Diffuser des profils clients vers n’importe quel point d’entrée HTTP.</translation>
    </message>
    <message>
        <source>Language: en or fr (default: the system&apos;s).</source>
        <translation>Langue : en ou fr (par défaut : celle du système).</translation>
    </message>
    <message>
        <source>Read and write settings in this INI file.</source>
        <translation>Lire et écrire les réglages dans ce fichier INI.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>The store to open (default: the user&apos;s data folder).</source>
        <translation>Le stockage à ouvrir (par défaut : le dossier de données de l’utilisateur).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>URL of the demo receiver started by tools/run.sh --demo.</source>
        <translation>URL du récepteur de démonstration lancé par tools/run.sh --demo.</translation>
    </message>
    <message>
        <source>--lang: unsupported language &apos;%1&apos; (use en or fr).</source>
        <translation>--lang : langue « %1 » non prise en charge (utilisez en ou fr).</translation>
    </message>
</context>
<context>
    <name>outflow::DemoReceiver</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1</source>
        <translation>impossible d’écouter sur 127.0.0.1:%1</translation>
    </message>
</context>
<context>
    <name>outflow::DestinationProbe</name>
    <message>
        <source>HTTP %1 from the endpoint.</source>
        <translation>HTTP %1 renvoyé par le point d’entrée.</translation>
    </message>
</context>
<context>
    <name>outflow::DestinationSecretsLoader</name>
    <message>
        <source>its %1 is not in the keychain</source>
        <translation>son %1 n’est pas dans le trousseau</translation>
    </message>
    <message>
        <source>its %1 could not be read: %2</source>
        <translation>son %1 n’a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>The destination “%1” cannot send: %2.</source>
        <translation>La destination « %1 » ne peut pas envoyer : %2.</translation>
    </message>
</context>
<context>
    <name>outflow::DestinationSender</name>
    <message>
        <source>The sender of “%1” could not open the store: %2</source>
        <translation>L’expéditeur de « %1 » n’a pas pu ouvrir le magasin : %2</translation>
    </message>
    <message>
        <source>The sender of “%1” cannot use its TLS settings: %2</source>
        <translation>L’expéditeur de « %1 » ne peut pas utiliser ses réglages TLS : %2</translation>
    </message>
    <message>
        <source>The sender of “%1” cannot authenticate: %2</source>
        <translation>L’expéditeur de « %1 » ne peut pas s’authentifier : %2</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Échec de l’authentification : %1</translation>
    </message>
    <message>
        <source>HTTP %1: the endpoint redirects to %2; redirects are not followed, update the destination&apos;s endpoint URL.</source>
        <translation>HTTP %1 : le point d’entrée redirige vers %2 ; les redirections ne sont pas suivies, mettez à jour l’URL du point d’entrée de la destination.</translation>
    </message>
    <message>
        <source>HTTP 401: the endpoint refused the credentials.</source>
        <translation>HTTP 401 : le point d’entrée a refusé les identifiants.</translation>
    </message>
    <message>
        <source>HTTP %1 from the endpoint.</source>
        <translation>HTTP %1 renvoyé par le point d’entrée.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (no retry left after %n attempt(s))</source>
        <translation>
            <numerusform>%1 (plus aucune nouvelle tentative après %n tentative)</numerusform>
            <numerusform>%1 (plus aucune nouvelle tentative après %n tentatives)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::Engine</name>
    <message>
        <source>The store is not open.</source>
        <translation>Le stockage n’est pas ouvert.</translation>
    </message>
    <message>
        <source>The destination was removed meanwhile.</source>
        <translation>La destination a été supprimée entre-temps.</translation>
    </message>
    <message>
        <source>name: a destination named “%1” already exists.</source>
        <translation>name : une destination nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>“%1” is the store itself, not a CSV file.</source>
        <translation>« %1 » est le magasin lui-même, pas un fichier CSV.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>Give an identity namespace and an id.</source>
        <translation>Indiquez un espace de noms d’identité et un identifiant.</translation>
    </message>
    <message>
        <source>This destination has no dataflow: nothing was ever queued for it.</source>
        <translation>Cette destination n’a pas de flux de données : rien n’a jamais été mis en file pour elle.</translation>
    </message>
</context>
<context>
    <name>outflow::IngestServer</name>
    <message>
        <source>cannot listen on %1:%2</source>
        <translation>impossible d’écouter sur %1:%2</translation>
    </message>
    <message>
        <source>unknown path; POST fragments to /v1/fragments</source>
        <translation>chemin inconnu ; envoyez les fragments par POST à /v1/fragments</translation>
    </message>
    <message>
        <source>only POST is accepted</source>
        <translation>seul POST est accepté</translation>
    </message>
    <message>
        <source>missing or invalid bearer token (see: outflowctl ingest-token)</source>
        <translation>jeton porteur absent ou invalide (voir : outflowctl ingest-token)</translation>
    </message>
    <message>
        <source>request body of %1 bytes exceeds the limit of %2 bytes</source>
        <translation>le corps de requête de %1 octets dépasse la limite de %2 octets</translation>
    </message>
    <message>
        <source>the request body holds no fragment</source>
        <translation>le corps de la requête ne contient aucun fragment</translation>
    </message>
    <message>
        <source>the store failed; nothing of this request was stored: %1</source>
        <translation>le stockage a échoué ; rien de cette requête n’a été enregistré : %1</translation>
    </message>
    <message>
        <source>unknown path</source>
        <translation>chemin inconnu</translation>
    </message>
</context>
<context>
    <name>outflow::QnamWorker</name>
    <message>
        <source>No complete answer within %1 ms (the destination&apos;s timeout).</source>
        <translation>Aucune réponse complète en %1 ms (le délai d’expiration de la destination).</translation>
    </message>
    <message>
        <source>Connection refused: nothing accepts connections at %1:%2.</source>
        <translation>Connexion refusée : rien n’accepte de connexion sur %1:%2.</translation>
    </message>
    <message>
        <source>The server closed the connection before a complete answer.</source>
        <translation>Le serveur a fermé la connexion avant une réponse complète.</translation>
    </message>
    <message>
        <source>The connection timed out.</source>
        <translation>Le délai de connexion a expiré.</translation>
    </message>
    <message>
        <source>Host %1 not found.</source>
        <translation>Hôte %1 introuvable.</translation>
    </message>
    <message>
        <source>The TLS handshake with the server failed: %1</source>
        <translation>La négociation TLS avec le serveur a échoué : %1</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Erreur réseau : %1</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Streams customer profiles to any HTTP endpoint, keeps its secrets in the system keychain and shows the live dataflow.</source>
        <translation>Diffuse des profils clients vers n’importe quel point d’entrée HTTP, conserve ses secrets dans le trousseau du système et affiche le flux de données en direct.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Compilé avec Qt %1, exécuté sur Qt %2.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::ActivationDialog</name>
    <message>
        <source>Edit Activation — %1</source>
        <translation>Modifier l’activation — %1</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mappage</translation>
    </message>
    <message>
        <source>When to activate</source>
        <translation>Quand activer</translation>
    </message>
    <message>
        <source>Activation settings</source>
        <translation>Paramètres d’activation</translation>
    </message>
    <message>
        <source>Stop Exporting Audiences</source>
        <translation>Arrêter d’exporter des audiences</translation>
    </message>
    <message>
        <source>Stop exporting %1 to %2? Their members are no longer exported; what was sent stays sent.</source>
        <translation>Arrêter d’exporter %1 vers %2 ? Leurs membres ne sont plus exportés ; ce qui a été envoyé le reste.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>outflow::ui::ActivationReviewPage</name>
    <message>
        <source>C&amp;opy Command</source>
        <translation>C&amp;opier la commande</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Check the activation, then Finish: the backfill exports the audiences&apos; current members, and their changes follow.</source>
        <translation>Vérifiez l’activation, puis Terminer : le remplissage exporte les membres actuels des audiences, puis leurs changements suivent.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Copy the outflowctl command that makes this activation</source>
        <translation>Copier la commande outflowctl qui fait cette activation</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>Audiences kept</source>
        <translation>Audiences conservées</translation>
    </message>
    <message>
        <source>Audiences added (backfilled)</source>
        <translation>Audiences ajoutées (remplies)</translation>
    </message>
    <message>
        <source>Audiences removed (no longer exported)</source>
        <translation>Audiences retirées (plus exportées)</translation>
    </message>
    <message>
        <source>unique identifier</source>
        <translation>identifiant unique</translation>
    </message>
    <message>
        <source>mandatory</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>attribute changes</source>
        <translation>modifications d’attributs</translation>
    </message>
    <message>
        <source>audience changes</source>
        <translation>changements d’audience</translation>
    </message>
    <message>
        <source>identity changes</source>
        <translation>modifications d’identité</translation>
    </message>
    <message>
        <source>Exported on</source>
        <translation>Exporté lors des</translation>
    </message>
    <message>
        <source>no change (backfill and Activate Now only)</source>
        <translation>aucun changement (remplissage et Activer maintenant seulement)</translation>
    </message>
    <message>
        <source>Counting the backfill…</source>
        <translation>Comptage du remplissage…</translation>
    </message>
    <message>
        <source>The backfill could not be counted: %1</source>
        <translation>Le remplissage n’a pas pu être compté : %1</translation>
    </message>
    <message>
        <source>No audience is added: nothing is backfilled.</source>
        <translation>Aucune audience n’est ajoutée : rien n’est rempli.</translation>
    </message>
    <message numerus="yes">
        <source>Backfill: %1 realized profile(s) → %1 export(s), sent once you press Finish.</source>
        <translation>
            <numerusform>Remplissage : %1 profil réalisé → %1 exportation, envoyée quand vous appuyez sur Terminer.</numerusform>
            <numerusform>Remplissage : %1 profils réalisés → %1 exportations, envoyées quand vous appuyez sur Terminer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::ActivationWizard</name>
    <message>
        <source>Activate Audiences — %1</source>
        <translation>Activer des audiences — %1</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>The audiences whose members %1 receives. Their current members are backfilled, then each change is exported.</source>
        <translation>Les audiences dont %1 reçoit les membres. Leurs membres actuels sont remplis, puis chaque changement est exporté.</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mappage</translation>
    </message>
    <message>
        <source>The profile attributes each export carries, as XDM paths. The identities and the audience memberships always travel.</source>
        <translation>Les attributs de profil que porte chaque exportation, en chemins XDM. Les identités et les appartenances aux audiences voyagent toujours.</translation>
    </message>
    <message>
        <source>When to activate</source>
        <translation>Quand activer</translation>
    </message>
    <message>
        <source>The changes that export a member again.</source>
        <translation>Les changements qui exportent à nouveau un membre.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AlertsEditor</name>
    <message>
        <source>More than this share of the last 5 minutes&apos; requests failed.</source>
        <translation>Plus que cette part des requêtes des 5 dernières minutes a échoué.</translation>
    </message>
    <message>
        <source>An export has waited longer than this to be delivered.</source>
        <translation>Un export attend d’être livré depuis plus longtemps que cela.</translation>
    </message>
    <message>
        <source>Less than this share of the last hour&apos;s exports arrived within 10 minutes.</source>
        <translation>Moins que cette part des exports de la dernière heure est arrivée en 10 minutes.</translation>
    </message>
    <message>
        <source>More than this share of the last hour&apos;s profiles were excluded (a mandatory attribute missing).</source>
        <translation>Plus que cette part des profils de la dernière heure a été exclue (attribut obligatoire manquant).</translation>
    </message>
    <message>
        <source>This many token requests or 401/403 answers in a row.</source>
        <translation>Ce nombre de demandes de jeton ou de réponses 401/403 d’affilée.</translation>
    </message>
    <message>
        <source>More than this share of the last 5 minutes&apos; requests timed out.</source>
        <translation>Plus que cette part des requêtes des 5 dernières minutes a expiré.</translation>
    </message>
    <message>
        <source>The client certificate expires within this many days, or has expired.</source>
        <translation>Le certificat client expire dans ce nombre de jours, ou a expiré.</translation>
    </message>
    <message>
        <source>The destination was disabled: nothing is sent to it.</source>
        <translation>La destination a été désactivée : rien ne lui est envoyé.</translation>
    </message>
    <message>
        <source>Fires at</source>
        <translation>Se déclenche à</translation>
    </message>
    <message>
        <source>%1 threshold</source>
        <translation>Seuil : %1</translation>
    </message>
    <message>
        <source>Empty: %1</source>
        <translation>Vide : %1</translation>
    </message>
    <message>
        <source>Subscribe to the alerts you want to receive for this destination: they appear on the Alerts page and as desktop notifications.</source>
        <translation>Abonnez-vous aux alertes que vous souhaitez recevoir pour cette destination : elles apparaissent sur la page Alertes et en notifications du bureau.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AlertsModel</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Levée le</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>when the alert cleared</comment>
        <translation>Résolue le</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Acknowledged on %1: active until its condition clears, no longer announced.</source>
        <translation>Acquittée le %1 : active jusqu’à ce que sa condition cesse, elle n’est plus annoncée.</translation>
    </message>
    <message>
        <source>Acknowledged on %1.</source>
        <translation>Acquittée le %1.</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <comment>an active alert</comment>
        <translation>Acquittée</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AlertsPage</name>
    <message>
        <source>No active alert</source>
        <translation>Aucune alerte active</translation>
    </message>
    <message>
        <source>No alert</source>
        <translation>Aucune alerte</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>A&amp;cquitter</translation>
    </message>
    <message>
        <source>Alert Setti&amp;ngs…</source>
        <translation>&amp;Réglages des alertes…</translation>
    </message>
    <message>
        <source>Alerts raised by your dataflows appear here, those not acknowledged first, with what to do about each.</source>
        <translation>Les alertes levées par vos flux de données apparaissent ici, celles qui ne sont pas acquittées en premier, avec ce qu’il faut faire pour chacune.</translation>
    </message>
    <message>
        <source>Every destination is watched for every kind of alert; the kinds it subscribes to are also announced on the desktop. &lt;b&gt;Alert Settings…&lt;/b&gt; chooses them and their thresholds per destination (&lt;b&gt;outflowctl destination edit NAME --alert KIND&lt;/b&gt;).</source>
        <translation>Chaque destination est surveillée pour tous les types d’alerte ; ceux auxquels elle est abonnée sont aussi annoncés sur le bureau. &lt;b&gt;Réglages des alertes…&lt;/b&gt; les choisit, avec leurs seuils, pour chaque destination (&lt;b&gt;outflowctl destination edit NOM --alert KIND&lt;/b&gt;).</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Keep the selected alerts active until their condition clears, without announcing them again (outflowctl alerts acknowledge ID)</source>
        <translation>Garder les alertes sélectionnées actives jusqu’à ce que leur condition cesse, sans plus les annoncer (outflowctl alerts acknowledge ID)</translation>
    </message>
    <message>
        <source>Choose the alerts a destination subscribes to and their thresholds: the selected alert&apos;s destination, or one from a list</source>
        <translation>Choisir les alertes auxquelles une destination est abonnée et leurs seuils : la destination de l’alerte sélectionnée, ou une destination à choisir dans une liste</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolues</translation>
    </message>
    <message>
        <source>All</source>
        <comment>alerts of every state</comment>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All destinations</source>
        <translation>Toutes les destinations</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination :</translation>
    </message>
    <message>
        <source>No alert matches these filters</source>
        <translation>Aucune alerte ne correspond à ces filtres</translation>
    </message>
    <message>
        <source>No resolved alert</source>
        <translation>Aucune alerte résolue</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AudienceImportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Cancel Im&amp;port</source>
        <translation>Annu&amp;ler l’importation</translation>
    </message>
    <message>
        <source>Import CSV Audience</source>
        <translation>Importer une audience CSV</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Fichier CSV</translation>
    </message>
    <message>
        <source>Audience name</source>
        <translation>Nom de l’audience</translation>
    </message>
    <message>
        <source>A custom-upload audience of this name is replaced: members absent from the file exit.</source>
        <translation>Une audience chargée de ce nom est remplacée : les membres absents du fichier en sortent.</translation>
    </message>
    <message>
        <source>Identity column</source>
        <translation>Colonne d’identité</translation>
    </message>
    <message>
        <source>Identity namespace</source>
        <translation>Espace de noms d’identité</translation>
    </message>
    <message>
        <source>The namespace of the column&apos;s identities, e.g. email</source>
        <translation>L’espace de noms des identités de la colonne, par ex. email</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l’importation</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Lignes rejetées</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>CSV &amp;file:</source>
        <translation>&amp;Fichier CSV :</translation>
    </message>
    <message>
        <source>Audience &amp;name:</source>
        <translation>&amp;Nom de l’audience :</translation>
    </message>
    <message>
        <source>I&amp;dentity column:</source>
        <translation>Colonne d’i&amp;dentité :</translation>
    </message>
    <message>
        <source>Na&amp;mespace:</source>
        <translation>Espace de no&amp;ms :</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>The file has no header row.</source>
        <translation>Le fichier n’a pas de ligne d’en-tête.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>Importation annulée : rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n’a été importé : %1</translation>
    </message>
    <message numerus="yes">
        <source>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n row(s) rejected.</source>
        <translation>
            <numerusform>Audience « %1 » : %2 membres (%3 entrés, %4 sortis, %5 nouveaux profils) ; %n ligne rejetée.</numerusform>
            <numerusform>Audience « %1 » : %2 membres (%3 entrés, %4 sortis, %5 nouveaux profils) ; %n lignes rejetées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::AudienceSelectionEditor</name>
    <message>
        <source>Search audiences by name</source>
        <translation>Chercher des audiences par nom</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>&amp;Audiences to export (Space checks the current one):</source>
        <translation>&amp;Audiences à exporter (Espace coche la ligne courante) :</translation>
    </message>
    <message>
        <source>There is no audience yet: create one on the Audiences page, or with outflowctl audience add, then come back.</source>
        <translation>Il n’y a pas encore d’audience : créez-en une sur la page Audiences, ou avec outflowctl audience add, puis revenez.</translation>
    </message>
    <message>
        <source>Select at least one audience to activate.</source>
        <translation>Sélectionnez au moins une audience à activer.</translation>
    </message>
    <message numerus="yes">
        <source>%n audience(s) selected</source>
        <translation>
            <numerusform>%n audience sélectionnée</numerusform>
            <numerusform>%n audiences sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n realized membership(s)</source>
        <translation>
            <numerusform>%n appartenance réalisée</numerusform>
            <numerusform>%n appartenances réalisées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::AudienceTableModel</name>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Custom upload</source>
        <translation>Import personnalisé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Realized</source>
        <translation>Réalisés</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Sortis</translation>
    </message>
    <message>
        <source>Merge policy</source>
        <translation>Politique de fusion</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AudiencesPage</name>
    <message>
        <source>No audience yet</source>
        <translation>Aucune audience pour l’instant</translation>
    </message>
    <message>
        <source>Rule audiences and uploaded CSV audiences appear here with their member counts.</source>
        <translation>Les audiences à règle et les audiences importées en CSV apparaissent ici avec leur nombre de membres.</translation>
    </message>
    <message>
        <source>Add a rule audience with &lt;b&gt;outflowctl audience add --name N --rule EXPR&lt;/b&gt;, or upload members with &lt;b&gt;outflowctl audience import&lt;/b&gt;.</source>
        <translation>Ajoutez une audience à règle avec &lt;b&gt;outflowctl audience add --name N --rule EXPR&lt;/b&gt;, ou importez des membres avec &lt;b&gt;outflowctl audience import&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Create one with &lt;b&gt;New…&lt;/b&gt; or &lt;b&gt;Import CSV…&lt;/b&gt; above, or with &lt;b&gt;outflowctl audience add&lt;/b&gt; or &lt;b&gt;outflowctl audience import&lt;/b&gt;.</source>
        <translation>Créez-en une avec &lt;b&gt;Nouvelle…&lt;/b&gt; ou &lt;b&gt;Importer un CSV…&lt;/b&gt; ci-dessus, ou avec &lt;b&gt;outflowctl audience add&lt;/b&gt; ou &lt;b&gt;outflowctl audience import&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouvelle…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Import &amp;CSV…</source>
        <translation>Importer un &amp;CSV…</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>Create a rule audience</source>
        <translation>Créer une audience à règle</translation>
    </message>
    <message>
        <source>Change the selected rule audience&apos;s name, description or rule</source>
        <translation>Modifier le nom, la description ou la règle de l’audience sélectionnée</translation>
    </message>
    <message>
        <source>Create or replace a custom-upload audience from a CSV file of identities</source>
        <translation>Créer ou remplacer une audience chargée depuis un fichier CSV d’identités</translation>
    </message>
    <message>
        <source>Rename Audience</source>
        <translation>Renommer l’audience</translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation>Nouveau &amp;nom :</translation>
    </message>
    <message>
        <source>Delete the audience “%1”? Its members exit it.</source>
        <translation>Supprimer l’audience « %1 » ? Ses membres en sortent.</translation>
    </message>
    <message>
        <source>It is mapped to the dataflow of %1: their exits are exported there, then it is no longer exported.</source>
        <translation>Elle est mappée au flux de données de %1 : leurs sorties y sont exportées, puis elle n’est plus exportée.</translation>
    </message>
    <message>
        <source>Delete Audience</source>
        <translation>Supprimer l’audience</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AuthPage</name>
    <message>
        <source>Cancel the &amp;check</source>
        <translation>Annuler la &amp;vérification</translation>
    </message>
    <message>
        <source>Authenticate</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>How Outflow proves who it is to your endpoint. Secrets go to the system keychain, never to disk.</source>
        <translation>Comment Outflow prouve son identité à votre point de terminaison. Les secrets vont dans le trousseau du système, jamais sur le disque.</translation>
    </message>
    <message>
        <source>Requesting a token</source>
        <translation>Demande de jeton en cours</translation>
    </message>
    <message>
        <source>Check cancelled: press Next to try again.</source>
        <translation>Vérification annulée : cliquez sur Suivant pour réessayer.</translation>
    </message>
    <message>
        <source>Requesting a token from %1…</source>
        <translation>Demande d’un jeton à %1…</translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation>Pas de jeton : %1</translation>
    </message>
    <message>
        <source>The token endpoint issued a token.</source>
        <translation>Le point de terminaison de jeton a délivré un jeton.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::AuthenticationEditor</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton porteur</translation>
    </message>
    <message>
        <source>OAuth 2 with password</source>
        <translation>OAuth 2 avec mot de passe</translation>
    </message>
    <message>
        <source>OAuth 2 with client credentials</source>
        <translation>OAuth 2 avec identifiants client</translation>
    </message>
    <message>
        <source>The token sent in the Authorization header of every export.</source>
        <translation>Le jeton envoyé dans l’en-tête Authorization de chaque export.</translation>
    </message>
    <message>
        <source>The URL the access token is requested from. It may carry at most one query parameter.</source>
        <translation>L’URL à laquelle le jeton d’accès est demandé. Elle peut porter au plus un paramètre de requête.</translation>
    </message>
    <message>
        <source>Body form encoded</source>
        <translation>Corps encodé en formulaire</translation>
    </message>
    <message>
        <source>Basic authorization</source>
        <translation>Autorisation Basic</translation>
    </message>
    <message>
        <source>Body form encoded: the client id and secret go in the token request&apos;s body. Basic authorization: in its Authorization header.</source>
        <translation>Corps encodé en formulaire : l’identifiant et le secret client vont dans le corps de la demande de jeton. Autorisation Basic : dans son en-tête Authorization.</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentification :</translation>
    </message>
    <message>
        <source>Token &amp;URL:</source>
        <translation>&amp;URL du jeton :</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>&amp;ID client :</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Secret c&amp;lient :</translation>
    </message>
    <message>
        <source>Send client &amp;credentials as:</source>
        <translation>Envoyer les identifiants client &amp;en :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Bearer token: type the token.</source>
        <translation>Jeton porteur : saisissez le jeton.</translation>
    </message>
    <message>
        <source>Client ID: type the client id the token endpoint knows this client by.</source>
        <translation>ID client : saisissez l’identifiant sous lequel le point de terminaison de jeton connaît ce client.</translation>
    </message>
    <message>
        <source>Client secret: type the client secret.</source>
        <translation>Secret client : saisissez le secret client.</translation>
    </message>
    <message>
        <source>Username: type the user the token is requested for.</source>
        <translation>Nom d’utilisateur : saisissez l’utilisateur pour qui le jeton est demandé.</translation>
    </message>
    <message>
        <source>Password: type the user&apos;s password.</source>
        <translation>Mot de passe : saisissez le mot de passe de l’utilisateur.</translation>
    </message>
    <message>
        <source>Bearer &amp;token:</source>
        <translation>&amp;Jeton porteur :</translation>
    </message>
    <message>
        <source>Us&amp;ername:</source>
        <translation>&amp;Nom d’utilisateur :</translation>
    </message>
</context>
<context>
    <name>outflow::ui::BlockedBanner</name>
    <message>
        <source>Destinations that cannot deliver</source>
        <translation>Destinations qui ne peuvent pas livrer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is paused: it sends nothing until enabled.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; est en pause : elle n’envoie rien tant qu’elle n’est pas activée.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cannot deliver: %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ne peut pas livrer : %2.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>Activer %1</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Paramètres de %1</translation>
    </message>
</context>
<context>
    <name>outflow::ui::ConnectionEditor</name>
    <message>
        <source>HTTP API — each export is POSTed as JSON to your endpoint</source>
        <translation>API HTTP — chaque export est envoyé en JSON par POST à votre point de terminaison</translation>
    </message>
    <message>
        <source>A name by which you will recognize this destination in the future.</source>
        <translation>Un nom par lequel vous reconnaîtrez cette destination à l’avenir.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>A description that will help you identify this destination in the future.</source>
        <translation>Une description qui vous aidera à identifier cette destination à l’avenir.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>Name: give the destination a name.</source>
        <translation>Nom : donnez un nom à la destination.</translation>
    </message>
    <message>
        <source>Name: a destination named “%1” already exists.</source>
        <translation>Nom : une destination nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Nom :</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DataflowMetricsModel</name>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Relancées</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latence p95</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>Plus ancienne en attente</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Lettres mortes</translation>
    </message>
    <message>
        <source>Backfill</source>
        <translation>Rattrapage</translation>
    </message>
    <message>
        <source>Exports delivered per second, now</source>
        <translation>Exportations livrées par seconde, en ce moment</translation>
    </message>
    <message>
        <source>Exports given up (dead letters) per minute, now</source>
        <translation>Exportations abandonnées (lettres mortes) par minute, en ce moment</translation>
    </message>
    <message>
        <source>Attempts that will be retried, per minute, now</source>
        <translation>Tentatives qui seront relancées, par minute, en ce moment</translation>
    </message>
    <message>
        <source>95 % of the exports delivered in the last seconds took at most this long from their change&apos;s commit to the 2xx</source>
        <translation>95 % des exportations livrées ces dernières secondes ont mis au plus ce temps entre la validation de leur changement et le 2xx</translation>
    </message>
    <message>
        <source>Exports waiting to be sent, retried or answered</source>
        <translation>Exportations qui attendent d’être envoyées, relancées ou de recevoir une réponse</translation>
    </message>
    <message>
        <source>How long the oldest waiting export has waited</source>
        <translation>Depuis combien de temps attend la plus ancienne exportation en attente</translation>
    </message>
    <message>
        <source>Failed exports kept for replay (Deliveries page)</source>
        <translation>Exportations en échec conservées pour être renvoyées (page Envois)</translation>
    </message>
    <message>
        <source>The newest backfill: profiles exported of those realized</source>
        <translation>Le dernier rattrapage : profils exportés parmi ceux réalisés</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1, about %2 left</source>
        <translation>%1, encore environ %2</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DeliveriesPage</name>
    <message>
        <source>Nothing delivered yet</source>
        <translation>Rien n’a encore été envoyé</translation>
    </message>
    <message>
        <source>Every delivery attempt appears here with its request and answer, secrets masked; failed exports can be replayed.</source>
        <translation>Chaque tentative d’envoi apparaît ici avec sa requête et sa réponse, secrets masqués ; les exportations en échec peuvent être renvoyées.</translation>
    </message>
    <message>
        <source>Activate an audience to a destination: its exports are listed as they are sent.</source>
        <translation>Activez une audience vers une destination : ses exportations s’affichent ici à mesure qu’elles partent.</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>All destinations</source>
        <translation>Toutes les destinations</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination :</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrées</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Nouvelle tentative</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>Rés&amp;ultat :</translation>
    </message>
    <message>
        <source>Search by export ID or profile</source>
        <translation>Rechercher par identifiant d’exportation ou par profil</translation>
    </message>
    <message>
        <source>Export ID, profile ID or identity (email:someone@example.com)</source>
        <translation>Identifiant d’exportation, de profil ou identité (email:quelquun@example.com)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Mas&amp;k profile values</source>
        <translation>&amp;Masquer les valeurs des profils</translation>
    </message>
    <message>
        <source>For screen sharing: identities and the values of exported profiles show as •••</source>
        <translation>Pour le partage d’écran : les identités et les valeurs des profils exportés s’affichent comme •••</translation>
    </message>
    <message>
        <source>Delivery attempts, newest first</source>
        <translation>Tentatives de livraison, les plus récentes d’abord</translation>
    </message>
    <message>
        <source>Load &amp;More</source>
        <translation>Charger &amp;plus</translation>
    </message>
    <message>
        <source>Append older deliveries to the table</source>
        <translation>Ajouter au tableau des livraisons plus anciennes</translation>
    </message>
    <message>
        <source>&amp;Replay Selected</source>
        <translation>Renvo&amp;yer la sélection</translation>
    </message>
    <message>
        <source>Queue the selected failed exports again, same export IDs</source>
        <translation>Remettre en file les exportations en échec sélectionnées, avec les mêmes identifiants</translation>
    </message>
    <message>
        <source>Replay &amp;All Failed…</source>
        <translation>Renvoyer &amp;tous les échecs…</translation>
    </message>
    <message>
        <source>Queue every failed export of the chosen destination again</source>
        <translation>Remettre en file toutes les exportations en échec de la destination choisie</translation>
    </message>
    <message>
        <source>&amp;Copy Export ID</source>
        <translation>&amp;Copier l’identifiant</translation>
    </message>
    <message>
        <source>Show &amp;Profile</source>
        <translation>Affic&amp;her le profil</translation>
    </message>
    <message>
        <source>Open the selected export&apos;s profile on the Profiles page</source>
        <translation>Ouvrir le profil de l’exportation sélectionnée dans la page Profils</translation>
    </message>
    <message>
        <source>No delivery matches these filters.</source>
        <translation>Aucune livraison ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Choose a destination first: a replay acts on one destination&apos;s failed exports</source>
        <translation>Choisissez d’abord une destination : un renvoi porte sur les exportations en échec d’une destination</translation>
    </message>
    <message>
        <source>The same export IDs are sent again. A failed export whose profile has a newer export is not: the endpoint keeps the newer state.</source>
        <translation>Les mêmes identifiants d’exportation sont renvoyés. Une exportation en échec dont le profil a une exportation plus récente ne l’est pas : le point de terminaison garde l’état le plus récent.</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message numerus="yes">
        <source>Replay %n failed export(s) of “%1”?</source>
        <translation>
            <numerusform>Renvoyer %n exportation en échec de « %1 » ?</numerusform>
            <numerusform>Renvoyer %n exportations en échec de « %1 » ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay %n failed export(s) of %1?</source>
        <translation>
            <numerusform>Renvoyer %n exportation en échec de %1 ?</numerusform>
            <numerusform>Renvoyer %n exportations en échec de %1 ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay Selected</source>
        <translation>Renvoyer la sélection</translation>
    </message>
    <message>
        <source>“%1” has no failed export to replay.</source>
        <translation>« %1 » n’a aucune exportation en échec à renvoyer.</translation>
    </message>
    <message>
        <source>Replay All Failed</source>
        <translation>Renvoyer toutes les exportations en échec</translation>
    </message>
    <message numerus="yes">
        <source>Replay all %n failed export(s) of “%1”?</source>
        <translation>
            <numerusform>Renvoyer l’exportation en échec de « %1 » (%n) ?</numerusform>
            <numerusform>Renvoyer les %n exportations en échec de « %1 » ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation>Renvoi en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n queued again</source>
        <translation>
            <numerusform>%n remise en file</numerusform>
            <numerusform>%n remises en file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent again: a newer export replaced each</source>
        <translation>
            <numerusform>%n pas renvoyée : une exportation plus récente l’a remplacée</numerusform>
            <numerusform>%n pas renvoyées : une exportation plus récente a remplacé chacune</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer failed, left as it was</source>
        <translation>
            <numerusform>%n plus en échec, laissée telle quelle</numerusform>
            <numerusform>%n plus en échec, laissées telles quelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export ID(s) copied.</source>
        <translation>
            <numerusform>%n identifiant d’exportation copié.</numerusform>
            <numerusform>%n identifiants d’exportation copiés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::DeliveryDetailPane</name>
    <message>
        <source>Attempts &amp;log:</source>
        <translation>&amp;Journal des tentatives :</translation>
    </message>
    <message>
        <source>Every attempt of this export</source>
        <translation>Chaque tentative de cette exportation</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>UR&amp;L :</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>URL de la requête</translation>
    </message>
    <message>
        <source>Request h&amp;eaders:</source>
        <translation>En-têtes de la re&amp;quête :</translation>
    </message>
    <message>
        <source>Request &amp;body:</source>
        <translation>Corp&amp;s de la requête :</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Ans&amp;wer headers:</source>
        <translation>E&amp;n-têtes de la réponse :</translation>
    </message>
    <message>
        <source>Answer e&amp;xcerpt:</source>
        <translation>E&amp;xtrait de la réponse :</translation>
    </message>
    <message>
        <source>Select a delivery to see its request and answer.</source>
        <translation>Sélectionnez une livraison pour voir sa requête et sa réponse.</translation>
    </message>
    <message>
        <source>Export %1 to “%2”. State: %3.</source>
        <translation>Exportation %1 vers « %2 ». État : %3.</translation>
    </message>
    <message>
        <source>Profile %1.</source>
        <translation>Profil %1.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>No HTTP answer</source>
        <translation>Aucune réponse HTTP</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, à %2</translation>
    </message>
    <message>
        <source>A 2xx answer&apos;s headers are not kept.</source>
        <translation>Les en-têtes d’une réponse 2xx ne sont pas conservés.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DeliveryLogModel</name>
    <message>
        <source>Not sent again</source>
        <translation>Pas renvoyée</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrées</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Nouvelle tentative</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>live</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>backfill</source>
        <translation>rattrapage</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>renvoi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Export ID</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DesktopNotifier</name>
    <message>
        <source>%1 (%2)</source>
        <comment>alert kind (destination)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerte</numerusform>
            <numerusform>%n alertes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. The Alerts page says what to do about each.</source>
        <translation>%1. La page Alertes indique que faire pour chacune.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DestinationSettingsDialog</name>
    <message>
        <source>Edit Destination</source>
        <translation>Modifier la destination</translation>
    </message>
    <message>
        <source>Destination settings</source>
        <translation>Paramètres de la destination</translation>
    </message>
    <message>
        <source>Reading the destination…</source>
        <translation>Lecture de la destination…</translation>
    </message>
    <message>
        <source>Not saved: the system keychain refused the secrets (%1).</source>
        <translation>Non enregistré : le trousseau du système a refusé les secrets (%1).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DestinationWizard</name>
    <message>
        <source>Connect a Destination</source>
        <translation>Connecter une destination</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>An HTTP API destination receives each profile export as a JSON POST request.</source>
        <translation>Une destination API HTTP reçoit chaque export de profil sous forme de requête POST en JSON.</translation>
    </message>
    <message>
        <source>Destination details</source>
        <translation>Détails de la destination</translation>
    </message>
    <message>
        <source>Where the exports go and what travels with them.</source>
        <translation>Où vont les exports et ce qui les accompagne.</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>The authorities the server&apos;s certificate must chain to, and the client certificate presented for mutual TLS.</source>
        <translation>Les autorités auxquelles le certificat du serveur doit se rattacher, et le certificat client présenté pour le TLS mutuel.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>What Outflow tells you about this dataflow.</source>
        <translation>Ce qu’Outflow vous signale sur ce flux de données.</translation>
    </message>
    <message>
        <source>Not saved: the system keychain refused the secrets (%1). Outflow keeps secrets nowhere else; unlock or install a keychain (GNOME Keyring, KWallet) and press Finish again.</source>
        <translation>Non enregistré : le trousseau du système a refusé les secrets (%1). Outflow ne conserve les secrets nulle part ailleurs ; déverrouillez ou installez un trousseau (GNOME Keyring, KWallet) et cliquez à nouveau sur Terminer.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DestinationsModel</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton porteur</translation>
    </message>
    <message>
        <source>OAuth2 client credentials</source>
        <translation>Identifiants client OAuth2</translation>
    </message>
    <message>
        <source>OAuth2 password</source>
        <translation>Mot de passe OAuth2</translation>
    </message>
    <message>
        <source>None mapped</source>
        <translation>Aucune mappée</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point d’entrée</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>Delivered (1 h)</source>
        <translation>Livrées (1 h)</translation>
    </message>
    <message>
        <source>Failed (1 h)</source>
        <translation>En échec (1 h)</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>En file</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DestinationsPage</name>
    <message>
        <source>No destination yet</source>
        <translation>Aucune destination pour l’instant</translation>
    </message>
    <message>
        <source>Each HTTP endpoint you connect appears here with its state, its dataflow and the exports sent, failed and retried.</source>
        <translation>Chaque point d’entrée HTTP que vous connectez apparaît ici avec son état, son flux de données et les exportations envoyées, en échec et relancées.</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinations</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : %2</translation>
    </message>
    <message>
        <source>Delete the destination “%1”? Its dataflow goes with it (%2 mapped audience(s)), %3 queued export(s) are dropped unsent, and its %4 keychain entry(ies) are removed. This cannot be undone.</source>
        <translation>Supprimer la destination « %1 » ? Son flux de données part avec elle (%2 audience(s) mappée(s)), %3 exportation(s) en file sont abandonnées sans être envoyées, et ses %4 entrée(s) du trousseau sont supprimées. C’est irréversible.</translation>
    </message>
    <message>
        <source>Delete Destination</source>
        <translation>Supprimer la destination</translation>
    </message>
    <message>
        <source>Send one sample export now, as the dataflow would, without touching the queue</source>
        <translation>Envoyer maintenant une exportation d’exemple, comme le ferait le flux de données, sans toucher à la file</translation>
    </message>
    <message>
        <source>Sending a test export to “%1”…</source>
        <translation>Envoi d’une exportation de test à « %1 »…</translation>
    </message>
    <message>
        <source>&amp;Send Test</source>
        <translation>Envoyer un &amp;test</translation>
    </message>
    <message>
        <source>Connect one below, or with &lt;b&gt;outflowctl destination add --name N --endpoint URL&lt;/b&gt;: it appears here within seconds.</source>
        <translation>Connectez-en une ci-dessous, ou avec &lt;b&gt;outflowctl destination add --name N --endpoint URL&lt;/b&gt; : elle apparaît ici en quelques secondes.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouvelle…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Connect a destination</source>
        <translation>Connecter une destination</translation>
    </message>
    <message>
        <source>&amp;Connect a Destination…</source>
        <translation>&amp;Connecter une destination…</translation>
    </message>
    <message>
        <source>Test of “%1”: %2</source>
        <translation>Test de « %1 » : %2</translation>
    </message>
    <message>
        <source>Backfill progress</source>
        <translation>Progression du rattrapage</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>%1 profiles/s, about %2 left</source>
        <translation>%1 profils/s, environ %2 restant</translation>
    </message>
    <message>
        <source>%1 profiles/s</source>
        <translation>%1 profils/s</translation>
    </message>
    <message>
        <source>Backfill: %1 of %2 profiles (%3)</source>
        <translation>Rattrapage : %1 profils sur %2 (%3)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Export every current member of a mapped audience to this destination again</source>
        <translation>Exporter à nouveau vers cette destination chaque membre actuel d’une audience mappée</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n current member(s) of “%1” to “%2” again?</source>
        <translation>
            <numerusform>Exporter à nouveau le membre actuel (%n) de « %1 » vers « %2 » ?</numerusform>
            <numerusform>Exporter à nouveau les %n membres actuels de « %1 » vers « %2 » ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each gets a new export, sent after the exports already queued.</source>
        <translation>Chacun reçoit un nouvel export, envoyé après les exports déjà en file d’attente.</translation>
    </message>
    <message>
        <source>Activate Now</source>
        <translation>Activer maintenant</translation>
    </message>
    <message>
        <source>Activate &amp;Audiences…</source>
        <translation>Activer des a&amp;udiences…</translation>
    </message>
    <message>
        <source>Choose the audiences this destination receives, the attributes each export carries and when to export</source>
        <translation>Choisir les audiences que reçoit cette destination, les attributs de chaque exportation et quand exporter</translation>
    </message>
    <message>
        <source>Edit &amp;Activation…</source>
        <translation>Mod&amp;ifier l’activation…</translation>
    </message>
    <message>
        <source>Activate N&amp;ow</source>
        <translation>Acti&amp;ver maintenant</translation>
    </message>
</context>
<context>
    <name>outflow::ui::DetailsEditor</name>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Include segment &amp;timestamps</source>
        <translation>Inclure les &amp;horodatages de segment</translation>
    </message>
    <message>
        <source>Advanced delivery options</source>
        <translation>Options de livraison avancées</translation>
    </message>
    <message>
        <source>Speak HTTP/&amp;2 to a cleartext endpoint (prior knowledge)</source>
        <translation>Parler HTTP/&amp;2 à un point de terminaison en clair (connaissance préalable)</translation>
    </message>
    <message>
        <source>Use a client certificate or a custom CA bundle (next page)</source>
        <translation>Utiliser un certificat client ou un paquet d’AC personnalisé (page suivante)</translation>
    </message>
    <message>
        <source>The HTTP URL of the endpoint where you want to export the profile data. Exports are sent with POST.</source>
        <translation>L’URL HTTP du point de terminaison où vous souhaitez exporter les données de profil. Les exports sont envoyés par POST.</translation>
    </message>
    <message>
        <source>Custom headers to include in the exports, for example an API key. Mark a value secret to keep it in the keychain.</source>
        <translation>En-têtes personnalisés à inclure dans les exports, par exemple une clé d’API. Marquez une valeur comme secrète pour la garder dans le trousseau.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Query parameters to append to the endpoint URL.</source>
        <translation>Paramètres de requête à ajouter à l’URL du point de terminaison.</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Paramètres de requête</translation>
    </message>
    <message>
        <source>Export the names of the mapped audiences with each profile.</source>
        <translation>Exporter les noms des audiences mappées avec chaque profil.</translation>
    </message>
    <message>
        <source>Export the UNIX timestamps of when the mapped audiences were created and updated, and of when they were mapped to this destination.</source>
        <translation>Exporter les horodatages UNIX de création et de mise à jour des audiences mappées, et de leur mappage à cette destination.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Seconds to wait before each retry, separated by commas; the last one repeats. Each delay varies by ±20 %.</source>
        <translation>Secondes d’attente avant chaque nouvelle tentative, séparées par des virgules ; la dernière se répète. Chaque délai varie de ±20 %.</translation>
    </message>
    <message>
        <source>The most requests in flight at once to this endpoint.</source>
        <translation>Le nombre maximal de requêtes simultanées vers ce point de terminaison.</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>Point de &amp;terminaison :</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;En-têtes :</translation>
    </message>
    <message>
        <source>&amp;Query parameters:</source>
        <translation>Paramètres de &amp;requête :</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Délai d’expiration :</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Nouvelles tentatives :</translation>
    </message>
    <message>
        <source>Retry &amp;delays (s):</source>
        <translation>Délais entre tentati&amp;ves (s) :</translation>
    </message>
    <message>
        <source>Retry delays: “%1” is not a number of seconds between 0 and 86400.</source>
        <translation>Délais entre tentatives : « %1 » n’est pas un nombre de secondes entre 0 et 86400.</translation>
    </message>
    <message>
        <source>Headers: type the secret value of “%1”.</source>
        <translation>En-têtes : saisissez la valeur secrète de « %1 ».</translation>
    </message>
    <message>
        <source>Query parameters: type the secret value of “%1”.</source>
        <translation>Paramètres de requête : saisissez la valeur secrète de « %1 ».</translation>
    </message>
    <message>
        <source>Retry delays: give at least one delay, or set Retries to 0.</source>
        <translation>Délais entre tentatives : donnez au moins un délai, ou mettez les nouvelles tentatives à 0.</translation>
    </message>
    <message>
        <source>Include segment na&amp;mes</source>
        <translation>Inclure les n&amp;oms de segment</translation>
    </message>
    <message>
        <source>Conc&amp;urrency:</source>
        <translation>S&amp;imultanéité :</translation>
    </message>
    <message>
        <source>1 sends one profile per request, as the reference does. More sends up to this many profiles in one request, a JSON array the receiver must accept (see the README&apos;s Batched delivery).</source>
        <translation>1 envoie un profil par requête, comme la référence. Davantage envoie jusqu’à ce nombre de profils dans une requête, un tableau JSON que le récepteur doit accepter (voir « Batched delivery » dans le README).</translation>
    </message>
    <message>
        <source>How long the first export of a batch may wait for others.</source>
        <translation>Combien de temps la première exportation d’un lot peut attendre les autres.</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> Kio</translation>
    </message>
    <message>
        <source>The largest body of a batch.</source>
        <translation>Le plus grand corps d’un lot.</translation>
    </message>
    <message>
        <source>E&amp;xports per request:</source>
        <translation>E&amp;xportations par requête :</translation>
    </message>
    <message>
        <source>Longest &amp;wait for a batch:</source>
        <translation>&amp;Attente maximale d’un lot :</translation>
    </message>
    <message>
        <source>Largest batch &amp;size:</source>
        <translation>Taille maximale d’un &amp;lot :</translation>
    </message>
</context>
<context>
    <name>outflow::ui::EngineHost</name>
    <message>
        <source>The ingest endpoint needs its token from the keychain: %1</source>
        <translation>Le point d’ingestion a besoin de son jeton, conservé dans le trousseau : %1</translation>
    </message>
    <message>
        <source>The destination was removed, but a secret stays in the keychain: %1</source>
        <translation>La destination a été supprimée, mais un secret reste dans le trousseau : %1</translation>
    </message>
    <message>
        <source>The keychain kept %1: %2</source>
        <translation>Le trousseau a conservé %1 : %2</translation>
    </message>
</context>
<context>
    <name>outflow::ui::FiguresPanel</name>
    <message>
        <source>Profiles received:</source>
        <translation>Profils reçus :</translation>
    </message>
    <message>
        <source>Profile updates that met an activation trigger</source>
        <translation>Mises à jour de profil qui ont rempli un déclencheur d’activation</translation>
    </message>
    <message>
        <source>Exports created:</source>
        <translation>Exportations créées :</translation>
    </message>
    <message>
        <source>Exports queued for delivery</source>
        <translation>Exportations mises en file pour livraison</translation>
    </message>
    <message>
        <source>Excluded:</source>
        <translation>Exclus :</translation>
    </message>
    <message>
        <source>Profiles left out, by reason</source>
        <translation>Profils écartés, par motif</translation>
    </message>
    <message>
        <source>Suppressed:</source>
        <translation>Supprimés :</translation>
    </message>
    <message>
        <source>Changes not exported because their trigger is switched off</source>
        <translation>Changements non exportés car leur déclencheur est désactivé</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Livrées :</translation>
    </message>
    <message>
        <source>Exports the endpoint accepted (2xx)</source>
        <translation>Exportations acceptées par le point de terminaison (2xx)</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>En échec :</translation>
    </message>
    <message>
        <source>Exports given up after their last attempt: dead letters, replayable</source>
        <translation>Exportations abandonnées après leur dernière tentative : lettres mortes, renvoyables</translation>
    </message>
    <message>
        <source>Retried:</source>
        <translation>Relancées :</translation>
    </message>
    <message>
        <source>Attempts that failed and were scheduled again</source>
        <translation>Tentatives en échec programmées à nouveau</translation>
    </message>
    <message>
        <source>Backlog:</source>
        <translation>File d’attente :</translation>
    </message>
    <message>
        <source>Exports waiting now, and how long the oldest has waited</source>
        <translation>Exportations en attente maintenant, et depuis combien de temps la plus ancienne attend</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99:</source>
        <translation>Latence p50 / p95 / p99 :</translation>
    </message>
    <message>
        <source>From the change&apos;s commit to the endpoint&apos;s 2xx</source>
        <translation>De la validation du changement au 2xx du point de terminaison</translation>
    </message>
    <message>
        <source>Delivered on time:</source>
        <translation>Livrées à temps :</translation>
    </message>
    <message>
        <source>The share delivered within the destination&apos;s target (the reference promises 95 % within 10 minutes)</source>
        <translation>La part livrée dans l’objectif de la destination (la référence promet 95 % en 10 minutes)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, oldest %2</source>
        <translation>%1, la plus ancienne depuis %2</translation>
    </message>
    <message>
        <source>%1 / %2 / %3</source>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <source>target %1 within %2</source>
        <translation>objectif %1 en %2</translation>
    </message>
    <message>
        <source>nothing delivered (%1)</source>
        <translation>rien de livré (%1)</translation>
    </message>
</context>
<context>
    <name>outflow::ui::HourlyRunsModel</name>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Profiles received</source>
        <translation>Profils reçus</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Activés</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Exclus</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Activation rate</source>
        <translation>Taux d’activation</translation>
    </message>
    <message>
        <source>Profile updates that met an activation trigger</source>
        <translation>Mises à jour de profil qui ont rempli un déclencheur d’activation</translation>
    </message>
    <message>
        <source>Exports created for them</source>
        <translation>Exportations créées pour eux</translation>
    </message>
    <message>
        <source>Left out: a mandatory attribute was missing</source>
        <translation>Écartés : un attribut obligatoire manquait</translation>
    </message>
    <message>
        <source>Exports given up after their last attempt</source>
        <translation>Exportations abandonnées après leur dernière tentative</translation>
    </message>
    <message>
        <source>Activated ÷ received</source>
        <translation>Activés ÷ reçus</translation>
    </message>
</context>
<context>
    <name>outflow::ui::IdentitiesModel</name>
    <message>
        <source>primary</source>
        <translation>principale</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Principale</translation>
    </message>
</context>
<context>
    <name>outflow::ui::JsonTreeModel</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <translation>
            <numerusform>{%n membre}</numerusform>
            <numerusform>{%n membres}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <translation>
            <numerusform>[%n élément]</numerusform>
            <numerusform>[%n éléments]</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>outflow::ui::KeyValueTableEditor</name>
    <message>
        <source>Stored in the keychain — type to replace</source>
        <translation>Enregistré dans le trousseau — saisissez pour remplacer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>Retirer la ligne sélectionnée</translation>
    </message>
    <message>
        <source>Keep this value in the keychain: it is never stored, logged or shown.</source>
        <translation>Garder cette valeur dans le trousseau : elle n’est jamais enregistrée, journalisée ni affichée.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::MainWindow</name>
    <message>
        <source>Keychain: checking…</source>
        <translation>Trousseau : vérification…</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinations</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>No profile yet</source>
        <translation>Aucun profil pour l’instant</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>À &amp;propos de %1</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Demo receiver: %1</source>
        <translation>Récepteur de démonstration : %1</translation>
    </message>
    <message>
        <source>Keychain: available</source>
        <translation>Trousseau : disponible</translation>
    </message>
    <message>
        <source>Keychain: not available</source>
        <translation>Trousseau : indisponible</translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain.</source>
        <translation>Les secrets sont enregistrés dans le trousseau du système.</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Local &amp;Ingest Endpoint</source>
        <translation>Point d’&amp;ingestion local</translation>
    </message>
    <message>
        <source>Accept profile fragments on http://127.0.0.1:%1/v1/fragments (bearer token: outflowctl ingest-token)</source>
        <translation>Accepter des fragments de profil sur http://127.0.0.1:%1/v1/fragments (jeton porteur : outflowctl ingest-token)</translation>
    </message>
    <message>
        <source>Ingest: stopped</source>
        <translation>Ingestion : arrêtée</translation>
    </message>
    <message>
        <source>Ingest: http://127.0.0.1:%1/v1/fragments</source>
        <translation>Ingestion : http://127.0.0.1:%1/v1/fragments</translation>
    </message>
    <message>
        <source>Bearer token: outflowctl ingest-token</source>
        <translation>Jeton porteur : outflowctl ingest-token</translation>
    </message>
    <message>
        <source>Ingest: starting…</source>
        <translation>Ingestion : démarrage…</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) in the store</source>
        <translation>
            <numerusform>%n profil dans le stockage</numerusform>
            <numerusform>%n profils dans le stockage</numerusform>
        </translation>
    </message>
    <message>
        <source>Desktop &amp;Notifications for Alerts</source>
        <translation>&amp;Notifications de bureau pour les alertes</translation>
    </message>
    <message>
        <source>Announce each new alert with a desktop notification</source>
        <translation>Annoncer chaque nouvelle alerte par une notification de bureau</translation>
    </message>
    <message>
        <source>&amp;Check Store…</source>
        <translation>&amp;Vérifier le stockage…</translation>
    </message>
    <message>
        <source>Verify every page of the store and its references</source>
        <translation>Vérifier chaque page du stockage et ses références</translation>
    </message>
    <message>
        <source>&amp;Back Up Store…</source>
        <translation>&amp;Sauvegarder le stockage…</translation>
    </message>
    <message>
        <source>Copy the store into a new file while Outflow runs</source>
        <translation>Copier le stockage dans un nouveau fichier pendant qu’Outflow tourne</translation>
    </message>
    <message>
        <source>outflow-backup-%1.sqlite</source>
        <translation>outflow-sauvegarde-%1.sqlite</translation>
    </message>
    <message>
        <source>Back Up Store</source>
        <translation>Sauvegarder le stockage</translation>
    </message>
    <message>
        <source>Outflow stores (*.sqlite);;All files (*)</source>
        <translation>Stockages Outflow (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The store cannot be opened</source>
        <translation>Le stockage ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>&amp;Connect a Destination…</source>
        <translation>&amp;Connecter une destination…</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Envois</translation>
    </message>
</context>
<context>
    <name>outflow::ui::MappedAttributesModel</name>
    <message>
        <source>Unique identifier</source>
        <translation>Identifiant unique</translation>
    </message>
    <message>
        <source>Not the identifier</source>
        <translation>Pas l’identifiant</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>XDM path</source>
        <translation>Chemin XDM</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
</context>
<context>
    <name>outflow::ui::MappingEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>e.g. email</source>
        <translation>par ex. email</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Enter or a double click maps the field</source>
        <translation>Entrée ou un double clic mappe le champ</translation>
    </message>
    <message>
        <source>e.g. person.name.firstName</source>
        <translation>par ex. person.name.firstName</translation>
    </message>
    <message>
        <source>Space checks the Identifier or Mandatory box under the cursor</source>
        <translation>Espace coche la case Identifiant ou Obligatoire sous le curseur</translation>
    </message>
    <message>
        <source>F&amp;ilter fields:</source>
        <translation>F&amp;iltrer les champs :</translation>
    </message>
    <message>
        <source>&amp;XDM fields:</source>
        <translation>Champs &amp;XDM :</translation>
    </message>
    <message>
        <source>T&amp;yped path:</source>
        <translation>C&amp;hemin saisi :</translation>
    </message>
    <message>
        <source>&amp;Mapped attributes:</source>
        <translation>Attributs &amp;mappés :</translation>
    </message>
    <message>
        <source>No attribute is mapped: each export will carry only the profile&apos;s identities and audience memberships.</source>
        <translation>Aucun attribut n’est mappé : chaque exportation ne portera que les identités du profil et ses appartenances aux audiences.</translation>
    </message>
    <message>
        <source>No attribute is the unique identifier. One is recommended, so that the receiver can tell profiles apart: check one in the Identifier column.</source>
        <translation>Aucun attribut n’est l’identifiant unique. Il est recommandé d’en choisir un, pour que le destinataire distingue les profils : cochez-en un dans la colonne Identifiant.</translation>
    </message>
    <message>
        <source>already mapped</source>
        <translation>déjà mappé</translation>
    </message>
    <message>
        <source>Typed path: %1.</source>
        <translation>Chemin saisi : %1.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>How many of the sampled stored profiles have it</source>
        <translation>Combien des profils stockés échantillonnés l’ont</translation>
    </message>
</context>
<context>
    <name>outflow::ui::MembershipsModel</name>
    <message>
        <source>realized</source>
        <translation>réalisé</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>sorti</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Qualified or exited at</source>
        <translation>Qualifié ou sorti le</translation>
    </message>
</context>
<context>
    <name>outflow::ui::MonitoringPage</name>
    <message>
        <source>Nothing to monitor yet</source>
        <translation>Rien à surveiller pour l’instant</translation>
    </message>
    <message>
        <source>Live figures of each dataflow appear here: exports sent, failed, retried and late, backlog and delivery latency.</source>
        <translation>Les chiffres en direct de chaque flux de données apparaissent ici : exportations envoyées, en échec, relancées et en retard, file d’attente et latence de livraison.</translation>
    </message>
    <message>
        <source>Activate an audience to a destination to start a dataflow.</source>
        <translation>Activez une audience vers une destination pour démarrer un flux de données.</translation>
    </message>
    <message>
        <source>minutes before now</source>
        <translation>minutes avant maintenant</translation>
    </message>
    <message>
        <source>hours before now</source>
        <translation>heures avant maintenant</translation>
    </message>
    <message>
        <source>days before now</source>
        <translation>jours avant maintenant</translation>
    </message>
    <message>
        <source>All dataflows</source>
        <translation>Tous les flux de données</translation>
    </message>
    <message>
        <source>&amp;Dataflows:</source>
        <translation>Flux de donnée&amp;s :</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Exports per second</source>
        <translation>Exportations par seconde</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Relancées</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latence (ms)</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Backlog (exports waiting)</source>
        <translation>File d’attente (exportations en attente)</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Dataflows</source>
        <translation>Flux de données</translation>
    </message>
    <message>
        <source>Hourly dataflow runs</source>
        <translation>Exécutions horaires du flux de données</translation>
    </message>
    <message>
        <source>Dataflows &amp;now:</source>
        <translation>Flux de données &amp;maintenant :</translation>
    </message>
    <message>
        <source>Dataflow &amp;runs by hour (last 24 hours):</source>
        <translation>Exécutions du flux par &amp;heure (dernières 24 heures) :</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
</context>
<context>
    <name>outflow::ui::PayloadPreviewPanel</name>
    <message>
        <source>Anot&amp;her Profile</source>
        <translation>Un a&amp;utre profil</translation>
    </message>
    <message>
        <source>Payload preview</source>
        <translation>Aperçu de la charge utile</translation>
    </message>
    <message>
        <source>Preview the export of the next member of the selected audiences</source>
        <translation>Prévisualiser l’exportation du membre suivant des audiences sélectionnées</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Pas d’aperçu : %1</translation>
    </message>
    <message>
        <source>No preview: the selected audiences have no realized member yet.</source>
        <translation>Pas d’aperçu : les audiences sélectionnées n’ont encore aucun membre réalisé.</translation>
    </message>
    <message>
        <source>The export of profile %1, as it would be sent:</source>
        <translation>L’exportation du profil %1, telle qu’elle serait envoyée :</translation>
    </message>
    <message>
        <source>Profile %1 would be excluded, not sent: it has no %2.</source>
        <translation>Le profil %1 serait exclu, pas envoyé : il n’a pas %2.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::ProfileHistoryModel</name>
    <message>
        <source>exported</source>
        <translation>exporté</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>exclu</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reason or trigger</source>
        <translation>Raison ou déclencheur</translation>
    </message>
    <message>
        <source>Export id</source>
        <translation>Identifiant d’exportation</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>outflow::ui::ProfilesPage</name>
    <message>
        <source>No profile yet</source>
        <translation>Aucun profil pour l’instant</translation>
    </message>
    <message>
        <source>Customer profiles appear here once fragments are ingested, with their identities, memberships and export history. Look one up by any of its identities above.</source>
        <translation>Les profils clients apparaissent ici une fois les fragments ingérés, avec leurs identités, appartenances et historique d’exportation. Recherchez-en un par l’une de ses identités ci-dessus.</translation>
    </message>
    <message>
        <source>Ingest fragments with &lt;b&gt;outflowctl ingest FILE.ndjson&lt;/b&gt;, or start with &lt;b&gt;tools/run.sh --demo&lt;/b&gt; for sample data.</source>
        <translation>Ingérez des fragments avec &lt;b&gt;outflowctl ingest FICHIER.ndjson&lt;/b&gt;, ou démarrez avec &lt;b&gt;tools/run.sh --demo&lt;/b&gt; pour des données d’exemple.</translation>
    </message>
    <message>
        <source>Identity &amp;namespace:</source>
        <translation>Espace de &amp;noms d’identité :</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>Identity namespace</source>
        <translation>Espace de noms d’identité</translation>
    </message>
    <message>
        <source>The namespace of the identity: email, crmId, ECID…</source>
        <translation>L’espace de noms de l’identité : email, crmId, ECID…</translation>
    </message>
    <message>
        <source>I&amp;d:</source>
        <translation>I&amp;dentifiant :</translation>
    </message>
    <message>
        <source>ana@example.com</source>
        <translation>ana@example.com</translation>
    </message>
    <message>
        <source>Identity id</source>
        <translation>Identifiant d’identité</translation>
    </message>
    <message>
        <source>&amp;Look Up</source>
        <translation>&amp;Chercher</translation>
    </message>
    <message>
        <source>Look up the profile</source>
        <translation>Chercher le profil</translation>
    </message>
    <message>
        <source>Merged profile</source>
        <translation>Profil fusionné</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Appartenances</translation>
    </message>
    <message>
        <source>Export history per destination</source>
        <translation>Historique d’exportation par destination</translation>
    </message>
    <message>
        <source>Profile details</source>
        <translation>Détails du profil</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Looking up %1:%2…</source>
        <translation>Recherche de %1:%2…</translation>
    </message>
    <message numerus="yes">
        <source>Profile %1: %n identity(ies)</source>
        <translation>
            <numerusform>Profil %1 : %n identité</numerusform>
            <numerusform>Profil %1 : %n identités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n membership(s)</source>
        <translation>
            <numerusform>%n appartenance</numerusform>
            <numerusform>%n appartenances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export decision(s)</source>
        <translation>
            <numerusform>%n décision d’exportation</numerusform>
            <numerusform>%n décisions d’exportation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) merged into it</source>
        <translation>
            <numerusform>%n profil fusionné dans celui-ci</numerusform>
            <numerusform>%n profils fusionnés dans celui-ci</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::ReviewPage</name>
    <message>
        <source>&amp;Send test</source>
        <translation>&amp;Envoyer un test</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Check the destination, send a test export if you wish, then Finish to save it. Secrets go to the keychain, the rest to the store.</source>
        <translation>Vérifiez la destination, envoyez un export de test si vous le souhaitez, puis cliquez sur Terminer pour l’enregistrer. Les secrets vont dans le trousseau, le reste dans le magasin.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Send one sample export to the endpoint now, with these settings. Nothing is queued.</source>
        <translation>Envoyer maintenant un export d’exemple au point de terminaison, avec ces paramètres. Rien n’est mis en file d’attente.</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat du test</translation>
    </message>
    <message>
        <source>•••• (stored)</source>
        <translation>•••• (enregistré)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>néant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton porteur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>URL du jeton</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Identifiants client</translation>
    </message>
    <message>
        <source>Body form encoded</source>
        <translation>Corps encodé en formulaire</translation>
    </message>
    <message>
        <source>Basic authorization</source>
        <translation>Autorisation Basic</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Paramètres de requête</translation>
    </message>
    <message>
        <source>Segment names</source>
        <translation>Noms de segment</translation>
    </message>
    <message>
        <source>included</source>
        <translation>inclus</translation>
    </message>
    <message>
        <source>not included</source>
        <translation>non inclus</translation>
    </message>
    <message>
        <source>Segment timestamps</source>
        <translation>Horodatages de segment</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>timeout %1 ms, %2 retries (%3), up to %4 requests at once%5</source>
        <translation>délai d’expiration %1 ms, %2 nouvelles tentatives (%3), jusqu’à %4 requêtes simultanées%5</translation>
    </message>
    <message>
        <source>, HTTP/2</source>
        <translation>, HTTP/2</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Paquet d’AC</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Phrase de passe de la clé</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Sending a test export…</source>
        <translation>Envoi d’un export de test…</translation>
    </message>
    <message>
        <source>After Finish, go on to &amp;activate audiences</source>
        <translation>Après Terminer, continuer vers l’&amp;activation d’audiences</translation>
    </message>
    <message>
        <source>A destination exports nothing until audiences are mapped to it: the activation wizard picks them, the attributes and when to export.</source>
        <translation>Une destination n’exporte rien tant qu’aucune audience ne lui est mappée : l’assistant d’activation les choisit, ainsi que les attributs et quand exporter.</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>up to %1 profiles a request, the first waiting at most %2, at most %3</source>
        <translation>jusqu’à %1 profils par requête, le premier attendant au plus %2, au plus %3</translation>
    </message>
    <message>
        <source>none: one profile a request</source>
        <translation>aucun : un profil par requête</translation>
    </message>
</context>
<context>
    <name>outflow::ui::RuleAudienceDialog</name>
    <message>
        <source>Edit Audience “%1”</source>
        <translation>Modifier l’audience « %1 »</translation>
    </message>
    <message>
        <source>New Rule Audience</source>
        <translation>Nouvelle audience à règle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Merge policy</source>
        <translation>Politique de fusion</translation>
    </message>
    <message>
        <source>Exports carry the other audiences sharing a merge policy with a mapped one; it cannot change once the audience exists.</source>
        <translation>Les exportations portent les autres audiences partageant une politique de fusion avec une audience mappée ; elle ne peut plus changer une fois l’audience créée.</translation>
    </message>
    <message>
        <source>Matching profiles</source>
        <translation>Profils correspondants</translation>
    </message>
    <message>
        <source>Sample profiles</source>
        <translation>Profils d’exemple</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Merge policy:</source>
        <translation>Politique de &amp;fusion :</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Règle :</translation>
    </message>
    <message>
        <source>Matching:</source>
        <translation>Correspondance :</translation>
    </message>
    <message>
        <source>Sam&amp;ple profiles:</source>
        <translation>Profils d’e&amp;xemple :</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>Type a rule to count.</source>
        <translation>Saisissez une règle pour compter.</translation>
    </message>
    <message>
        <source>The rule does not parse.</source>
        <translation>La règle n’est pas valide.</translation>
    </message>
    <message>
        <source>Could not count: %1</source>
        <translation>Comptage impossible : %1</translation>
    </message>
    <message>
        <source>%1 of %2 profiles match (nothing is stored until you save).</source>
        <translation>%1 profils sur %2 correspondent (rien n’est enregistré avant l’enregistrement).</translation>
    </message>
    <message>
        <source>Profile %1 — %2</source>
        <translation>Profil %1 — %2</translation>
    </message>
    <message>
        <source>The audience name is required.</source>
        <translation>Le nom de l’audience est obligatoire.</translation>
    </message>
    <message>
        <source>The rule is required.</source>
        <translation>La règle est obligatoire.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::RuleEditor</name>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>An audience rule, e.g. loyalty.points &gt; 100 and homeAddress.countryCode in [&quot;FR&quot;, &quot;DE&quot;]</source>
        <translation>Une règle d’audience, par ex. loyalty.points &gt; 100 and homeAddress.countryCode in [&quot;FR&quot;, &quot;DE&quot;]</translation>
    </message>
    <message>
        <source>loyalty.points &gt; 100 and personalEmail.address exists</source>
        <translation>loyalty.points &gt; 100 and personalEmail.address exists</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2 : %3</translation>
    </message>
</context>
<context>
    <name>outflow::ui::SecretLineEdit</name>
    <message>
        <source>Show the secret</source>
        <translation>Afficher le secret</translation>
    </message>
    <message>
        <source>Stored in the keychain — type to replace</source>
        <translation>Enregistré dans le trousseau — saisissez pour remplacer</translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation>Masquer le secret</translation>
    </message>
</context>
<context>
    <name>outflow::ui::StoreMaintenanceDialog</name>
    <message>
        <source>Check Store</source>
        <translation>Vérifier le stockage</translation>
    </message>
    <message>
        <source>Checking every page of the store %1…</source>
        <translation>Vérification de chaque page du stockage %1…</translation>
    </message>
    <message>
        <source>Back Up Store</source>
        <translation>Sauvegarder le stockage</translation>
    </message>
    <message>
        <source>Copying the store to %1…</source>
        <translation>Copie du stockage dans %1…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Stockage : %1</translation>
    </message>
    <message>
        <source>The store could not be checked: %1</source>
        <translation>Le stockage n’a pas pu être vérifié : %1</translation>
    </message>
    <message>
        <source>Size: %1; schema version %2</source>
        <translation>Taille : %1 ; version de schéma %2</translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation>%1 : ok</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s)</source>
        <translation>
            <numerusform>%1 : %n problème</numerusform>
            <numerusform>%1 : %n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Intégrité</translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation>Clés étrangères</translation>
    </message>
    <message>
        <source>Last backup: %1, taken %2 (%3)</source>
        <translation>Dernière sauvegarde : %1, faite le %2 (%3)</translation>
    </message>
    <message>
        <source>Last backup: none taken with Outflow yet.</source>
        <translation>Dernière sauvegarde : aucune faite avec Outflow pour l’instant.</translation>
    </message>
    <message>
        <source>The store is whole: every page and every reference checked out.</source>
        <translation>Le stockage est intact : chaque page et chaque référence ont été vérifiées.</translation>
    </message>
    <message>
        <source>The store is damaged. Quit Outflow and stop every outflowctl that uses it, keep the damaged file aside, and put the last backup in its place.</source>
        <translation>Le stockage est endommagé. Quittez Outflow et arrêtez tous les outflowctl qui l’utilisent, mettez le fichier endommagé de côté et mettez la dernière sauvegarde à sa place.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>La sauvegarde a échoué : %1</translation>
    </message>
    <message>
        <source>The store was copied to %1 (%2) and the copy checked.</source>
        <translation>Le stockage a été copié dans %1 (%2) et la copie vérifiée.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::TimeSeriesChart</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Pas encore de données</translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>Dernières valeurs : %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>outflow::ui::TlsEditor</name>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>Paquet d’&amp;AC :</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>&amp;Certificat client :</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.p12 *.pfx);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.p12 *.pfx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Presented when the server asks for one (mutual TLS): PEM, or a PKCS#12 bundle holding its key.</source>
        <translation>Présenté quand le serveur en demande un (TLS mutuel) : PEM, ou un paquet PKCS#12 contenant sa clé.</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Clé clie&amp;nt :</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key);;All files (*)</source>
        <translation>Clés (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM). Empty with PKCS#12.</source>
        <translation>La clé privée du certificat (PEM). Vide avec PKCS#12.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Phrase de passe de la clé</translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation>P&amp;hrase de passe de la clé :</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Parcourir : %1</translation>
    </message>
    <message>
        <source>No client certificate; the server is checked against the system&apos;s trusted authorities.</source>
        <translation>Pas de certificat client ; le serveur est vérifié avec les autorités de confiance du système.</translation>
    </message>
    <message>
        <source>The key&apos;s passphrase is in the keychain; type it again to check the certificate here.</source>
        <translation>La phrase de passe de la clé est dans le trousseau ; saisissez-la à nouveau pour vérifier le certificat ici.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not usable:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Inutilisable :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>No client certificate; the server is checked against %1.</source>
        <translation>Pas de certificat client ; le serveur est vérifié avec %1.</translation>
    </message>
    <message>
        <source>Client certificate: “%1” expired on %2; servers refuse it. Choose a valid certificate.</source>
        <translation>Certificat client : « %1 » a expiré le %2 ; les serveurs le refusent. Choisissez un certificat valide.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n jour restant</numerusform>
            <numerusform>%n jours restants</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Alternative names: %2&lt;br&gt;Issued by: %3&lt;br&gt;Valid from %4 to %5 (%6)&lt;br&gt;SHA-256: %7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Noms alternatifs : %2&lt;br&gt;Émis par : %3&lt;br&gt;Valide du %4 au %5 (%6)&lt;br&gt;SHA-256 : %7</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>The authorities the server&apos;s certificate must chain to. Empty: the system&apos;s trusted authorities.</source>
        <translation>Les autorités auxquelles le certificat du serveur doit se rattacher. Vide : les autorités de confiance du système.</translation>
    </message>
</context>
<context>
    <name>outflow::ui::TrayIcon</name>
    <message numerus="yes">
        <source>%n healthy</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n en bonne santé</numerusform>
            <numerusform>%n en bonne santé</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sending</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n en cours d’envoi</numerusform>
            <numerusform>%n en cours d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backlogged</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retrying</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n en nouvelle tentative</numerusform>
            <numerusform>%n en nouvelles tentatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing to authenticate</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n en échec d’authentification</numerusform>
            <numerusform>%n en échec d’authentification</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a TLS problem</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n avec un problème TLS</numerusform>
            <numerusform>%n avec un problème TLS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing a secret</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n sans son secret</numerusform>
            <numerusform>%n sans leur secret</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n désactivée</numerusform>
            <numerusform>%n désactivées</numerusform>
        </translation>
    </message>
    <message>
        <source>no active alert</source>
        <translation>aucune alerte active</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n alerte active</numerusform>
            <numerusform>%n alertes actives</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — no destination; %2</source>
        <comment>app — no destination; alerts</comment>
        <translation>%1 — aucune destination ; %2</translation>
    </message>
    <message>
        <source>%1 — %2: %3; %4</source>
        <comment>app — destinations: their states; alerts</comment>
        <translation>%1 — %2 : %3 ; %4</translation>
    </message>
    <message numerus="yes">
        <source>%n destination(s)</source>
        <translation>
            <numerusform>%n destination</numerusform>
            <numerusform>%n destinations</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between destination states</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>&amp;Show %1</source>
        <translation>&amp;Afficher %1</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n acknowledged)</source>
        <comment>active alerts (how many acknowledged)</comment>
        <translation>
            <numerusform>%1 (%n acquittée)</numerusform>
            <numerusform>%1 (%n acquittées)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::TriggersEditor</name>
    <message>
        <source>&amp;Attribute changes</source>
        <translation>Modifications d’&amp;attributs</translation>
    </message>
    <message>
        <source>A&amp;udience changes</source>
        <translation>Changements d’a&amp;udience</translation>
    </message>
    <message>
        <source>&amp;Identity changes</source>
        <translation>Modifications d’&amp;identité</translation>
    </message>
    <message>
        <source>Only members that changed in one of these ways are exported: exports are incremental. Every mapped attribute is sent each time, whatever changed.</source>
        <translation>Seuls les membres qui ont changé de l’une de ces façons sont exportés : les exportations sont incrémentielles. Chaque attribut mappé est envoyé à chaque fois, quel que soit le changement.</translation>
    </message>
    <message>
        <source>A mapped attribute was written on a member, for instance added to the profile. Any write counts, even of the same value.</source>
        <translation>Un attribut mappé a été écrit sur un membre, par exemple ajouté au profil. Toute écriture compte, même de la même valeur.</translation>
    </message>
    <message>
        <source>The profile qualified for a mapped audience (realized) or left it (exiting).</source>
        <translation>Le profil est devenu éligible à une audience mappée (realized) ou l’a quittée (exiting).</translation>
    </message>
    <message>
        <source>The profile&apos;s identity map changed, for instance a new identity was added to a profile already in a mapped audience.</source>
        <translation>Le mappage d’identités du profil a changé, par exemple une nouvelle identité a été ajoutée à un profil déjà dans une audience mappée.</translation>
    </message>
    <message>
        <source>With every kind of change off, only the backfill and Activate Now export anything.</source>
        <translation>Avec tous les types de changement désactivés, seuls le remplissage et Activer maintenant exportent.</translation>
    </message>
    <message>
        <source>With audience changes off, a profile that leaves a mapped audience is not exported: the receiver never learns it exited.</source>
        <translation>Avec les changements d’audience désactivés, un profil qui quitte une audience mappée n’est pas exporté : le destinataire n’apprend jamais sa sortie.</translation>
    </message>
</context>
<context>
    <name>outflowctl</name>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>Exit status: 0 on success, 1 on a runtime failure, 2 on bad usage or input.
Secrets are read from OUTFLOW_BEARER_TOKEN, OUTFLOW_CLIENT_SECRET, OUTFLOW_PASSWORD and OUTFLOW_KEY_PASSPHRASE, or prompted for; never given as arguments.</source>
        <translation>Code de sortie : 0 en cas de succès, 1 en cas d’échec à l’exécution, 2 en cas d’usage ou d’entrée incorrects.
Les secrets sont lus dans OUTFLOW_BEARER_TOKEN, OUTFLOW_CLIENT_SECRET, OUTFLOW_PASSWORD et OUTFLOW_KEY_PASSPHRASE, ou demandés à l’invite ; jamais passés en arguments.</translation>
    </message>
    <message>
        <source>Outflow&apos;s headless twin: the same store and engine as the desktop app, for servers, scripts and tests.</source>
        <translation>Le jumeau sans interface d’Outflow : le même stockage et le même moteur que l’application de bureau, pour les serveurs, les scripts et les tests.</translation>
    </message>
    <message>
        <source>The store to use (default: OUTFLOW_STORE, or the store in the user&apos;s data folder).</source>
        <translation>Le stockage à utiliser (par défaut : OUTFLOW_STORE, ou le stockage du dossier de données de l’utilisateur).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>Print one JSON document on stdout.</source>
        <translation>Écrire un document JSON sur la sortie standard.</translation>
    </message>
    <message>
        <source>Language of messages: en or fr (default: the system&apos;s).</source>
        <translation>Langue des messages : en ou fr (par défaut : celle du système).</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>La commande à exécuter.</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>Essayez « %1 --help ».</translation>
    </message>
    <message>
        <source>--lang: unsupported language &apos;%1&apos; (use en or fr).</source>
        <translation>--lang : langue « %1 » non prise en charge (utilisez en ou fr).</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Try &apos;%2 --help&apos;.</source>
        <translation>Commande inconnue « %1 ». Essayez « %2 --help ».</translation>
    </message>
    <message>
        <source>Manage HTTP destinations.</source>
        <translation>Gérer les destinations HTTP.</translation>
    </message>
    <message>
        <source>Manage rule and custom-upload audiences.</source>
        <translation>Gérer les audiences à règle et les audiences importées.</translation>
    </message>
    <message>
        <source>Map audiences and attributes to a destination.</source>
        <translation>Mapper des audiences et des attributs à une destination.</translation>
    </message>
    <message>
        <source>Merge profile fragments, one JSON object a line.</source>
        <translation>Fusionner des fragments de profil, un objet JSON par ligne.</translation>
    </message>
    <message>
        <source>Look up profiles and their export history.</source>
        <translation>Rechercher des profils et leur historique d’exportation.</translation>
    </message>
    <message>
        <source>Run the engine: ingest, segment, activate, deliver.</source>
        <translation>Exécuter le moteur : ingérer, segmenter, activer, livrer.</translation>
    </message>
    <message>
        <source>Show the monitoring figures of each dataflow.</source>
        <translation>Afficher les chiffres de surveillance de chaque flux de données.</translation>
    </message>
    <message>
        <source>List recent deliveries and their outcome.</source>
        <translation>Lister les livraisons récentes et leur résultat.</translation>
    </message>
    <message>
        <source>Send failed exports again.</source>
        <translation>Renvoyer les exportations en échec.</translation>
    </message>
    <message>
        <source>Export every profile realized in an audience again.</source>
        <translation>Exporter à nouveau chaque profil réalisé dans une audience.</translation>
    </message>
    <message>
        <source>Check that the OS keychain answers.</source>
        <translation>Vérifier que le trousseau du système répond.</translation>
    </message>
    <message>
        <source>Run a demo receiver on 127.0.0.1 that accepts exports.</source>
        <translation>Lancer sur 127.0.0.1 un récepteur de démonstration qui accepte les exportations.</translation>
    </message>
    <message>
        <source>keychain: unexpected argument &apos;%1&apos; (use: keychain check).</source>
        <translation>keychain : argument inattendu « %1 » (utilisez : keychain check).</translation>
    </message>
    <message>
        <source>The keychain answers (service %1).</source>
        <translation>Le trousseau répond (service %1).</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1 (0 picks a free one).</source>
        <translation>Port sur 127.0.0.1 (0 en choisit un libre).</translation>
    </message>
    <message>
        <source>receiver: %1</source>
        <translation>receiver : %1</translation>
    </message>
    <message>
        <source>receiver: --port must be a number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation>receiver : --port doit être un nombre de 0 à 65535, pas « %1 ».</translation>
    </message>
    <message>
        <source>Demo receiver listening on http://127.0.0.1:%1/</source>
        <translation>Récepteur de démonstration à l’écoute sur http://127.0.0.1:%1/</translation>
    </message>
    <message>
        <source>Print the bearer token of the local ingest endpoint.</source>
        <translation>Afficher le jeton porteur du point d’ingestion local.</translation>
    </message>
    <message>
        <source>NDJSON file, or - for stdin.</source>
        <translation>Fichier NDJSON, ou - pour l’entrée standard.</translation>
    </message>
    <message>
        <source>ingest: %1</source>
        <translation>ingest : %1</translation>
    </message>
    <message>
        <source>ingest: give exactly one FILE.ndjson, or - for stdin.</source>
        <translation>ingest : indiquez exactement un FICHIER.ndjson, ou - pour l’entrée standard.</translation>
    </message>
    <message>
        <source>ingest: --batch-size must be a positive number, not &apos;%1&apos;.</source>
        <translation>ingest : --batch-size doit être un nombre positif, pas « %1 ».</translation>
    </message>
    <message>
        <source>ingest: cannot read &apos;%1&apos;: %2</source>
        <translation>ingest : impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>ingest: %1 is empty: no fragment to merge.</source>
        <translation>ingest : %1 est vide : aucun fragment à fusionner.</translation>
    </message>
    <message>
        <source>ingest: the store failed: %1</source>
        <translation>ingest : le stockage a échoué : %1</translation>
    </message>
    <message>
        <source>Merged %1 fragments (%2 new profiles, %3 profiles merged); %4 lines rejected.</source>
        <translation>%1 fragments fusionnés (%2 nouveaux profils, %3 profils fusionnés) ; %4 lignes rejetées.</translation>
    </message>
    <message>
        <source>Print how many profiles are stored.</source>
        <translation>Afficher le nombre de profils enregistrés.</translation>
    </message>
    <message>
        <source>Print the profile owning this identity.</source>
        <translation>Afficher le profil qui possède cette identité.</translation>
    </message>
    <message>
        <source>profiles: %1</source>
        <translation>profiles : %1</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>profiles: give --count or --identity NS:ID.</source>
        <translation>profiles : indiquez --count ou --identity NS:ID.</translation>
    </message>
    <message>
        <source>profiles: --identity must be NAMESPACE:ID, e.g. email:ana@example.com, not &apos;%1&apos;.</source>
        <translation>profiles : --identity doit être ESPACE:ID, par exemple email:ana@example.com, pas « %1 ».</translation>
    </message>
    <message>
        <source>profiles: no profile has the identity %1:%2.</source>
        <translation>profiles : aucun profil n’a l’identité %1:%2.</translation>
    </message>
    <message>
        <source>Replace the token with a new one.</source>
        <translation>Remplacer le jeton par un nouveau.</translation>
    </message>
    <message>
        <source>Serve POST /v1/fragments on this port.</source>
        <translation>Servir POST /v1/fragments sur ce port.</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1; anything else exposes the endpoint).</source>
        <translation>Adresse d’écoute (127.0.0.1 par défaut ; toute autre adresse expose le point d’ingestion).</translation>
    </message>
    <message>
        <source>Largest request body accepted (default 16 MiB).</source>
        <translation>Plus grand corps de requête accepté (16 Mio par défaut).</translation>
    </message>
    <message>
        <source>Stop when there is nothing left to deliver.</source>
        <translation>S’arrêter quand il ne reste rien à livrer.</translation>
    </message>
    <message>
        <source>run: %1</source>
        <translation>run : %1</translation>
    </message>
    <message>
        <source>run: --ingest-port must be a number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation>run : --ingest-port doit être un nombre de 0 à 65535, pas « %1 ».</translation>
    </message>
    <message>
        <source>run: --ingest-address &apos;%1&apos; is not an IP address.</source>
        <translation>run : --ingest-address « %1 » n’est pas une adresse IP.</translation>
    </message>
    <message>
        <source>run: --max-body-bytes must be a positive number, not &apos;%1&apos;.</source>
        <translation>run : --max-body-bytes doit être un nombre positif, pas « %1 ».</translation>
    </message>
    <message>
        <source>Ingest endpoint: POST http://%1:%2/v1/fragments (bearer token: outflowctl ingest-token)</source>
        <translation>Point d’ingestion : POST http://%1:%2/v1/fragments (jeton porteur : outflowctl ingest-token)</translation>
    </message>
    <message>
        <source>run: the ingest endpoint needs its token from the keychain: %1</source>
        <translation>run : le point d’ingestion a besoin de son jeton, conservé dans le trousseau : %1</translation>
    </message>
    <message>
        <source>Fragments per transaction (default %1).</source>
        <translation>Fragments par transaction (%1 par défaut).</translation>
    </message>
    <message>
        <source>Audience name.</source>
        <translation>Nom de l’audience.</translation>
    </message>
    <message>
        <source>Rule expression, e.g. &apos;loyalty.points &gt; 100&apos;.</source>
        <translation>Expression de la règle, par exemple « loyalty.points &gt; 100 ».</translation>
    </message>
    <message>
        <source>Merge policy id (default: default).</source>
        <translation>Identifiant de la politique de fusion (par défaut : default).</translation>
    </message>
    <message>
        <source>Description.</source>
        <translation>Description.</translation>
    </message>
    <message>
        <source>audience add: give --name N and --rule EXPR.</source>
        <translation>audience add : indiquez --name N et --rule EXPR.</translation>
    </message>
    <message>
        <source>audience list: %1</source>
        <translation>audience list : %1</translation>
    </message>
    <message>
        <source>No audience yet: add one with &apos;outflowctl audience add&apos;.</source>
        <translation>Aucune audience pour l’instant : ajoutez-en une avec « outflowctl audience add ».</translation>
    </message>
    <message>
        <source>ID	NAME	ORIGIN	MERGE POLICY	REALIZED</source>
        <translation>ID	NOM	ORIGINE	POLITIQUE DE FUSION	RÉALISÉS</translation>
    </message>
    <message>
        <source>Audience id or name.</source>
        <translation>Identifiant ou nom de l’audience.</translation>
    </message>
    <message>
        <source>audience show: give exactly one audience id or name.</source>
        <translation>audience show : indiquez exactement un identifiant ou un nom d’audience.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Nom : %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>Identifiant : %1</translation>
    </message>
    <message>
        <source>Origin: %1</source>
        <translation>Origine : %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Description : %1</translation>
    </message>
    <message>
        <source>Merge policy: %1</source>
        <translation>Politique de fusion : %1</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Règle : %1</translation>
    </message>
    <message>
        <source>Realized: %1</source>
        <translation>Réalisés : %1</translation>
    </message>
    <message>
        <source>Exited: %1</source>
        <translation>Sortis : %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Créée : %1</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>Modifiée : %1</translation>
    </message>
    <message>
        <source>The CSV column holding the identities.</source>
        <translation>La colonne CSV qui contient les identités.</translation>
    </message>
    <message>
        <source>Identity namespace, e.g. email.</source>
        <translation>Espace de noms des identités, par exemple email.</translation>
    </message>
    <message>
        <source>CSV file, or - for stdin.</source>
        <translation>Fichier CSV, ou - pour l’entrée standard.</translation>
    </message>
    <message>
        <source>audience import: give --name N --identity-column C --namespace NS and one FILE.csv.</source>
        <translation>audience import : indiquez --name N --identity-column C --namespace NS et un FICHIER.csv.</translation>
    </message>
    <message>
        <source>audience import: cannot read &apos;%1&apos;: %2</source>
        <translation>audience import : impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>The new name.</source>
        <translation>Le nouveau nom.</translation>
    </message>
    <message>
        <source>audience rename: give one audience id or name and --name N.</source>
        <translation>audience rename : indiquez un identifiant ou un nom d’audience et --name N.</translation>
    </message>
    <message>
        <source>Audience renamed to “%1”.</source>
        <translation>Audience renommée en « %1 ».</translation>
    </message>
    <message>
        <source>The new rule.</source>
        <translation>La nouvelle règle.</translation>
    </message>
    <message>
        <source>Rule updated: %1 profiles entered, %2 exited.</source>
        <translation>Règle mise à jour : %1 profils entrés, %2 sortis.</translation>
    </message>
    <message>
        <source>audience remove: give exactly one audience id or name.</source>
        <translation>audience remove : indiquez exactement un identifiant ou un nom d’audience.</translation>
    </message>
    <message>
        <source>Audience removed.</source>
        <translation>Audience supprimée.</translation>
    </message>
    <message>
        <source>Audiences: %1 memberships entered, %2 exited.</source>
        <translation>Audiences : %1 appartenances entrées, %2 sorties.</translation>
    </message>
    <message numerus="yes">
        <source>Audience “%1” created (id %2): %n profile(s) realized.</source>
        <translation>
            <numerusform>Audience « %1 » créée (identifiant %2) : %n profil réalisé.</numerusform>
            <numerusform>Audience « %1 » créée (identifiant %2) : %n profils réalisés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Import de %1</translation>
    </message>
    <message>
        <source>Evaluating the profiles</source>
        <translation>Évaluation des profils</translation>
    </message>
    <message numerus="yes">
        <source>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n row(s) rejected.</source>
        <translation>
            <numerusform>Audience « %1 » : %2 membres (%3 entrés, %4 sortis, %5 nouveaux profils) ; %n ligne rejetée.</numerusform>
            <numerusform>Audience « %1 » : %2 membres (%3 entrés, %4 sortis, %5 nouveaux profils) ; %n lignes rejetées.</numerusform>
        </translation>
    </message>
    <message>
        <source>--triggers: unknown trigger &apos;%1&apos; (use attribute, segmentation, identity, separated by commas).</source>
        <translation>--triggers : déclencheur inconnu « %1 » (utilisez attribute, segmentation, identity, séparés par des virgules).</translation>
    </message>
    <message>
        <source>Map this audience (id or name); repeatable.</source>
        <translation>Mapper cette audience (identifiant ou nom) ; option répétable.</translation>
    </message>
    <message>
        <source>Unmap this audience; repeatable.</source>
        <translation>Supprimer le mappage de cette audience ; option répétable.</translation>
    </message>
    <message>
        <source>Map this XDM path; repeatable.</source>
        <translation>Mapper ce chemin XDM ; option répétable.</translation>
    </message>
    <message>
        <source>Unmap this XDM path; repeatable.</source>
        <translation>Supprimer le mappage de ce chemin XDM ; option répétable.</translation>
    </message>
    <message>
        <source>The mapped path that identifies a profile.</source>
        <translation>Le chemin mappé qui identifie un profil.</translation>
    </message>
    <message>
        <source>Changes that export: attribute,segmentation,identity (default: all).</source>
        <translation>Modifications qui déclenchent une exportation : attribute,segmentation,identity (par défaut : toutes).</translation>
    </message>
    <message>
        <source>Id or name.</source>
        <translation>Identifiant ou nom.</translation>
    </message>
    <message>
        <source>activate: give exactly one destination id or name.</source>
        <translation>activate : indiquez exactement un identifiant ou un nom de destination.</translation>
    </message>
    <message numerus="yes">
        <source>Backfill: %n profile(s) already realized will be exported (by &apos;outflowctl run&apos; or the app).</source>
        <translation>
            <numerusform>Rattrapage : %n profil déjà réalisé sera exporté (par « outflowctl run » ou l’application).</numerusform>
            <numerusform>Rattrapage : %n profils déjà réalisés seront exportés (par « outflowctl run » ou l’application).</numerusform>
        </translation>
    </message>
    <message>
        <source>The mapped audience to export again.</source>
        <translation>L’audience mappée à exporter à nouveau.</translation>
    </message>
    <message>
        <source>resend: give one destination and --audience A.</source>
        <translation>resend : indiquez une destination et --audience A.</translation>
    </message>
    <message numerus="yes">
        <source>Resend queued: %n profile(s) will be exported again.</source>
        <translation>
            <numerusform>Réexportation mise en file d’attente : %n profil sera exporté à nouveau.</numerusform>
            <numerusform>Réexportation mise en file d’attente : %n profils seront exportés à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>status: give at most one destination.</source>
        <translation>status : indiquez au plus une destination.</translation>
    </message>
    <message>
        <source>  excluded (%1): %2</source>
        <translation>  exclus (%1) : %2</translation>
    </message>
    <message>
        <source>there is no destination with the id or name “%1”.</source>
        <translation>aucune destination n’a l’identifiant ou le nom « %1 ».</translation>
    </message>
    <message>
        <source>Destination name.</source>
        <translation>Nom de la destination.</translation>
    </message>
    <message>
        <source>The URL exports are POSTed to (http or https).</source>
        <translation>L’URL à laquelle les exportations sont envoyées par POST (http ou https).</translation>
    </message>
    <message>
        <source>Add each mapped audience&apos;s name to the exports.</source>
        <translation>Ajouter aux exportations le nom de chaque audience mappée.</translation>
    </message>
    <message>
        <source>Add each mapped audience&apos;s and mapping&apos;s times to the exports.</source>
        <translation>Ajouter aux exportations les dates et heures de chaque audience mappée et de son mappage.</translation>
    </message>
    <message>
        <source>Retries of a failed request (default 2).</source>
        <translation>Nombre de nouvelles tentatives d’une requête en échec (2 par défaut).</translation>
    </message>
    <message>
        <source>destination add: give --name N and --endpoint URL.</source>
        <translation>destination add : indiquez --name N et --endpoint URL.</translation>
    </message>
    <message>
        <source>Destination “%1” added (id %2).</source>
        <translation>Destination « %1 » ajoutée (identifiant %2).</translation>
    </message>
    <message>
        <source>No destination yet: add one with &apos;outflowctl destination add&apos;.</source>
        <translation>Aucune destination pour l’instant : ajoutez-en une avec « outflowctl destination add ».</translation>
    </message>
    <message>
        <source>ID	NAME	ENDPOINT	ENABLED	AUTH</source>
        <translation>ID	NOM	POINT D’ENTRÉE	ACTIVÉE	AUTH</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>give exactly one destination id or name.</source>
        <translation>indiquez exactement un identifiant ou un nom de destination.</translation>
    </message>
    <message>
        <source>Destination “%1” removed, with its dataflow and queued exports.</source>
        <translation>Destination « %1 » supprimée, avec son flux de données et ses exportations en file d’attente.</translation>
    </message>
    <message>
        <source>Destination “%1” enabled.</source>
        <translation>Destination « %1 » activée.</translation>
    </message>
    <message>
        <source>Destination “%1” disabled: nothing is queued for it until it is enabled again.</source>
        <translation>Destination « %1 » désactivée : rien n’est mis en file d’attente pour elle tant qu’elle n’est pas réactivée.</translation>
    </message>
    <message>
        <source>destination: unknown action &apos;%1&apos;.</source>
        <translation>destination : action inconnue « %1 ».</translation>
    </message>
    <message>
        <source>profiles: --why needs --identity NS:ID.</source>
        <translation>profiles : --why nécessite --identity NS:ID.</translation>
    </message>
    <message>
        <source>A mapped path a profile must have to be exported (else it is excluded); repeatable.</source>
        <translation>Chemin mappé qu’un profil doit avoir pour être exporté (sinon il est exclu) ; répétable.</translation>
    </message>
    <message>
        <source>Dataflow %1 created (audiences: %2, attributes: %3).</source>
        <translation>Flux de données %1 créé (audiences : %2, attributs : %3).</translation>
    </message>
    <message>
        <source>Dataflow %1 updated (audiences: %2, attributes: %3).</source>
        <translation>Flux de données %1 mis à jour (audiences : %2, attributs : %3).</translation>
    </message>
    <message>
        <source>  profile updates that met a trigger: %1; exports created: %2; excluded: %3; suppressed by a switched-off trigger: %4; waiting to be sent: %5</source>
        <translation>  mises à jour de profil répondant à un déclencheur : %1 ; exportations créées : %2 ; exclues : %3 ; supprimées par un déclencheur désactivé : %4 ; en attente d’envoi : %5</translation>
    </message>
    <message>
        <source>Show this command&apos;s options.</source>
        <translation>Affiche les options de cette commande.</translation>
    </message>
    <message>
        <source>Custom headers: &quot;h1:v1,h2:v2&quot;.</source>
        <translation>En-têtes personnalisés : &quot;h1:v1,h2:v2&quot;.</translation>
    </message>
    <message>
        <source>Query parameters: &quot;p1=v&amp;p2=v&quot;.</source>
        <translation>Paramètres de requête : &quot;p1=v&amp;p2=v&quot;.</translation>
    </message>
    <message>
        <source>none, bearer, oauth2-client-credentials or oauth2-password.</source>
        <translation>none, bearer, oauth2-client-credentials ou oauth2-password.</translation>
    </message>
    <message>
        <source>OAuth2 token endpoint.</source>
        <translation>URL du jeton d’accès OAuth2.</translation>
    </message>
    <message>
        <source>OAuth2 client id.</source>
        <translation>Identifiant client OAuth2.</translation>
    </message>
    <message>
        <source>Where the OAuth2 client credentials go: body or basic.</source>
        <translation>Emplacement des identifiants client OAuth2 : body (corps) ou basic (en-tête).</translation>
    </message>
    <message>
        <source>OAuth2 password grant user name.</source>
        <translation>Nom d’utilisateur de l’octroi par mot de passe OAuth2.</translation>
    </message>
    <message>
        <source>Client certificate for mTLS (PEM or PKCS#12).</source>
        <translation>Certificat client pour mTLS (PEM ou PKCS#12).</translation>
    </message>
    <message>
        <source>Private key of the client certificate (PEM).</source>
        <translation>Clé privée du certificat client (PEM).</translation>
    </message>
    <message>
        <source>CA bundle the server must chain to (default: system).</source>
        <translation>Bundle CA auquel le serveur doit être rattaché (par défaut : celui du système).</translation>
    </message>
    <message>
        <source>Speak HTTP/2 without upgrade to a cleartext endpoint.</source>
        <translation>Parler HTTP/2 sans mise à niveau à un point d’entrée en clair.</translation>
    </message>
    <message>
        <source>Request timeout in milliseconds (default 2000).</source>
        <translation>Délai d’expiration des requêtes en millisecondes (2000 par défaut).</translation>
    </message>
    <message>
        <source>auth: unknown type &apos;%1&apos; (none, bearer, oauth2-client-credentials, oauth2-password).</source>
        <translation>auth : type « %1 » inconnu (none, bearer, oauth2-client-credentials, oauth2-password).</translation>
    </message>
    <message>
        <source>credentials-in: use body or basic, not &apos;%1&apos;.</source>
        <translation>credentials-in : utilisez body ou basic, pas « %1 ».</translation>
    </message>
    <message>
        <source>Bearer token: </source>
        <translation>Jeton porteur : </translation>
    </message>
    <message>
        <source>OAuth2 client secret: </source>
        <translation>Secret client OAuth2 : </translation>
    </message>
    <message>
        <source>OAuth2 password: </source>
        <translation>Mot de passe OAuth2 : </translation>
    </message>
    <message>
        <source>Client key passphrase (empty if none): </source>
        <translation>Phrase secrète de la clé client (vide s’il n’y en a pas) : </translation>
    </message>
    <message>
        <source>a destination named “%1” already exists.</source>
        <translation>une destination nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>destination remove: a secret stays in the keychain: %1</source>
        <translation>destination remove : un secret reste dans le trousseau : %1</translation>
    </message>
    <message>
        <source>Profile %1 has no export decision for “%2”: none of its mapped audiences, attributes or identities changed since the destination was activated.</source>
        <translation>Le profil %1 n’a aucune décision d’exportation pour « %2 » : aucune de ses audiences mappées, aucun de ses attributs mappés ni aucune de ses identités n’a changé depuis l’activation de la destination.</translation>
    </message>
    <message numerus="yes">
        <source>Backfill of dataflow %1 done: %n profile(s).</source>
        <translation>
            <numerusform>Rattrapage du flux de données %1 terminé : %n profil.</numerusform>
            <numerusform>Rattrapage du flux de données %1 terminé : %n profils.</numerusform>
        </translation>
    </message>
    <message>
        <source>Also list resolved alerts (newest first).</source>
        <translation>Lister aussi les alertes résolues (les plus récentes d’abord).</translation>
    </message>
    <message>
        <source>alerts: %1</source>
        <translation>alerts : %1</translation>
    </message>
    <message>
        <source>No alert was ever raised.</source>
        <translation>Aucune alerte n’a jamais été déclenchée.</translation>
    </message>
    <message>
        <source>No active alert.</source>
        <translation>Aucune alerte active.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>résolue le %1</translation>
    </message>
    <message>
        <source>run: alert %1: %2</source>
        <translation>run : alerte %1 : %2</translation>
    </message>
    <message>
        <source>  delivered %1, retried %2, failed %3; dead letters kept %4, oldest waiting export %5 ms</source>
        <translation>  livrées %1, réessayées %2, en échec %3 ; lettres mortes conservées %4, exportation en attente la plus ancienne %5 ms</translation>
    </message>
    <message>
        <source>the destination “%1” has no dataflow: nothing was ever queued for it.</source>
        <translation>la destination « %1 » n’a pas de flux de données : rien ne lui a jamais été destiné.</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Rien à afficher.</translation>
    </message>
    <message>
        <source>TIME	EXPORT	PROFILE	OUTCOME	STATUS	ATTEMPT	LATENCY MS	ERROR</source>
        <translation>HEURE	EXPORTATION	PROFIL	RÉSULTAT	STATUT	TENTATIVE	LATENCE MS	ERREUR</translation>
    </message>
    <message>
        <source>response: %1</source>
        <translation>réponse : %1</translation>
    </message>
    <message>
        <source>List the failed exports (dead letters) instead.</source>
        <translation>Lister plutôt les exportations en échec (lettres mortes).</translation>
    </message>
    <message>
        <source>At most N rows (default 100).</source>
        <translation>Au plus N lignes (100 par défaut).</translation>
    </message>
    <message>
        <source>--limit must be a whole number of at least 1, not &apos;%1&apos;.</source>
        <translation>--limit doit être un nombre entier d’au moins 1, pas « %1 ».</translation>
    </message>
    <message>
        <source>Re-queue the failed exports (the default).</source>
        <translation>Remettre en file les exportations en échec (par défaut).</translation>
    </message>
    <message numerus="yes">
        <source>%n failed export(s) queued again for “%1” (same export ids); &apos;outflowctl run&apos; or the app sends them.</source>
        <translation>
            <numerusform>%n exportation en échec remise en file pour « %1 » (mêmes identifiants d’exportation) ; « outflowctl run » ou l’application l’envoie.</numerusform>
            <numerusform>%n exportations en échec remises en file pour « %1 » (mêmes identifiants d’exportation) ; « outflowctl run » ou l’application les envoie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample export of profile %1 (export id %2):</source>
        <translation>Exportation d’exemple du profil %1 (identifiant d’exportation %2) :</translation>
    </message>
    <message>
        <source>Sample document (export id %1):</source>
        <translation>Document d’exemple (identifiant d’exportation %1) :</translation>
    </message>
    <message>
        <source>  status: HTTP %1%2, %3 ms</source>
        <translation>  statut : HTTP %1%2, %3 ms</translation>
    </message>
    <message>
        <source>  response: %1</source>
        <translation>  réponse : %1</translation>
    </message>
    <message>
        <source>destination test: %1</source>
        <translation>destination test : %1</translation>
    </message>
    <message>
        <source>%1: %2 delivered, %3 retried, %4 failed in this run.</source>
        <translation>%1 : %2 livrées, %3 réessayées, %4 en échec pendant cette exécution.</translation>
    </message>
    <message numerus="yes">
        <source>  %n dead letter(s) kept: outflowctl deliveries &quot;%1&quot; --failed, then outflowctl replay &quot;%1&quot; --failed.</source>
        <translation>
            <numerusform>  %n lettre morte conservée : outflowctl deliveries &quot;%1&quot; --failed, puis outflowctl replay &quot;%1&quot; --failed.</numerusform>
            <numerusform>  %n lettres mortes conservées : outflowctl deliveries &quot;%1&quot; --failed, puis outflowctl replay &quot;%1&quot; --failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n export(s) still queued: the destination is disabled or cannot send.</source>
        <translation>
            <numerusform>  %n exportation encore en file : la destination est désactivée ou ne peut pas envoyer.</numerusform>
            <numerusform>  %n exportations encore en file : la destination est désactivée ou ne peut pas envoyer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n export(s) waiting for a retry, the next in %2 s.</source>
        <translation>
            <numerusform>%1 : %n exportation attend une nouvelle tentative, la prochaine dans %2 s.</numerusform>
            <numerusform>%1 : %n exportations attendent une nouvelle tentative, la prochaine dans %2 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>run: --alert-command still running after %1 s for alert %2: stopped.</source>
        <translation>run : --alert-command tourne encore après %1 s pour l’alerte %2 : arrêtée.</translation>
    </message>
    <message>
        <source>run: --alert-command did not complete for alert %1 (%2).</source>
        <translation>run : --alert-command ne s’est pas terminée pour l’alerte %1 (%2).</translation>
    </message>
    <message>
        <source>run: --alert-command exited with %1 for alert %2.</source>
        <translation>run : --alert-command s’est terminée avec le code %1 pour l’alerte %2.</translation>
    </message>
    <message>
        <source>Run CMD (through /bin/sh) for each subscribed alert raised, the alert as JSON on its standard input.</source>
        <translation>Exécuter CMD (via /bin/sh) pour chaque alerte suivie qui est levée, l’alerte en JSON sur son entrée standard.</translation>
    </message>
    <message>
        <source>  last hour: delivered %1, failed %2, retried %3, timed out %4 of %5 attempts</source>
        <translation>  dernière heure : livrées %1, en échec %2, réessayées %3, délai dépassé pour %4 des %5 tentatives</translation>
    </message>
    <message>
        <source>  latency from commit to 2xx: p50 %1 ms, p95 %2 ms, p99 %3 ms</source>
        <translation>  latence de la validation au 2xx : p50 %1 ms, p95 %2 ms, p99 %3 ms</translation>
    </message>
    <message>
        <source>%1 within %2 s</source>
        <translation>%1 en %2 s</translation>
    </message>
    <message>
        <source>  SLO (%1): nothing to judge in the last hour</source>
        <translation>  SLO (%1) : rien à évaluer sur la dernière heure</translation>
    </message>
    <message>
        <source>  SLO (%1): %2 over the last hour</source>
        <translation>  SLO (%1) : %2 sur la dernière heure</translation>
    </message>
    <message>
        <source>  alert %1 (since %2): %3</source>
        <translation>  alerte %1 (depuis %2) : %3</translation>
    </message>
    <message>
        <source>audience import: &apos;%1&apos; is the store itself, not a CSV file.</source>
        <translation>audience import : « %1 » est le stockage lui-même, pas un fichier CSV.</translation>
    </message>
    <message>
        <source>Check the store&apos;s integrity, or back it up while engines run.</source>
        <translation>Vérifier l’intégrité du stockage, ou le sauvegarder pendant que les moteurs tournent.</translation>
    </message>
    <message>
        <source>ingest: &apos;%1&apos; is the store itself, not a file of fragments.</source>
        <translation>ingest : « %1 » est le stockage lui-même, pas un fichier de fragments.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n problème :</numerusform>
            <numerusform>%n problèmes :</numerusform>
        </translation>
    </message>
    <message>
        <source>store check: %1</source>
        <translation>store check : %1</translation>
    </message>
    <message>
        <source>Store: %1 (%2, schema version %3)</source>
        <translation>Stockage : %1 (%2, version de schéma %3)</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>Intégrité :</translation>
    </message>
    <message>
        <source>Foreign keys:</source>
        <translation>Clés étrangères :</translation>
    </message>
    <message>
        <source>Last backup: %1, taken %2 (%3)</source>
        <translation>Dernière sauvegarde : %1, faite le %2 (%3)</translation>
    </message>
    <message>
        <source>Last backup: none taken with outflowctl store backup.</source>
        <translation>Dernière sauvegarde : aucune faite avec outflowctl store backup.</translation>
    </message>
    <message>
        <source>Verdict: the store is whole (checked in %1 s).</source>
        <translation>Verdict : le stockage est intact (vérifié en %1 s).</translation>
    </message>
    <message>
        <source>Backing up the store</source>
        <translation>Sauvegarde du stockage</translation>
    </message>
    <message>
        <source>store backup: %1</source>
        <translation>store backup : %1</translation>
    </message>
    <message>
        <source>Backed up %1 to %2 (%3, verified) in %4 s.</source>
        <translation>%1 sauvegardé dans %2 (%3, vérifié) en %4 s.</translation>
    </message>
    <message>
        <source>check or backup.</source>
        <translation>check ou backup.</translation>
    </message>
    <message>
        <source>backup: the new file to write the copy to.</source>
        <translation>backup : le nouveau fichier dans lequel écrire la copie.</translation>
    </message>
    <message>
        <source>store: give check, or backup FILE.</source>
        <translation>store : indiquez check, ou backup FICHIER.</translation>
    </message>
    <message>
        <source>Verdict: the store is damaged. Stop every Outflow process that uses it, keep the damaged file aside, and restore the last backup in its place (see README, &quot;Sharing, checking and backing up the store&quot;).</source>
        <translation>Verdict : le stockage est endommagé. Arrêtez tous les processus Outflow qui l’utilisent, mettez le fichier endommagé de côté et restaurez la dernière sauvegarde à sa place (voir le README, « Sharing, checking and backing up the store »).</translation>
    </message>
    <message numerus="yes">
        <source>%n older failed export(s) not sent again: a newer export of the same profile replaced each (outflowctl deliveries “%1” lists them as superseded).</source>
        <translation>
            <numerusform>%n exportation en échec plus ancienne non renvoyée : une exportation plus récente du même profil l’a remplacée (outflowctl deliveries « %1 » la liste comme remplacée).</numerusform>
            <numerusform>%n exportations en échec plus anciennes non renvoyées : une exportation plus récente du même profil a remplacé chacune (outflowctl deliveries « %1 » les liste comme remplacées).</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating a new store at %1.</source>
        <translation>Création d’un nouveau stockage à l’emplacement %1.</translation>
    </message>
    <message>
        <source>%1 (dataflow %2): %3</source>
        <translation>%1 (flux de données %2) : %3</translation>
    </message>
    <message>
        <source>destination: give an action: add, edit, set-secret, list, show, test, enable, disable or remove.</source>
        <translation>destination : indiquez une action : add, edit, set-secret, list, show, test, enable, disable ou remove.</translation>
    </message>
    <message>
        <source>Value of the secret header %1: </source>
        <translation>Valeur de l’en-tête secret %1 : </translation>
    </message>
    <message>
        <source>Value of the secret query parameter %1: </source>
        <translation>Valeur du paramètre de requête secret %1 : </translation>
    </message>
    <message>
        <source>%1: the %2 is required: set %3, or run on a terminal to be asked for it.</source>
        <translation>%1 : le secret %2 est obligatoire : définissez %3, ou lancez la commande dans un terminal pour qu’il vous soit demandé.</translation>
    </message>
    <message>
        <source>Stop adding audience names (edit).</source>
        <translation>Ne plus ajouter les noms des audiences (edit).</translation>
    </message>
    <message>
        <source>Stop adding those times (edit).</source>
        <translation>Ne plus ajouter ces horodatages (edit).</translation>
    </message>
    <message>
        <source>Stop doing so (edit).</source>
        <translation>Ne plus le faire (edit).</translation>
    </message>
    <message>
        <source>A header whose value is secret (kept in the keychain), read from OUTFLOW_SECRET_HEADER_&lt;NAME&gt; or asked; repeatable.</source>
        <translation>Un en-tête dont la valeur est secrète (gardée dans le trousseau), lue dans OUTFLOW_SECRET_HEADER_&lt;NOM&gt; ou demandée ; répétable.</translation>
    </message>
    <message>
        <source>A query parameter whose value is secret, read from OUTFLOW_SECRET_QUERY_&lt;NAME&gt; or asked; repeatable.</source>
        <translation>Un paramètre de requête dont la valeur est secrète, lue dans OUTFLOW_SECRET_QUERY_&lt;NOM&gt; ou demandée ; répétable.</translation>
    </message>
    <message>
        <source>%1: the keychain could not be read: %2</source>
        <translation>%1 : impossible de lire le trousseau : %2</translation>
    </message>
    <message>
        <source>destination edit: an unused secret stays in the keychain: %1</source>
        <translation>destination edit : un secret inutilisé reste dans le trousseau : %1</translation>
    </message>
    <message>
        <source>%1: the keychain refused the secret: %2</source>
        <translation>%1 : le trousseau a refusé le secret : %2</translation>
    </message>
    <message>
        <source>Destination “%1” saved; its dataflow and queued exports are kept.</source>
        <translation>Destination « %1 » enregistrée ; son flux de données et ses exportations en file sont conservés.</translation>
    </message>
    <message>
        <source>bearer-token, client-secret, password, key-passphrase, header:NAME or query:NAME.</source>
        <translation>bearer-token, client-secret, password, key-passphrase, header:NOM ou query:NOM.</translation>
    </message>
    <message>
        <source>give a destination and the kind of secret.</source>
        <translation>indiquez une destination et le type de secret.</translation>
    </message>
    <message>
        <source>unknown kind “%1”: use bearer-token, client-secret, password, key-passphrase, header:NAME or query:NAME.</source>
        <translation>type « %1 » inconnu : utilisez bearer-token, client-secret, password, key-passphrase, header:NOM ou query:NOM.</translation>
    </message>
    <message>
        <source>“%1” has no %2: change its settings with &apos;outflowctl destination edit&apos; (--auth, --secret-header, --secret-query).</source>
        <translation>« %1 » n’a pas de secret %2 : modifiez ses paramètres avec « outflowctl destination edit » (--auth, --secret-header, --secret-query).</translation>
    </message>
    <message>
        <source>Secret %1 of “%2” replaced; a running engine uses it from its next sync.</source>
        <translation>Secret %1 de « %2 » remplacé ; un moteur en cours d’exécution l’utilise dès sa prochaine synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>expiré depuis %n jour</numerusform>
            <numerusform>expiré depuis %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n jour restant</numerusform>
            <numerusform>%n jours restants</numerusform>
        </translation>
    </message>
    <message>
        <source>CN %1, issued by %2
    SANs: %3
    valid %4 to %5 (%6)</source>
        <translation>CN %1, émis par %2
    SAN : %3
    valide du %4 au %5 (%6)</translation>
    </message>
    <message>
        <source>Client certificate: %1</source>
        <translation>Certificat client : %1</translation>
    </message>
    <message>
        <source>Client certificate: %1 cannot be read without its passphrase or is not a certificate; &apos;destination test&apos; shows it.</source>
        <translation>Certificat client : %1 ne peut pas être lu sans sa phrase secrète ou n’est pas un certificat ; « destination test » l’affiche.</translation>
    </message>
    <message>
        <source>%1, failed (%2): %3</source>
        <translation>%1, échec (%2) : %3</translation>
    </message>
    <message>
        <source>bearer, token from the keychain</source>
        <translation>bearer, jeton lu dans le trousseau</translation>
    </message>
    <message>
        <source>expires in %1 s</source>
        <translation>expire dans %1 s</translation>
    </message>
    <message>
        <source>no expiry given</source>
        <translation>sans expiration indiquée</translation>
    </message>
    <message>
        <source>%1, token obtained (%2, %3)</source>
        <translation>%1, jeton obtenu (%2, %3)</translation>
    </message>
    <message>
        <source>refreshable</source>
        <translation>renouvelable</translation>
    </message>
    <message>
        <source>not refreshable</source>
        <translation>non renouvelable</translation>
    </message>
    <message>
        <source>  auth: %1</source>
        <translation>  authentification : %1</translation>
    </message>
    <message>
        <source>  server certificate: %1, issued by %2, valid until %3</source>
        <translation>  certificat serveur : %1, émis par %2, valide jusqu’au %3</translation>
    </message>
    <message>
        <source>  client certificate: %1</source>
        <translation>  certificat client : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No dataflow yet: map audiences with &apos;outflowctl activate %1 --audience …&apos;.</source>
        <translation>Pas encore de flux de données : mappez des audiences avec « outflowctl activate %1 --audience … ».</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no subject alternative name</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no authentication</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source> (%1 profiles/s, about %2 s left)</source>
        <translation> (%1 profils/s, environ %2 s restantes)</translation>
    </message>
    <message>
        <source> (%1 profiles/s)</source>
        <translation> (%1 profils/s)</translation>
    </message>
    <message>
        <source>  backfill: %1 done of %2%3</source>
        <translation>  rattrapage : %1 sur %2 traités%3</translation>
    </message>
    <message>
        <source>audience: give one of add, import, list, show, rename, edit, remove, preview.</source>
        <translation>audience : indiquez add, import, list, show, rename, edit, remove ou preview.</translation>
    </message>
    <message>
        <source>audience: unknown action &apos;%1&apos;; give one of add, import, list, show, rename, edit, remove, preview.</source>
        <translation>audience : action « %1 » inconnue ; indiquez add, import, list, show, rename, edit, remove ou preview.</translation>
    </message>
    <message>
        <source>How many matching profiles to show (default 5).</source>
        <translation>Nombre de profils correspondants à afficher (5 par défaut).</translation>
    </message>
    <message>
        <source>The audience rule.</source>
        <translation>La règle de l’audience.</translation>
    </message>
    <message>
        <source>audience preview: give one RULE (quoted) and --samples 0 to 1000.</source>
        <translation>audience preview : indiquez une RÈGLE (entre guillemets) et --samples de 0 à 1000.</translation>
    </message>
    <message>
        <source>%1 of %2 profiles match (nothing was stored).</source>
        <translation>%1 profils sur %2 correspondent (rien n’a été enregistré).</translation>
    </message>
    <message>
        <source>Usage: outflowctl audience ACTION [options]
  add --name N --rule EXPR [--merge-policy P] [--description D]
  import --name N --identity-column C --namespace NS FILE.csv
  list
  show ID|NAME
  rename ID|NAME --name NEW
  edit ID|NAME [--rule EXPR] [--description D]
  remove ID|NAME
  preview RULE [--samples N]
Each action takes --help for its options.</source>
        <translation>Usage : outflowctl audience ACTION [options]
  add --name N --rule EXPR [--merge-policy P] [--description D]
  import --name N --identity-column C --namespace NS FICHIER.csv
  list
  show ID|NOM
  rename ID|NOM --name NOUVEAU
  edit ID|NOM [--rule EXPR] [--description D]
  remove ID|NOM
  preview RÈGLE [--samples N]
Chaque action accepte --help pour ses options.</translation>
    </message>
    <message>
        <source>The new description.</source>
        <translation>La nouvelle description.</translation>
    </message>
    <message>
        <source>audience edit: give one audience id or name, and --rule EXPR or --description D.</source>
        <translation>audience edit : indiquez un identifiant ou nom d’audience, et --rule EXPR ou --description D.</translation>
    </message>
    <message>
        <source>Description updated.</source>
        <translation>Description mise à jour.</translation>
    </message>
    <message>
        <source>With --identity: why the profile was (or was not) sent to DESTINATION, and what became of each export.</source>
        <translation>Avec --identity : pourquoi le profil a (ou n’a pas) été envoyé à DESTINATION, et ce qu’est devenue chaque exportation.</translation>
    </message>
    <message>
        <source>active, acknowledged %1</source>
        <translation>active, acquittée le %1</translation>
    </message>
    <message>
        <source>alerts acknowledge: %1</source>
        <translation>alerts acknowledge : %1</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged at %2: it stays active until its condition clears, without being announced again.</source>
        <translation>Alerte %1 acquittée le %2 : elle reste active jusqu’à ce que sa condition cesse, sans être annoncée de nouveau.</translation>
    </message>
    <message>
        <source>Alert %1 was already acknowledged at %2.</source>
        <translation>L’alerte %1 était déjà acquittée depuis le %2.</translation>
    </message>
    <message>
        <source>Only alerts of this kind (%1).</source>
        <translation>Seulement les alertes de ce type (%1).</translation>
    </message>
    <message>
        <source>Only the alerts of this destination.</source>
        <translation>Seulement les alertes de cette destination.</translation>
    </message>
    <message>
        <source>acknowledge ID: the alert stays active until its condition clears, but is no longer announced.</source>
        <translation>acknowledge ID : l’alerte reste active jusqu’à ce que sa condition cesse, mais n’est plus annoncée.</translation>
    </message>
    <message>
        <source>alerts acknowledge: give the id of one alert (outflowctl alerts lists them).</source>
        <translation>alerts acknowledge : indiquez l’identifiant d’une alerte (outflowctl alerts les liste).</translation>
    </message>
    <message>
        <source>alerts: unexpected argument &apos;%1&apos; (did you mean acknowledge?)</source>
        <translation>alerts : argument inattendu « %1 » (vouliez-vous dire acknowledge ?)</translation>
    </message>
    <message>
        <source>alerts: --kind: unknown alert kind &apos;%1&apos; (use one of %2).</source>
        <translation>alerts : --kind : type d’alerte inconnu « %1 » (utilisez l’un de %2).</translation>
    </message>
    <message>
        <source>No alert matches.</source>
        <translation>Aucune alerte ne correspond.</translation>
    </message>
    <message>
        <source>No active alert matches.</source>
        <translation>Aucune alerte active ne correspond.</translation>
    </message>
    <message>
        <source>List active (or all) alerts; acknowledge one.</source>
        <translation>Lister les alertes actives (ou toutes) ; en acquitter une.</translation>
    </message>
    <message>
        <source>Keep merging changes of sample profiles, for a demo that moves.</source>
        <translation>Fusionner sans cesse des modifications de profils d’exemple, pour une démonstration qui bouge.</translation>
    </message>
    <message>
        <source>Fragments per second (default 20, at most %1).</source>
        <translation>Fragments par seconde (20 par défaut, %1 au plus).</translation>
    </message>
    <message>
        <source>Stop after this many fragments (default: never).</source>
        <translation>S’arrêter après ce nombre de fragments (par défaut : jamais).</translation>
    </message>
    <message>
        <source>Seed of the fragments (default: the time).</source>
        <translation>Graine des fragments (par défaut : l’heure).</translation>
    </message>
    <message>
        <source>The sample profiles (NDJSON) whose fragments to vary.</source>
        <translation>Les profils d’exemple (NDJSON) dont varier les fragments.</translation>
    </message>
    <message>
        <source>demo-feed: give one FILE.ndjson of sample profiles.</source>
        <translation>demo-feed : indiquez un FICHIER.ndjson de profils d’exemple.</translation>
    </message>
    <message>
        <source>demo-feed: --rate must be a number from 1 to %1, not &apos;%2&apos;.</source>
        <translation>demo-feed : --rate doit être un nombre de 1 à %1, pas « %2 ».</translation>
    </message>
    <message>
        <source>demo-feed: --count must be a whole number, not &apos;%1&apos;.</source>
        <translation>demo-feed : --count doit être un nombre entier, pas « %1 ».</translation>
    </message>
    <message>
        <source>demo-feed: --seed must be a whole number, not &apos;%1&apos;.</source>
        <translation>demo-feed : --seed doit être un nombre entier, pas « %1 ».</translation>
    </message>
    <message>
        <source>demo-feed: cannot read &apos;%1&apos;: %2</source>
        <translation>demo-feed : impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>demo-feed: %1: %2</source>
        <translation>demo-feed : %1 : %2</translation>
    </message>
    <message>
        <source>demo-feed: %1</source>
        <translation>demo-feed : %1</translation>
    </message>
    <message>
        <source>Feeding %1 fragments a second into %2 (stop with Ctrl+C).</source>
        <translation>Envoi de %1 fragments par seconde dans %2 (arrêt avec Ctrl+C).</translation>
    </message>
    <message>
        <source>Merged %1 fragments (%2 new profiles).</source>
        <translation>%1 fragments fusionnés (%2 nouveaux profils).</translation>
    </message>
    <message>
        <source>Subscribe to an alert kind; repeatable (on an edit, the kinds given replace the subscriptions).</source>
        <translation>S’abonner à un type d’alerte ; répétable (en modification, les types indiqués remplacent les abonnements).</translation>
    </message>
    <message>
        <source>Unsubscribe from every alert kind (edit).</source>
        <translation>Se désabonner de tous les types d’alerte (edit).</translation>
    </message>
    <message>
        <source>Override an alert threshold, e.g. delivery-failure-rate=2% or delivery-delay=5m; KEY= drops the override; repeatable.</source>
        <translation>Remplacer un seuil d’alerte, par exemple delivery-failure-rate=2% ou delivery-delay=5m ; CLÉ= retire le remplacement ; répétable.</translation>
    </message>
    <message>
        <source>no-alerts: not with --alert, which already replaces the subscriptions.</source>
        <translation>no-alerts : pas avec --alert, qui remplace déjà les abonnements.</translation>
    </message>
    <message>
        <source>alert-threshold: write KEY=VALUE (or KEY= to drop it), not &apos;%1&apos;.</source>
        <translation>alert-threshold : écrivez CLÉ=VALEUR (ou CLÉ= pour le retirer), pas « %1 ».</translation>
    </message>
    <message>
        <source>alert-threshold: unknown key &apos;%1&apos; (use one of %2).</source>
        <translation>alert-threshold : clé inconnue « %1 » (utilisez l’une de %2).</translation>
    </message>
    <message>
        <source>Re-queue only this failed export (repeatable; default: every failed one).</source>
        <translation>Remettre en file seulement cette exportation en échec (répétable ; par défaut : toutes celles en échec).</translation>
    </message>
    <message>
        <source>--export needs an export id.</source>
        <translation>--export demande un identifiant d’exportation.</translation>
    </message>
    <message>
        <source>export %1 is not a failed export of “%2”; nothing was replayed (&apos;outflowctl deliveries “%2” --failed&apos; lists them).</source>
        <translation>l’exportation %1 n’est pas une exportation en échec de « %2 » ; rien n’a été renvoyé (« outflowctl deliveries “%2” --failed » les liste).</translation>
    </message>
    <message>
        <source>Also show the figures of the last 15 minutes, 24 hours or 7 days (&quot;window&quot; and &quot;windowFigures&quot; in --json) in place of the last hour&apos;s.</source>
        <translation>Afficher aussi les chiffres des 15 dernières minutes, 24 dernières heures ou 7 derniers jours (&quot;window&quot; et &quot;windowFigures&quot; en --json) à la place de ceux de la dernière heure.</translation>
    </message>
    <message>
        <source>With the window (15m unless --window says otherwise): its figures per minute (per hour for 7d) and the hourly runs of the last 24 hours.</source>
        <translation>Avec la période (15m sauf autre --window) : ses chiffres par minute (par heure pour 7d) et les exécutions horaires des 24 dernières heures.</translation>
    </message>
    <message>
        <source>status: --window: “%1” is not a window; give 15m, 24h or 7d.</source>
        <translation>status : --window : « %1 » n’est pas une période ; indiquez 15m, 24h ou 7d.</translation>
    </message>
    <message>
        <source>  %1: received %2, created %3, excluded %4, suppressed %5; delivered %6, failed %7, retried %8, timed out %9 of %10 attempts</source>
        <translation>  %1 : reçus %2, créées %3, exclus %4, supprimés %5 ; livrées %6, en échec %7, relancées %8, expirées %9 sur %10 tentatives</translation>
    </message>
    <message>
        <source>  highest backlog %1, oldest waiting export at most %2 ms</source>
        <translation>  file d’attente la plus haute %1, exportation la plus ancienne en attente au plus %2 ms</translation>
    </message>
    <message>
        <source>  SLO (%1): nothing delivered to judge</source>
        <translation>  SLO (%1) : rien de livré à juger</translation>
    </message>
    <message>
        <source>  SLO (%1): %2 of the exports delivered</source>
        <translation>  SLO (%1) : %2 des exportations livrées</translation>
    </message>
    <message>
        <source>  per hour, oldest first (hours with nothing left out):</source>
        <translation>  par heure, la plus ancienne d’abord (heures sans rien omises) :</translation>
    </message>
    <message>
        <source>  per minute, oldest first (minutes with nothing left out):</source>
        <translation>  par minute, la plus ancienne d’abord (minutes sans rien omises) :</translation>
    </message>
    <message>
        <source>nothing happened in this window</source>
        <translation>rien ne s’est passé pendant cette période</translation>
    </message>
    <message>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçus</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créées</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>exclu</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>livrées</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>relancées</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>backlog</source>
        <translation>file</translation>
    </message>
    <message>
        <source>  hourly runs of the last 24 hours, newest first:</source>
        <translation>  exécutions horaires des 24 dernières heures, la plus récente d’abord :</translation>
    </message>
    <message>
        <source>no run in the last 24 hours</source>
        <translation>aucune exécution ces 24 dernières heures</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>activés</translation>
    </message>
    <message>
        <source>activation rate</source>
        <translation>taux d’activation</translation>
    </message>
    <message>
        <source>Usage: outflowctl destination ACTION [options]
  add --name N --endpoint URL [--description D]
      [--headers &quot;h1:v1,h2:v2&quot;] [--query &quot;p1=v&amp;p2=v&quot;]
      [--auth none|bearer|oauth2-client-credentials|oauth2-password]
      [--token-url URL] [--client-id ID] [--credentials-in body|basic]
      [--username U] [--client-cert FILE] [--client-key FILE]
      [--ca-cert FILE] [--include-segment-names]
      [--include-segment-timestamps] [--http2-prior-knowledge]
      [--timeout-ms 2000] [--max-retries 2] [--alert KIND …]
      [--alert-threshold KEY=VALUE …]
      [--secret-header NAME …] [--secret-query NAME …]
      [--batch-max-exports 1] [--batch-max-age 1s]
      [--batch-max-bytes 1MiB]
    secrets: OUTFLOW_BEARER_TOKEN, OUTFLOW_CLIENT_SECRET,
    OUTFLOW_PASSWORD, OUTFLOW_KEY_PASSPHRASE,
    OUTFLOW_SECRET_HEADER_&lt;NAME&gt;, OUTFLOW_SECRET_QUERY_&lt;NAME&gt;,
    or asked on a terminal
  edit ID|NAME [any option of add]
  set-secret ID|NAME bearer-token|client-secret|password|
      key-passphrase|header:NAME|query:NAME
  list
  show|test|enable|disable|remove ID|NAME
Each action takes --help for its options.</source>
        <translation>Utilisation : outflowctl destination ACTION [options]
  add --name N --endpoint URL [--description D]
      [--headers &quot;h1:v1,h2:v2&quot;] [--query &quot;p1=v&amp;p2=v&quot;]
      [--auth none|bearer|oauth2-client-credentials|oauth2-password]
      [--token-url URL] [--client-id ID] [--credentials-in body|basic]
      [--username U] [--client-cert FICHIER] [--client-key FICHIER]
      [--ca-cert FICHIER] [--include-segment-names]
      [--include-segment-timestamps] [--http2-prior-knowledge]
      [--timeout-ms 2000] [--max-retries 2] [--alert TYPE …]
      [--alert-threshold CLÉ=VALEUR …]
      [--secret-header NOM …] [--secret-query NOM …]
      [--batch-max-exports 1] [--batch-max-age 1s]
      [--batch-max-bytes 1MiB]
    secrets : OUTFLOW_BEARER_TOKEN, OUTFLOW_CLIENT_SECRET,
    OUTFLOW_PASSWORD, OUTFLOW_KEY_PASSPHRASE,
    OUTFLOW_SECRET_HEADER_&lt;NOM&gt;, OUTFLOW_SECRET_QUERY_&lt;NOM&gt;,
    ou demandés dans un terminal
  edit ID|NOM [toute option de add]
  set-secret ID|NOM bearer-token|client-secret|password|
      key-passphrase|header:NOM|query:NOM
  list
  show|test|enable|disable|remove ID|NOM
Chaque action accepte --help pour afficher ses options.</translation>
    </message>
    <message>
        <source>Exports per request: 1 (the default) sends one profile per request; more sends them in batches.</source>
        <translation>Exportations par requête : 1 (par défaut) envoie un profil par requête ; davantage les envoie par lots.</translation>
    </message>
    <message>
        <source>How long the first export of a batch may wait for others, e.g. 250ms or 2s (default 1s).</source>
        <translation>Combien de temps la première exportation d’un lot peut attendre les autres, par exemple 250ms ou 2s (1s par défaut).</translation>
    </message>
    <message>
        <source>Largest body of a batch, e.g. 512KiB or 1MiB (default 1MiB).</source>
        <translation>Plus grand corps d’un lot, par exemple 512KiB ou 1MiB (1MiB par défaut).</translation>
    </message>
</context>
</TS>
