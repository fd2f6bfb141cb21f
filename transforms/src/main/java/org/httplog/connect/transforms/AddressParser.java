package org.httplog.connect.transforms;

/**
 * Recognises one client address in the shapes real logs hold, and reduces it to the address
 * itself: an IPv4 address (32 bits) or an IPv6 address (128 bits).
 *
 * <p>Shapes, after surrounding ASCII white space is trimmed:
 * <ul>
 *   <li>{@code 1.2.3.4}: strict dotted-quad IPv4 ({@link Ipv4Parser});</li>
 *   <li>{@code 1.2.3.4:8080}: IPv4 and a port ({@code 0..65535}, one to five digits), port dropped;</li>
 *   <li>{@code 2001:db8::1}, {@code fe80::1%eth0}: IPv6 ({@link Ipv6Parser}), the zone id (letters,
 *       digits, {@code - . _ ~}) dropped;</li>
 *   <li>{@code [2001:db8::1]}, {@code [2001:db8::1]:443}: bracketed IPv6, optionally with a zone and
 *       a port, port dropped.</li>
 * </ul>
 * IPv6 addresses that carry an IPv4 address are reduced to it, so a client groups with itself
 * whatever form it arrives in: IPv4-mapped ({@code ::ffff:0:0/96}, e.g. {@code ::ffff:1.2.3.4} or
 * {@code ::ffff:102:304}), IPv4-compatible ({@code ::/96} except {@code ::} and {@code ::1}, e.g.
 * {@code ::1.2.3.4}) and 6to4 ({@code 2002::/16}, whose bits 16..47 are the site's IPv4 address).
 *
 * <p>Anything else is {@link #NONE}. Looks at characters only: no name is ever resolved.
 */
final class AddressParser {

    static final int NONE = 0;
    static final int IPV4 = 4;
    static final int IPV6 = 6;

    /** Longest element worth looking at: {@code [} IPv6 {@code %} zone {@code ]:65535}. */
    static final int MAX_LENGTH = 1 + Ipv6Parser.MAX_LENGTH + 1 + 64 + 2 + 5;

    private static final int MAX_PORT_DIGITS = 5;
    private static final int MAX_PORT = 65535;
    private static final long MAPPED_PREFIX = 0xffffL;
    private static final long SIX_TO_FOUR_PREFIX = 0x2002L;

    private AddressParser() {
    }

    /**
     * Parses the element {@code s[from, to)}. Returns {@link #IPV4} with the address in the low 32
     * bits of {@code out[1]}, {@link #IPV6} with the high and low 64 bits in {@code out[0]} and
     * {@code out[1]}, or {@link #NONE}.
     */
    static int parse(String s, int from, int to, long[] out) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        if (to - from > MAX_LENGTH || from == to) {
            return NONE;
        }
        if (s.charAt(from) == '[') {
            int close = indexOf(s, ']', from + 1, to);
            if (close < 0) {
                return NONE;
            }
            if (close + 1 < to && (s.charAt(close + 1) != ':' || !isPort(s, close + 2, to))) {
                return NONE;
            }
            return ipv6WithZone(s, from + 1, close, out);
        }
        int colon = indexOf(s, ':', from, to);
        if (colon < 0) {
            return ipv4(s, from, to, out);
        }
        if (indexOf(s, ':', colon + 1, to) < 0) {
            // One colon: IPv4 and a port. An IPv6 address has at least two.
            return isPort(s, colon + 1, to) ? ipv4(s, from, colon, out) : NONE;
        }
        return ipv6WithZone(s, from, to, out);
    }

    private static int ipv4(String s, int from, int to, long[] out) {
        long address = Ipv4Parser.parse(s, from, to);
        if (address < 0) {
            return NONE;
        }
        out[1] = address;
        return IPV4;
    }

    private static int ipv6WithZone(String s, int from, int to, long[] out) {
        int percent = indexOf(s, '%', from, to);
        if (percent >= 0) {
            if (!isZone(s, percent + 1, to)) {
                return NONE;
            }
            to = percent;
        }
        if (!Ipv6Parser.parse(s, from, to, out)) {
            return NONE;
        }
        long high = out[0];
        long low = out[1];
        if (high == 0 && ((low >>> 32) == MAPPED_PREFIX || ((low >>> 32) == 0 && (low & ~1L) != 0))) {
            out[1] = low & 0xffff_ffffL; // IPv4-mapped or IPv4-compatible
            return IPV4;
        }
        if ((high >>> 48) == SIX_TO_FOUR_PREFIX) {
            out[1] = (high >>> 16) & 0xffff_ffffL;
            return IPV4;
        }
        return IPV6;
    }

    private static boolean isPort(String s, int from, int to) {
        int digits = to - from;
        if (digits < 1 || digits > MAX_PORT_DIGITS) {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            port = port * 10 + digit;
        }
        return port <= MAX_PORT;
    }

    private static boolean isZone(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
