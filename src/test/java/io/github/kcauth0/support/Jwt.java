package io.github.kcauth0.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads a token's claims, as an application inspecting the tokens it received would; makes unsigned ones. */
public final class Jwt {

    private Jwt() {
    }

    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return Http.jsonMap(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** An unsigned JWT ({@code alg=none}, empty signature) with these claims. */
    public static String unsigned(Map<String, ?> claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        try {
            return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(Http.JSON.writeValueAsBytes(claims)) + ".";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
