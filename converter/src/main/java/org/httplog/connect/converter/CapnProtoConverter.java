package org.httplog.connect.converter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterType;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;
import org.capnproto.ReaderOptions;
import org.capnproto.Serialize;
import org.capnproto.SerializePacked;
import org.httplog.common.PluginVersion;
import org.httplog.schema.HttpLog.HttpLogRecord;

/**
 * Converts between Cap'n Proto {@code HttpLogRecord} messages and Connect {@link Struct}s of
 * {@link HttpLogRecordSchema#SCHEMA}.
 *
 * <p>Every failure to decode, whatever its cause inside the Cap'n Proto runtime, surfaces as a
 * {@link DataException} naming the topic and what was wrong, never the content, so Connect's
 * {@code errors.tolerance} and dead-letter queue can take the record. A null value (tombstone)
 * converts to null both ways.
 */
public class CapnProtoConverter implements Converter, Versioned {

    private CapnProtoConverterConfig config;
    private ReaderOptions readerOptions;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> props = new HashMap<>(configs);
        props.put(CapnProtoConverterConfig.TYPE_CONFIG,
                (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(new CapnProtoConverterConfig(props));
    }

    private void configure(CapnProtoConverterConfig config) {
        this.config = config;
        this.readerOptions = new ReaderOptions(config.traversalLimitWords(), config.nestingLimit());
    }

    @Override
    public ConfigDef config() {
        return CapnProtoConverterConfig.configDef();
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        if (value.length > config.maxMessageBytes()) {
            throw new DataException("Record in topic " + topic + " is " + value.length
                    + " bytes, more than " + CapnProtoConverterConfig.MAX_MESSAGE_BYTES_CONFIG + "="
                    + config.maxMessageBytes());
        }
        try {
            HttpLogRecord.Reader reader = new MessageReader(segments(value), readerOptions)
                    .getRoot(HttpLogRecord.factory);
            Struct struct = new Struct(HttpLogRecordSchema.SCHEMA);
            for (FieldCodec field : FieldCodec.ALL) {
                struct.put(field.name(), field.reader().apply(reader));
            }
            return new SchemaAndValue(HttpLogRecordSchema.SCHEMA, struct);
        } catch (MalformedMessageException e) {
            throw invalid(topic, value, e.getMessage(), null);
        } catch (RuntimeException e) {
            // The Cap'n Proto runtime signals bad pointers with DecodeException and, for some
            // out-of-bounds cases, with IndexOutOfBoundsException or IllegalArgumentException.
            throw invalid(topic, value, describe(e), e);
        }
    }

    private ByteBuffer[] segments(byte[] value) throws MalformedMessageException {
        return switch (config.framing()) {
            case UNPACKED -> SegmentTable.segments(value);
            case PACKED -> SegmentTable.segments(PackedFraming.unpack(value, config.maxMessageBytes()));
        };
    }

    private DataException invalid(String topic, byte[] value, String what, Throwable cause) {
        return new DataException("Record in topic " + topic + " (" + value.length + " bytes) is not a valid "
                + config.framing() + " Cap'n Proto HttpLogRecord: " + what, cause);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Struct struct)) {
            throw new DataException("Topic " + topic + ": expected a Struct of " + HttpLogRecordSchema.NAME
                    + " but got " + value.getClass().getName());
        }
        MessageBuilder message = new MessageBuilder();
        HttpLogRecord.Builder builder = message.initRoot(HttpLogRecord.factory);
        for (FieldCodec field : FieldCodec.ALL) {
            Object fieldValue = struct.get(field.name());
            if (fieldValue != null) {
                field.writer().accept(builder, fieldValue);
            }
        }
        return write(message);
    }

    private byte[] write(MessageBuilder message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (WritableByteChannel channel = Channels.newChannel(out)) {
            switch (config.framing()) {
                case UNPACKED -> Serialize.write(channel, message);
                case PACKED -> SerializePacked.writeToUnbuffered(channel, message);
            }
        } catch (IOException e) {
            throw new DataException("Cannot serialize HttpLogRecord", e);
        }
        return out.toByteArray();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
