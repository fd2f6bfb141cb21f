package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every address shape and what it becomes, with the default options (IPv4 /24, IPv6 /48). */
class AddressMaskerTest {

    private final AddressMasker masker = new AddressMasker("redacted");

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        // IPv4: the last octet becomes X
        "1.2.3.4                                  | 1.2.3.X",
        "0.0.0.0                                  | 0.0.0.X",
        "255.255.255.255                          | 255.255.255.X",
        "192.168.100.7                            | 192.168.100.X",
        "127.0.0.1                                | 127.0.0.X",
        "' 10.0.0.1 '                             | 10.0.0.X",
        "'\t10.0.0.1\r\n'                         | 10.0.0.X",
        // IPv4 with a port: the port is dropped
        "1.2.3.4:8080                             | 1.2.3.X",
        "1.2.3.4:0                                | 1.2.3.X",
        "1.2.3.4:65535                            | 1.2.3.X",
        "' 1.2.3.4:443 '                          | 1.2.3.X",
        // IPv6: the /48 is kept, canonical (lower case, no leading zeros), one X per removed group
        "2001:0DB8:85a3::8a2e:370:7334            | 2001:db8:85a3:X:X:X:X:X",
        "2001:db8:85a3:0:0:8a2e:370:7334          | 2001:db8:85a3:X:X:X:X:X",
        "2001:db8:85a3:ffff:ffff:ffff:ffff:ffff   | 2001:db8:85a3:X:X:X:X:X",
        "2001:db8::1                              | 2001:db8:0:X:X:X:X:X",
        "2001:DB8::1                              | 2001:db8:0:X:X:X:X:X",
        "2001:0db8:0000:0000:0000:0000:0000:0001  | 2001:db8:0:X:X:X:X:X",
        "2001:db8::                               | 2001:db8:0:X:X:X:X:X",
        "1:2:3:4:5:6:7::                          | 1:2:3:X:X:X:X:X",
        "::1:2:3:4:5:6:7                          | 0:1:2:X:X:X:X:X",
        "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789  | abcd:ef01:2345:X:X:X:X:X",
        "::1                                      | 0:0:0:X:X:X:X:X",
        "::                                       | 0:0:0:X:X:X:X:X",
        "' 2001:db8::1 '                          | 2001:db8:0:X:X:X:X:X",
        // bracketed IPv6, with a port: the port is dropped
        "[2001:db8::1]                            | 2001:db8:0:X:X:X:X:X",
        "[2001:db8::1]:443                        | 2001:db8:0:X:X:X:X:X",
        "[2001:DB8::1]:0                          | 2001:db8:0:X:X:X:X:X",
        // zone ids are dropped
        "fe80::1%eth0                             | fe80:0:0:X:X:X:X:X",
        "FE80::1%25                               | fe80:0:0:X:X:X:X:X",
        "[fe80::1%25eth0]:8080                    | fe80:0:0:X:X:X:X:X",
        "fe80::a:b%en0.100_x~y-z                  | fe80:0:0:X:X:X:X:X",
        // IPv4-mapped, IPv4-compatible and 6to4 IPv6 are masked as the IPv4 address they carry
        "::ffff:1.2.3.4                           | 1.2.3.X",
        "::FFFF:1.2.3.4                           | 1.2.3.X",
        "::ffff:102:304                           | 1.2.3.X",
        "0:0:0:0:0:ffff:0102:0304                 | 1.2.3.X",
        "0000:0000:0000:0000:0000:FFFF:1.2.3.4    | 1.2.3.X",
        "[::ffff:1.2.3.4]:80                      | 1.2.3.X",
        "::ffff:1.2.3.4%eth0                      | 1.2.3.X",
        "::1.2.3.4                                | 1.2.3.X",
        "::102:304                                | 1.2.3.X",
        "::0.0.0.2                                | 0.0.0.X",
        "::2001:db8                               | 32.1.13.X",
        "2002:102:304::1                          | 1.2.3.X",
        "2002:0102:0304:abcd:1:2:3:4              | 1.2.3.X",
        // other IPv6 with an IPv4 tail are IPv6 (NAT64 prefix, SIIT): the tail is removed at /48
        "64:ff9b::1.2.3.4                         | 64:ff9b:0:X:X:X:X:X",
        "::ffff:0:1.2.3.4                         | 0:0:0:X:X:X:X:X",
        "1:2:3:4:5:6:1.2.3.4                      | 1:2:3:X:X:X:X:X",
        // lists (X-Forwarded-For): every element on its own, joined with ', '
        "'1.2.3.4, 5.6.7.8'                       | '1.2.3.X, 5.6.7.X'",
        "1.2.3.4,5.6.7.8                          | '1.2.3.X, 5.6.7.X'",
        "' 1.2.3.4 ,  5.6.7.8 '                   | '1.2.3.X, 5.6.7.X'",
        "'1.2.3.4, unknown, 2001:db8::1'          | '1.2.3.X, redacted, 2001:db8:0:X:X:X:X:X'",
        "'::ffff:1.2.3.4, [2001:db8::1]:443, 9.8.7.6:1' | '1.2.3.X, 2001:db8:0:X:X:X:X:X, 9.8.7.X'",
        "'1.2.3.4,'                               | '1.2.3.X, redacted'",
        "',1.2.3.4'                               | 'redacted, 1.2.3.X'",
        "','                                      | 'redacted, redacted'",
        "'localhost, 127.0.0.1'                   | 'redacted, 127.0.0.X'",
    })
    void everyFormIsMasked(String address, String expected) {
        assertEquals(expected, masker.mask(address));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        // empty and white space
        "", " ", "\t", " \r\n ",
        // names are never resolved
        "localhost", "LOCALHOST", "localhost:80", "example.com", "ip6-localhost", "unknown", "-", "_hidden",
        // ambiguous or legacy IPv4 forms
        "1.2.3", "1.2", "1", "16909060", "4294967295", "0177.0.0.1", "01.2.3.4", "1.2.3.04", "0x7f.0.0.1",
        "0x7f.1", "0x7f000001", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "256.1.1.1", "1.2.3.256",
        "1.2.3.-4", "+1.2.3.4", "1.2.3.4x", "1 .2.3.4", "1.2.3.4 5.6.7.8", "1.2.3.4/24", "1000.2.3.4",
        "１.２.３.４", "1.2.3.٤", "\u00a01.2.3.4", "1.2.3.4\u0000", "\"1.2.3.4\"", "for=1.2.3.4",
        // already masked values are not addresses
        "1.2.3.X", "2001:db8:85a3:X:X:X:X:X",
        // bad ports
        "1.2.3.4:", "1.2.3.4:65536", "1.2.3.4:123456", "1.2.3.4:http", "1.2.3.4:-1", "1.2.3.4: 80",
        ":80", "localhost:8080",
        // bad IPv6
        "2001:db8::g", "12345::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "1::2:", ":::",
        "::::", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4::5:6:7:8", "2001:db8::/32", "2001:db8:::1",
        "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:1.2.3.4.5", "::1.2.3.4:5",
        "::ffff:1.2.3.4:80", "2001:db8 ::1",
        // bad zones
        "fe80::1%", "fe80::1%eth 0", "fe80::1%eth/0", "fe80::1%%", "1.2.3.4%eth0", "%eth0",
        // bad brackets
        "[1.2.3.4]", "[1.2.3.4]:80", "[2001:db8::1", "2001:db8::1]", "[2001:db8::1]x", "[2001:db8::1]:",
        "[2001:db8::1]:99999", "[2001:db8::1]:80:80", "[[2001:db8::1]]", "[]", "[]:80", "[ 2001:db8::1]",
    })
    void everythingElseFailsClosed(String address) {
        assertSame("redacted", masker.mask(address));
    }

    @Test
    void nullStaysNull() {
        assertNull(masker.mask(null));
    }

    @Test
    void aVeryLongValueIsRedactedWhole() {
        assertEquals("redacted", masker.mask("1".repeat(1_000_000)));
        assertEquals("redacted", masker.mask("2001:db8::1" + " ".repeat(200) + "x"));
    }

    @Test
    void listsOfUpTo64ElementsAreMaskedElementByElementLongerOnesRedactedWhole() {
        String[] elements = new String[AddressMasker.MAX_LIST_ELEMENTS];
        java.util.Arrays.fill(elements, "1.2.3.4");
        assertEquals(String.join(", ", Collections.nCopies(AddressMasker.MAX_LIST_ELEMENTS, "1.2.3.X")),
                masker.mask(String.join(",", elements)));
        assertEquals("redacted", masker.mask(String.join(",", elements) + ",5.6.7.8"));
        assertEquals("redacted", masker.mask(",".repeat(100_000)));
    }

    @ParameterizedTest(name = "/{0}: [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        "24 | 1.2.3.4          | 1.2.3.X",
        "16 | 1.2.3.4          | 1.2.X.X",
        " 8 | 1.2.3.4          | 1.X.X.X",
        "16 | ::ffff:1.2.3.4   | 1.2.X.X",
        " 8 | 2002:102:304::1  | 1.X.X.X",
        "16 | '1.2.3.4, 5.6.7.8:9' | '1.2.X.X, 5.6.X.X'",
    })
    void coarserIpv4Masks(int prefixLength, String address, String expected) {
        assertEquals(expected, new AddressMasker("redacted", prefixLength, 48).mask(address));
    }

    @ParameterizedTest(name = "/{0}: [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        " 16 | 2001:0DB8:85a3::8a2e:370:7334 | 2001:X:X:X:X:X:X:X",
        " 32 | 2001:0DB8:85a3::8a2e:370:7334 | 2001:db8:X:X:X:X:X:X",
        " 48 | 2001:0DB8:85a3::8a2e:370:7334 | 2001:db8:85a3:X:X:X:X:X",
        " 64 | 2001:0DB8:85a3::8a2e:370:7334 | 2001:db8:85a3:0:X:X:X:X",
        " 80 | 2001:0DB8:85a3::8a2e:370:7334 | 2001:db8:85a3:0:0:X:X:X",
        " 96 | 2001:0DB8:85a3::8a2e:370:7334 | 2001:db8:85a3:0:0:8a2e:X:X",
        "112 | 2001:0DB8:85a3::8a2e:370:7334 | 2001:db8:85a3:0:0:8a2e:370:X",
        "112 | ::ffff:1.2.3.4                | 1.2.3.X",
        " 64 | [fe80::1%eth0]:22             | fe80:0:0:0:X:X:X:X",
    })
    void otherIpv6Prefixes(int prefixLength, String address, String expected) {
        assertEquals(expected, new AddressMasker("redacted", 24, prefixLength).mask(address));
    }

    @Test
    void theRedactionValueIsConfigurable() {
        AddressMasker dash = new AddressMasker("-");
        assertEquals("-", dash.mask("localhost"));
        assertEquals("1.2.3.X, -", dash.mask("1.2.3.4, nope"));
        assertEquals("", new AddressMasker("").mask("0177.0.0.1"));
    }

    @Test
    void theSameNetworkAlwaysGivesTheSameText() {
        String expected = masker.mask("2001:db8:85a3::1");
        for (String form : new String[] {"2001:DB8:85A3::1", "2001:0db8:85a3:0000:0000:0000:0000:0001",
                "[2001:db8:85a3::ffff]:1", "2001:db8:85a3:1:2:3:4:5%eth1"}) {
            assertEquals(expected, masker.mask(form), form);
        }
        assertNotEquals(expected, masker.mask("2001:db8:85a4::1"));
    }

    @Test
    void countsEveryAddressByOutcome() {
        AddressMasker counted = new AddressMasker("redacted");
        counted.mask("1.2.3.4");
        counted.mask("1.2.3.4, localhost, 2001:db8::1");
        counted.mask("");
        counted.mask(null);
        assertEquals(3, counted.counters().maskedTotal());
        assertEquals(2, counted.counters().redactedTotal());
        assertEquals(0, counted.counters().pseudonymisedTotal());
    }

    @Test
    void badPrefixLengthsAreRefused() {
        for (int[] bad : new int[][] {{0, 48}, {32, 48}, {12, 48}, {24, 0}, {24, 128}, {24, 50}, {-8, 48}}) {
            assertThrows(IllegalArgumentException.class, () -> new AddressMasker("r", bad[0], bad[1]));
        }
        assertThrows(IllegalArgumentException.class, () -> new AddressMasker(null));
        assertTrue(new AddressMasker("r", 8, 112).mask("1.2.3.4").endsWith("X.X.X"));
    }
}
