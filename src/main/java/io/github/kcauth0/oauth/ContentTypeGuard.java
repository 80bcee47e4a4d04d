package io.github.kcauth0.oauth;

import java.util.Map;
import java.util.function.Consumer;

import io.github.kcauth0.ops.EndpointCall;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;

/**
 * Answers a request whose Content-Type the endpoint rejects before Keycloak handles the request's body and headers.
 * Keycloak reads the body of every POST, PUT and PATCH as a form or multipart before the endpoint method runs,
 * and its security-headers filter parses the request's Content-Type after it; both end in a 500 on some
 * Content-Types a client may send: {@code multipart/form-data} ("Connection terminated parsing multipart
 * request"), a form type ending in {@code charset=}, or a value that is no media type at all. The endpoints are
 * reached through sub-resource locators, which run before both, and call this there.
 */
public final class ContentTypeGuard {

    /** The security headers Keycloak gives JSON answers. */
    private static final BrowserSecurityHeaders[] REST_HEADERS = {BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY,
            BrowserSecurityHeaders.X_FRAME_OPTIONS, BrowserSecurityHeaders.X_CONTENT_TYPE_OPTIONS,
            BrowserSecurityHeaders.REFERRER_POLICY, BrowserSecurityHeaders.X_ROBOTS_TAG};

    private ContentTypeGuard() {
    }

    /**
     * @param endpoint        the endpoint's name in metrics and logs
     * @param contentTypeRule the endpoint's own check of its Content-Type, throwing {@link OAuthError}
     * @param eventType       the event the endpoint records
     * @throws WebApplicationException with the answer: the endpoint's error to a POST, 405 to another method
     */
    public static void check(KeycloakSession session, String endpoint, Consumer<String> contentTypeRule, EventType eventType) {
        KeycloakContext context = session.getContext();
        String contentType = context.getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_TYPE);
        boolean post = HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod());
        if (!post && contentType == null) {
            return;
        }
        try {
            contentTypeRule.accept(contentType);
        } catch (OAuthError rejected) {
            Response answer = post
                    ? new EndpointCall(endpoint, context).rejected(rejected,
                            new EventBuilder(context.getRealm(), session, context.getConnection()).event(eventType), false)
                    : PostOnlyResource.methodNotAllowed();
            throw new WebApplicationException(isMediaType(contentType) ? answer : withOwnSecurityHeaders(session, answer));
        }
    }

    /**
     * Keycloak's security-headers filter fails on a Content-Type that is no media type; it is told to skip this
     * answer, which gets the headers Keycloak gives JSON answers, with the realm's values, from here.
     */
    private static Response withOwnSecurityHeaders(KeycloakSession session, Response answer) {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        Map<String, String> realmValues = session.getContext().getRealm().getBrowserSecurityHeaders();
        Response.ResponseBuilder withHeaders = Response.fromResponse(answer);
        for (BrowserSecurityHeaders header : REST_HEADERS) {
            String value = realmValues.getOrDefault(header.getKey(), header.getDefaultValue());
            if (value != null && !value.isEmpty()) {
                withHeaders.header(header.getHeaderName(), value);
            }
        }
        return withHeaders.build();
    }

    private static boolean isMediaType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
