package io.github.kcauth0.oauth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.util.JsonSerialization;

/**
 * Reads a request body strictly: an {@code application/x-www-form-urlencoded} form in UTF-8 with no malformed
 * percent-encoding (or, where allowed, a JSON object), at most {@link #MAX_BYTES}, and no control character in
 * any value. Keycloak's own form decoding answers 500 to {@code %ZZ}; here every flaw is a 400 (or 413) that the
 * client can act on. The Content-Type rules are checked by {@link ContentTypeGuard} before the body is read, so
 * the readers below do not repeat them.
 */
public final class RequestBody {

    /** Auth0's payload limit for /oauth/par. */
    public static final int MAX_BYTES = 10 * 1024;

    /** A Content-Type whose last parameter is an empty {@code charset}. */
    private static final Pattern EMPTY_LAST_CHARSET = Pattern.compile("[\\s;]charset=$", Pattern.CASE_INSENSITIVE);

    private RequestBody() {
    }

    /** A form body, as RFC 9126 requires of a pushed authorization request ({@link #requireForm} passed). */
    public static MultivaluedMap<String, String> form(byte[] body) {
        return withoutControlCharacters(parse(withinLimit(body)));
    }

    /**
     * A form or, as Auth0's /oauth/token also takes and Auth0's SDKs send, a JSON object of parameters
     * ({@link #requireFormOrJson} passed).
     */
    public static MultivaluedMap<String, String> formOrJson(String contentType, byte[] body) {
        MultivaluedMap<String, String> parameters = isJson(contentType(contentType))
                ? parseJsonObject(withinLimit(body)) : parse(withinLimit(body));
        return withoutControlCharacters(parameters);
    }

    /** Rejects a Content-Type other than a UTF-8 form; it can be checked before the body is read. */
    public static void requireForm(String contentType) {
        // what clients send, accepted without parsing it
        if (MediaType.APPLICATION_FORM_URLENCODED.equals(contentType)) {
            return;
        }
        if (!isForm(contentType(contentType))) {
            throw OAuthError.invalidRequest("Content-Type must be application/x-www-form-urlencoded");
        }
    }

    /** Rejects a Content-Type other than a UTF-8 form or JSON; it can be checked before the body is read. */
    public static void requireFormOrJson(String contentType) {
        MediaType type = contentType(contentType);
        if (!isForm(type) && !isJson(type)) {
            throw OAuthError.invalidRequest("Content-Type must be application/x-www-form-urlencoded or application/json");
        }
    }

    /** A parameter's one value (RFC 6749 §3.1: at most once; an empty one counts as omitted). */
    public static Optional<String> singleValue(String name, List<String> values) {
        if (values.size() > 1) {
            throw OAuthError.repeatedParameter(name);
        }
        return values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Whether a query decodes as UTF-8 form parameters without control characters (other than tab, CR and LF):
     * what Keycloak refuses, before any endpoint runs, with a bare 400.
     */
    public static boolean isReadableQuery(String rawQuery) {
        try {
            return parse(rawQuery.getBytes(StandardCharsets.ISO_8859_1)).values().stream().flatMap(List::stream)
                    .allMatch(value -> value.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n'));
        } catch (OAuthError unreadable) {
            return false;
        }
    }

    /**
     * Rejects a value holding a C0 control character (U+0000 to U+001F) before anything is looked up with it:
     * PostgreSQL refuses NUL in text (Keycloak answers 500), and a CR or LF could forge a log line.
     */
    private static MultivaluedMap<String, String> withoutControlCharacters(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    throw OAuthError.controlCharacter(parameter.getKey());
                }
            }
        }
        return parameters;
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    static MultivaluedMap<String, String> parse(byte[] body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                addPair(form, body, start, i);
                start = i + 1;
            }
        }
        return form;
    }

    /** The media type, or {@code null} for a missing or malformed one. */
    private static MediaType contentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        // Keycloak reads the form before the endpoint runs and fails with a 500 on this (RESTEasy's HeaderUtil
        // finds "charset=" with nothing after it), where the media type itself may show no charset at all.
        if (EMPTY_LAST_CHARSET.matcher(contentType).find()) {
            throw notUtf8Form();
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw notUtf8Form();
        }
        return type;
    }

    private static OAuthError notUtf8Form() {
        return OAuthError.invalidRequest("The form must be encoded in UTF-8");
    }

    private static boolean isForm(MediaType type) {
        return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }

    private static byte[] withinLimit(byte[] body) {
        if (body != null && body.length > MAX_BYTES) {
            throw new OAuthError(413, OAuthError.INVALID_REQUEST, "The request body exceeds " + MAX_BYTES + " bytes");
        }
        return body == null ? new byte[0] : body;
    }

    /** A JSON object whose members are parameters: strings, numbers or booleans. */
    static MultivaluedMap<String, String> parseJsonObject(byte[] body) {
        JsonNode object;
        try {
            object = JsonSerialization.mapper.readTree(body);
        } catch (IOException e) {
            object = null;
        }
        if (object == null || !object.isObject()) {
            throw OAuthError.invalidRequest("The body must be a JSON object");
        }
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!member.getValue().isValueNode() || member.getValue().isNull()) {
                throw OAuthError.invalidParameter(member.getKey());
            }
            parameters.add(member.getKey(), member.getValue().asText());
        }
        return parameters;
    }

    private static void addPair(MultivaluedMap<String, String> form, byte[] body, int from, int to) {
        if (from == to) {
            return;
        }
        int equals = from;
        while (equals < to && body[equals] != '=') {
            equals++;
        }
        String name = decode(body, from, equals);
        String value = equals < to ? decode(body, equals + 1, to) : "";
        form.add(name, value);
    }

    private static String decode(byte[] body, int from, int to) {
        byte[] bytes = new byte[to - from];
        int length = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%') {
                if (i + 2 >= to || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0) {
                    throw OAuthError.invalidRequest("Malformed percent-encoding in the form");
                }
                b = (byte) (hex(body[i + 1]) << 4 | hex(body[i + 2]));
                i += 2;
            }
            bytes[length++] = b;
            ascii &= b >= 0;
        }
        if (ascii) {
            return new String(bytes, 0, length, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.invalidRequest("The form is not valid UTF-8");
        }
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
