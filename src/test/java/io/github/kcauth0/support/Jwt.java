package io.github.kcauth0.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads a token's claims, as an application inspecting the tokens it received would. */
public final class Jwt {

    private Jwt() {
    }

    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return Http.jsonMap(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
