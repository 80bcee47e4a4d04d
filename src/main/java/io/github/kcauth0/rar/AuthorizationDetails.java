package io.github.kcauth0.rar;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.oauth.OAuthError;

import org.keycloak.util.JsonSerialization;

/**
 * A request's {@code authorization_details} (RFC 9396 §2): a JSON array of objects, each with a string
 * {@code type}. Only the types are read; the objects are kept whole, as the request sent them.
 */
public final class AuthorizationDetails {

    public static final String PARAMETER = "authorization_details";
    /** More objects than a consent or an API reads in one grant; the form's 10 KB bound the size already. */
    public static final int MAX_OBJECTS = 10;
    /** Longer than any type name RFC 9396 or Auth0 shows, and short enough to quote in an error. */
    public static final int MAX_TYPE_LENGTH = 100;

    private final String json;
    private final List<String> types;

    private AuthorizationDetails(String json, List<String> types) {
        this.json = json;
        this.types = types;
    }

    /** Reads the parameter's value; an {@code invalid_authorization_details} error says what is wrong with it. */
    public static AuthorizationDetails parse(String json) {
        JsonNode array;
        try {
            array = JsonSerialization.mapper.readTree(json);
        } catch (Exception e) {
            array = null;
        }
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw invalid("authorization_details must be a JSON array of objects");
        }
        if (array.size() > MAX_OBJECTS) {
            throw invalid("authorization_details has " + array.size() + " objects; at most " + MAX_OBJECTS + " are allowed");
        }
        List<String> types = new ArrayList<>(array.size());
        for (JsonNode detail : array) {
            JsonNode type = detail.get("type");
            if (!detail.isObject() || type == null || !type.isTextual() || type.asText().isEmpty()) {
                throw invalid("each authorization_details object must have a string type");
            }
            if (type.asText().length() > MAX_TYPE_LENGTH) {
                throw invalid("an authorization_details type is longer than " + MAX_TYPE_LENGTH + " characters");
            }
            types.add(type.asText());
        }
        return new AuthorizationDetails(json, List.copyOf(types));
    }

    /** The value as the request sent it. */
    public String json() {
        return json;
    }

    public List<String> types() {
        return types;
    }

    static OAuthError invalid(String description) {
        return OAuthError.invalidAuthorizationDetails(description, description);
    }
}
