<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CsvReader</name>
    <message numerus="yes">
        <source>expected %n field(s), found %1</source>
        <translation>
            <numerusform>expected %n field, found %1</numerusform>
            <numerusform>expected %n fields, found %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqliteStore</name>
    <message numerus="yes">
        <source>%1, and %n more problem(s)</source>
        <translation>
            <numerusform>%1, and %n more problem</numerusform>
            <numerusform>%1, and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TlsConfig</name>
    <message numerus="yes">
        <source>The client certificate %1 (%2) expires in %n day(s), on %3.</source>
        <translation>
            <numerusform>The client certificate %1 (%2) expires in %n day, on %3.</numerusform>
            <numerusform>The client certificate %1 (%2) expires in %n days, on %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::DestinationSender</name>
    <message numerus="yes">
        <source>%1 (no retry left after %n attempt(s))</source>
        <translation>
            <numerusform>%1 (no retry left after %n attempt)</numerusform>
            <numerusform>%1 (no retry left after %n attempts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::ActivationReviewPage</name>
    <message numerus="yes">
        <source>Backfill: %1 realized profile(s) → %1 export(s), sent once you press Finish.</source>
        <translation>
            <numerusform>Backfill: %1 realized profile → %1 export, sent once you press Finish.</numerusform>
            <numerusform>Backfill: %1 realized profiles → %1 exports, sent once you press Finish.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::AudienceImportDialog</name>
    <message numerus="yes">
        <source>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n row(s) rejected.</source>
        <translation>
            <numerusform>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n row rejected.</numerusform>
            <numerusform>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n rows rejected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::AudienceSelectionEditor</name>
    <message numerus="yes">
        <source>%n audience(s) selected</source>
        <translation>
            <numerusform>%n audience selected</numerusform>
            <numerusform>%n audiences selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n realized membership(s)</source>
        <translation>
            <numerusform>%n realized membership</numerusform>
            <numerusform>%n realized memberships</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::DeliveriesPage</name>
    <message numerus="yes">
        <source>Replay %n failed export(s) of “%1”?</source>
        <translation>
            <numerusform>Replay %n failed export of “%1”?</numerusform>
            <numerusform>Replay %n failed exports of “%1”?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay %n failed export(s) of %1?</source>
        <translation>
            <numerusform>Replay %n failed export of %1?</numerusform>
            <numerusform>Replay %n failed exports of %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay all %n failed export(s) of “%1”?</source>
        <translation>
            <numerusform>Replay the %n failed export of “%1”?</numerusform>
            <numerusform>Replay all %n failed exports of “%1”?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued again</source>
        <translation>
            <numerusform>%n queued again</numerusform>
            <numerusform>%n queued again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent again: a newer export replaced each</source>
        <translation>
            <numerusform>%n not sent again: a newer export replaced it</numerusform>
            <numerusform>%n not sent again: a newer export replaced each</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer failed, left as it was</source>
        <translation>
            <numerusform>%n no longer failed, left as it was</numerusform>
            <numerusform>%n no longer failed, left as they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export ID(s) copied.</source>
        <translation>
            <numerusform>%n export ID copied.</numerusform>
            <numerusform>%n export IDs copied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::DesktopNotifier</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::DestinationsPage</name>
    <message numerus="yes">
        <source>Export the %n current member(s) of “%1” to “%2” again?</source>
        <translation>
            <numerusform>Export the %n current member of “%1” to “%2” again?</numerusform>
            <numerusform>Export the %n current members of “%1” to “%2” again?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <translation>
            <numerusform>{%n member}</numerusform>
            <numerusform>{%n members}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <translation>
            <numerusform>[%n element]</numerusform>
            <numerusform>[%n elements]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n profile(s) in the store</source>
        <translation>
            <numerusform>%n profile in the store</numerusform>
            <numerusform>%n profiles in the store</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::ProfilesPage</name>
    <message numerus="yes">
        <source>Profile %1: %n identity(ies)</source>
        <translation>
            <numerusform>Profile %1: %n identity</numerusform>
            <numerusform>Profile %1: %n identities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n membership(s)</source>
        <translation>
            <numerusform>%n membership</numerusform>
            <numerusform>%n memberships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export decision(s)</source>
        <translation>
            <numerusform>%n export decision</numerusform>
            <numerusform>%n export decisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) merged into it</source>
        <translation>
            <numerusform>%n profile merged into it</numerusform>
            <numerusform>%n profiles merged into it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::StoreMaintenanceDialog</name>
    <message numerus="yes">
        <source>%1: %n problem(s)</source>
        <translation>
            <numerusform>%1: %n problem</numerusform>
            <numerusform>%1: %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::TlsEditor</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflow::ui::TrayIcon</name>
    <message numerus="yes">
        <source>%n healthy</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n healthy</numerusform>
            <numerusform>%n healthy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sending</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n sending</numerusform>
            <numerusform>%n sending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backlogged</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n backlogged</numerusform>
            <numerusform>%n backlogged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retrying</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n retrying</numerusform>
            <numerusform>%n retrying</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing to authenticate</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n failing to authenticate</numerusform>
            <numerusform>%n failing to authenticate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a TLS problem</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n with a TLS problem</numerusform>
            <numerusform>%n with a TLS problem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing a secret</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n missing a secret</numerusform>
            <numerusform>%n missing a secret</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled</source>
        <comment>destinations</comment>
        <translation>
            <numerusform>%n disabled</numerusform>
            <numerusform>%n disabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n active alert</numerusform>
            <numerusform>%n active alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n destination(s)</source>
        <translation>
            <numerusform>%n destination</numerusform>
            <numerusform>%n destinations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n acknowledged)</source>
        <comment>active alerts (how many acknowledged)</comment>
        <translation>
            <numerusform>%1 (%n acknowledged)</numerusform>
            <numerusform>%1 (%n acknowledged)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outflowctl</name>
    <message numerus="yes">
        <source>Audience “%1” created (id %2): %n profile(s) realized.</source>
        <translation>
            <numerusform>Audience “%1” created (id %2): %n profile realized.</numerusform>
            <numerusform>Audience “%1” created (id %2): %n profiles realized.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n row(s) rejected.</source>
        <translation>
            <numerusform>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n row rejected.</numerusform>
            <numerusform>Audience “%1”: %2 members (%3 entered, %4 exited, %5 new profiles); %n rows rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backfill: %n profile(s) already realized will be exported (by &apos;outflowctl run&apos; or the app).</source>
        <translation>
            <numerusform>Backfill: %n profile already realized will be exported (by &apos;outflowctl run&apos; or the app).</numerusform>
            <numerusform>Backfill: %n profiles already realized will be exported (by &apos;outflowctl run&apos; or the app).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resend queued: %n profile(s) will be exported again.</source>
        <translation>
            <numerusform>Resend queued: %n profile will be exported again.</numerusform>
            <numerusform>Resend queued: %n profiles will be exported again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backfill of dataflow %1 done: %n profile(s).</source>
        <translation>
            <numerusform>Backfill of dataflow %1 done: %n profile.</numerusform>
            <numerusform>Backfill of dataflow %1 done: %n profiles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed export(s) queued again for “%1” (same export ids); &apos;outflowctl run&apos; or the app sends them.</source>
        <translation>
            <numerusform>%n failed export queued again for “%1” (same export id); &apos;outflowctl run&apos; or the app sends it.</numerusform>
            <numerusform>%n failed exports queued again for “%1” (same export ids); &apos;outflowctl run&apos; or the app sends them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n dead letter(s) kept: outflowctl deliveries &quot;%1&quot; --failed, then outflowctl replay &quot;%1&quot; --failed.</source>
        <translation>
            <numerusform>  %n dead letter kept: outflowctl deliveries &quot;%1&quot; --failed, then outflowctl replay &quot;%1&quot; --failed.</numerusform>
            <numerusform>  %n dead letters kept: outflowctl deliveries &quot;%1&quot; --failed, then outflowctl replay &quot;%1&quot; --failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n export(s) still queued: the destination is disabled or cannot send.</source>
        <translation>
            <numerusform>  %n export still queued: the destination is disabled or cannot send.</numerusform>
            <numerusform>  %n exports still queued: the destination is disabled or cannot send.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n export(s) waiting for a retry, the next in %2 s.</source>
        <translation>
            <numerusform>%1: %n export waiting for a retry, the next in %2 s.</numerusform>
            <numerusform>%1: %n exports waiting for a retry, the next in %2 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n problem:</numerusform>
            <numerusform>%n problems:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older failed export(s) not sent again: a newer export of the same profile replaced each (outflowctl deliveries “%1” lists them as superseded).</source>
        <translation>
            <numerusform>%n older failed export not sent again: a newer export of the same profile replaced it (outflowctl deliveries “%1” lists it as superseded).</numerusform>
            <numerusform>%n older failed exports not sent again: a newer export of the same profile replaced each (outflowctl deliveries “%1” lists them as superseded).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
</TS>
