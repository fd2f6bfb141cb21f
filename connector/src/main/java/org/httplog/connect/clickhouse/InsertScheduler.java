package org.httplog.connect.clickhouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides when the task may spend its next request on the proxy.
 *
 * <p>After an accepted request the next one waits a full insert interval; after a refused (429/503)
 * or failed one it waits the retry back-off, or the server's {@code Retry-After} when that is
 * longer. Time comes from an injected {@link Clock}, so the schedule is tested without sleeping.
 */
final class InsertScheduler {

    private final Clock clock;
    private final Duration interval;
    private final Duration retryBackoff;
    private Instant nextAttempt;

    InsertScheduler(Clock clock, Duration interval, Duration retryBackoff) {
        this.clock = clock;
        this.interval = interval;
        this.retryBackoff = retryBackoff;
        this.nextAttempt = clock.instant();
    }

    boolean isDue() {
        return !clock.instant().isBefore(nextAttempt);
    }

    Instant now() {
        return clock.instant();
    }

    Instant nextAttempt() {
        return nextAttempt;
    }

    /** The proxy admitted a request sent at {@code sentAt}: its window is spent. */
    void onWindowSpent(Instant sentAt) {
        nextAttempt = sentAt.plus(interval);
    }

    /** The request was refused or failed; {@code retryAfter} is the server's hint, or null. */
    void onRetryLater(Duration retryAfter) {
        Duration wait = retryAfter != null && retryAfter.compareTo(retryBackoff) > 0 ? retryAfter : retryBackoff;
        nextAttempt = clock.instant().plus(wait);
    }
}
