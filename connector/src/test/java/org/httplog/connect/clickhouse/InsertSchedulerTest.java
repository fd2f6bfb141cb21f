package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertSchedulerTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Duration SECOND = Duration.ofSeconds(1);

    /**
     * A proxy like nginx's limit_req without burst: admits a request when at least {@code spacing} has
     * passed since the last admitted one; refused requests do not move the window.
     */
    private static final class FakeProxy {
        private final Duration spacing;
        private Instant lastAdmitted;

        FakeProxy(Duration spacing) {
            this.spacing = spacing;
        }

        boolean admit(Instant now) {
            if (lastAdmitted == null || !now.isBefore(lastAdmitted.plus(spacing))) {
                lastAdmitted = now;
                return true;
            }
            return false;
        }
    }

    /** Runs the scheduler against the proxy, polling like preCommit every 100 ms; returns the outcomes. */
    private static List<String> drive(InsertScheduler scheduler, MutableClock clock, FakeProxy proxy, Duration time) {
        List<String> outcomes = new ArrayList<>();
        Instant end = clock.instant().plus(time);
        while (clock.instant().isBefore(end)) {
            if (scheduler.isDue()) {
                Instant now = clock.instant();
                if (proxy.admit(now)) {
                    scheduler.onWindowSpent(now);
                    outcomes.add("200");
                } else {
                    scheduler.onThrottled(null);
                    outcomes.add("503");
                }
            }
            clock.advance(Duration.ofMillis(100));
        }
        return outcomes;
    }

    @Test
    void learnsThatNginxOneRequestPerMinuteMeansSixtyTwoAndAHalfSeconds() {
        MutableClock clock = new MutableClock(START);
        InsertScheduler scheduler = new InsertScheduler(clock, MINUTE, SECOND, 0, 1);
        FakeProxy proxy = new FakeProxy(Duration.ofMillis(62_500));

        List<String> warmUp = drive(scheduler, clock, proxy, Duration.ofMinutes(3));
        assertTrue(warmUp.contains("503"), warmUp.toString());
        assertTrue(scheduler.spacing().compareTo(Duration.ofMillis(62_500)) >= 0, scheduler.spacing().toString());
        assertTrue(scheduler.spacing().compareTo(Duration.ofMillis(63_600)) <= 0, scheduler.spacing().toString());

        List<String> steady = drive(scheduler, clock, proxy, Duration.ofMinutes(30));
        assertFalse(steady.contains("503"), steady.toString());
        assertTrue(steady.size() >= 28, steady.size() + " inserts in 30 minutes");
    }

    @Test
    void aProxyThatKeepsItsWordIsNeverRefused() {
        MutableClock clock = new MutableClock(START);
        InsertScheduler scheduler = new InsertScheduler(clock, MINUTE, SECOND, 0, 1);
        List<String> outcomes = drive(scheduler, clock, new FakeProxy(MINUTE), Duration.ofMinutes(10));
        assertEquals(List.of("200", "200", "200", "200", "200", "200", "200", "200", "200", "200"), outcomes);
        assertEquals(MINUTE, scheduler.spacing());
    }

    @Test
    void retryAfterIsHonoured() {
        MutableClock clock = new MutableClock(START);
        InsertScheduler scheduler = new InsertScheduler(clock, MINUTE, SECOND, 0, 1);
        scheduler.onThrottled(Duration.ofSeconds(17));
        clock.advance(Duration.ofSeconds(16));
        assertFalse(scheduler.isDue());
        clock.advance(SECOND);
        assertTrue(scheduler.isDue());
    }

    @Test
    void aGapFarLongerThanTheSpacingIsNotLearned() {
        MutableClock clock = new MutableClock(START);
        InsertScheduler scheduler = new InsertScheduler(clock, MINUTE, SECOND, 0, 1);
        scheduler.onWindowSpent(clock.instant());
        clock.advance(MINUTE);
        scheduler.onThrottled(null);
        clock.advance(Duration.ofMinutes(5)); // the proxy was down, or someone else spent the windows
        scheduler.onWindowSpent(clock.instant());
        assertEquals(MINUTE, scheduler.spacing());
    }

    @Test
    void requestsThatDidNotReachTheRateLimitDoNotMoveTheWindow() {
        MutableClock clock = new MutableClock(START);
        InsertScheduler scheduler = new InsertScheduler(clock, MINUTE, Duration.ofSeconds(5), 0, 1);
        scheduler.onNotSent(null);
        clock.advance(Duration.ofSeconds(5));
        assertTrue(scheduler.isDue());
    }

    /**
     * Two tasks whose preCommit calls come up to a second late, like a worker with
     * offset.flush.interval.ms=1000: after warm-up the proxy refuses (almost) none of their requests.
     */
    @Test
    void twoTasksWithLatePreCommitsSettleIntoTurns() {
        MutableClock clock = new MutableClock(START);
        Duration spacing = Duration.ofSeconds(10);
        java.util.Random random = new java.util.Random(7);
        List<InsertScheduler> tasks = List.of(new InsertScheduler(clock, spacing, SECOND, 0, 2),
                new InsertScheduler(clock, spacing, SECOND, 1, 2));
        Instant[] pollAt = {START.plusMillis(random.nextInt(1000)), START.plusMillis(random.nextInt(1000))};
        FakeProxy proxy = new FakeProxy(spacing);
        int[] refusedPerMinute = new int[30];
        int[] acceptedPerMinute = new int[30];
        for (int step = 0; step < 30 * 600; step++) {
            for (int t = 0; t < 2; t++) {
                InsertScheduler task = tasks.get(t);
                if (!clock.instant().isBefore(pollAt[t])) {
                    pollAt[t] = clock.instant().plusMillis(1000 + random.nextInt(100));
                    if (task.isDue()) {
                        int minute = step / 600;
                        if (proxy.admit(clock.instant())) {
                            task.onWindowSpent(clock.instant());
                            acceptedPerMinute[minute]++;
                        } else {
                            task.onThrottled(null);
                            refusedPerMinute[minute]++;
                        }
                    }
                }
            }
            clock.advance(Duration.ofMillis(100));
        }
        int lateRefusals = java.util.Arrays.stream(refusedPerMinute, 10, 30).sum();
        int lateAccepted = java.util.Arrays.stream(acceptedPerMinute, 10, 30).sum();
        System.out.println("refused per minute " + java.util.Arrays.toString(refusedPerMinute)
                + " accepted " + java.util.Arrays.toString(acceptedPerMinute));
        assertTrue(lateRefusals <= 2, "refusals after warm-up: " + java.util.Arrays.toString(refusedPerMinute));
        assertTrue(lateAccepted >= 20 * 5, "accepted after warm-up: " + lateAccepted);
    }

    @Test
    void twoTasksTakeTurnsAndTogetherStayWithinTheBudget() {
        MutableClock clock = new MutableClock(START);
        InsertScheduler first = new InsertScheduler(clock, MINUTE, SECOND, 0, 2);
        InsertScheduler second = new InsertScheduler(clock, MINUTE, SECOND, 1, 2);
        FakeProxy proxy = new FakeProxy(MINUTE);
        List<Instant> admitted = new ArrayList<>();
        int refused = 0;
        for (int step = 0; step < 20 * 600; step++) {
            for (InsertScheduler task : List.of(first, second)) {
                if (task.isDue()) {
                    if (proxy.admit(clock.instant())) {
                        task.onWindowSpent(clock.instant());
                        admitted.add(clock.instant());
                    } else {
                        task.onThrottled(null);
                        refused++;
                    }
                }
            }
            clock.advance(Duration.ofMillis(100));
        }
        assertEquals(0, refused);
        assertEquals(20, admitted.size());
        for (int i = 1; i < admitted.size(); i++) {
            assertTrue(Duration.between(admitted.get(i - 1), admitted.get(i)).compareTo(MINUTE) >= 0);
        }
    }
}
