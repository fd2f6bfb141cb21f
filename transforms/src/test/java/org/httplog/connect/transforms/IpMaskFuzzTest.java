package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Whatever the string, the output is made only of redaction values, masked forms and pseudonyms,
 * never of an address; a strict IPv4 address gets exactly its mask; an address the masker accepts
 * is read the same by the JDK; the transform lets nothing but {@link DataException} escape.
 *
 * <p>Every build runs the regression corpus in
 * {@code src/test/resources/org/httplog/connect/transforms/IpMaskFuzzTestInputs/}. To fuzz:
 * {@code JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='org.httplog.**' mvn -pl transforms test
 * -Dtest=IpMaskFuzzTest}; add any finding to that folder.
 */
class IpMaskFuzzTest {

    private static final String REDACTION = "redacted";
    private static final int[] IPV4_PREFIXES = {8, 16, 24};
    private static final int[] IPV6_PREFIXES = {16, 32, 48, 64, 80, 96, 112};
    private static final String KEY = "fuzzing-key-0123456789abcdef0123";
    private static final AddressMasker[][] MASKERS = new AddressMasker[3][7];
    private static final AddressMasker HMAC = AddressMasker.pseudonymising(REDACTION, KEY);
    private static final IpMask<SinkRecord> STRUCT_TRANSFORM = IpMaskTest.valueMask(Map.of());
    private static final IpMask<SinkRecord> MAP_TRANSFORM = IpMaskTest.valueMask(Map.of(
            IpMask.FIELDS_CONFIG, "remoteAddr,client.address"));

    /** Strict dotted quad, written independently of the masker's parser. */
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET);
    private static final Pattern PSEUDONYM = Pattern.compile("h:[0-9a-f]{32}");
    private static final Pattern ADDRESS_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.%\\[\\]]+");
    /** An IPv6 literal candidate: hex digits, dots and at least two colons (never a host name to resolve). */
    private static final Pattern SAFE_FOR_JDK = Pattern.compile("(?=(?:[^:]*:){2})[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    static {
        for (int v4 = 0; v4 < IPV4_PREFIXES.length; v4++) {
            for (int v6 = 0; v6 < IPV6_PREFIXES.length; v6++) {
                MASKERS[v4][v6] = new AddressMasker(REDACTION, IPV4_PREFIXES[v4], IPV6_PREFIXES[v6]);
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"::", "::ffff:", "::FFFF:", "[", "]:", "%", "%25", ",", ", ", ".", ":", "0.", "255.",
        "1.2.3.4", "2002:", "64:ff9b::", "fe80::", "ffff", "0x", "0177", "localhost", ":65535", " ", "\t"})
    void outputIsNeverAnAddress(FuzzedDataProvider data) {
        int v4 = data.consumeInt(0, IPV4_PREFIXES.length - 1);
        int v6 = data.consumeInt(0, IPV6_PREFIXES.length - 1);
        boolean hmac = data.consumeBoolean();
        String input = data.consumeRemainingAsString();

        AddressMasker masker = hmac ? HMAC : MASKERS[v4][v6];
        String output = masker.mask(input);
        checkOutput(input, output, hmac, IPV4_PREFIXES[v4], IPV6_PREFIXES[v6]);
        checkTransform(input);
    }

    private static void checkOutput(String input, String output, boolean hmac, int ipv4Prefix, int ipv6Prefix) {
        String[] inputElements = input.split(",", -1);
        String[] elements = output.split(", ", -1);
        if (inputElements.length > AddressMasker.MAX_LIST_ELEMENTS) {
            assertEquals(REDACTION, output);
            return;
        }
        assertEquals(inputElements.length, elements.length, "one output element per input element");
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i];
            if (ADDRESS_CHARACTERS.matcher(element).matches() && element.matches(".*[0-9A-Fa-f].*")) {
                fail("an address-like output element: " + element);
            }
            boolean redacted = element.equals(REDACTION);
            boolean wellFormed = redacted || (hmac ? PSEUDONYM.matcher(element).matches()
                    : isMaskedIpv4(element, ipv4Prefix) || isMaskedIpv6(element, ipv6Prefix));
            assertTrue(wellFormed, "unexpected output element: " + element);

            String raw = inputElements[i].replaceAll("^[ \t\n\u000B\f\r]+|[ \t\n\u000B\f\r]+$", "");
            Matcher ipv4 = IPV4.matcher(raw);
            if (ipv4.matches() && !hmac) {
                assertEquals(expectedIpv4(ipv4, ipv4Prefix), element, raw);
            }
            if (!redacted && !hmac && SAFE_FOR_JDK.matcher(raw).matches()) {
                assertEquals(jdkMask(raw, ipv4Prefix, ipv6Prefix), element, raw);
            }
        }
    }

    private static boolean isMaskedIpv4(String element, int prefix) {
        String[] parts = element.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            boolean ok = i < prefix / 8 ? parts[i].matches(OCTET) : parts[i].equals("X");
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMaskedIpv6(String element, int prefix) {
        String[] parts = element.split(":", -1);
        if (parts.length != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            boolean ok = i < prefix / 16 ? parts[i].matches("0|[1-9a-f][0-9a-f]{0,3}") : parts[i].equals("X");
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String expectedIpv4(Matcher octets, int prefix) {
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            expected.append(i == 1 ? "" : ".").append(i <= prefix / 8 ? octets.group(i) : "X");
        }
        return expected.toString();
    }

    /**
     * The masked form computed from what the JDK reads (only called on hex digits, dots and colons
     * with at least one colon: InetAddress parses such a literal and never resolves it).
     */
    private static String jdkMask(String literal, int ipv4Prefix, int ipv6Prefix) {
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            fail("the masker accepted what the JDK refuses: " + literal);
            return null;
        }
        int[] groups = new int[8];
        if (bytes.length == 4) { // the JDK turns IPv4-mapped addresses into Inet4Address
            groups[5] = 0xffff;
            groups[6] = (bytes[0] & 0xff) << 8 | (bytes[1] & 0xff);
            groups[7] = (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
        } else {
            for (int g = 0; g < 8; g++) {
                groups[g] = (bytes[2 * g] & 0xff) << 8 | (bytes[2 * g + 1] & 0xff);
            }
        }
        boolean zero80 = (groups[0] | groups[1] | groups[2] | groups[3] | groups[4]) == 0;
        long ipv4 = -1;
        if (zero80 && (groups[5] == 0xffff || (groups[5] == 0 && (groups[6] != 0 || groups[7] > 1)))) {
            ipv4 = (long) groups[6] << 16 | groups[7]; // mapped, compatible
        } else if (groups[0] == 0x2002) {
            ipv4 = (long) groups[1] << 16 | groups[2]; // 6to4
        }
        StringBuilder expected = new StringBuilder();
        if (ipv4 >= 0) {
            for (int i = 0; i < 4; i++) {
                expected.append(i == 0 ? "" : ".").append(i < ipv4Prefix / 8 ? (ipv4 >>> (24 - 8 * i)) & 0xff : "X");
            }
        } else {
            for (int g = 0; g < 8; g++) {
                expected.append(g == 0 ? "" : ":").append(g < ipv6Prefix / 16 ? Integer.toHexString(groups[g]) : "X");
            }
        }
        return expected.toString();
    }

    private static void checkTransform(String input) {
        Struct struct = IpMaskTest.httpLog(input);
        try {
            Struct masked = (Struct) STRUCT_TRANSFORM.apply(IpMaskTest.record(IpMaskTest.SCHEMA, struct)).value();
            assertEquals(MASKERS[2][2].mask(input), masked.getString("remoteAddr"));
            assertEquals(input, struct.getString("remoteAddr"), "the input record is unchanged");
        } catch (DataException e) {
            fail("a valid struct must not fail", e);
        }
        Map<String, Object> schemaless = new HashMap<>();
        schemaless.put("remoteAddr", input);
        schemaless.put("client", input.length() % 2 == 0 ? Map.of("address", input) : input);
        try {
            MAP_TRANSFORM.apply(IpMaskTest.record(null, schemaless));
            assertTrue(input.length() % 2 == 0);
        } catch (DataException e) {
            assertFalse(input.length() % 2 == 0, "only the non-map client may fail");
            for (String element : input.split(",", -1)) {
                if (!MASKERS[2][2].mask(element).equals(REDACTION)) {
                    assertFalse(e.getMessage().contains(element.strip()), "an address is in the message");
                }
            }
        }
    }
}
