package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpMaskConfigTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private static IpMaskConfig config(String... keysAndValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new IpMaskConfig(props);
    }

    @Test
    void defaults() {
        IpMaskConfig config = config();
        assertEquals(List.of("remoteAddr"), config.fields());
        assertEquals("redacted", config.redaction());
        assertEquals(24, config.ipv4PrefixLength());
        assertEquals(48, config.ipv6PrefixLength());
        assertEquals(IpMaskConfig.Mode.MASK, config.mode());
        assertNull(config.hmacKey());
    }

    @Test
    void everyKeyIsDocumentedWithADisplayName() {
        for (ConfigDef.ConfigKey key : IpMask.CONFIG_DEF.configKeys().values()) {
            assertFalse(key.documentation == null || key.documentation.isBlank(), key.name);
            assertFalse(key.displayName == null || key.displayName.isBlank(), key.name);
            assertTrue(key.name.matches("[a-z0-9.]+"), key.name);
        }
        assertEquals(List.of("fields", "redaction", "ipv4.prefix.length", "ipv6.prefix.length", "mode", "hmac.key"),
                List.copyOf(IpMask.CONFIG_DEF.configKeys().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "16", "24"})
    void ipv4PrefixLengths(String length) {
        assertEquals(Integer.parseInt(length), config("ipv4.prefix.length", length).ipv4PrefixLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "4", "12", "25", "32", "-8", "x", ""})
    void badIpv4PrefixLengths(String length) {
        assertThrows(ConfigException.class, () -> config("ipv4.prefix.length", length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16", "32", "48", "64", "80", "96", "112"})
    void ipv6PrefixLengths(String length) {
        assertEquals(Integer.parseInt(length), config("ipv6.prefix.length", length).ipv6PrefixLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "8", "24", "50", "120", "128", "-16"})
    void badIpv6PrefixLengths(String length) {
        assertThrows(ConfigException.class, () -> config("ipv6.prefix.length", length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MASK", "mask", "Mask", " mask "})
    void maskModeIsCaseInsensitive(String mode) {
        assertEquals(IpMaskConfig.Mode.MASK, config("mode", mode).mode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HMAC", "hmac", "HMac"})
    void hmacModeIsCaseInsensitive(String mode) {
        assertEquals(IpMaskConfig.Mode.HMAC, config("mode", mode, "hmac.key", KEY).mode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hash", "SHA256", "none"})
    void unknownModes(String mode) {
        assertThrows(ConfigException.class, () -> config("mode", mode));
    }

    @Test
    void hmacNeedsAKeyOfSixteenBytesAndNeverShowsIt() {
        ConfigException missing = assertThrows(ConfigException.class, () -> config("mode", "HMAC"));
        assertTrue(missing.getMessage().contains("hmac.key"), missing.getMessage());
        assertThrows(ConfigException.class, () -> config("mode", "HMAC", "hmac.key", ""));
        ConfigException shortKey = assertThrows(ConfigException.class,
                () -> config("mode", "hmac", "hmac.key", "s3cr3t-passw0rd"));
        assertFalse(shortKey.getMessage().contains("s3cr3t"), shortKey.getMessage());
        IpMaskConfig ok = config("mode", "HMAC", "hmac.key", KEY);
        assertFalse(ok.values().toString().contains(KEY), "the key is hidden wherever the config is shown");
        assertEquals(KEY, ok.hmacKey().value());
        // A key without HMAC mode is ignored.
        assertEquals(IpMaskConfig.Mode.MASK, config("hmac.key", "short").mode());
    }

    @Test
    void theTransformRefusesHmacWithoutKey() {
        assertThrows(ConfigException.class, () -> IpMaskTest.valueMask(Map.of("mode", "hmac")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " , ", ".a", "a.", "a..b", "client,client.address", "a.b.c,a.b"})
    void badFieldLists(String fields) {
        assertThrows(ConfigException.class, () -> config("fields", fields));
    }

    @Test
    void fieldLists() {
        assertEquals(List.of("remoteAddr", "client.address", "client.forwardedFor"),
                config("fields", "remoteAddr, client.address,client.forwardedFor").fields());
        assertEquals(List.of("a", "a"), config("fields", "a,a").fields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "::1", " 10.0.0.1 ", "n/a, 1.2.3.4", "[::1]:80"})
    void theRedactionValueMustNotBeAnAddress(String redaction) {
        assertThrows(ConfigException.class, () -> config("redaction", redaction));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "n/a", "redacted", "0.0.0.X", "unknown, none"})
    void redactionValues(String redaction) {
        assertEquals(redaction.trim(), config("redaction", redaction).redaction());
    }

    @Test
    void validationShowsEveryProblemAtOnce() {
        Map<String, ConfigValue> results = new HashMap<>();
        for (ConfigValue value : IpMask.CONFIG_DEF.validate(Map.of("ipv4.prefix.length", "32",
                "ipv6.prefix.length", "128", "mode", "rot13", "redaction", "1.2.3.4"))) {
            results.put(value.name(), value);
        }
        for (String key : List.of("ipv4.prefix.length", "ipv6.prefix.length", "mode", "redaction")) {
            assertFalse(results.get(key).errorMessages().isEmpty(), key);
        }
        assertTrue(results.get("fields").errorMessages().isEmpty());
    }
}
