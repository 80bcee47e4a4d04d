package io.github.kcauth0;

import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.KeycloakServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each run of the version matrix tests the Keycloak release it names, not whichever one was unpacked. */
class KeycloakVersionIT {

    private static final KeycloakServer server = KeycloakServer.get();

    @Test
    void serverUnderTestIsTheChosenRelease() {
        assertEquals(server.version(), new Admin(server).serverInfo().path("systemInfo").path("version").asText());
    }
}
