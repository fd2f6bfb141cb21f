package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Exception messages and output streams never carry an address, for every way the transform can
 * fail on a record. (The module logs nothing per record; this also catches a stray print.)
 */
class NoAddressInMessagesTest {

    private static final String ADDRESS = "198.51.100.23";

    private static void assertNoAddress(Executable failing) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            DataException e = assertThrows(DataException.class, failing);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(ADDRESS), t.getMessage());
                assertFalse(String.valueOf(t.getMessage()).contains("198.51"), t.getMessage());
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("198.51"), printed.toString());
    }

    @Test
    void noFailureShowsTheAddress() {
        IpMask<SinkRecord> mask = IpMaskTest.valueMask(Map.of(IpMask.FIELDS_CONFIG, "remoteAddr,client.address"));
        Schema wrongType = SchemaBuilder.struct().field("remoteAddr", Schema.INT64_SCHEMA).build();
        Schema notNested = SchemaBuilder.struct().field("remoteAddr", Schema.STRING_SCHEMA)
                .field("client", Schema.STRING_SCHEMA).build();

        assertNoAddress(() -> mask.apply(IpMaskTest.record(null, ADDRESS)));
        assertNoAddress(() -> mask.apply(IpMaskTest.record(Schema.STRING_SCHEMA, ADDRESS)));
        assertNoAddress(() -> mask.apply(IpMaskTest.record(null, Map.of("remoteAddr", 3325256727L))));
        assertNoAddress(() -> mask.apply(IpMaskTest.record(null, Map.of("remoteAddr", List.of(ADDRESS)))));
        assertNoAddress(() -> mask.apply(IpMaskTest.record(null, Map.of("client", ADDRESS))));
        assertNoAddress(() -> mask.apply(IpMaskTest.record(null, Map.of("client", Map.of("address",
                ADDRESS.getBytes(StandardCharsets.UTF_8))))));
        assertNoAddress(() -> mask.apply(IpMaskTest.record(wrongType, new Struct(wrongType).put("remoteAddr",
                3325256727L))));
        assertNoAddress(() -> mask.apply(IpMaskTest.record(notNested, new Struct(notNested)
                .put("remoteAddr", ADDRESS).put("client", ADDRESS))));
    }

    @Test
    void redactingPrintsNothing() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            AddressMasker masker = new AddressMasker("redacted");
            masker.mask("0198.51.100.23");
            masker.mask(ADDRESS + ":99999");
        } finally {
            System.setOut(out);
        }
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("198.51"));
    }
}
