package io.github.kcauth0.oauth;

import java.security.cert.X509Certificate;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;

/**
 * The current HTTP request with its form replaced by the Keycloak parameters an Auth0 request maps to. Set as
 * the session's request before a Keycloak endpoint runs, so that it and its client authenticators read them.
 */
public final class ReplacedFormHttpRequest implements HttpRequest {

    private final HttpRequest original;
    private final MultivaluedMap<String, String> form;

    public ReplacedFormHttpRequest(HttpRequest original, MultivaluedMap<String, String> form) {
        this.original = original;
        this.form = form;
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return form;
    }

    @Override
    public String getHttpMethod() {
        return original.getHttpMethod();
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return original.getMultiPartFormParameters();
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return original.getHttpHeaders();
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return original.getClientCertificateChain();
    }

    @Override
    public UriInfo getUri() {
        return original.getUri();
    }

    @Override
    public boolean isProxyTrusted() {
        return original.isProxyTrusted();
    }
}
