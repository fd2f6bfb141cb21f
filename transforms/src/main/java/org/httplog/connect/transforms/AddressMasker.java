package org.httplog.connect.transforms;

/**
 * Anonymises one client address: the pure function behind {@link IpMask}, free of Connect types.
 *
 * <p>A dotted-quad IPv4 address in strict decimal form ({@code 0..255}, no leading zeros) keeps
 * its first three octets and loses the last: {@code 1.2.3.4} becomes {@code 1.2.3.X}. Everything
 * else fails closed: it is replaced by the redaction value, never passed through. The parser never
 * resolves names; it looks at characters only. Instances are immutable and thread-safe.
 */
public final class AddressMasker {

    private static final char MASK = 'X';

    private final String redaction;

    public AddressMasker(String redaction) {
        this.redaction = redaction;
    }

    /** The anonymised form of {@code address}; null stays null. */
    public String mask(String address) {
        if (address == null) {
            return null;
        }
        String candidate = address.strip();
        int lastDot = ipv4LastDot(candidate);
        if (lastDot < 0) {
            return redaction;
        }
        return candidate.substring(0, lastDot + 1) + MASK;
    }

    /** The index of the last dot if {@code s} is a strict dotted-decimal IPv4 address, else -1. */
    private static int ipv4LastDot(String s) {
        int length = s.length();
        int octets = 0;
        int i = 0;
        int lastDot = -1;
        while (i < length) {
            int start = i;
            int value = 0;
            while (i < length && i - start < 3 && isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            octets++;
            if (i == length) {
                break;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            lastDot = i;
            i++;
            if (i == length) {
                return -1;
            }
        }
        return octets == 4 ? lastDot : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
