#pragma once

class QSslCertificate;
class QSslKey;

namespace outflow {

enum class KeyPairMatch {
    Matches,
    DoesNotMatch,
    Unknown, // a key type or encoding this check does not read: not an error
};

// Whether `privateKey` is the private half of the certificate's public key.
// Qt has no API for it and the TLS library only complains at the first
// handshake ("private key does not certify public key"), so an administrator
// who picked the wrong key file would learn it from a failed delivery; this
// reads the public values out of both DER encodings and compares them:
// RSA modulus and exponent (PKCS#1 or PKCS#8), EC public point (SEC1 or PKCS#8).
KeyPairMatch matchKeyToCertificate(const QSslKey &privateKey, const QSslCertificate &certificate);

} // namespace outflow
