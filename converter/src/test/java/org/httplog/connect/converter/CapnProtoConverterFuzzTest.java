package org.httplog.connect.converter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Whatever the bytes, decoding ends in a valid {@link Struct} or a {@link DataException}: nothing
 * else escapes, in either framing.
 *
 * <p>Every build runs the regression corpus in
 * {@code src/test/resources/org/httplog/connect/converter/CapnProtoConverterFuzzTestInputs/}.
 * To fuzz: {@code JAZZER_FUZZ=1 mvn -pl converter test -Dtest=CapnProtoConverterFuzzTest}; add
 * any finding to that folder.
 */
class CapnProtoConverterFuzzTest {

    private static final CapnProtoConverter UNPACKED = ReferenceVectorsTest.converter(Framing.UNPACKED);
    private static final CapnProtoConverter PACKED = ReferenceVectorsTest.converter(Framing.PACKED);

    @FuzzTest(maxDuration = "5m")
    void onlyDataExceptionEscapes(byte[] input) {
        decode(UNPACKED, input);
        decode(PACKED, input);
    }

    private static void decode(CapnProtoConverter converter, byte[] input) {
        try {
            Struct struct = (Struct) converter.toConnectData("fuzz", input).value();
            assertNotNull(struct);
            struct.validate();
        } catch (DataException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank());
        }
    }
}
