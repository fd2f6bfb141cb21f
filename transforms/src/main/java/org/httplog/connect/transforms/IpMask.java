package org.httplog.connect.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;
import org.httplog.common.PluginVersion;

/**
 * Anonymises client addresses in the configured fields of a record's key ({@link Key}) or value
 * ({@link Value}).
 *
 * <p>Works on {@link Struct}s with a schema and on schemaless {@link Map}s. The input record is
 * never mutated: a changed copy is returned. Null records, null values and null fields stay null.
 * Exception messages name fields and types, never a value.
 */
public abstract class IpMask<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Anonymise client IP addresses in the given fields: an IPv4 "
            + "address keeps its first three octets (1.2.3.4 becomes 1.2.3.X); anything that is not a plain "
            + "IPv4 address is replaced by the redaction value, never passed through."
            + "<p/>Use the concrete transformation type designed for the record key (<code>"
            + Key.class.getName() + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    public static final String FIELDS_CONFIG = "fields";
    public static final String FIELDS_DEFAULT = "remoteAddr";
    private static final String FIELDS_DOC = "Names of the top-level fields that hold a client address.";

    public static final String REDACTION_CONFIG = "redaction";
    public static final String REDACTION_DEFAULT = "redacted";
    private static final String REDACTION_DOC = "What an address that cannot be anonymised (not a plain "
            + "IPv4 address) is replaced with.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_CONFIG, Type.LIST, FIELDS_DEFAULT, new ConfigDef.NonEmptyString() {
                @Override
                public void ensureValid(String name, Object value) {
                    @SuppressWarnings("unchecked")
                    List<String> fields = (List<String>) value;
                    if (fields == null || fields.isEmpty()) {
                        throw new org.apache.kafka.common.config.ConfigException(name, value,
                                "Name at least one field to mask");
                    }
                    for (String field : fields) {
                        super.ensureValid(name, field);
                    }
                }

                @Override
                public String toString() {
                    return "non-empty list of field names";
                }
            }, Importance.HIGH, FIELDS_DOC)
            .define(REDACTION_CONFIG, Type.STRING, REDACTION_DEFAULT, Importance.MEDIUM, REDACTION_DOC);

    private static final String PURPOSE = "client address anonymisation";

    private List<String> fields;
    private AddressMasker masker;

    @Override
    public void configure(Map<String, ?> props) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, props);
        this.fields = List.copyOf(config.getList(FIELDS_CONFIG));
        this.masker = new AddressMasker(config.getString(REDACTION_CONFIG));
    }

    @Override
    public R apply(R record) {
        Object target = operatingValue(record);
        if (target == null) {
            return record;
        }
        if (operatingSchema(record) == null) {
            return newRecord(record, null, applySchemaless(target));
        }
        return newRecord(record, operatingSchema(record), applyWithSchema(target));
    }

    private Map<String, Object> applySchemaless(Object target) {
        if (!(target instanceof Map<?, ?> map)) {
            throw new DataException("Only Map objects supported in absence of schema for [" + PURPOSE
                    + "], found: " + target.getClass().getName());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> updated = new HashMap<>((Map<String, Object>) map);
        for (String field : fields) {
            Object value = updated.get(field);
            if (value != null) {
                updated.put(field, maskValue(field, value));
            }
        }
        return updated;
    }

    private Struct applyWithSchema(Object target) {
        if (!(target instanceof Struct struct)) {
            throw new DataException("Only Struct objects supported for [" + PURPOSE + "], found: "
                    + target.getClass().getName());
        }
        Schema schema = struct.schema();
        for (String name : fields) {
            Field field = schema.field(name);
            if (field == null) {
                throw new DataException("Field '" + name + "' to mask is not in schema " + schema.name());
            }
            if (field.schema().type() != Schema.Type.STRING) {
                throw new DataException("Field '" + name + "' to mask is " + field.schema().type()
                        + ", not STRING");
            }
        }
        Struct updated = new Struct(schema);
        for (Field field : schema.fields()) {
            Object value = struct.get(field);
            if (value != null && fields.contains(field.name())) {
                value = maskValue(field.name(), value);
            }
            updated.put(field, value);
        }
        return updated;
    }

    private String maskValue(String field, Object value) {
        if (!(value instanceof String address)) {
            throw new DataException("Field '" + field + "' to mask holds a " + value.getClass().getName()
                    + ", not a String");
        }
        return masker.mask(address);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void close() {
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Masks fields of the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends IpMask<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return record.newRecord(record.topic(), record.kafkaPartition(), updatedSchema, updatedValue,
                    record.valueSchema(), record.value(), record.timestamp(), record.headers());
        }
    }

    /** Masks fields of the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends IpMask<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    updatedSchema, updatedValue, record.timestamp(), record.headers());
        }
    }
}
