package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class IpMaskTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("r")
            .field("remoteAddr", Schema.STRING_SCHEMA)
            .field("url", Schema.STRING_SCHEMA)
            .field("status", Schema.INT32_SCHEMA)
            .build();

    private static IpMask<SinkRecord> valueMask(Map<String, String> props) {
        IpMask<SinkRecord> mask = new IpMask.Value<>();
        mask.configure(props);
        return mask;
    }

    private static SinkRecord record(Schema schema, Object value) {
        return new SinkRecord("http_log", 3, null, null, schema, value, 42L);
    }

    @Test
    void masksTheStructFieldWithoutTouchingTheInput() {
        Struct value = new Struct(SCHEMA).put("remoteAddr", "1.2.3.4").put("url", "/a").put("status", 200);
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
    void masksSchemalessMaps() {
        Map<String, Object> value = new HashMap<>();
        value.put("remoteAddr", "10.0.0.9");
        value.put("url", "/b");
        SinkRecord output = valueMask(Map.of()).apply(record(null, value));
        assertEquals(Map.of("remoteAddr", "10.0.0.X", "url", "/b"), output.value());
        assertEquals("10.0.0.9", value.get("remoteAddr"));
    }

    @Test
    void unparseableAddressesAreRedactedNeverPassedThrough() {
        Struct value = new Struct(SCHEMA).put("remoteAddr", "localhost").put("url", "/").put("status", 1);
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
    }

    @Test
    void nullFieldsStayNull() {
        Schema optional = SchemaBuilder.struct().field("remoteAddr", Schema.OPTIONAL_STRING_SCHEMA).build();
        SinkRecord output = valueMask(Map.of()).apply(record(optional, new Struct(optional)));
        assertNull(((Struct) output.value()).getString("remoteAddr"));
    }

    @Test
    void aMissingOrNonStringFieldIsADataExceptionWithoutTheValue() {
        Struct value = new Struct(SCHEMA).put("remoteAddr", "1.2.3.4").put("url", "/").put("status", 1);
        DataException missing = assertThrows(DataException.class,
                () -> valueMask(Map.of(IpMask.FIELDS_CONFIG, "nope")).apply(record(SCHEMA, value)));
        assertTrue(missing.getMessage().contains("nope"));
        DataException wrongType = assertThrows(DataException.class,
                () -> valueMask(Map.of(IpMask.FIELDS_CONFIG, "status")).apply(record(SCHEMA, value)));
        assertFalse(wrongType.getMessage().contains("1.2.3.4"));
    }

    @Test
    void anEmptyFieldListIsAConfigError() {
        assertThrows(ConfigException.class, () -> valueMask(Map.of(IpMask.FIELDS_CONFIG, "")));
    }
}
