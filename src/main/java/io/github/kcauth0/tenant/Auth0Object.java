package io.github.kcauth0.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.ops.LogText;

/**
 * One object of one of the tenant file's lists, read field by field: a field of the wrong type, or a required
 * one missing, is a 400 that names the list, the index, the object's {@code name} or {@code client_id}, and
 * the field. Fields not read are ignored, as Auth0 adds fields over time.
 */
final class Auth0Object {

    private final String list;
    private final int index;
    private final JsonNode node;
    /** The list's object this one is part of (itself, or the object holding it): what errors name. */
    private final JsonNode owner;

    Auth0Object(String list, int index, JsonNode node) {
        this(list, index, node, node);
        if (!node.isObject()) {
            throw invalid(null, "must be an object");
        }
    }

    private Auth0Object(String list, int index, JsonNode node, JsonNode owner) {
        this.list = list;
        this.index = index;
        this.node = node;
        this.owner = owner;
    }

    /** What the report and the errors call this object: {@code clients[2] (client_id "abc")}. */
    String describe() {
        String label = labelField("client_id").or(() -> labelField("identifier")).or(() -> labelField("name")).orElse(null);
        return list + "[" + index + "]" + (label == null ? "" : " (" + LogText.escaped(label.length() > 200 ? label.substring(0, 200) + "…" : label) + ")");
    }

    private Optional<String> labelField(String field) {
        JsonNode value = owner.get(field);
        return value != null && value.isTextual() ? Optional.of(field + " \"" + value.asText() + "\"") : Optional.empty();
    }

    String text(String field) {
        return optionalText(field).filter(value -> !value.isBlank()).orElseThrow(() -> invalid(field, "is required"));
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return Optional.of(value.asText());
    }

    Optional<Boolean> optionalFlag(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    boolean flag(String field) {
        return optionalFlag(field).orElse(false);
    }

    /** An array of strings; absent is empty, and {@code null} in Auth0's answer too. */
    List<String> texts(String field) {
        return optionalTexts(field).orElse(List.of());
    }

    Optional<List<String>> optionalTexts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw invalid(field, "must be an array of strings");
            }
            texts.add(element.asText());
        }
        return Optional.of(texts);
    }

    /** An object member; absent or {@code null} is an empty object. */
    Auth0Object object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return new Auth0Object(list, index, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), owner);
        }
        if (!value.isObject()) {
            throw invalid(field, "must be an object");
        }
        return new Auth0Object(list, index, value, owner);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** An array of objects, each read as this object's part (errors still name this object). */
    List<Auth0Object> objects(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array of objects");
        }
        List<Auth0Object> objects = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw invalid(field, "must be an array of objects");
            }
            objects.add(new Auth0Object(list, index, element, owner));
        }
        return objects;
    }

    /** Auth0's metadata: string keys to string values. */
    Map<String, String> stringMap(String field) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw invalid(field, "must be an object of strings");
        }
        var fields = value.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().isTextual()) {
                throw invalid(field, "must be an object of strings");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    OAuthError invalid(String field, String problem) {
        return OAuthError.invalidRequest("Invalid tenant file: " + describe() + (field == null ? "" : " field " + field) + " " + problem);
    }
}
