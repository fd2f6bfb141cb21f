package org.httplog.connect.transforms;

/**
 * The anonymised forms: the network prefix is kept, every removed part is written as {@code X}.
 *
 * <ul>
 *   <li>IPv4 keeps 8, 16 or 24 bits: {@code 1.2.3.4} becomes {@code 1.X.X.X}, {@code 1.2.X.X} or
 *       {@code 1.2.3.X}; octets in decimal without leading zeros.</li>
 *   <li>IPv6 keeps a multiple of 16 bits (16..112), written group by group in lower-case hexadecimal
 *       without leading zeros (RFC 5952) and without {@code ::} compression, one {@code X} for every
 *       removed group: at /48, {@code 2001:0DB8:85a3::8a2e:370:7334} becomes
 *       {@code 2001:db8:85a3:X:X:X:X:X}.</li>
 * </ul>
 * The same network always gives the same text, so rows group by it; the text never parses as an
 * address, because {@code X} is not a digit.
 */
final class MaskFormat implements AddressFormat {

    static final char MASK = 'X';
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int ipv4Octets;
    private final int ipv6Groups;

    /**
     * @param ipv4PrefixLength 8, 16 or 24
     * @param ipv6PrefixLength a multiple of 16 from 16 to 112
     */
    MaskFormat(int ipv4PrefixLength, int ipv6PrefixLength) {
        if (ipv4PrefixLength % 8 != 0 || ipv4PrefixLength < 8 || ipv4PrefixLength > 24) {
            throw new IllegalArgumentException("IPv4 prefix length must be 8, 16 or 24: " + ipv4PrefixLength);
        }
        if (ipv6PrefixLength % 16 != 0 || ipv6PrefixLength < 16 || ipv6PrefixLength > 112) {
            throw new IllegalArgumentException("IPv6 prefix length must be a multiple of 16 from 16 to 112: "
                    + ipv6PrefixLength);
        }
        this.ipv4Octets = ipv4PrefixLength / 8;
        this.ipv6Groups = ipv6PrefixLength / 16;
    }

    @Override
    public void appendIpv4(long address, StringBuilder out) {
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                out.append('.');
            }
            if (octet < ipv4Octets) {
                out.append((int) (address >>> (24 - 8 * octet)) & 0xff);
            } else {
                out.append(MASK);
            }
        }
    }

    @Override
    public void appendIpv6(long high, long low, StringBuilder out) {
        for (int group = 0; group < 8; group++) {
            if (group > 0) {
                out.append(':');
            }
            if (group < ipv6Groups) {
                long half = group < 4 ? high : low;
                appendHexGroup((int) (half >>> (48 - 16 * (group & 3))) & 0xffff, out);
            } else {
                out.append(MASK);
            }
        }
    }

    private static void appendHexGroup(int value, StringBuilder out) {
        boolean started = false;
        for (int shift = 12; shift > 0; shift -= 4) {
            int digit = (value >>> shift) & 0xf;
            if (digit != 0 || started) {
                out.append(HEX[digit]);
                started = true;
            }
        }
        out.append(HEX[value & 0xf]);
    }
}
