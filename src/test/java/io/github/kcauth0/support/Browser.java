package io.github.kcauth0.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's browser: keeps Keycloak's cookies (also the {@code Secure} ones, as browsers do on localhost),
 * follows Keycloak's own redirects and fills in the real login form.
 */
public final class Browser {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");

    /** Keycloak's HTTP and HTTPS base URLs. */
    private final List<String> keycloakBaseUrls;
    private final String language;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Browser(KeycloakServer server) {
        this(server, "en");
    }

    /** A browser set to another language, as its Accept-Language header tells. */
    public Browser(KeycloakServer server, String language) {
        this.keycloakBaseUrls = List.of(server.baseUrl(), server.httpsBaseUrl());
        this.language = language;
    }

    /** Opens a URL and follows redirects while they stay on Keycloak; the last answer is returned. */
    public HttpResponse<String> open(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        return followWithinKeycloak(response);
    }

    /**
     * Opens an authorization URL, logs in on Keycloak's login form and returns where Keycloak sends the
     * browser back to the application (the redirect URI with {@code code} and {@code state}).
     */
    public URI login(String authorizationUrl, String username, String password) {
        HttpResponse<String> page = open(authorizationUrl);
        if (page.statusCode() != 200) {
            throw new AssertionError("Expected the login page, got " + page.statusCode() + ": " + page.body());
        }
        HttpResponse<String> afterLogin = submitLoginForm(page, username, password);
        return URI.create(afterLogin.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No redirect after login: " + afterLogin.statusCode() + " " + afterLogin.body())));
    }

    /**
     * Fills in the login form. With organizations enabled, Keycloak asks for the username first and for the
     * password on a second page; the form is then filled in again.
     */
    public HttpResponse<String> submitLoginForm(HttpResponse<String> loginPage, String username, String password) {
        HttpResponse<String> response = loginPage;
        for (int page = 0; page < 2 && isLoginPage(response); page++) {
            String form = Http.encode(Http.form("username", username, "password", password, "credentialId", ""));
            response = followWithinKeycloak(send(HttpRequest.newBuilder(URI.create(loginFormAction(response.body())))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))));
        }
        return response;
    }

    /** Fills in the form with that id on the page, as a user would, and submits it. */
    public HttpResponse<String> submitForm(HttpResponse<String> page, String formId, Map<String, String> fields) {
        Matcher form = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form " + formId + " on the page:\n" + page.body());
        }
        return followWithinKeycloak(send(HttpRequest.newBuilder(URI.create(action(form.group())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.encode(fields)))));
    }

    /** Submits the page's form whose action leads to this path (a form without an id), with these fields. */
    public HttpResponse<String> submitFormTo(HttpResponse<String> page, String actionPath, Map<String, String> fields) {
        Matcher form = Pattern.compile("<form[^>]*action=\"[^\"]*" + Pattern.quote(actionPath) + "[^>]*>").matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form to " + actionPath + " on the page:\n" + page.body());
        }
        return followWithinKeycloak(send(HttpRequest.newBuilder(page.uri().resolve(action(form.group())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.encode(fields)))));
    }

    public static boolean isLoginPage(HttpResponse<String> page) {
        return LOGIN_FORM.matcher(page.body()).find();
    }

    public static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String loginFormAction(String html) {
        Matcher form = LOGIN_FORM.matcher(html);
        if (!form.find()) {
            throw new AssertionError("No login form on the page:\n" + html);
        }
        return action(form.group());
    }

    private static String action(String formTag) {
        Matcher action = ACTION.matcher(formTag);
        if (!action.find()) {
            throw new AssertionError("Form without action: " + formTag);
        }
        return action.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> followWithinKeycloak(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && isRedirect(response); hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            if (keycloakBaseUrls.stream().noneMatch(next.toString()::startsWith)) {
                return response;
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() == 302 || response.statusCode() == 303;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
        HttpResponse<String> response = Http.send(request.header("Accept-Language", language)
                .timeout(Duration.ofSeconds(30)).build());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            remember(setCookie);
        }
        return response;
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
