package org.httplog.connect.transforms;

/**
 * Anonymises one address value: the pure function behind {@link IpMask}, free of Connect types.
 *
 * <p>A value is one address or an {@code X-Forwarded-For} style list of them (comma separated,
 * spaces allowed). Each element is recognised by {@link AddressParser} (IPv4, IPv6, with port,
 * bracketed, with zone id, IPv4 in IPv6) and written by the configured {@link AddressFormat}:
 * masked ({@code 1.2.3.4} becomes {@code 1.2.3.X}) or pseudonymised. The output is built from the
 * parsed address bits only, never copied from the input.
 *
 * <p>Fails closed: an element that is not a recognised address (empty, a host name such as
 * {@code localhost}, legacy forms such as {@code 0177.0.0.1} or {@code 16909060}, anything else)
 * becomes the redaction value in its place; list elements are joined with {@code ", "}. A value
 * with more than {@value #MAX_LIST_ELEMENTS} elements is replaced whole by one redaction value.
 * Null stays null. Never throws on any string, never resolves a name. Immutable and thread-safe.
 */
public final class AddressMasker {

    /** Most elements of a list that are masked one by one; beyond, the whole value is redacted. */
    public static final int MAX_LIST_ELEMENTS = 64;

    static final String LIST_SEPARATOR = ", ";

    private final String redaction;
    private final AddressFormat format;
    private final boolean pseudonymising;
    private final MaskCounters counters;

    /** Masks with the default prefixes (IPv4 /24, IPv6 /48) and counts into a private counter set. */
    public AddressMasker(String redaction) {
        this(redaction, 24, 48);
    }

    /** Masks with the given prefixes (IPv4 8, 16 or 24; IPv6 a multiple of 16 from 16 to 112). */
    public AddressMasker(String redaction, int ipv4PrefixLength, int ipv6PrefixLength) {
        this(redaction, new MaskFormat(ipv4PrefixLength, ipv6PrefixLength), false, new MaskCounters());
    }

    private AddressMasker(String redaction, AddressFormat format, boolean pseudonymising, MaskCounters counters) {
        if (redaction == null) {
            throw new IllegalArgumentException("redaction must not be null");
        }
        this.redaction = redaction;
        this.format = format;
        this.pseudonymising = pseudonymising;
        this.counters = counters;
    }

    /**
     * Pseudonymises instead of masking: {@code h:} and 32 hex digits of HMAC-SHA256 under
     * {@code key} (see {@link HmacFormat}).
     */
    public static AddressMasker pseudonymising(String redaction, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an HMAC key is required");
        }
        return new AddressMasker(redaction, new HmacFormat(key), true, new MaskCounters());
    }

    /** The counts of this masker's outcomes. */
    public MaskCounters counters() {
        return counters;
    }

    /** The anonymised (or pseudonymised) form of {@code value}; null stays null. */
    public String mask(String value) {
        if (value == null) {
            return null;
        }
        long[] bits = new long[2];
        int comma = value.indexOf(',');
        if (comma < 0) {
            int kind = AddressParser.parse(value, 0, value.length(), bits);
            if (kind == AddressParser.NONE) {
                counters.redacted();
                return redaction;
            }
            StringBuilder out = new StringBuilder(kind == AddressParser.IPV4 ? 16 : 40);
            append(kind, bits, out);
            return out.toString();
        }
        if (elements(value, comma) > MAX_LIST_ELEMENTS) {
            counters.redacted();
            return redaction;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        int from = 0;
        int to = comma;
        while (true) {
            int kind = AddressParser.parse(value, from, to, bits);
            if (kind == AddressParser.NONE) {
                counters.redacted();
                out.append(redaction);
            } else {
                append(kind, bits, out);
            }
            if (to == value.length()) {
                return out.toString();
            }
            out.append(LIST_SEPARATOR);
            from = to + 1;
            int next = value.indexOf(',', from);
            to = next < 0 ? value.length() : next;
        }
    }

    private void append(int kind, long[] bits, StringBuilder out) {
        if (kind == AddressParser.IPV4) {
            format.appendIpv4(bits[1], out);
        } else {
            format.appendIpv6(bits[0], bits[1], out);
        }
        if (pseudonymising) {
            counters.pseudonymised();
        } else {
            counters.masked();
        }
    }

    private static int elements(String value, int firstComma) {
        int count = 2;
        for (int i = value.indexOf(',', firstComma + 1); i >= 0 && count <= MAX_LIST_ELEMENTS;
                i = value.indexOf(',', i + 1)) {
            count++;
        }
        return count;
    }
}
