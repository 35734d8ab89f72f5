// PrefetchingReader: the same records, in the same order, as reading directly,
// and a consumer that stops early never leaves the reading thread stuck.
#include "ingest/ndjsonreader.h"
#include "ingest/prefetchingreader.h"

#include <QBuffer>
#include <QTest>

using outflow::NdjsonReader;
using outflow::PrefetchingReader;
using outflow::ReadRecord;

namespace {

QByteArray lines(int count)
{
    QByteArray data;
    for (int i = 0; i < count; ++i) {
        if (i % 97 == 5) {
            data.append("{not json}\n"); // bad lines travel too, with their numbers
            continue;
        }
        data.append("{\"identityMap\":{\"email\":[{\"id\":\"p")
            .append(QByteArray::number(i))
            .append("@x.io\"}]},\"n\":")
            .append(QByteArray::number(i))
            .append("}\n");
    }
    return data;
}

} // namespace

class TestPrefetchingReader : public QObject
{
    Q_OBJECT

private slots:
    void yieldsWhatTheReaderYields()
    {
        const QByteArray data = lines(5000);
        QBuffer direct;
        direct.setData(data);
        QVERIFY(direct.open(QIODevice::ReadOnly));
        NdjsonReader directReader(&direct);
        QList<ReadRecord> expected;
        ReadRecord record;
        while (directReader.next(record))
            expected.append(record);
        QCOMPARE(expected.size(), 5000);

        QBuffer buffer;
        buffer.setData(data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        NdjsonReader reader(&buffer);
        QList<ReadRecord> got;
        {
            PrefetchingReader prefetching(reader);
            while (prefetching.next(record))
                got.append(record);
            QVERIFY(!prefetching.next(record)); // stays at the end
        }
        QCOMPARE(got.size(), expected.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got.at(i).line, expected.at(i).line);
            QCOMPARE(got.at(i).error, expected.at(i).error);
            QCOMPARE(got.at(i).fragment.has_value(), expected.at(i).fragment.has_value());
            if (got.at(i).fragment) {
                QCOMPARE(got.at(i).fragment->identities, expected.at(i).fragment->identities);
                QCOMPARE(got.at(i).fragment->json, expected.at(i).fragment->json);
            }
        }
        QVERIFY(reader.sawAnyLine());
    }

    void emptyInputEnds()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        NdjsonReader reader(&buffer);
        PrefetchingReader prefetching(reader);
        ReadRecord record;
        QVERIFY(!prefetching.next(record));
    }

    void stoppingEarlyReleasesTheReadingThread()
    {
        // Far more records than the queue holds: the reading thread is
        // waiting for room when the consumer goes away.
        QBuffer buffer;
        buffer.setData(lines(20000));
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        NdjsonReader reader(&buffer);
        ReadRecord record;
        {
            PrefetchingReader prefetching(reader);
            QVERIFY(prefetching.next(record));
            QCOMPARE(record.line, 1);
        } // the destructor returns only once the thread has stopped
        QVERIFY(buffer.pos() < buffer.size()); // it stopped reading, not finished
    }
};

QTEST_GUILESS_MAIN(TestPrefetchingReader)
#include "tst_prefetchingreader.moc"
