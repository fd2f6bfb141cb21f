package org.httplog.connect.clickhouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides when the task may spend its next request on the proxy, and learns the proxy's real
 * spacing.
 *
 * <p>The budget is one accepted request per <em>spacing</em>, which starts at the configured
 * interval. A stock nginx {@code 1r/m} really admits one request per 62.5 s, so a sender that trusts
 * "60 s" is refused every time. When a request is refused (503/429) the scheduler probes again after
 * the short retry back-off (or the server's {@code Retry-After}); when one is then accepted, the gap
 * since the previous accepted request is an upper bound of the proxy's true spacing, and becomes the
 * spacing from then on. After that warm-up every request lands in a fresh window: no refusals in
 * steady state. A gap longer than {@link #MAX_LEARNED_FACTOR} times the spacing is not learned
 * (someone else used the window, or the proxy restarted).
 *
 * <p>With {@code taskCount} tasks sharing one proxy, each task owns every {@code taskCount}-th
 * window: its own cadence is {@code taskCount} times the spacing, and task {@code i} starts
 * {@code i} spacings late, so together they stay within the budget.
 *
 * <p>Whether an answered request spent the window is the caller's knowledge (see
 * {@link InsertOutcome#spendsWindow()}). Time comes from an injected {@link Clock}.
 */
final class InsertScheduler {

    static final double MAX_LEARNED_FACTOR = 1.5;

    private final Clock clock;
    private final Duration retryBackoff;
    private final int taskCount;
    private Duration spacing;
    private Instant nextAttempt;
    private Instant lastAccepted;
    private boolean refusedSinceAccepted;

    InsertScheduler(Clock clock, Duration interval, Duration retryBackoff, int taskIndex, int taskCount) {
        if (taskCount < 1 || taskIndex < 0 || taskIndex >= taskCount) {
            throw new IllegalArgumentException("task " + taskIndex + " of " + taskCount);
        }
        this.clock = clock;
        this.retryBackoff = retryBackoff;
        this.taskCount = taskCount;
        this.spacing = interval;
        this.nextAttempt = clock.instant().plus(interval.multipliedBy(taskIndex));
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

    /** The spacing the proxy enforces between two accepted requests, as learned so far. */
    Duration spacing() {
        return spacing;
    }

    /** A request sent at {@code sentAt} got through the proxy's rate limit (whatever ClickHouse said). */
    void onWindowSpent(Instant sentAt) {
        if (refusedSinceAccepted && lastAccepted != null) {
            learn(Duration.between(lastAccepted, sentAt).dividedBy(taskCount));
        }
        lastAccepted = sentAt;
        refusedSinceAccepted = false;
        nextAttempt = sentAt.plus(spacing.multipliedBy(taskCount));
    }

    /** The proxy refused for rate (503/429); {@code retryAfter} is the server's hint, or null. */
    void onThrottled(Duration retryAfter) {
        refusedSinceAccepted = true;
        nextAttempt = clock.instant().plus(longer(retryAfter, retryBackoff));
    }

    /** The request did not reach the rate limit (connection refused, body refused before counting). */
    void onNotSent(Duration retryAfter) {
        nextAttempt = clock.instant().plus(longer(retryAfter, retryBackoff));
    }

    private void learn(Duration gap) {
        Duration ceiling = Duration.ofMillis((long) (spacing.toMillis() * MAX_LEARNED_FACTOR));
        if (gap.compareTo(spacing) > 0 && gap.compareTo(ceiling) <= 0) {
            spacing = gap;
        }
    }

    private static Duration longer(Duration hint, Duration floor) {
        return hint != null && hint.compareTo(floor) > 0 ? hint : floor;
    }
}
