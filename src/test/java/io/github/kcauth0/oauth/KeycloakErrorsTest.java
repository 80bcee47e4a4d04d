package io.github.kcauth0.oauth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which of Keycloak's rejections are DPoP proofs refused, in the words of Keycloak's {@code DPoPUtil}. */
class KeycloakErrorsTest {

    @Test
    void proofRefusedByKeycloaksValidatorIsADpopError() {
        assertTrue(KeycloakErrors.dpopProofRefused(400, "invalid_request", "DPoP proof has already been used"));
        assertTrue(KeycloakErrors.dpopProofRefused(400, "invalid_request", "DPoP HTTP URL mismatch"));
        assertTrue(KeycloakErrors.dpopProofRefused(400, "invalid_request", "Invalid or missing type in DPoP header: JWT"));
    }

    @Test
    void codeBoundToAnotherKeyIsADpopError() {
        assertTrue(KeycloakErrors.dpopProofRefused(400, "invalid_request", "DPoP Proof public key thumbprint does not match dpop_jkt"));
        assertTrue(KeycloakErrors.dpopProofRefused(400, "invalid_request", "DPoP Proof missing"));
    }

    @Test
    void refreshTokenBoundToAnotherKeyIsADpopError() {
        assertTrue(KeycloakErrors.dpopProofRefused(400, "invalid_grant", "DPoP proof is missing"));
        assertTrue(KeycloakErrors.dpopProofRefused(400, "invalid_grant", "DPoP confirmation doesn't match DPoP proof"));
    }

    @Test
    void otherRejectionsAreNot() {
        assertFalse(KeycloakErrors.dpopProofRefused(400, "invalid_grant", "Code not valid"));
        assertFalse(KeycloakErrors.dpopProofRefused(400, "invalid_request", "Missing parameter: response_type"));
        assertFalse(KeycloakErrors.dpopProofRefused(400, "invalid_scope", "Invalid scopes: DPoP"));
        assertFalse(KeycloakErrors.dpopProofRefused(401, "unauthorized_client",
                "DPoP is not supported for implicit nor hybrid flows. Client requires DPoP bound access tokens."));
    }
}
