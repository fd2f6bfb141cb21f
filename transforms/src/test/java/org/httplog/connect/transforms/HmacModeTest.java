package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** mode=HMAC: keyed pseudonyms, one per client whatever the form, computed as documented. */
class HmacModeTest {

    private static final String KEY = "a-test-key-of-32-bytes-0123456789";

    private final AddressMasker masker = AddressMasker.pseudonymising("redacted", KEY);

    /** The documented construction, computed here with the JDK directly. */
    private static String reference(String key, byte... address) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(address);
        return "h:" + HexFormat.of().formatHex(digest, 0, 16);
    }

    @Test
    void ipv4IsTheHmacOfItsFourBytes() throws Exception {
        String expected = reference(KEY, (byte) 1, (byte) 2, (byte) 3, (byte) 4);
        for (String form : new String[] {"1.2.3.4", " 1.2.3.4 ", "1.2.3.4:80", "::ffff:1.2.3.4", "::ffff:102:304",
                "[::FFFF:1.2.3.4]:443", "::1.2.3.4", "2002:102:304::9"}) {
            assertEquals(expected, masker.mask(form), form);
        }
        assertTrue(expected.matches("h:[0-9a-f]{32}"));
        assertNotEquals(expected, masker.mask("1.2.3.5"));
    }

    @Test
    void ipv6IsTheHmacOfItsSixteenBytes() throws Exception {
        byte[] bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        bytes[15] = 1;
        String expected = reference(KEY, bytes);
        for (String form : new String[] {"2001:db8::1", "2001:DB8:0:0:0:0:0:1", "[2001:db8::1]:443",
                "2001:db8::1%eth0"}) {
            assertEquals(expected, masker.mask(form), form);
        }
        assertNotEquals(expected, masker.mask("2001:db8::2"), "the whole address counts, not a prefix");
    }

    @Test
    void unparseableIsStillRedactedAndListsArePseudonymisedElementByElement() throws Exception {
        assertEquals("redacted", masker.mask("localhost"));
        assertEquals(reference(KEY, (byte) 1, (byte) 2, (byte) 3, (byte) 4) + ", redacted",
                masker.mask("1.2.3.4, 0177.0.0.1"));
        assertEquals(1, masker.counters().pseudonymisedTotal());
        assertEquals(2, masker.counters().redactedTotal());
        assertEquals(0, masker.counters().maskedTotal());
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() {
        AddressMasker other = AddressMasker.pseudonymising("redacted", KEY + "x");
        assertNotEquals(masker.mask("1.2.3.4"), other.mask("1.2.3.4"));
        assertEquals(masker.mask("1.2.3.4"), AddressMasker.pseudonymising("redacted", KEY).mask("1.2.3.4"));
    }

    @Test
    void theTransformPseudonymisesWithTheConfiguredKey() throws Exception {
        IpMask<SinkRecord> mask = IpMaskTest.valueMask(Map.of(IpMask.MODE_CONFIG, "HMAC", IpMask.HMAC_KEY_CONFIG, KEY));
        Struct out = (Struct) mask.apply(IpMaskTest.record(IpMaskTest.SCHEMA, IpMaskTest.httpLog("1.2.3.4"))).value();
        assertEquals(reference(KEY, (byte) 1, (byte) 2, (byte) 3, (byte) 4), out.getString("remoteAddr"));
    }
}
