package org.httplog.connect.transforms;

/**
 * Strict parser of an IPv6 address in the text forms of RFC 4291, section 2.2, without a zone id
 * (see {@link AddressParser} for zones, brackets and ports).
 *
 * <p>Accepted: eight groups of one to four hexadecimal digits in either case, separated by colons;
 * at most one {@code ::} standing for one or more groups of zeros; the last two groups may be
 * written as a strict dotted-quad IPv4 address ({@code ::ffff:1.2.3.4}, see {@link Ipv4Parser}).
 * Everything else is refused: five-digit groups, a single leading or trailing colon, a second
 * {@code ::}, too many or too few groups. Looks at characters only: no name is ever resolved.
 */
final class Ipv6Parser {

    /** Longest accepted text, {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    static final int MAX_LENGTH = 45;

    private static final int GROUPS = 8;

    private Ipv6Parser() {
    }

    /**
     * Parses {@code s[from, to)}; on success stores the high 64 bits in {@code out[0]} and the low
     * 64 bits in {@code out[1]} and returns true. On failure returns false ({@code out} may have
     * been overwritten).
     */
    static boolean parse(String s, int from, int to, long[] out) {
        int length = to - from;
        if (length < 2 || length > MAX_LENGTH) {
            return false;
        }
        int[] groups = new int[GROUPS];
        int count = 0;
        int gap = -1; // number of groups before "::", or -1 without one
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 5) {
                int digit = hexDigit(s.charAt(i));
                if (digit < 0) {
                    break;
                }
                value = (value << 4) | digit;
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                // An IPv4 address as the last two groups: it must run to the end.
                if (count > GROUPS - 2) {
                    return false;
                }
                long ipv4 = Ipv4Parser.parse(s, start, to);
                if (ipv4 < 0) {
                    return false;
                }
                groups[count++] = (int) (ipv4 >>> 16);
                groups[count++] = (int) (ipv4 & 0xffff);
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || count == GROUPS) {
                return false;
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i == to) {
                return false; // a single trailing colon
            }
            if (s.charAt(i) == ':') {
                if (gap >= 0) {
                    return false; // a second "::"
                }
                gap = count;
                i++;
            }
        }
        if (gap < 0 ? count != GROUPS : count > GROUPS - 1) {
            return false;
        }
        int zeros = GROUPS - count;
        long high = 0;
        long low = 0;
        for (int g = 0; g < GROUPS; g++) {
            int value;
            if (gap < 0 || g < gap) {
                value = groups[g];
            } else if (g < gap + zeros) {
                value = 0;
            } else {
                value = groups[g - zeros];
            }
            if (g < GROUPS / 2) {
                high = (high << 16) | value;
            } else {
                low = (low << 16) | value;
            }
        }
        out[0] = high;
        out[1] = low;
        return true;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
