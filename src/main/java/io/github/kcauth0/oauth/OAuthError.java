package io.github.kcauth0.oauth;

/**
 * An OAuth 2.0 error answer (RFC 6749 §5.2): HTTP status, error code and a description that is safe to show
 * the client. It is thrown to end a request and written to HTTP in one place, {@link OAuthErrorResponses}.
 * A description may quote what the request sent ("Service not found: X"), which a JSON answer and an event may
 * carry but a page may not: a page shows {@link #descriptionWithoutRequestValues()}.
 */
public final class OAuthError extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String INVALID_REQUEST_OBJECT = "invalid_request_object";
    /** RFC 9396 §5: authorization_details that are malformed or of a type the API does not register. */
    public static final String INVALID_AUTHORIZATION_DETAILS = "invalid_authorization_details";
    /** Auth0's code for a rate-limited request (429). */
    public static final String TOO_MANY_REQUESTS = "too_many_requests";

    private final int status;
    private final String error;
    private final String description;
    private final String descriptionWithoutRequestValues;
    private final boolean recordedByKeycloak;

    /** An error whose description quotes nothing the request sent. */
    public OAuthError(int status, String error, String description) {
        this(status, error, description, description, false);
    }

    private OAuthError(int status, String error, String description, String descriptionWithoutRequestValues,
                       boolean recordedByKeycloak) {
        super(error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.descriptionWithoutRequestValues = descriptionWithoutRequestValues;
        this.recordedByKeycloak = recordedByKeycloak;
    }

    /** An error Keycloak already recorded as an event, answered here in Auth0's form. */
    public static OAuthError recordedByKeycloak(int status, String error, String description) {
        return new OAuthError(status, error, description, description, true);
    }

    /** An invalid request whose description quotes nothing the request sent. */
    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, INVALID_REQUEST, description);
    }

    /**
     * An invalid request whose description quotes a value the request sent, and the same description without it
     * for a page ("Service not found: X" and "Service not found").
     */
    public static OAuthError invalidRequest(String description, String descriptionWithoutRequestValues) {
        return new OAuthError(400, INVALID_REQUEST, description, descriptionWithoutRequestValues, false);
    }

    /** Rejected {@code authorization_details} (RFC 9396 §5), described as {@link #invalidRequest(String, String)}. */
    public static OAuthError invalidAuthorizationDetails(String description, String descriptionWithoutRequestValues) {
        return new OAuthError(400, INVALID_AUTHORIZATION_DETAILS, description, descriptionWithoutRequestValues, false);
    }

    /** This error, for a rejection whose event Keycloak recorded already. */
    public OAuthError asRecordedByKeycloak() {
        return new OAuthError(status, error, description, descriptionWithoutRequestValues, true);
    }

    public static OAuthError missingParameter(String name) {
        return invalidRequest("Missing parameter: " + name);
    }

    /**
     * The name is the request's: a page names only the parameters OAuth and Auth0 define (lower case and '_'),
     * never an {@code ext-*} or other name the request made up.
     */
    public static OAuthError repeatedParameter(String name) {
        return namingParameter("Repeated parameter", name);
    }

    /** A value with a control character: named as {@link #repeatedParameter}, the value never quoted. */
    public static OAuthError controlCharacter(String name) {
        return namingParameter("Control character in parameter", name);
    }

    private static OAuthError namingParameter(String description, String name) {
        String named = description + ": " + name;
        return invalidRequest(named, name.matches("[a-z_]+") ? named : description);
    }

    public static OAuthError invalidParameter(String name) {
        return invalidRequest("Invalid parameter: " + name);
    }

    /** A request object (JAR, RFC 9101) this server does not take; the reason quotes nothing the request sent. */
    public static OAuthError invalidRequestObject(String why) {
        return new OAuthError(400, INVALID_REQUEST_OBJECT, "Invalid request object: " + why);
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

    /** The description with every value the request sent left out: what a page may show. */
    public String descriptionWithoutRequestValues() {
        return descriptionWithoutRequestValues;
    }

    public boolean isRecordedByKeycloak() {
        return recordedByKeycloak;
    }
}
