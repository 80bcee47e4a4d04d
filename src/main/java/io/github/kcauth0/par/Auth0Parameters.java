package io.github.kcauth0.par;

import java.util.Set;

import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION;
import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION_TYPE;
import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CLIENT_SECRET;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE_METHOD;
import static org.keycloak.OAuth2Constants.MAX_AGE;
import static org.keycloak.OAuth2Constants.PROMPT;
import static org.keycloak.OAuth2Constants.REDIRECT_URI;
import static org.keycloak.OAuth2Constants.RESPONSE_TYPE;
import static org.keycloak.OAuth2Constants.SCOPE;
import static org.keycloak.OAuth2Constants.STATE;
import static org.keycloak.OAuth2Constants.UI_LOCALES_PARAM;

/**
 * The authorization parameters Auth0 accepts at {@code /oauth/par} and {@code /authorize}. Standard OAuth names
 * come from Keycloak's {@code OAuth2Constants}; anything not known here is ignored, as Auth0 does.
 */
public final class Auth0Parameters {

    public static final String NONCE = "nonce";
    public static final String RESPONSE_MODE = "response_mode";
    public static final String LOGIN_HINT = "login_hint";
    public static final String ACR_VALUES = "acr_values";
    public static final String CLAIMS = "claims";
    public static final String DISPLAY = "display";
    public static final String ID_TOKEN_HINT = "id_token_hint";
    public static final String DPOP_JKT = "dpop_jkt";
    /** A signed request object (JAR, RFC 9101). */
    public static final String REQUEST = "request";
    /** Rich authorization request (RFC 9396): a JSON array, as a string. */
    public static final String AUTHORIZATION_DETAILS = "authorization_details";
    /** An Auth0 API identifier; in Keycloak, a client scope of that name carrying an Audience mapper. */
    public static final String AUDIENCE = "audience";
    /** Auth0's alias of {@code audience} (RFC 8707's name). */
    public static final String RESOURCE = "resource";
    /** An Auth0 organization, by id or name; in Keycloak, an organization by id, alias or name. */
    public static final String ORGANIZATION = "organization";
    /** An Auth0 connection; in Keycloak, the identity provider of that alias. */
    public static final String CONNECTION = "connection";
    /** {@code signup} opens Auth0's sign-up page; Keycloak's is {@code prompt=create}. */
    public static final String SCREEN_HINT = "screen_hint";
    /** An Auth0 organization invitation ticket: Keycloak invites by e-mail link instead. */
    public static final String INVITATION = "invitation";
    /** Sent to /authorize with a pushed request; not a parameter of a pushed request (RFC 9126 §2.1). */
    public static final String REQUEST_URI = "request_uri";

    /** Auth0 keeps up to 10 custom {@code ext-*} parameters with the transaction. */
    public static final String EXTENSION_PREFIX = "ext-";
    public static final int MAX_EXTENSIONS = 10;

    static final Set<String> KNOWN = Set.of(CLIENT_ID, CLIENT_SECRET, CLIENT_ASSERTION, CLIENT_ASSERTION_TYPE,
            RESPONSE_TYPE, RESPONSE_MODE, REDIRECT_URI, SCOPE, STATE, NONCE, CODE_CHALLENGE, CODE_CHALLENGE_METHOD,
            PROMPT, MAX_AGE, LOGIN_HINT, UI_LOCALES_PARAM, ACR_VALUES, CLAIMS, DISPLAY, ID_TOKEN_HINT, DPOP_JKT,
            REQUEST, REQUEST_URI, AUTHORIZATION_DETAILS, AUDIENCE, RESOURCE, ORGANIZATION, CONNECTION, SCREEN_HINT,
            INVITATION);

    private Auth0Parameters() {
    }

    static boolean isExtension(String name) {
        return name.startsWith(EXTENSION_PREFIX) && name.length() > EXTENSION_PREFIX.length();
    }
}
