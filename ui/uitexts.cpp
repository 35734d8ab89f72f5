#include "uitexts.h"

#include <QLocale>

namespace outflow::ui {

QString UiTexts::probeSummary(const ProbeReport &report)
{
    QString text;
    if (report.ok()) {
        text = tr("Delivered: HTTP %1 in %2 ms%3.")
                   .arg(report.httpStatus)
                   .arg(report.latencyMs)
                   .arg(report.http2 ? tr(" over HTTP/2") : QString());
    } else {
        text = tr("Failed: %1").arg(report.error);
        if (report.httpStatus > 0)
            text += u' ' + tr("(HTTP %1 in %2 ms)").arg(report.httpStatus).arg(report.latencyMs);
    }
    // OAuth2: what the token endpoint said (never the token).
    const ProbeToken &token = report.token;
    if ((token.auth == AuthType::OAuth2ClientCredentials ||
         token.auth == AuthType::OAuth2Password) &&
        token.obtained) {
        const qint64 seconds = token.lifetimeSeconds;
        text +=
            u'\n' + (seconds >= 0 ? tr("Token issued for %1 s%2.")
                                        .arg(seconds)
                                        .arg(token.refreshable ? tr(", refreshable") : QString())
                                  : tr("Token issued, without a lifetime."));
    }
    if (!report.serverCertificates.isEmpty()) {
        const CertificateInfo &leaf = report.serverCertificates.constFirst();
        text += u'\n' + tr("Server certificate: %1, issued by %2, valid until %3.")
                            .arg(leaf.subjectDisplayName, leaf.issuerCommonName,
                                 QLocale().toString(leaf.notAfter.toLocalTime().date(),
                                                    QLocale::ShortFormat));
    }
    if (report.clientCertificate)
        text += u'\n' + tr("Client certificate presented: %1.")
                            .arg(report.clientCertificate->subjectDisplayName);
    if (!report.response.isEmpty())
        text += u'\n' + tr("Answer: %1").arg(report.response);
    return text;
}

} // namespace outflow::ui
