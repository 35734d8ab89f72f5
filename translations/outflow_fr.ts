<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>SecretResult</name>
    <message>
        <source>The secret is stored in the keychain.</source>
        <translation>Le secret est enregistré dans le trousseau.</translation>
    </message>
    <message>
        <source>No secret is stored for this item yet.</source>
        <translation>Aucun secret n&apos;est encore enregistré pour cet élément.</translation>
    </message>
    <message>
        <source>No keychain is available (Secret Service, Keychain or Credential Manager). Start or install one, for example gnome-keyring or KWallet; Outflow never saves secrets anywhere else.</source>
        <translation>Aucun trousseau n&apos;est disponible (Secret Service, Trousseau ou Gestionnaire d&apos;identification). Démarrez-en ou installez-en un, par exemple gnome-keyring ou KWallet ; Outflow n&apos;enregistre jamais de secret ailleurs.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access. Unlock it and try again.</source>
        <translation>Le trousseau est verrouillé ou a refusé l&apos;accès. Déverrouillez-le et réessayez.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Le trousseau a signalé une erreur : %1</translation>
    </message>
</context>
<context>
    <name>outflow</name>
    <message>
        <source>Stream customer profiles to any HTTP endpoint.</source>
        <translation>Diffuser des profils clients vers n&apos;importe quel point de terminaison HTTP.</translation>
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
        <translation>Le stockage à ouvrir (par défaut : le dossier de données de l&apos;utilisateur).</translation>
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
        <translation>impossible d&apos;écouter sur 127.0.0.1:%1</translation>
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
        <translation>Diffuse des profils clients vers n&apos;importe quel point de terminaison HTTP, conserve ses secrets dans le trousseau du système et affiche le flux de données en direct.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Compilé avec Qt %1, exécuté sur Qt %2.</translation>
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
        <source>No destination yet</source>
        <translation>Aucune destination pour l&apos;instant</translation>
    </message>
    <message>
        <source>Each HTTP endpoint you connect appears here with its state, its dataflow and the exports sent, failed and retried.</source>
        <translation>Chaque point de terminaison HTTP que vous connectez apparaît ici avec son état, son flux de données et les exports envoyés, en échec et relancés.</translation>
    </message>
    <message>
        <source>Connect one with &lt;b&gt;outflowctl destination add&lt;/b&gt;; the connection wizard arrives in a later version.</source>
        <translation>Connectez-en un avec &lt;b&gt;outflowctl destination add&lt;/b&gt; ; l&apos;assistant de connexion arrive dans une prochaine version.</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>No audience yet</source>
        <translation>Aucune audience pour l&apos;instant</translation>
    </message>
    <message>
        <source>Rule audiences and uploaded CSV audiences appear here with their member counts.</source>
        <translation>Les audiences à règle et les audiences importées en CSV apparaissent ici avec leur nombre de membres.</translation>
    </message>
    <message>
        <source>Create one with &lt;b&gt;outflowctl audience add&lt;/b&gt; or &lt;b&gt;outflowctl audience import&lt;/b&gt;.</source>
        <translation>Créez-en une avec &lt;b&gt;outflowctl audience add&lt;/b&gt; ou &lt;b&gt;outflowctl audience import&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>No profile yet</source>
        <translation>Aucun profil pour l&apos;instant</translation>
    </message>
    <message>
        <source>Customer profiles appear here once fragments are ingested, with their identities, memberships and export history.</source>
        <translation>Les profils clients apparaissent ici dès que des fragments sont ingérés, avec leurs identités, leurs appartenances et leur historique d&apos;export.</translation>
    </message>
    <message>
        <source>Ingest fragments with &lt;b&gt;outflowctl ingest FILE.ndjson&lt;/b&gt;, or start with &lt;b&gt;tools/run.sh --demo&lt;/b&gt; for sample data.</source>
        <translation>Ingérez des fragments avec &lt;b&gt;outflowctl ingest FICHIER.ndjson&lt;/b&gt;, ou démarrez avec &lt;b&gt;tools/run.sh --demo&lt;/b&gt; pour des données d&apos;exemple.</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <source>Nothing to monitor yet</source>
        <translation>Rien à surveiller pour l&apos;instant</translation>
    </message>
    <message>
        <source>Live figures of each dataflow appear here: exports sent, failed, retried and late, backlog and delivery latency.</source>
        <translation>Les chiffres en direct de chaque flux de données apparaissent ici : exports envoyés, en échec, relancés et en retard, file d&apos;attente et latence de livraison.</translation>
    </message>
    <message>
        <source>Activate an audience to a destination to start a dataflow.</source>
        <translation>Activez une audience vers une destination pour démarrer un flux de données.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>No alert</source>
        <translation>Aucune alerte</translation>
    </message>
    <message>
        <source>Alerts raised by your dataflows appear here, active first, with what to do about each.</source>
        <translation>Les alertes levées par vos flux de données apparaissent ici, les actives en premier, avec ce qu&apos;il faut faire pour chacune.</translation>
    </message>
    <message>
        <source>Choose the alerts you want per destination when you connect it.</source>
        <translation>Choisissez les alertes souhaitées pour chaque destination lorsque vous la connectez.</translation>
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
</context>
<context>
    <name>outflowctl</name>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>(not available yet)</source>
        <translation>(pas encore disponible)</translation>
    </message>
    <message>
        <source>Exit status: 0 on success, 1 on a runtime failure, 2 on bad usage or input.
Secrets are read from OUTFLOW_BEARER_TOKEN, OUTFLOW_CLIENT_SECRET, OUTFLOW_PASSWORD and OUTFLOW_KEY_PASSPHRASE, or prompted for; never given as arguments.</source>
        <translation>Code de sortie : 0 en cas de succès, 1 en cas d&apos;échec à l&apos;exécution, 2 en cas d&apos;usage ou d&apos;entrée incorrects.
Les secrets sont lus dans OUTFLOW_BEARER_TOKEN, OUTFLOW_CLIENT_SECRET, OUTFLOW_PASSWORD et OUTFLOW_KEY_PASSPHRASE, ou demandés à l&apos;invite ; jamais passés en arguments.</translation>
    </message>
    <message>
        <source>Outflow&apos;s headless twin: the same store and engine as the desktop app, for servers, scripts and tests.</source>
        <translation>Le jumeau sans interface d&apos;Outflow : le même stockage et le même moteur que l&apos;application de bureau, pour les serveurs, les scripts et les tests.</translation>
    </message>
    <message>
        <source>The store to use (default: OUTFLOW_STORE, or the store in the user&apos;s data folder).</source>
        <translation>Le stockage à utiliser (par défaut : OUTFLOW_STORE, ou le stockage du dossier de données de l&apos;utilisateur).</translation>
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
        <source>&apos;%1&apos; is not available yet in this version of %2.</source>
        <translation>« %1 » n&apos;est pas encore disponible dans cette version de %2.</translation>
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
        <translation>Associer des audiences et des attributs à une destination.</translation>
    </message>
    <message>
        <source>Merge profile fragments, one JSON object a line.</source>
        <translation>Fusionner des fragments de profil, un objet JSON par ligne.</translation>
    </message>
    <message>
        <source>Look up profiles and their export history.</source>
        <translation>Rechercher des profils et leur historique d&apos;export.</translation>
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
        <translation>Renvoyer les exports en échec.</translation>
    </message>
    <message>
        <source>Export every profile realized in an audience again.</source>
        <translation>Exporter à nouveau chaque profil réalisé dans une audience.</translation>
    </message>
    <message>
        <source>List active (or all) alerts.</source>
        <translation>Lister les alertes actives (ou toutes).</translation>
    </message>
    <message>
        <source>Check that the OS keychain answers.</source>
        <translation>Vérifier que le trousseau du système répond.</translation>
    </message>
    <message>
        <source>Run a demo receiver on 127.0.0.1 that accepts exports.</source>
        <translation>Lancer sur 127.0.0.1 un récepteur de démonstration qui accepte les exports.</translation>
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
        <translation>Récepteur de démonstration à l&apos;écoute sur http://127.0.0.1:%1/</translation>
    </message>
</context>
</TS>
