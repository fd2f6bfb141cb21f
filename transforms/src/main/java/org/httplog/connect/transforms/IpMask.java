package org.httplog.connect.transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;
import org.httplog.common.PluginVersion;

/**
 * Anonymises client addresses in the configured fields of a record's key ({@link Key}) or value
 * ({@link Value}); see {@link AddressMasker} for what each address shape becomes and
 * {@link IpMaskConfig} for the options.
 *
 * <p>Works on {@link Struct}s with a schema and on schemaless {@link Map}s, on top-level fields and
 * on nested ones by dotted path. The input record is never mutated: a changed copy is returned.
 * Null records, null values and null fields stay null. Exception messages name fields and types,
 * never a value; nothing is logged per record. Thread-safe once configured.
 *
 * <p>Metrics (KIP-877): when the worker calls {@link #withPluginMetrics}, the counters
 * {@value #MASKED_METRIC}, {@value #PSEUDONYMISED_METRIC} and {@value #REDACTED_METRIC} are registered
 * (JMX {@code kafka.connect:type=plugins,connector=...,task=...,transformation=<alias>}). Without it
 * the transform works the same and counts for nobody.
 */
public abstract class IpMask<R extends ConnectRecord<R>> implements Transformation<R>, Versioned, Monitorable {

    public static final String OVERVIEW_DOC = "Anonymise client IP addresses in the given fields, failing "
            + "closed. IPv4 keeps its first octets (1.2.3.4 becomes 1.2.3.X by default), IPv6 keeps its prefix "
            + "(/48 by default: 2001:db8:85a3:X:X:X:X:X); IPv4-mapped IPv6 is masked as IPv4; ports and zone "
            + "ids are dropped; in comma-separated lists every element is masked. Anything not recognised "
            + "(host names, 1.2.3, 0177.0.0.1, 16909060, ...) is replaced by the redaction value, never passed "
            + "through, and no name is ever resolved. Optional keyed pseudonymisation (mode=HMAC)."
            + "<p/>Use the concrete transformation type designed for the record key (<code>"
            + Key.class.getName() + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    public static final String FIELDS_CONFIG = IpMaskConfig.FIELDS_CONFIG;
    public static final String REDACTION_CONFIG = IpMaskConfig.REDACTION_CONFIG;
    public static final String IPV4_PREFIX_LENGTH_CONFIG = IpMaskConfig.IPV4_PREFIX_LENGTH_CONFIG;
    public static final String IPV6_PREFIX_LENGTH_CONFIG = IpMaskConfig.IPV6_PREFIX_LENGTH_CONFIG;
    public static final String MODE_CONFIG = IpMaskConfig.MODE_CONFIG;
    public static final String HMAC_KEY_CONFIG = IpMaskConfig.HMAC_KEY_CONFIG;

    public static final ConfigDef CONFIG_DEF = IpMaskConfig.CONFIG_DEF;

    /** Addresses written in their masked form. */
    public static final String MASKED_METRIC = "addresses-masked-total";
    /** Addresses replaced by their keyed pseudonym (mode=HMAC). */
    public static final String PSEUDONYMISED_METRIC = "addresses-pseudonymised-total";
    /** Values or list elements that were not a recognised address and became the redaction value. */
    public static final String REDACTED_METRIC = "addresses-redacted-total";

    private static final String PURPOSE = "client address anonymisation";

    private volatile AddressMasker masker;
    private volatile FieldMasking fieldMasking;

    @Override
    public void configure(Map<String, ?> props) {
        IpMaskConfig config = new IpMaskConfig(props);
        AddressMasker configured = config.newMasker();
        this.fieldMasking = new FieldMasking(config.fields(), configured);
        this.masker = configured;
    }

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        register(metrics, MASKED_METRIC, "Client addresses written in their masked form (a list element "
                + "counts as one).", MaskCounters::maskedTotal);
        register(metrics, PSEUDONYMISED_METRIC, "Client addresses replaced by their keyed pseudonym "
                + "(mode=HMAC).", MaskCounters::pseudonymisedTotal);
        register(metrics, REDACTED_METRIC, "Values or list elements that were not a recognised address and "
                + "were replaced by the redaction value.", MaskCounters::redactedTotal);
    }

    private void register(PluginMetrics metrics, String name, String description,
                          ToLongFunction<MaskCounters> count) {
        Measurable total = (config, now) -> {
            AddressMasker current = masker;
            return current == null ? 0 : count.applyAsLong(current.counters());
        };
        metrics.addMetric(metrics.metricName(name, description, new LinkedHashMap<>()), total);
    }

    /** The counts of addresses handled since {@link #configure}, by outcome. */
    public MaskCounters counters() {
        return requireConfigured().counters();
    }

    @Override
    public R apply(R record) {
        FieldMasking masking = fieldMasking;
        if (masking == null) {
            throw new IllegalStateException("IpMask is not configured");
        }
        Object target = operatingValue(record);
        if (target == null) {
            return record;
        }
        Schema schema = operatingSchema(record);
        if (schema == null) {
            if (!(target instanceof Map<?, ?> map)) {
                throw new DataException("Only Map objects supported in absence of schema for [" + PURPOSE
                        + "], found: " + target.getClass().getName());
            }
            return newRecord(record, null, masking.apply(map));
        }
        if (!(target instanceof Struct struct)) {
            throw new DataException("Only Struct objects supported for [" + PURPOSE + "], found: "
                    + target.getClass().getName());
        }
        return newRecord(record, schema, masking.apply(struct));
    }

    private AddressMasker requireConfigured() {
        AddressMasker current = masker;
        if (current == null) {
            throw new IllegalStateException("IpMask is not configured");
        }
        return current;
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
