package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Properties over the address spaces, with expectations computed independently of the masker's
 * code: sweeps and seeded random samples, so every run checks the same addresses.
 */
class AddressMaskerPropertyTest {

    private static final int SAMPLES = 200_000;

    private final AddressMasker masker = new AddressMasker("redacted");

    @Test
    void everyIpv4NetworkKeepsExactlyItsFirstThreeOctets() {
        // All 2^24 networks a.b.c, each with a last octet that varies with the network.
        StringBuilder address = new StringBuilder(15);
        for (int network = 0; network < 1 << 24; network++) {
            int a = network >>> 16;
            int b = (network >>> 8) & 0xff;
            int c = network & 0xff;
            int d = (network * 131 + 7) & 0xff;
            address.setLength(0);
            address.append(a).append('.').append(b).append('.').append(c).append('.');
            String expected = address + "X";
            address.append(d);
            String masked = masker.mask(address.toString());
            if (!expected.equals(masked)) {
                fail(address + " became " + masked + ", expected " + expected);
            }
        }
    }

    /**
     * All 2^32 addresses (a few minutes on one core, so not in every build):
     * {@code mvn -pl transforms test -Dtest=AddressMaskerPropertyTest -Dipmask.exhaustive=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "ipmask.exhaustive", matches = "true")
    void everyIpv4AddressBecomesItsNetworkAndX() {
        for (int network = 0; network < 1 << 24; network++) {
            String prefix = (network >>> 16) + "." + ((network >>> 8) & 0xff) + "." + (network & 0xff) + ".";
            String expected = prefix + "X";
            for (int d = 0; d < 256; d++) {
                String masked = masker.mask(prefix + d);
                if (!expected.equals(masked)) {
                    fail(prefix + d + " became " + masked);
                }
            }
        }
    }

    @Test
    void everyLastOctetOfSomeNetworksIsRemoved() {
        for (String network : new String[] {"0.0.0.", "1.2.3.", "10.20.30.", "192.168.0.", "255.255.255."}) {
            for (int d = 0; d < 256; d++) {
                assertEquals(network + "X", masker.mask(network + d));
            }
        }
    }

    @Test
    void everyFormOfAnIpv4AddressGivesTheSameMask() {
        SplittableRandom random = new SplittableRandom(4);
        AddressMasker slash16 = new AddressMasker("redacted", 16, 48);
        AddressMasker slash8 = new AddressMasker("redacted", 8, 48);
        for (int i = 0; i < SAMPLES; i++) {
            int a = random.nextInt(256);
            int b = random.nextInt(256);
            int c = random.nextInt(256);
            int d = random.nextInt(256);
            String dotted = a + "." + b + "." + c + "." + d;
            String expected = a + "." + b + "." + c + ".X";
            String hex = Integer.toHexString(a << 8 | b) + ":" + Integer.toHexString(c << 8 | d);
            String[] forms = {
                dotted, " " + dotted + "\t", dotted + ":" + random.nextInt(65536),
                "::ffff:" + dotted, "::FFFF:" + dotted, "::ffff:" + hex, "::ffff:" + hex.toUpperCase(Locale.ROOT),
                "0:0:0:0:0:ffff:" + hex, "[::ffff:" + dotted + "]:" + random.nextInt(65536),
                "::ffff:" + dotted + "%eth0", "2002:" + hex + "::" + Integer.toHexString(random.nextInt(65536)),
            };
            for (String form : forms) {
                assertEquals(expected, masker.mask(form), form);
            }
            if ((a | b | c) != 0 || d > 1) { // ::, ::1 are IPv6 loopback and unspecified, not IPv4-compatible
                assertEquals(expected, masker.mask("::" + dotted), "::" + dotted);
            }
            assertEquals(a + "." + b + ".X.X", slash16.mask(dotted));
            assertEquals(a + ".X.X.X", slash8.mask(dotted));
            assertEquals(expected + ", " + expected, masker.mask(dotted + "," + dotted));
            if (d > 0) {
                assertEquals("redacted", masker.mask(a + "." + b + "." + c + ".0" + d), "leading zero");
            }
            assertEquals("redacted", masker.mask(a + "." + b + "." + c), "three parts");
        }
    }

    @Test
    void everyFormOfAnIpv6AddressGivesTheSameMaskAsComputedFromItsBits() throws UnknownHostException {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < SAMPLES; i++) {
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                // Many zero groups, so that "::" compression happens in every position.
                groups[g] = random.nextInt(3) == 0 ? 0 : random.nextInt(65536);
            }
            if (groups[0] == 0x2002 || (groups[0] | groups[1] | groups[2] | groups[3] | groups[4]) == 0) {
                continue; // 6to4, mapped and compatible are IPv4, checked above
            }
            int prefix = 16 * (1 + random.nextInt(7));
            StringBuilder expected = new StringBuilder();
            for (int g = 0; g < 8; g++) {
                expected.append(g == 0 ? "" : ":").append(g < prefix / 16 ? Integer.toHexString(groups[g]) : "X");
            }
            AddressMasker withPrefix = new AddressMasker("redacted", 24, prefix);
            String full = full(groups);
            String compressed = compressed(groups);
            String[] forms = {
                full, full.toUpperCase(Locale.ROOT), compressed, compressed.toUpperCase(Locale.ROOT),
                "[" + compressed + "]", "[" + compressed + "]:" + random.nextInt(65536), compressed + "%eth0",
                "[" + full + "%1]:443", " " + compressed + " ",
            };
            for (String form : forms) {
                assertEquals(expected.toString(), withPrefix.mask(form), form);
            }
            // The JDK reads the same bits (only hex digits and colons: InetAddress does not resolve those).
            byte[] bytes = InetAddress.getByName(compressed).getAddress();
            for (int g = 0; g < 8; g++) {
                assertEquals(groups[g], (bytes[2 * g] & 0xff) << 8 | (bytes[2 * g + 1] & 0xff), compressed);
            }
        }
    }

    private static String full(int[] groups) {
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            text.append(g == 0 ? "" : ":").append(String.format("%04x", groups[g]));
        }
        return text.toString();
    }

    /** The longest run of zero groups (any length, even one) as "::", groups without leading zeros. */
    private static String compressed(int[] groups) {
        int bestStart = -1;
        int bestLength = 0;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                text.append("::");
                g += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[g]));
        }
        return text.toString();
    }
}
