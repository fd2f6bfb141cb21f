package org.httplog.connect.transforms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Applies an {@link AddressMasker} to the configured fields of a {@link Struct} or a schemaless
 * {@link Map}, following dotted paths into nested structs and maps.
 *
 * <p>Copy on write: the input is never changed; every struct or map on a path to a masked field is
 * copied, everything else is shared. Exception messages name paths and types, never values.
 * Thread-safe: the plan for the last schema seen is immutable and published through a volatile
 * field.
 */
final class FieldMasking {

    private static final Object MASK = new Object();

    private final Node root;
    private final AddressMasker masker;
    private volatile Plan lastPlan;

    FieldMasking(List<String> paths, AddressMasker masker) {
        this.root = new Node("");
        for (String path : paths) {
            Node node = root;
            for (String name : path.split("\\.", -1)) {
                Node parent = node;
                node = parent.children.computeIfAbsent(name,
                        n -> new Node(parent.path.isEmpty() ? n : parent.path + "." + n));
            }
        }
        this.masker = masker;
    }

    /** The paths, one node per name; a node without children is a field to mask. */
    private static final class Node {
        final String path;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String path) {
            this.path = path;
        }

        boolean isLeaf() {
            return children.isEmpty();
        }
    }

    /** For one struct schema: per field index, null (copy), {@link #MASK}, or the plan of the nested struct. */
    private static final class Plan {
        final Schema schema;
        final Object[] actions;

        Plan(Schema schema, Node node) {
            this.schema = schema;
            this.actions = new Object[schema.fields().size()];
            for (Node child : node.children.values()) {
                String name = child.path.substring(child.path.lastIndexOf('.') + 1);
                Field field = schema.field(name);
                if (field == null) {
                    throw new DataException("Field '" + child.path + "' to mask is not in schema "
                            + (schema.name() == null ? "(unnamed)" : schema.name()));
                }
                Schema.Type type = field.schema().type();
                if (child.isLeaf()) {
                    if (type != Schema.Type.STRING) {
                        throw new DataException("Field '" + child.path + "' to mask is " + type + ", not STRING");
                    }
                    actions[field.index()] = MASK;
                } else {
                    if (type != Schema.Type.STRUCT) {
                        throw new DataException("Field '" + child.path + "' on the path to a field to mask is "
                                + type + ", not STRUCT");
                    }
                    actions[field.index()] = new Plan(field.schema(), child);
                }
            }
        }
    }

    Struct apply(Struct struct) {
        Schema schema = struct.schema();
        Plan plan = lastPlan;
        if (plan == null || plan.schema != schema) {
            if (schema.type() != Schema.Type.STRUCT) {
                throw new DataException("Only STRUCT schemas are supported, found " + schema.type());
            }
            plan = new Plan(schema, root);
            lastPlan = plan;
        }
        return apply(struct, plan, root);
    }

    private Struct apply(Struct struct, Plan plan, Node node) {
        Struct updated = new Struct(struct.schema());
        for (Field field : struct.schema().fields()) {
            Object value = struct.get(field);
            Object action = plan.actions[field.index()];
            if (value != null && action != null) {
                Node child = node.children.get(field.name());
                if (action == MASK) {
                    value = mask(child.path, value);
                } else if (value instanceof Struct nested) {
                    value = apply(nested, (Plan) action, child);
                } else {
                    throw new DataException("Field '" + child.path + "' on the path to a field to mask holds a "
                            + value.getClass().getName() + ", not a Struct");
                }
            }
            updated.put(field, value);
        }
        return updated;
    }

    Map<Object, Object> apply(Map<?, ?> map) {
        return apply(map, root, true);
    }

    private Map<Object, Object> apply(Map<?, ?> map, Node node, boolean alwaysCopy) {
        Map<Object, Object> updated = alwaysCopy ? new HashMap<>(map) : null;
        for (Map.Entry<String, Node> entry : node.children.entrySet()) {
            Object value = map.get(entry.getKey());
            if (value == null) {
                continue; // missing or null: nothing to mask
            }
            Node child = entry.getValue();
            Object masked;
            if (child.isLeaf()) {
                masked = mask(child.path, value);
            } else if (value instanceof Map<?, ?> nested) {
                masked = apply(nested, child, false);
                if (masked == nested) {
                    continue;
                }
            } else {
                throw new DataException("Field '" + child.path + "' on the path to a field to mask holds a "
                        + value.getClass().getName() + ", not a Map");
            }
            if (updated == null) {
                updated = new HashMap<>(map);
            }
            updated.put(entry.getKey(), masked);
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> unchanged = (Map<Object, Object>) map;
        return updated == null ? unchanged : updated;
    }

    private String mask(String path, Object value) {
        if (!(value instanceof String address)) {
            throw new DataException("Field '" + path + "' to mask holds a " + value.getClass().getName()
                    + ", not a String");
        }
        return masker.mask(address);
    }
}
