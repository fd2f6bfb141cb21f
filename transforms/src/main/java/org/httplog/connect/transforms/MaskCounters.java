package org.httplog.connect.transforms;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many addresses an {@link AddressMasker} has handled, by outcome. Counted per address, so a
 * list of three counts three. Cheap and thread-safe ({@link LongAdder}); read by the metrics.
 */
public final class MaskCounters {

    private final LongAdder masked = new LongAdder();
    private final LongAdder pseudonymised = new LongAdder();
    private final LongAdder redacted = new LongAdder();

    void masked() {
        masked.increment();
    }

    void pseudonymised() {
        pseudonymised.increment();
    }

    void redacted() {
        redacted.increment();
    }

    /** Addresses written in their masked form ({@code 1.2.3.X}). */
    public long maskedTotal() {
        return masked.sum();
    }

    /** Addresses replaced by their keyed pseudonym (HMAC mode). */
    public long pseudonymisedTotal() {
        return pseudonymised.sum();
    }

    /** Values or list elements that were not a recognised address and became the redaction value. */
    public long redactedTotal() {
        return redacted.sum();
    }
}
