// Custom-upload audiences (DESIGN §3): a CSV file with a header row and one
// identity column; a re-upload replaces the member set.
#include "audienceservice.h"
#include "ingest/csvreader.h"
#include "segmenter.h"
#include "store/store.h"

#include <QIODevice>
#include <QSet>
#include <QUuid>

namespace outflow {

// `record` holds the first record, already read with the header.
bool AudienceService::importRows(CsvReader &reader, CsvRecord &record, int column,
                                 const QString &ns, const QString &time, const QString &audienceId,
                                 AudienceImportSummary &summary)
{
    QSet<qint64> previous;
    for (qint64 after = 0;;) {
        const QList<qint64> page = m_store.realizedMembers(audienceId, after, PageSize);
        if (!m_store.lastError().isEmpty() && page.isEmpty())
            return storeError(tr("Could not read the members of “%1”").arg(summary.audience.name));
        for (const qint64 id : page)
            previous.insert(id);
        if (page.size() < PageSize)
            break;
        after = page.constLast();
    }

    ProfileMerger merger(m_store, [this] { return now(); });
    QSet<qint64> members;
    const qint64 total = reader.totalBytes();
    const QString columnName = reader.header().value(column);
    bool first = true;
    qint64 records = 0;
    const auto handle = [&](const CsvRecord &row) {
        if (!row.isValid()) {
            summary.errors.append(LineError{row.line, row.error});
            return true;
        }
        const QString value = row.fields.value(column).trimmed();
        if (value.isEmpty()) {
            summary.errors.append(LineError{
                row.line,
                tr("line %1: the identity column “%2” is empty.").arg(row.line).arg(columnName)});
            return true;
        }
        ++summary.rows;
        const Identity identity{ns, value, false};
        std::optional<qint64> owner = m_store.owner(identity);
        if (!owner && !m_store.lastError().isEmpty())
            return storeError(tr("Could not look up the identity on line %1").arg(row.line));
        if (!owner) {
            Fragment fragment;
            // Primary when the upload creates the profile; a known identity keeps
            // its flag (a CSV row states nothing about it).
            fragment.identities = {Identity{ns, value, true, false}};
            fragment.line = row.line;
            const std::optional<MergeReport> report = merger.merge(fragment);
            if (!report) {
                return storeError(
                    tr("Could not create a profile for the identity on line %1").arg(row.line));
            }
            ++summary.profilesCreated;
            QString error;
            if (m_onMerged && !m_onMerged(*report, &error)) {
                m_error = error;
                m_errorKind = ErrorKind::Store;
                return false;
            }
            owner = report->profileId;
        }
        if (members.contains(*owner))
            return true; // the same profile twice (two identities, or a repeated row)
        members.insert(*owner);
        if (!previous.contains(*owner)) {
            if (!setStatus(*owner, audienceId, true, time))
                return false;
            ++summary.entered;
        }
        return true;
    };
    while (first || reader.next(record)) {
        first = false;
        if (cancelled() || !handle(record))
            return false;
        if (++records % PageSize == 0)
            progress(reader.bytesRead(), total);
    }
    for (const qint64 id : std::as_const(previous)) {
        if (!members.contains(id)) {
            if (!setStatus(id, audienceId, false, time))
                return false;
            ++summary.exited;
        }
    }
    summary.members = members.size();
    progress(reader.bytesRead(), total);
    return true;
}

std::optional<AudienceImportSummary> AudienceService::import(const QString &name,
                                                             const QString &identityColumn,
                                                             const QString &ns, QIODevice *device)
{
    m_errorKind = ErrorKind::None;
    m_error.clear();
    if (!checkName(name))
        return std::nullopt;
    if (identityColumn.trimmed().isEmpty()) {
        inputError(tr("The identity column is required."));
        return std::nullopt;
    }
    if (ns.trimmed().isEmpty()) {
        inputError(tr("The identity namespace is required."));
        return std::nullopt;
    }
    CsvReader reader(device);
    CsvRecord record;
    if (!reader.next(record) || !reader.hasHeader()) {
        inputError(record.error.isEmpty() ? tr("The file has no header row.") : record.error);
        return std::nullopt;
    }
    const int column = reader.columnIndex(identityColumn);
    if (column < 0) {
        inputError(tr("The file has no column “%1” (or more than one); its columns are: %2.")
                       .arg(identityColumn, reader.header().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (record.line == 0) { // header only: nothing to import
        inputError(record.error);
        return std::nullopt;
    }

    AudienceImportSummary summary;
    const qint64 importedAt = now();
    std::optional<Audience> existing = m_store.audienceByName(name.trimmed());
    if (!existing && !m_store.lastError().isEmpty()) {
        storeError({});
        return std::nullopt;
    }
    if (existing && existing->isRuleAudience()) {
        inputError(
            tr("“%1” is a rule audience: choose another name for the upload.").arg(existing->name));
        return std::nullopt;
    }
    summary.createdAudience = !existing;
    if (existing) {
        summary.audience = *existing;
    } else {
        summary.audience.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        summary.audience.name = name.trimmed();
        summary.audience.origin = AudienceOrigin::CustomUpload;
        summary.audience.createdAt = importedAt;
    }
    summary.audience.updatedAt = importedAt;

    if (!m_store.begin()) {
        storeError({});
        return std::nullopt;
    }
    const bool saved = existing ? m_store.updateAudience(summary.audience)
                                : m_store.insertAudience(summary.audience);
    if (!saved)
        storeError({});
    if (!saved ||
        !importRows(reader, record, column, ns.trimmed(), qualificationTime(importedAt),
                    summary.audience.id, summary) ||
        !m_store.commit()) {
        if (m_errorKind == ErrorKind::None)
            storeError({});
        const QString error = m_error;
        m_store.rollback();
        m_error = error;
        return std::nullopt;
    }
    return summary;
}

} // namespace outflow
