// `outflowctl destination test N`: one sample export through the sender's own
// transport, authentication and TLS, without touching the outbox
// (DestinationProbe, shared with the app's Send test). Reached from
// destinationcommand.cpp's "test" action.
#include "activation/activationservice.h"
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "delivery/destinationprobe.h"
#include "delivery/destinationsecretsloader.h"
#include "destinationcommand_p.h"
#include "secrets/secretstore.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace outflow::cli {

namespace {

QJsonObject tokenJson(const ProbeToken &token)
{
    return QJsonObject{{QStringLiteral("auth"), authTypeName(token.auth)},
                       {QStringLiteral("obtained"), token.obtained},
                       {QStringLiteral("failureReason"), token.failureReason},
                       {QStringLiteral("failure"), token.failure},
                       {QStringLiteral("lifetimeSeconds"), token.lifetimeSeconds},
                       {QStringLiteral("refreshable"), token.refreshable}};
}

QString tokenText(const ProbeToken &token)
{
    if (!token.failure.isEmpty())
        return Text::tr("%1, failed (%2): %3")
            .arg(authTypeName(token.auth), token.failureReason, token.failure);
    if (token.auth == AuthType::None)
        return Text::tr("none", "no authentication");
    if (token.auth == AuthType::Bearer)
        return Text::tr("bearer, token from the keychain");
    const QString lifetime = token.lifetimeSeconds >= 0
                                 ? Text::tr("expires in %1 s").arg(token.lifetimeSeconds)
                                 : Text::tr("no expiry given");
    return Text::tr("%1, token obtained (%2, %3)")
        .arg(authTypeName(token.auth), lifetime,
             token.refreshable ? Text::tr("refreshable") : Text::tr("not refreshable"));
}

QJsonObject reportJson(const ProbeReport &report)
{
    QJsonArray chain;
    for (const CertificateInfo &certificate : report.serverCertificates)
        chain.append(QJsonObject{
            {QStringLiteral("subject"), certificate.subjectDisplayName},
            {QStringLiteral("issuer"), certificate.issuerCommonName},
            {QStringLiteral("notAfter"), certificate.notAfter.toUTC().toString(Qt::ISODate)}});
    QJsonObject json{{QStringLiteral("exportId"), report.exportId},
                     {QStringLiteral("profile"), report.profileId},
                     {QStringLiteral("status"), report.httpStatus},
                     {QStringLiteral("latencyMs"), report.latencyMs},
                     {QStringLiteral("http2"), report.http2},
                     {QStringLiteral("reason"), report.reason},
                     {QStringLiteral("error"), report.error},
                     {QStringLiteral("response"), report.response},
                     {QStringLiteral("token"), tokenJson(report.token)},
                     {QStringLiteral("serverCertificates"), chain}};
    if (report.clientCertificate)
        json.insert(QStringLiteral("clientCertificate"),
                    certificateJson(*report.clientCertificate));
    return json;
}

// Prints what the probe found; returns the exit code it means.
int printReport(Context &context, const ProbeReport &report)
{
    if (context.json) {
        context.out << QJsonDocument(reportJson(report)).toJson(QJsonDocument::Compact) << '\n';
    } else {
        context.out << (report.profileId > 0
                            ? Text::tr("Sample export of profile %1 (export id %2):")
                                  .arg(report.profileId)
                                  .arg(report.exportId)
                            : Text::tr("Sample document (export id %1):").arg(report.exportId))
                    << '\n';
        if (report.httpStatus > 0)
            context.out << Text::tr("  status: HTTP %1%2, %3 ms")
                               .arg(report.httpStatus)
                               .arg(report.http2 ? QStringLiteral(" (HTTP/2)") : QString())
                               .arg(report.latencyMs)
                        << '\n';
        if (!report.response.isEmpty())
            context.out << Text::tr("  response: %1").arg(report.response) << '\n';
        context.out << Text::tr("  auth: %1").arg(tokenText(report.token)) << '\n';
        for (const CertificateInfo &certificate : report.serverCertificates)
            context.out << Text::tr("  server certificate: %1, issued by %2, valid until %3")
                               .arg(certificate.subjectDisplayName, certificate.issuerCommonName,
                                    certificate.notAfter.toUTC().toString(Qt::ISODate))
                        << '\n';
        if (report.clientCertificate)
            context.out << Text::tr("  client certificate: %1")
                               .arg(certificateText(*report.clientCertificate))
                        << '\n';
        if (!report.error.isEmpty())
            context.err << Text::tr("destination test: %1").arg(report.error) << '\n';
    }
    context.out.flush();
    context.err.flush();
    return report.ok() ? ExitSuccess : ExitFailure;
}

} // namespace

int destinationTestCommand(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("destination test");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        context.err << command << ": " << Text::tr("give exactly one destination id or name.")
                    << '\n';
        return ExitUsage;
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    ActivationService service(store);
    const std::optional<Destination> destination =
        service.findDestination(parser.positionalArguments().constFirst());
    if (!destination) {
        context.err << command << ": " << service.lastError() << '\n';
        return service.lastErrorKind() == ActivationService::ErrorKind::Input ? ExitUsage
                                                                              : ExitFailure;
    }
    // The probe the app's Send test uses too (DestinationProbe).
    auto *test = new DestinationProbe(store, *destination, QCoreApplication::instance());
    store.close();
    QObject::connect(
        test, &DestinationProbe::finished, test, [&context, test](const ProbeReport &report) {
            const int code = printReport(context, report);
            // The probe, its network access manager and its TLS
            // connection go while events still flow: what their
            // destructors post (deleteLater) runs before the loop
            // ends, so that nothing outlives the process's exit.
            QObject::connect(test, &QObject::destroyed, QCoreApplication::instance(), [code] {
                QTimer::singleShot(0, QCoreApplication::instance(),
                                   [code] { QCoreApplication::exit(code); });
            });
            test->deleteLater();
        });
    auto *keychain = new SecretStore(test);
    readDestinationSecrets(
        *keychain, *destination, test,
        [test, &context](std::optional<DestinationSecrets> secrets, const QString &problem) {
            if (secrets)
                return test->start(*secrets);
            context.err << Text::tr("destination test: %1").arg(problem) << '\n';
            context.err.flush();
            QCoreApplication::exit(ExitFailure);
        });
    return RunEventLoop;
}

} // namespace outflow::cli
