// The sender's pure parts: which results are retried, when, the adaptive
// window, the latency histogram and the redaction of secrets.
#include "delivery/adaptivewindow.h"
#include "delivery/retrypolicy.h"
#include "delivery/secretredactor.h"

#include <QTest>

using namespace outflow;
using namespace Qt::StringLiterals;

namespace {

TransportResult answer(int status)
{
    TransportResult result;
    result.httpStatus = status;
    return result;
}

TransportResult failure(TransportError error)
{
    TransportResult result;
    result.error = error;
    return result;
}

} // namespace

class TestDeliveryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void classification()
    {
        QCOMPARE(classifyResult(answer(200)), ResultClass::Delivered);
        QCOMPARE(classifyResult(answer(204)), ResultClass::Delivered);
        QCOMPARE(classifyResult(answer(401)), ResultClass::Unauthorized);
        for (int status : {408, 429, 500, 502, 503, 504})
            QCOMPARE(classifyResult(answer(status)), ResultClass::Retryable);
        for (int status : {301, 400, 403, 404, 409, 413, 422})
            QCOMPARE(classifyResult(answer(status)), ResultClass::Final);
        for (auto error :
             {TransportError::ConnectionRefused, TransportError::ConnectionReset,
              TransportError::Timeout, TransportError::HostNotFound, TransportError::Other})
            QCOMPARE(classifyResult(failure(error)), ResultClass::Retryable);
        QCOMPARE(classifyResult(failure(TransportError::Tls)), ResultClass::Final);
        QVERIFY(isCongestionSignal(answer(429)));
        QVERIFY(isCongestionSignal(answer(503)));
        QVERIFY(isCongestionSignal(failure(TransportError::Timeout)));
        QVERIFY(!isCongestionSignal(answer(500)));
    }

    void theDefaultScheduleWithJitter()
    {
        const RetryPolicy policy({15000, 30000}, 2);
        QCOMPARE(policy.retryDelayMs(1, std::nullopt, 0.5), 15000);
        QCOMPARE(policy.retryDelayMs(2, std::nullopt, 0.5), 30000);
        QCOMPARE(policy.retryDelayMs(3, std::nullopt, 0.5), std::nullopt); // two retries, no more
        // ±20 %: random 0 → -20 %, random → 1 → +20 %.
        QCOMPARE(policy.retryDelayMs(1, std::nullopt, 0.0), 12000);
        QCOMPARE(*policy.retryDelayMs(1, std::nullopt, 0.999999), 17999);
    }

    void aShortScheduleRepeatsItsLastDelay()
    {
        const RetryPolicy policy({100}, 3, 0.0);
        QCOMPARE(policy.retryDelayMs(1, std::nullopt, 0.3), 100);
        QCOMPARE(policy.retryDelayMs(3, std::nullopt, 0.3), 100);
        QCOMPARE(policy.retryDelayMs(4, std::nullopt, 0.3), std::nullopt);
        QCOMPARE(RetryPolicy({100}, 0).retryDelayMs(1, std::nullopt, 0.3), std::nullopt);
    }

    void retryAfterIsHonouredWithinTheScheduleBounds()
    {
        const RetryPolicy policy({15000, 30000}, 2);
        QCOMPARE(policy.retryDelayMs(1, 20000, 0.9), 20000);        // exactly, no jitter
        QCOMPARE(policy.retryDelayMs(1, 1000, 0.9), 15000);         // not sooner than the schedule
        QCOMPARE(policy.retryDelayMs(1, 3600000, 0.9), 30000);      // nor later
        QCOMPARE(policy.retryDelayMs(3, 20000, 0.9), std::nullopt); // nor beyond the retries
    }

    void retryAfterValues()
    {
        const QDateTime now = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);
        QCOMPARE(RetryPolicy::parseRetryAfter("120", now), 120000);
        QCOMPARE(RetryPolicy::parseRetryAfter(" 0 ", now), 0);
        QCOMPARE(RetryPolicy::parseRetryAfter("Fri, 01 Mar 2024 12:00:30 GMT", now), 30000);
        QCOMPARE(RetryPolicy::parseRetryAfter("Fri, 01 Mar 2024 11:00:00 GMT", now), 0);
        QCOMPARE(RetryPolicy::parseRetryAfter("-5", now), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter("soon", now), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter("", now), std::nullopt);
    }

    void theWindowDoublesPerRoundTripThenHalvesOnCongestion()
    {
        AdaptiveWindow window(1024, 2000, 8);
        qint64 now = 1'000'000;
        // A round trip of answers well within the timeout, the window full.
        for (int i = 0; i < 8; ++i)
            window.onResult(now, now + 10, 20'000, false, true);
        QCOMPARE(window.size(), 16);
        QCOMPARE(window.baselineUs(), 20'000);
        // Not window-limited: no growth.
        window.onResult(now, now + 10, 20'000, false, false);
        QCOMPARE(window.size(), 16);
        // A 503 halves; the other answers to requests sent before it do not.
        now += 1000;
        window.onResult(now - 500, now, 20'000, true, true);
        QCOMPARE(window.size(), 8);
        window.onResult(now - 400, now + 1, 20'000, true, true);
        QCOMPARE(window.size(), 8);
        // A request sent after the halving can halve again.
        window.onResult(now + 10, now + 20, 20'000, true, true);
        QCOMPARE(window.size(), 4);
        // Above the threshold now: a few steps per round trip, not doubling.
        for (int i = 0; i < 4; ++i)
            window.onResult(now + 30, now + 40, 20'000, false, true);
        QVERIFY(window.size() < 8);
        // An answer slower than 3/4 of the timeout is a congestion signal.
        window.onResult(now + 50, now + 60, 1'600'000, false, true);
        QVERIFY(window.size() <= 3);
    }

    void slowAnswersDoNotGrowTheWindow()
    {
        // Over half the timeout: hold, even with nothing faster to compare with.
        AdaptiveWindow window(1024, 2000, 8);
        window.onResult(0, 10, 1'100'000, false, true);
        QCOMPARE(window.size(), 8);
    }

    void queueingHoldsTheWindowEvenWhenSomeAnswersAreFast()
    {
        AdaptiveWindow window(1024, 2000, 8);
        // An endpoint answering in 1 ms when nothing waits.
        window.onResult(0, 10, 1'000, false, true);
        QCOMPARE(window.baselineUs(), 1'000);
        QCOMPARE(window.size(), 9);
        // Then most answers wait 6 ms in queues (over twice the baseline
        // plus 2 ms): once the smoothed latency says so, the window holds...
        int grewWhileQueued = 0;
        for (int i = 0; i < 40; ++i) {
            const int before = window.size();
            window.onResult(0, 20 + i, 6'000, false, true);
            grewWhileQueued += window.size() > before ? 1 : 0;
        }
        QVERIFY(window.smoothedLatencyUs() > 2 * window.baselineUs() + 2'000);
        QVERIFY(grewWhileQueued < 40);
        const int held = window.size();
        // ...and a fast answer among the queued ones does not grow it: an
        // answer on its own says little, which is what let the window reach
        // hundreds over loopback.
        window.onResult(0, 100, 1'000, false, true);
        window.onResult(0, 101, 6'000, false, true);
        QCOMPARE(window.size(), held);
    }

    void overHttp2DeeperQueuesStillGrowTheWindow()
    {
        // Baseline 1 ms, answers at 10 ms: queueing over HTTP/1.1 (limit
        // 4 ms), fine over HTTP/2 (limit 2 + 25 ms), where more streams in
        // flight make each cheaper.
        for (const bool http2 : {false, true}) {
            AdaptiveWindow window(1024, 2000, 8);
            window.setMultiplexed(http2);
            window.onResult(0, 1, 1'000, false, true);
            for (int i = 0; i < 20; ++i)
                window.onResult(0, 2 + i, 10'000, false, true);
            if (http2)
                QCOMPARE(window.size(), 8 + 1 + 20);
            else
                QVERIFY(window.size() < 8 + 1 + 20);
        }
    }

    void persistentQueueingShrinksTheWindowOncePerRoundTrip()
    {
        AdaptiveWindow window(1024, 2000, 100);
        window.onResult(0, 1, 1'000, false, true); // baseline 1 ms
        const int start = window.size();
        // Answers at 10 ms: over twice the growth limit (2 x 1 + 2 = 4 ms).
        qint64 now = 1'000'000;
        for (int i = 0; i < 30; ++i)
            window.onResult(now, now + i, 10'000, false, true);
        QVERIFY(window.size() < start);
        const int shrunk = window.size();
        // Answers to requests sent before the last decrease do not shrink it again.
        window.onResult(now, now + 100, 10'000, false, true);
        QCOMPARE(window.size(), shrunk);
        // A request sent after it can: by a tenth, not by half.
        window.onResult(now + 200, now + 300, 10'000, false, true);
        QVERIFY(window.size() < shrunk);
        QVERIFY(window.size() >= int(shrunk * 0.9) - 1);
        // Not window-limited: the window is not the cause, no decrease.
        const int before = window.size();
        window.onResult(now + 400, now + 500, 10'000, false, false);
        QCOMPARE(window.size(), before);
    }

    void theBaselineFollowsAnEndpointThatSlowsDown()
    {
        AdaptiveWindow window(1024, 2000, 8);
        window.onResult(0, 1, 1'000, false, true);
        QCOMPARE(window.baselineUs(), 1'000);
        // Two epochs later the 1 ms answer is forgotten.
        const qint64 epoch = AdaptiveWindow::BaselineEpochNs;
        window.onResult(epoch, epoch + 1, 50'000, false, true);
        window.onResult(3 * epoch, 3 * epoch + 1, 50'000, false, true);
        QCOMPARE(window.baselineUs(), 50'000);
        const int before = window.size();
        window.onResult(3 * epoch, 3 * epoch + 2, 60'000, false, true);
        QCOMPARE(window.size(), before + 1);
    }

    void theWindowStaysWithinItsBounds()
    {
        AdaptiveWindow small(3, 2000, 8);
        QCOMPARE(small.size(), 3);
        for (int i = 0; i < 10; ++i)
            small.onResult(0, 1, 1000, false, true);
        QCOMPARE(small.size(), 3);
        for (int i = 0; i < 10; ++i)
            small.onResult(i * 10 + 100, i * 10 + 101, 1000, true, true);
        QCOMPARE(small.size(), 1);
    }

    void redactionMasksSecretsInEverySpelling()
    {
        Destination destination;
        destination.headers = {{u"X-Api-Key"_s, u"key-123456"_s}, {u"X-Team"_s, u"growth"_s}};
        destination.query = u"api_token=q%2Bsecret&page=2"_s;
        DestinationSecrets secrets;
        secrets.clientSecret = u"s3cr:et +%&="_s;
        SecretRedactor redactor(destination, secrets);
        redactor.addAuthorization("Bearer eyJhbGciOi.abc.def");
        const QString text = redactor.redact(
            u"key-123456 growth q+secret s3cr:et +%&= s3cr%3Aet+%2B%25%26%3D eyJhbGciOi.abc.def"_s);
        QCOMPARE(text, u"•••• growth •••• •••• •••• ••••"_s);
        // Shapes that look like credentials, known or not.
        QCOMPARE(redactor.redact(u"Authorization: Basic dXNlcjpwYXNz\r\nX: 1"_s),
                 u"Authorization: ••••\r\nX: 1"_s);
        QCOMPARE(redactor.redact(u"{\"access_token\":\"abc\",\"n\":1}"_s),
                 u"{\"access_token\":\"••••\",\"n\":1}"_s);
        QCOMPARE(redactor.redact(u"use bearer abcdefgh"_s), u"use bearer ••••"_s);
    }

    void excerptsAreCutAfterRedaction()
    {
        SecretRedactor redactor;
        redactor.addSecret(u"TOPSECRET"_s);
        const QByteArray body = QByteArray(1020, 'a') + "TOPSECRET" + QByteArray(100, 'b');
        const QString excerpt = redactor.excerpt(body, 1024);
        QVERIFY(!excerpt.contains(u"TOPS"_s));
        QVERIFY(excerpt.toUtf8().size() <= 1024);
        QVERIFY(excerpt.endsWith(QChar(0x2022)) || excerpt.endsWith(u'a')); // cut on a character
        QCOMPARE(redactor.excerpt("é", 1), QString()); // never half a character
    }
};

QTEST_APPLESS_MAIN(TestDeliveryPolicy)
#include "tst_deliverypolicy.moc"
