package io.certana.deploy.manifest;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;

/**
 * Derives JSON Schemas (draft 7) of built-in Kubernetes kinds from the models of the official
 * Kubernetes Java client ({@code io.kubernetes:client-java-api} 23.0.0 from Maven Central), which
 * the Kubernetes project generates from the OpenAPI document of Kubernetes 1.32. Each model class
 * carries the property names of one OpenAPI definition (in {@code @SerializedName}), its required
 * properties (in {@code openapiRequiredFields}) and a Java type per property, which maps to a JSON
 * type as follows.
 *
 * <ul>
 *   <li>String, Integer and Long, Float, Double and BigDecimal, Boolean map to string, integer,
 *       number and boolean; OffsetDateTime and byte[] are strings (RFC 3339 and base64).</li>
 *   <li>IntOrString is an integer or a string; Quantity is a string in Kubernetes' quantity
 *       grammar or a number.</li>
 *   <li>List and Map become arrays and string-keyed objects of their element schema; another model
 *       becomes a reference to its definition; Object allows anything.</li>
 * </ul>
 *
 * <p>The schemas are strict, as kubeconform's "-strict" schemas are: a property that the
 * definition lacks is an error, because Kubernetes would silently drop it (a misspelled
 * {@code livenesProbe} never reaches the pod). An optional scalar may be null, which the API
 * server treats as absent. What the OpenAPI document does not express (value ranges, enums kept as
 * plain strings, cross-field rules) is not checked here; the API server enforces it on apply.
 */
public final class KubernetesModelSchemas {

    /** Kubernetes version of the API models, from the client's compatibility table (23.0.x is 1.32). */
    public static final String KUBERNETES_VERSION = "1.32";

    /**
     * Kubernetes' quantity grammar (k8s.io/apimachinery resource.Quantity): a signed decimal number
     * with an optional binary suffix (Ki to Ei), decimal suffix (n, u, m, k, M to E) or exponent.
     * {@code 512Mi}, {@code 250m} and {@code 1e3} match; {@code 3GB} and {@code 1.5 Gi} do not.
     */
    public static final String QUANTITY_PATTERN =
            "^[+-]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private KubernetesModelSchemas() {
    }

    /**
     * Builds the standalone schema of one kind: the root object is {@code model}, with
     * {@code apiVersion} and {@code kind} fixed to the given values, and every nested model in
     * {@code definitions}.
     */
    public static ObjectNode schemaFor(Class<?> model, String apiVersion, String kind) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", apiVersion + " " + kind + " (Kubernetes " + KUBERNETES_VERSION + ", from "
                + model.getSimpleName() + ")");

        Deque<Class<?>> pending = new ArrayDeque<>();
        ObjectNode root = objectSchema(model, pending);
        ((ObjectNode) root.get("properties")).set("apiVersion", JSON.objectNode().put("const", apiVersion));
        ((ObjectNode) root.get("properties")).set("kind", JSON.objectNode().put("const", kind));
        Set<String> required = new TreeSet<>();
        root.withArray("required").forEach(name -> required.add(name.asText()));
        required.add("apiVersion");
        required.add("kind");
        ArrayNode requiredArray = root.putArray("required");
        required.forEach(requiredArray::add);
        schema.setAll(root);

        ObjectNode definitions = schema.putObject("definitions");
        Set<Class<?>> defined = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> next = pending.removeFirst();
            if (defined.add(next)) {
                definitions.set(next.getSimpleName(), objectSchema(next, pending));
            }
        }
        return schema;
    }

    /** The schema of one model class; models it refers to are added to {@code pending}. */
    private static ObjectNode objectSchema(Class<?> model, Deque<Class<?>> pending) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        Set<String> required = requiredProperties(model);
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (Modifier.isStatic(field.getModifiers()) || name == null) {
                continue;
            }
            boolean optional = !required.contains(name.value());
            properties.set(name.value(), typeSchema(field.getGenericType(), optional, pending, model, name.value()));
        }
        ArrayNode requiredArray = schema.putArray("required");
        new TreeSet<>(required).forEach(requiredArray::add);
        schema.put("additionalProperties", false);
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredProperties(Class<?> model) {
        try {
            Object value = model.getField("openapiRequiredFields").get(null);
            return new HashSet<>((Collection<String>) value);
        } catch (NoSuchFieldException e) {
            return Set.of();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the required properties of " + model.getName(), e);
        }
    }

    private static ObjectNode typeSchema(Type type, boolean nullable, Deque<Class<?>> pending,
            Class<?> owner, String property) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", typeSchema(arguments[0], false, pending, owner, property));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", typeSchema(arguments[1], false, pending, owner, property));
                return map;
            }
        }
        if (type instanceof Class<?> cls) {
            if (cls == String.class || cls == OffsetDateTime.class || cls == byte[].class) {
                return scalar(nullable, "string");
            }
            if (cls == Integer.class || cls == Long.class) {
                return scalar(nullable, "integer");
            }
            if (cls == Float.class || cls == Double.class || cls == BigDecimal.class) {
                return scalar(nullable, "number");
            }
            if (cls == Boolean.class) {
                return scalar(nullable, "boolean");
            }
            if (cls == IntOrString.class) {
                return scalar(nullable, "integer", "string");
            }
            if (cls == Quantity.class) {
                ObjectNode quantity = scalar(nullable, "string", "number");
                quantity.put("pattern", QUANTITY_PATTERN);
                return quantity;
            }
            if (cls == Object.class) {
                return JSON.objectNode();
            }
            if (cls.getPackageName().equals("io.kubernetes.client.openapi.models")) {
                pending.addLast(cls);
                return JSON.objectNode().put("$ref", "#/definitions/" + cls.getSimpleName());
            }
        }
        throw new IllegalStateException("No JSON type for " + type.getTypeName() + " of "
                + owner.getSimpleName() + "." + property);
    }

    private static ObjectNode scalar(boolean nullable, String... types) {
        ObjectNode schema = JSON.objectNode();
        ArrayNode typeArray = schema.putArray("type");
        for (String type : types) {
            typeArray.add(type);
        }
        if (nullable) {
            typeArray.add("null");
        }
        return schema;
    }
}
