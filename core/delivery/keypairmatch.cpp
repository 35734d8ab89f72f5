#include "keypairmatch.h"

#include <optional>
#include <QByteArrayView>
#include <QList>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslKey>

namespace outflow {

namespace {

// Just enough DER (X.690) to reach the public values of a key: definite
// lengths, no tag numbers above 30. Anything else reads as malformed.
constexpr quint8 IntegerTag = 0x02;
constexpr quint8 BitStringTag = 0x03;
constexpr quint8 OctetStringTag = 0x04;
constexpr quint8 SequenceTag = 0x30;
constexpr quint8 EcPublicKeyFieldTag = 0xa1; // ECPrivateKey's [1] publicKey (RFC 5915)

struct DerElement
{
    quint8 tag = 0;
    QByteArrayView content;
};

std::optional<DerElement> takeElement(QByteArrayView &input)
{
    if (input.size() < 2)
        return std::nullopt;
    const auto tag = quint8(input[0]);
    qsizetype length = quint8(input[1]);
    qsizetype headerSize = 2;
    if (length & 0x80) {
        const int lengthBytes = int(length & 0x7f);
        if (lengthBytes == 0 || lengthBytes > 4 || input.size() < 2 + lengthBytes)
            return std::nullopt;
        length = 0;
        for (int i = 0; i < lengthBytes; ++i)
            length = (length << 8) | quint8(input[2 + i]);
        headerSize += lengthBytes;
    }
    if (input.size() - headerSize < length)
        return std::nullopt;
    DerElement element{tag, input.sliced(headerSize, length)};
    input = input.sliced(headerSize + length);
    return element;
}

std::optional<QList<DerElement>> childrenOf(QByteArrayView content)
{
    QList<DerElement> children;
    while (!content.isEmpty()) {
        const auto child = takeElement(content);
        if (!child)
            return std::nullopt;
        children.append(*child);
    }
    return children;
}

// The elements of the single SEQUENCE that `der` holds.
std::optional<QList<DerElement>> sequenceElements(QByteArrayView der)
{
    const auto outer = takeElement(der);
    if (!outer || outer->tag != SequenceTag)
        return std::nullopt;
    return childrenOf(outer->content);
}

// A BIT STRING's bits, without the leading "unused bits" count.
std::optional<QByteArrayView> bitStringBits(const DerElement &element)
{
    if (element.tag != BitStringTag || element.content.isEmpty())
        return std::nullopt;
    return element.content.sliced(1);
}

// SubjectPublicKeyInfo ::= SEQUENCE { algorithm, subjectPublicKey BIT STRING }
std::optional<QByteArrayView> subjectPublicKeyBits(QByteArrayView spki)
{
    const auto fields = sequenceElements(spki);
    if (!fields || fields->size() < 2)
        return std::nullopt;
    return bitStringBits(fields->at(1));
}

// PrivateKeyInfo (PKCS#8) ::= SEQUENCE { version, algorithm SEQUENCE, privateKey
// OCTET STRING, … }: the algorithm-specific key inside. Other encodings pass through.
QByteArrayView withoutPkcs8Wrapper(QByteArrayView der)
{
    const auto fields = sequenceElements(der);
    if (fields && fields->size() >= 3 && fields->at(0).tag == IntegerTag &&
        fields->at(1).tag == SequenceTag && fields->at(2).tag == OctetStringTag)
        return fields->at(2).content;
    return der;
}

// RSAPublicKey ::= SEQUENCE { modulus, publicExponent } against
// RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, … } (RFC 8017).
KeyPairMatch matchRsa(QByteArrayView privateDer, QByteArrayView publicBits)
{
    const auto publicFields = sequenceElements(publicBits);
    const auto privateFields = sequenceElements(privateDer);
    if (!publicFields || publicFields->size() < 2 || !privateFields || privateFields->size() < 3)
        return KeyPairMatch::Unknown;
    const bool same = publicFields->at(0).content == privateFields->at(1).content &&
                      publicFields->at(1).content == privateFields->at(2).content;
    return same ? KeyPairMatch::Matches : KeyPairMatch::DoesNotMatch;
}

// ECPrivateKey ::= SEQUENCE { version, privateKey, [0] parameters OPTIONAL,
// [1] publicKey BIT STRING OPTIONAL }: the public point, when present, is the
// certificate's subjectPublicKey byte for byte.
KeyPairMatch matchEc(QByteArrayView privateDer, QByteArrayView publicBits)
{
    const auto privateFields = sequenceElements(privateDer);
    if (!privateFields)
        return KeyPairMatch::Unknown;
    for (const DerElement &field : *privateFields) {
        if (field.tag != EcPublicKeyFieldTag)
            continue;
        QByteArrayView inner = field.content;
        const auto bitString = takeElement(inner);
        const auto point = bitString ? bitStringBits(*bitString) : std::nullopt;
        if (!point)
            return KeyPairMatch::Unknown;
        return *point == publicBits ? KeyPairMatch::Matches : KeyPairMatch::DoesNotMatch;
    }
    return KeyPairMatch::Unknown; // a key saved without its public point
}

} // namespace

KeyPairMatch matchKeyToCertificate(const QSslKey &privateKey, const QSslCertificate &certificate)
{
    const QSslKey publicKey = certificate.publicKey();
    if (privateKey.isNull() || publicKey.isNull())
        return KeyPairMatch::Unknown;
    if (privateKey.algorithm() != publicKey.algorithm())
        return KeyPairMatch::DoesNotMatch;
    // A copy of the private key: wiped when done, whatever the outcome.
    QByteArray privateDer = privateKey.toDer();
    const auto wipe = qScopeGuard([&privateDer] { privateDer.fill('\0'); });
    const QByteArray publicDer = publicKey.toDer();
    const auto publicBits = subjectPublicKeyBits(publicDer);
    if (!publicBits)
        return KeyPairMatch::Unknown;
    const QByteArrayView keyDer = withoutPkcs8Wrapper(privateDer);
    switch (privateKey.algorithm()) {
    case QSsl::Rsa:
        return matchRsa(keyDer, *publicBits);
    case QSsl::Ec:
        return matchEc(keyDer, *publicBits);
    default:
        return KeyPairMatch::Unknown;
    }
}

} // namespace outflow
