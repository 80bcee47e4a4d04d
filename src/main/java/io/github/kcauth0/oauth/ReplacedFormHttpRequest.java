package io.github.kcauth0.oauth;

import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.core.AbstractMultivaluedMap;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;

/**
 * The current HTTP request, its body replaced by the Keycloak form an Auth0 request maps to (Auth0's SDKs send
 * some requests as JSON). Set as the session's request before a Keycloak endpoint runs, so that the endpoint
 * and its client authenticators read the mapped form.
 */
public final class ReplacedFormHttpRequest implements HttpRequest {

    private final HttpRequest original;
    private final MultivaluedMap<String, String> form;
    private final HttpHeaders headers;

    public ReplacedFormHttpRequest(HttpRequest original, MultivaluedMap<String, String> form) {
        this(original, form, null);
    }

    /** @param authorization the {@code Authorization} header Keycloak reads instead of the request's, if not null */
    ReplacedFormHttpRequest(HttpRequest original, MultivaluedMap<String, String> form, String authorization) {
        this.original = original;
        this.form = form;
        this.headers = new FormHeaders(original.getHttpHeaders(), authorization);
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return form;
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return headers;
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

    /** The original headers, with the Content-Type of the form. */
    private static final class FormHeaders implements HttpHeaders {

        private final HttpHeaders original;
        private final MultivaluedMap<String, String> requestHeaders;

        FormHeaders(HttpHeaders original, String authorization) {
            this.original = original;
            this.requestHeaders = new AbstractMultivaluedMap<>(new TreeMap<>(String.CASE_INSENSITIVE_ORDER)) { };
            original.getRequestHeaders().forEach((name, values) -> requestHeaders.addAll(name, values));
            this.requestHeaders.putSingle(CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED);
            if (authorization != null) {
                this.requestHeaders.putSingle(AUTHORIZATION, authorization);
            }
        }

        @Override
        public List<String> getRequestHeader(String name) {
            return requestHeaders.get(name);
        }

        @Override
        public String getHeaderString(String name) {
            List<String> values = requestHeaders.get(name);
            return values == null ? null : String.join(",", values);
        }

        @Override
        public MultivaluedMap<String, String> getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public MediaType getMediaType() {
            return MediaType.APPLICATION_FORM_URLENCODED_TYPE;
        }

        @Override
        public List<MediaType> getAcceptableMediaTypes() {
            return original.getAcceptableMediaTypes();
        }

        @Override
        public List<Locale> getAcceptableLanguages() {
            return original.getAcceptableLanguages();
        }

        @Override
        public Locale getLanguage() {
            return original.getLanguage();
        }

        @Override
        public Map<String, Cookie> getCookies() {
            return original.getCookies();
        }

        @Override
        public Date getDate() {
            return original.getDate();
        }

        @Override
        public int getLength() {
            return -1;
        }
    }
}
