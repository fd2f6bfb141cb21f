package org.httplog.connect.transforms;

/**
 * What a recognised address is written as: the masked form ({@link MaskFormat}) or a keyed
 * pseudonym ({@link HmacFormat}). Implementations write only what they compute from the parsed
 * address bits, never characters of the input, and are thread-safe.
 */
interface AddressFormat {

    /** Appends the output for the IPv4 address in the low 32 bits of {@code address}. */
    void appendIpv4(long address, StringBuilder out);

    /** Appends the output for the IPv6 address whose high and low 64 bits are given. */
    void appendIpv6(long high, long low, StringBuilder out);
}
