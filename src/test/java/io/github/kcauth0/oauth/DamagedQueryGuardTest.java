package io.github.kcauth0.oauth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which forwarded hosts a URI can hold as they are, and which the guard sets aside. */
class DamagedQueryGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"login.example.com", "login.example.com:8443", "localhost:8080", "127.0.0.1", "[::1]:8443", "xn--vil-bma.example"})
    void hostNamesAreKept(String host) {
        assertTrue(DamagedQueryGuard.isHostName("https", host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/x", "evil.example/realms/other/oidc/logout", "evil.example?x", "evil.example#x",
            "evil.example|x", "evil example", "évil.example", "evil.example:x", "a@evil.example", "", "%65vil.example"})
    void anythingElseIsSetAside(String host) {
        assertFalse(DamagedQueryGuard.isHostName("https", host));
    }
}
