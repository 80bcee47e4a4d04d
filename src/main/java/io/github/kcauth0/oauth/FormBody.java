package io.github.kcauth0.oauth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Reads an {@code application/x-www-form-urlencoded} body strictly: UTF-8 only, malformed percent-encoding
 * rejected, at most {@link #MAX_BYTES}. Keycloak's own form decoding answers 500 to {@code %ZZ}; here every
 * flaw is a 400 (or 413) that the client can act on.
 */
public final class FormBody {

    /** Auth0's payload limit for /oauth/par. */
    public static final int MAX_BYTES = 10 * 1024;

    private FormBody() {
    }

    public static MultivaluedMap<String, String> read(HttpHeaders headers, byte[] body) {
        requireFormContentType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (body != null && body.length > MAX_BYTES) {
            throw new OAuthError(413, OAuthError.INVALID_REQUEST, "The request body exceeds " + MAX_BYTES + " bytes");
        }
        return parse(body == null ? new byte[0] : body);
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

    private static void requireFormContentType(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isWildcardType()
                || type.isWildcardSubtype()) {
            throw OAuthError.invalidRequest("Content-Type must be application/x-www-form-urlencoded");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw OAuthError.invalidRequest("The form must be encoded in UTF-8");
        }
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0) {
                    throw OAuthError.invalidRequest("Malformed percent-encoding in the form");
                }
                bytes.write(hex(body[i + 1]) << 4 | hex(body[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.invalidRequest("The form is not valid UTF-8");
        }
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
