package io.github.kcauth0.oauth;

/**
 * An OAuth 2.0 error answer (RFC 6749 §5.2): HTTP status, error code and a description that is safe to show
 * the client. It is thrown to end a request and written to HTTP in one place, {@link OAuthErrorResponses}.
 */
public final class OAuthError extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    /** Auth0's code for a rate-limited request (429). */
    public static final String TOO_MANY_REQUESTS = "too_many_requests";

    private final int status;
    private final String error;
    private final String description;
    private final boolean recordedByKeycloak;

    public OAuthError(int status, String error, String description) {
        this(status, error, description, false);
    }

    private OAuthError(int status, String error, String description, boolean recordedByKeycloak) {
        super(error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.recordedByKeycloak = recordedByKeycloak;
    }

    /** An error Keycloak already recorded as an event, answered here in Auth0's form. */
    public static OAuthError recordedByKeycloak(int status, String error, String description) {
        return new OAuthError(status, error, description, true);
    }

    public OAuthError withDescription(String newDescription) {
        return new OAuthError(status, error, newDescription, recordedByKeycloak);
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, INVALID_REQUEST, description);
    }

    public static OAuthError missingParameter(String name) {
        return invalidRequest("Missing parameter: " + name);
    }

    public static OAuthError repeatedParameter(String name) {
        return invalidRequest("Repeated parameter: " + name);
    }

    public static OAuthError invalidParameter(String name) {
        return invalidRequest("Invalid parameter: " + name);
    }

    public static OAuthError invalidClient() {
        return new OAuthError(401, INVALID_CLIENT, "Client authentication failed");
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public boolean isRecordedByKeycloak() {
        return recordedByKeycloak;
    }
}
