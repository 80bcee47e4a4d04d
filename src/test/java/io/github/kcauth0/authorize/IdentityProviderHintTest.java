package io.github.kcauth0.authorize;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentityProviderHintTest {

    @Test
    void hintIsAddedToTheQuery() {
        assertEquals(URI.create("https://kc/realms/r/login-actions/authenticate?client_id=app&tab_id=t&kc_idp_hint=corp"),
                IdentityProviderHint.addedTo(URI.create("https://kc/realms/r/login-actions/authenticate?client_id=app&tab_id=t"), "corp"));
    }

    @Test
    void hintStartsAQueryWhereThereIsNone() {
        assertEquals(URI.create("https://kc/realms/r/authorize?kc_idp_hint=corp"),
                IdentityProviderHint.addedTo(URI.create("https://kc/realms/r/authorize"), "corp"));
    }

    @Test
    void aliasIsEncodedAsItIsNotATemplate() {
        assertEquals(URI.create("https://kc/a?b=c&kc_idp_hint=%7Bcorp%7D+%26+co%3D"),
                IdentityProviderHint.addedTo(URI.create("https://kc/a?b=c"), "{corp} & co="));
    }
}
