package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressMaskerTest {

    private final AddressMasker masker = new AddressMasker("redacted");

    @ParameterizedTest
    @CsvSource({
        "1.2.3.4, 1.2.3.X",
        "0.0.0.0, 0.0.0.X",
        "255.255.255.255, 255.255.255.X",
        "192.168.100.7, 192.168.100.X",
        "' 10.0.0.1 ', 10.0.0.X",
    })
    void ipv4LosesItsLastOctet(String address, String expected) {
        assertEquals(expected, masker.mask(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "256.1.1.1",
        "1.2.3.256", "0177.0.0.1", "01.2.3.4", "0x7f.0.0.1", "16909060", "1.2.3.4:80", "1..2.3",
        "2001:db8::1", "::ffff:1.2.3.4", "1.2.3.4, 5.6.7.8", "1.2.3.-4", "1.2.3.4x", "１.２.３.４",
    })
    void everythingElseFailsClosed(String address) {
        assertEquals("redacted", masker.mask(address));
    }

    @Test
    void nullStaysNull() {
        assertNull(masker.mask(null));
    }

    @Test
    void everyIpv4AddressKeepsExactlyItsFirstThreeOctets() {
        // A property over a deterministic sweep of the address space (every octet value in every position).
        for (int value = 0; value < 256; value++) {
            for (int position = 0; position < 4; position++) {
                int[] octets = {10, 20, 30, 40};
                octets[position] = value;
                String address = octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
                String expected = octets[0] + "." + octets[1] + "." + octets[2] + ".X";
                assertEquals(expected, masker.mask(address), address);
            }
        }
    }
}
