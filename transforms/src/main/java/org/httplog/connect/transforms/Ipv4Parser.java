package org.httplog.connect.transforms;

/**
 * Strict parser of an IPv4 address in dotted-quad decimal, the only IPv4 text form that means the
 * same to every reader.
 *
 * <p>Accepted: exactly four decimal octets {@code 0..255} separated by single dots, without leading
 * zeros ({@code 0} itself is fine). Refused, because readers disagree about them: fewer parts
 * ({@code 1.2.3}, which {@code inet_aton} reads as {@code 1.2.0.3}), a single number
 * ({@code 16909060}), octal ({@code 0177.0.0.1}), hexadecimal ({@code 0x7f.0.0.1}), signs, spaces
 * and non-ASCII digits. Looks at characters only: no name is ever resolved.
 */
final class Ipv4Parser {

    /** Longest accepted text, {@code 255.255.255.255}. */
    static final int MAX_LENGTH = 15;

    private static final int MIN_LENGTH = 7;

    private Ipv4Parser() {
    }

    /**
     * The address in {@code s[from, to)} as an unsigned 32-bit value (first octet in the high
     * bits), or {@code -1} if that range is not a strict dotted-quad IPv4 address.
     */
    static long parse(String s, int from, int to) {
        int length = to - from;
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return -1;
        }
        long value = 0;
        int i = from;
        for (int octet = 0; ; octet++) {
            int start = i;
            int number = 0;
            while (i < to && i - start < 3) {
                int digit = s.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                number = number * 10 + digit;
                i++;
            }
            int digits = i - start;
            if (digits == 0 || number > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | number;
            if (octet == 3) {
                return i == to ? value : -1;
            }
            if (i >= to || s.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }
}
