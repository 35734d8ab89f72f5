// Shared by tst_payloadbuilder.cpp (the reference's golden examples) and
// tst_payloadbuilder_tables.cpp (one table per part of the export).
#pragma once

#include "activation/payloadbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace outflow::test {

// JSON written with single quotes, for legible fixtures.
inline QByteArray json(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

inline QJsonObject parsed(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), text.constData());
    return document.object();
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray jsonMismatch(const QJsonObject &actual, const QJsonObject &expected)
{
    return QByteArray("\n   actual: ") + compact(actual) + "\n expected: " + compact(expected);
}

// Compares two JSON objects as parsed values; prints both on a mismatch.
#define COMPARE_JSON(actual, expected)                                                             \
    QVERIFY2((actual) == (expected), jsonMismatch((actual), (expected)).constData())

inline Audience audience(QAnyStringView id, QAnyStringView name,
                         QAnyStringView mergePolicy = u"default", qint64 createdAt = 0,
                         qint64 updatedAt = 0)
{
    Audience result;
    result.id = id.toString();
    result.name = name.toString();
    result.mergePolicyId = mergePolicy.toString();
    result.createdAt = createdAt;
    result.updatedAt = updatedAt;
    return result;
}

inline QHash<QString, Audience> byId(const QList<Audience> &audiences)
{
    QHash<QString, Audience> result;
    for (const Audience &audience : audiences)
        result.insert(audience.id, audience);
    return result;
}

inline Membership membership(QAnyStringView audienceId, MembershipStatus status,
                             QAnyStringView time)
{
    return Membership{0, audienceId.toString(), status, time.toString()};
}

inline Identity identity(QAnyStringView ns, QAnyStringView id, bool primary = false)
{
    return Identity{ns.toString(), id.toString(), primary};
}

inline MappedAudience mapped(QAnyStringView audienceId, qint64 createdAt = 0, qint64 updatedAt = 0)
{
    return MappedAudience{audienceId.toString(), createdAt, updatedAt};
}

inline Dataflow dataflow(const QStringList &paths, const QList<MappedAudience> &audiences = {},
                         const QStringList &mandatory = {})
{
    Dataflow result;
    result.audiences = audiences;
    for (const QString &path : paths)
        result.attributes.append(MappedAttribute{path, false, false});
    for (const QString &path : mandatory)
        result.attributes.append(MappedAttribute{path, false, true});
    return result;
}

inline constexpr auto realized = MembershipStatus::Realized;
inline constexpr auto exited = MembershipStatus::Exited;

} // namespace outflow::test

class TestPayloadBuilder : public QObject
{
    Q_OBJECT

private slots:
    void goldenFullExport();
    void goldenSegmentNames();
    void goldenSegmentTimestamps();
    void attributes_data();
    void attributes();
    void segmentMembership_data();
    void segmentMembership();
    void identityMap_data();
    void identityMap();
    void missingMandatory_data();
    void missingMandatory();
    void compactInDocumentedOrder();
    void escapedNamesAndIdsRoundTrip_data();
    void escapedNamesAndIdsRoundTrip();
    void malformedAttributesBuildNothing();
    void selectionMatchesAJsonModel();
};
