package org.httplog.connect.converter;

/** How Cap'n Proto messages are framed in a Kafka record. */
public enum Framing {
    /** The standard segment-table framing, as {@code capnp encode} and {@code Serialize.write} write it. */
    UNPACKED,
    /** The packed encoding ({@code capnp encode --packed}, {@code SerializePacked.write}). */
    PACKED
}
