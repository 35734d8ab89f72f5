#include "payloadbuilder.h"

#include <algorithm>
#include <QSet>
#include <QVarLengthArray>

namespace outflow {

namespace {

// Appends `text` as a JSON string: UTF-8, with only what JSON requires
// escaped (quote, backslash, control characters), as QJsonDocument writes it.
void appendJsonString(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        // A run of ASCII that needs no escape (ids, times, most names):
        // narrowed straight into the reserved buffer.
        qsizetype end = i;
        while (end < size && text[end].unicode() >= 0x20 && text[end].unicode() < 0x80 &&
               text[end] != u'"' && text[end] != u'\\')
            ++end;
        if (end > i) {
            const qsizetype at = out.size();
            out.resize(at + (end - i));
            char *to = out.data() + at;
            for (; i < end; ++i)
                *to++ = char(text[i].unicode());
            continue;
        }
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            // A run of non-ASCII characters: Qt's encoder (surrogate pairs).
            while (end < size && text[end].unicode() >= 0x80)
                ++end;
            out.append(text.sliced(i, end - i).toUtf8());
            i = end;
            continue;
        }
        switch (c) {
        case '"':
        case '\\':
            out.append('\\').append(char(c));
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0xF]);
        }
        ++i;
    }
    out.append('"');
}

QStringList exportablePaths(const QList<MappedAttribute> &attributes, bool mandatoryOnly)
{
    QStringList paths;
    for (const MappedAttribute &attribute : attributes) {
        const QStringView top = QStringView(attribute.path).left(attribute.path.indexOf(u'.'));
        if (top == u"identityMap" || top == u"segmentMembership")
            continue;
        if (!mandatoryOnly || attribute.mandatory)
            paths.append(attribute.path);
    }
    return paths;
}

void appendIdentityMap(QByteArray &out, const QList<Identity> &identities)
{
    // Grouped by namespace in order of first appearance: one pass per
    // namespace over what is left, so the cost is identities x namespaces.
    QVarLengthArray<bool, 16> written(identities.size(), false);
    out.append('{');
    for (qsizetype i = 0; i < identities.size(); ++i) {
        if (written[i])
            continue;
        if (i > 0)
            out.append(',');
        const QString &ns = identities[i].ns;
        appendJsonString(out, ns);
        out.append(":[");
        for (qsizetype j = i; j < identities.size(); ++j) {
            if (written[j] || identities[j].ns != ns)
                continue;
            if (j > i)
                out.append(',');
            written[j] = true;
            out.append("{\"id\":");
            appendJsonString(out, identities[j].id);
            if (identities[j].primary)
                out.append(",\"primary\":true");
            out.append('}');
        }
        out.append(']');
    }
    out.append('}');
}

} // namespace

PayloadBuilder::PayloadBuilder(const Dataflow &dataflow, bool includeSegmentNames,
                               bool includeSegmentTimestamps,
                               const QHash<QString, Audience> &audiencesById)
    : m_attributes(exportablePaths(dataflow.attributes, false))
    , m_mandatory(exportablePaths(dataflow.attributes, true))
{
    QSet<QString> mergePolicies;
    QHash<QString, const MappedAudience *> mappings;
    for (const MappedAudience &mapping : dataflow.audiences) {
        const auto audience = audiencesById.constFind(mapping.audienceId);
        if (audience == audiencesById.cend())
            continue;
        mergePolicies.insert(audience->mergePolicyId);
        mappings.insert(mapping.audienceId, &mapping);
    }

    for (auto it = audiencesById.cbegin(); it != audiencesById.cend(); ++it) {
        const Audience &audience = it.value();
        if (!mergePolicies.contains(audience.mergePolicyId))
            continue;
        ExportedAudience exported;
        appendJsonString(exported.opening, it.key());
        exported.opening.append(":{\"lastQualificationTime\":");
        if (const MappedAudience *mapping = mappings.value(it.key())) {
            if (includeSegmentTimestamps) {
                exported.mappedFields.append(",\"createdAt\":")
                    .append(QByteArray::number(audience.createdAt))
                    .append(",\"updatedAt\":")
                    .append(QByteArray::number(audience.updatedAt))
                    .append(",\"mappingCreatedAt\":")
                    .append(QByteArray::number(mapping->mappingCreatedAt))
                    .append(",\"mappingUpdatedAt\":")
                    .append(QByteArray::number(mapping->mappingUpdatedAt));
            }
            if (includeSegmentNames) {
                exported.mappedFields.append(",\"name\":");
                appendJsonString(exported.mappedFields, audience.name);
            }
        }
        m_exportedAudiences.insert(it.key(), exported);
    }
}

QByteArray PayloadBuilder::build(const QByteArray &attributesJson,
                                 const QList<Identity> &identities,
                                 const QList<Membership> &memberships) const
{
    QByteArray out;
    // Room for typical selected attributes, memberships and identities: one
    // allocation in the common case. Capped, not the whole attribute text:
    // the export keeps its capacity for as long as it waits in a queue.
    out.reserve(std::min<qsizetype>(attributesJson.size(), 2048) + 48 + memberships.size() * 160 +
                identities.size() * 64);
    out.append('{');
    bool wellFormed = true;
    if (m_attributes.appendSelected(attributesJson, out, &wellFormed))
        out.append(',');
    if (!wellFormed)
        return {};

    out.append("\"segmentMembership\":{\"ups\":{");
    bool first = true;
    for (const Membership &membership : memberships) {
        const auto exported = m_exportedAudiences.constFind(membership.audienceId);
        if (exported == m_exportedAudiences.cend())
            continue;
        if (!first)
            out.append(',');
        first = false;
        out.append(exported->opening);
        appendJsonString(out, membership.lastQualificationTime);
        out.append(membership.isRealized() ? QByteArrayView(",\"status\":\"realized\"")
                                           : QByteArrayView(",\"status\":\"exited\""));
        out.append(exported->mappedFields).append('}');
    }
    out.append("}},\"identityMap\":");
    appendIdentityMap(out, identities);
    out.append('}');
    return out;
}

QStringList PayloadBuilder::missingMandatory(const QByteArray &attributesJson) const
{
    return m_mandatory.missing(attributesJson);
}

} // namespace outflow
