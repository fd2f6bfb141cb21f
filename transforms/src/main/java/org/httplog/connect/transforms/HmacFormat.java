package org.httplog.connect.transforms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: {@code h:} followed by the first 16 bytes, in lower-case hexadecimal, of
 * HMAC-SHA256 under the configured key of the address's bytes (4 for IPv4, including the IPv4
 * forms of IPv6; 16 for IPv6). Zone ids and ports are not part of it.
 *
 * <p>The same client always gets the same pseudonym under the same key, so unique clients can be
 * counted; without the key the address cannot be computed back. This is <b>pseudonymisation</b>,
 * not anonymisation: whoever holds the key can test every IPv4 address (2^32 tries) and link
 * pseudonyms back, so the data stays personal data under the GDPR.
 *
 * <p>{@link Mac} instances are not thread-safe: each thread gets its own.
 */
final class HmacFormat implements AddressFormat {

    static final String PREFIX = "h:";
    static final int OUTPUT_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ThreadLocal<Mac> mac;

    /** @param key the secret, as UTF-8 bytes */
    HmacFormat(String key) {
        SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        newMac(spec); // fail at configuration time, not on the first record
        this.mac = ThreadLocal.withInitial(() -> newMac(spec));
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    @Override
    public void appendIpv4(long address, StringBuilder out) {
        byte[] bytes = new byte[4];
        putInt(bytes, 0, (int) address);
        append(bytes, out);
    }

    @Override
    public void appendIpv6(long high, long low, StringBuilder out) {
        byte[] bytes = new byte[16];
        putInt(bytes, 0, (int) (high >>> 32));
        putInt(bytes, 4, (int) high);
        putInt(bytes, 8, (int) (low >>> 32));
        putInt(bytes, 12, (int) low);
        append(bytes, out);
    }

    private void append(byte[] input, StringBuilder out) {
        byte[] digest = mac.get().doFinal(input);
        out.append(PREFIX);
        for (int i = 0; i < OUTPUT_BYTES; i++) {
            out.append(HEX[(digest[i] >>> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
        }
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
