package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.httplog.common.PluginVersion;
import org.junit.jupiter.api.Test;

class IpMaskTest {

    static final Schema SCHEMA = SchemaBuilder.struct().name("r")
            .field("remoteAddr", Schema.STRING_SCHEMA)
            .field("url", Schema.STRING_SCHEMA)
            .field("status", Schema.INT32_SCHEMA)
            .build();

    private static final Schema CLIENT = SchemaBuilder.struct().name("client").optional()
            .field("address", Schema.OPTIONAL_STRING_SCHEMA)
            .field("port", Schema.INT32_SCHEMA)
            .build();

    private static final Schema NESTED = SchemaBuilder.struct().name("nested")
            .field("remoteAddr", Schema.STRING_SCHEMA)
            .field("client", CLIENT)
            .field("status", Schema.INT32_SCHEMA)
            .build();

    static IpMask<SinkRecord> valueMask(Map<String, String> props) {
        IpMask<SinkRecord> mask = new IpMask.Value<>();
        mask.configure(props);
        return mask;
    }

    static SinkRecord record(Schema schema, Object value) {
        return new SinkRecord("http_log", 3, null, null, schema, value, 42L);
    }

    static Struct httpLog(String address) {
        return new Struct(SCHEMA).put("remoteAddr", address).put("url", "/a").put("status", 200);
    }

    @Test
    void masksTheStructFieldWithoutTouchingTheInput() {
        Struct value = httpLog("1.2.3.4");
        SinkRecord input = record(SCHEMA, value);

        SinkRecord output = valueMask(Map.of()).apply(input);

        Struct masked = (Struct) output.value();
        assertEquals("1.2.3.X", masked.getString("remoteAddr"));
        assertEquals("/a", masked.getString("url"));
        assertEquals(200, masked.getInt32("status"));
        assertEquals("1.2.3.4", value.getString("remoteAddr"));
        assertEquals(SCHEMA, output.valueSchema());
        assertEquals("http_log", output.originalTopic());
        assertEquals(42L, output.originalKafkaOffset());
    }

    @Test
    void masksEveryFormInAStruct() {
        IpMask<SinkRecord> mask = valueMask(Map.of());
        Map<String, String> cases = Map.of(
                "2001:0DB8:85a3::8a2e:370:7334", "2001:db8:85a3:X:X:X:X:X",
                "::ffff:1.2.3.4", "1.2.3.X",
                "[2001:db8::1]:443", "2001:db8:0:X:X:X:X:X",
                "1.2.3.4:8080", "1.2.3.X",
                "1.2.3.4, 10.0.0.1", "1.2.3.X, 10.0.0.X",
                "localhost", "redacted",
                "", "redacted");
        cases.forEach((raw, stored) -> assertEquals(stored,
                ((Struct) mask.apply(record(SCHEMA, httpLog(raw))).value()).getString("remoteAddr"), raw));
    }

    @Test
    void masksSchemalessMaps() {
        Map<String, Object> value = new HashMap<>();
        value.put("remoteAddr", "10.0.0.9");
        value.put("url", "/b");
        SinkRecord output = valueMask(Map.of()).apply(record(null, value));
        assertEquals(Map.of("remoteAddr", "10.0.0.X", "url", "/b"), output.value());
        assertEquals("10.0.0.9", value.get("remoteAddr"));
    }

    @Test
    void aFieldMissingFromASchemalessMapIsSkipped() {
        Map<String, Object> value = Map.of("url", "/b");
        SinkRecord output = valueMask(Map.of(IpMask.FIELDS_CONFIG, "remoteAddr,client.address"))
                .apply(record(null, value));
        assertEquals(value, output.value());
    }

    @Test
    void unparseableAddressesAreRedactedNeverPassedThrough() {
        Struct value = httpLog("localhost");
        SinkRecord output = valueMask(Map.of(IpMask.REDACTION_CONFIG, "-")).apply(record(SCHEMA, value));
        assertEquals("-", ((Struct) output.value()).getString("remoteAddr"));
    }

    @Test
    void masksSeveralFields() {
        Struct value = new Struct(SCHEMA).put("remoteAddr", "1.1.1.1").put("url", "2.2.2.2").put("status", 1);
        SinkRecord output = valueMask(Map.of(IpMask.FIELDS_CONFIG, "remoteAddr,url")).apply(record(SCHEMA, value));
        assertEquals("1.1.1.X", ((Struct) output.value()).getString("remoteAddr"));
        assertEquals("2.2.2.X", ((Struct) output.value()).getString("url"));
    }

    @Test
    void aFieldNamedTwiceIsMaskedOnce() {
        SinkRecord output = valueMask(Map.of(IpMask.FIELDS_CONFIG, "remoteAddr,remoteAddr"))
                .apply(record(SCHEMA, httpLog("1.2.3.4")));
        assertEquals("1.2.3.X", ((Struct) output.value()).getString("remoteAddr"));
    }

    @Test
    void masksNestedStructFieldsByPathAndCopiesOnlyWhatItChanges() {
        Struct client = new Struct(CLIENT).put("address", "[2001:db8::1]:443").put("port", 443);
        Struct value = new Struct(NESTED).put("remoteAddr", "9.9.9.9").put("client", client).put("status", 1);

        SinkRecord output = valueMask(Map.of(IpMask.FIELDS_CONFIG, "remoteAddr, client.address"))
                .apply(record(NESTED, value));

        Struct masked = (Struct) output.value();
        assertEquals("9.9.9.X", masked.getString("remoteAddr"));
        assertEquals("2001:db8:0:X:X:X:X:X", masked.getStruct("client").getString("address"));
        assertEquals(443, masked.getStruct("client").getInt32("port"));
        assertEquals("[2001:db8::1]:443", client.getString("address"));
        assertEquals("9.9.9.9", value.getString("remoteAddr"));
        masked.validate();
    }

    @Test
    void aNullNestedStructStaysNull() {
        Struct value = new Struct(NESTED).put("remoteAddr", "9.9.9.9").put("status", 1);
        SinkRecord output = valueMask(Map.of(IpMask.FIELDS_CONFIG, "client.address")).apply(record(NESTED, value));
        assertNull(((Struct) output.value()).getStruct("client"));
        assertEquals("9.9.9.9", ((Struct) output.value()).getString("remoteAddr"));
    }

    @Test
    void masksNestedSchemalessMapsByPath() {
        Map<String, Object> client = new HashMap<>(Map.of("address", "1.2.3.4:5", "port", 5));
        Map<String, Object> value = new HashMap<>(Map.of("client", client, "other", Map.of("address", "1.2.3.4")));

        SinkRecord output = valueMask(Map.of(IpMask.FIELDS_CONFIG, "client.address,missing.address"))
                .apply(record(null, value));

        @SuppressWarnings("unchecked")
        Map<String, Object> masked = (Map<String, Object>) output.value();
        assertEquals(Map.of("address", "1.2.3.X", "port", 5), masked.get("client"));
        assertEquals(Map.of("address", "1.2.3.4"), masked.get("other"));
        assertEquals("1.2.3.4:5", client.get("address"));
    }

    @Test
    void masksTheKeyWithTheKeyVariant() {
        IpMask<SinkRecord> mask = new IpMask.Key<>();
        mask.configure(Map.of());
        SinkRecord input = new SinkRecord("t", 0, null, Map.of("remoteAddr", "9.8.7.6"), null, "v", 0L);
        SinkRecord output = mask.apply(input);
        assertEquals(Map.of("remoteAddr", "9.8.7.X"), output.key());
        assertEquals("v", output.value());
    }

    @Test
    void nullValuesPassUnchanged() {
        SinkRecord tombstone = record(SCHEMA, null);
        assertSame(tombstone, valueMask(Map.of()).apply(tombstone));
        SinkRecord noKey = record(SCHEMA, httpLog("1.2.3.4"));
        IpMask<SinkRecord> keyMask = new IpMask.Key<>();
        keyMask.configure(Map.of());
        assertSame(noKey, keyMask.apply(noKey));
    }

    @Test
    void nullFieldsStayNull() {
        Schema optional = SchemaBuilder.struct().field("remoteAddr", Schema.OPTIONAL_STRING_SCHEMA).build();
        SinkRecord output = valueMask(Map.of()).apply(record(optional, new Struct(optional)));
        assertNull(((Struct) output.value()).getString("remoteAddr"));
        Map<String, Object> schemaless = new HashMap<>();
        schemaless.put("remoteAddr", null);
        assertEquals(schemaless, valueMask(Map.of()).apply(record(null, schemaless)).value());
    }

    @Test
    void aMissingOrNonStringFieldIsADataExceptionNamingTheField() {
        Struct value = httpLog("1.2.3.4");
        DataException missing = assertThrows(DataException.class,
                () -> valueMask(Map.of(IpMask.FIELDS_CONFIG, "nope")).apply(record(SCHEMA, value)));
        assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
        DataException wrongType = assertThrows(DataException.class,
                () -> valueMask(Map.of(IpMask.FIELDS_CONFIG, "status")).apply(record(SCHEMA, value)));
        assertTrue(wrongType.getMessage().contains("'status'") && wrongType.getMessage().contains("INT32"),
                wrongType.getMessage());
        DataException notAStruct = assertThrows(DataException.class,
                () -> valueMask(Map.of(IpMask.FIELDS_CONFIG, "url.address")).apply(record(SCHEMA, value)));
        assertTrue(notAStruct.getMessage().contains("'url'"), notAStruct.getMessage());
        DataException nestedMissing = assertThrows(DataException.class,
                () -> valueMask(Map.of(IpMask.FIELDS_CONFIG, "client.nope")).apply(record(NESTED,
                        new Struct(NESTED).put("remoteAddr", "x").put("status", 1))));
        assertTrue(nestedMissing.getMessage().contains("'client.nope'"), nestedMissing.getMessage());
    }

    @Test
    void valuesOfTheWrongKindAreDataExceptions() {
        IpMask<SinkRecord> mask = valueMask(Map.of());
        assertThrows(DataException.class, () -> mask.apply(record(null, "1.2.3.4")));
        assertThrows(DataException.class, () -> mask.apply(record(Schema.STRING_SCHEMA, "1.2.3.4")));
        assertThrows(DataException.class, () -> mask.apply(record(null, Map.of("remoteAddr", 16909060))));
        assertThrows(DataException.class, () -> mask.apply(record(null, Map.of("remoteAddr", List.of("1.2.3.4")))));
    }

    @Test
    void schemaChangesAreFollowed() {
        IpMask<SinkRecord> mask = valueMask(Map.of());
        Schema other = SchemaBuilder.struct().name("other").field("x", Schema.INT8_SCHEMA)
                .field("remoteAddr", Schema.STRING_SCHEMA).build();
        for (int i = 0; i < 3; i++) {
            assertEquals("1.2.3.X", ((Struct) mask.apply(record(SCHEMA, httpLog("1.2.3.4"))).value())
                    .getString("remoteAddr"));
            Struct struct = new Struct(other).put("x", (byte) 1).put("remoteAddr", "5.6.7.8");
            assertEquals("5.6.7.X", ((Struct) mask.apply(record(other, struct)).value()).getString("remoteAddr"));
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        IpMask<SinkRecord> mask = valueMask(Map.of(IpMask.MODE_CONFIG, "hmac",
                IpMask.HMAC_KEY_CONFIG, "0123456789abcdef0123456789abcdef"));
        String expected = ((Struct) mask.apply(record(SCHEMA, httpLog("1.2.3.4"))).value()).getString("remoteAddr");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String address = i % 2 == 0 ? "1.2.3.4" : "::ffff:1.2.3.4";
                        Struct out = (Struct) mask.apply(record(SCHEMA, httpLog(address))).value();
                        assertEquals(expected, out.getString("remoteAddr"));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20_001, mask.counters().pseudonymisedTotal());
    }

    @Test
    void reportsTheBuildVersionAndItsConfig() {
        IpMask<SinkRecord> mask = valueMask(Map.of());
        assertEquals(PluginVersion.get(), mask.version());
        assertSame(IpMask.CONFIG_DEF, mask.config());
        assertTrue(IpMask.OVERVIEW_DOC.contains(IpMask.Value.class.getName()));
        mask.close();
    }

    @Test
    void applyBeforeConfigureIsAnError() {
        assertThrows(IllegalStateException.class, () -> new IpMask.Value<SinkRecord>().apply(record(SCHEMA,
                httpLog("1.2.3.4"))));
    }
}
