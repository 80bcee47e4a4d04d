package io.github.kcauth0.par;

import java.util.Set;

import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION;
import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION_TYPE;
import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CLIENT_SECRET;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE_METHOD;
import static org.keycloak.OAuth2Constants.REDIRECT_URI;
import static org.keycloak.OAuth2Constants.RESPONSE_TYPE;
import static org.keycloak.OAuth2Constants.SCOPE;
import static org.keycloak.OAuth2Constants.STATE;

/**
 * The parameters Auth0's {@code /oauth/par} accepts. Standard OAuth names come from Keycloak's
 * {@code OAuth2Constants}; anything not listed here is ignored, as Auth0 does.
 */
public final class Auth0Parameters {

    public static final String NONCE = "nonce";
    /** An Auth0 API identifier; in Keycloak, a client scope of that name carrying an Audience mapper. */
    public static final String AUDIENCE = "audience";
    /** Not a parameter of a pushed request: RFC 9126 §2.1 forbids it. */
    public static final String REQUEST_URI = "request_uri";

    static final Set<String> KNOWN = Set.of(CLIENT_ID, CLIENT_SECRET, CLIENT_ASSERTION, CLIENT_ASSERTION_TYPE,
            RESPONSE_TYPE, REDIRECT_URI, SCOPE, STATE, NONCE, AUDIENCE, CODE_CHALLENGE, CODE_CHALLENGE_METHOD);

    private Auth0Parameters() {
    }
}
