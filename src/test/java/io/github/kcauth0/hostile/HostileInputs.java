package io.github.kcauth0.hostile;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.RequestMarkup;
import io.github.kcauth0.support.TestRealms;

import static io.github.kcauth0.hostile.Gen.weighted;
import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;

/**
 * Generators of hostile requests: a valid request of the par-it realm with parameters missing, repeated, replaced by
 * random or oversized values, added under random names, or put on the wire with malformed percent-encoding or
 * bytes that are no UTF-8; bodies around and above the 10 KB limit; JSON, multipart and random bodies; and every
 * kind of Content-Type, from the right one to garbage.
 */
final class HostileInputs {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String BOUNDARY = "xyz";

    /** The parameters /oauth/par knows (Auth0's), and one ext-* parameter the realm maps into tokens. */
    static final List<String> PAR_NAMES = List.of("client_id", "client_secret", "client_assertion",
            "client_assertion_type", "response_type", "response_mode", "redirect_uri", "scope", "state", "nonce",
            "code_challenge", "code_challenge_method", "prompt", "max_age", "login_hint", "ui_locales", "acr_values",
            "claims", "display", "id_token_hint", "dpop_jkt", "request", "request_uri", "authorization_details",
            "audience", "resource", "organization", "connection", "screen_hint", "invitation", "ext-tenant");

    /** The parameters /oauth/token reads for its two grants and client authentication. */
    static final List<String> TOKEN_NAMES = List.of("grant_type", "code", "redirect_uri", "code_verifier",
            "refresh_token", "client_id", "client_secret", "client_assertion", "client_assertion_type", "scope",
            "audience", "username", "password");

    /** Values that reach deeper checks than random text does. */
    private static final List<String> MEANINGFUL_VALUES = List.of("code", "token", "code id_token", "S256", "plain",
            "openid", "openid profile email", "openid admin:everything", CALLBACK, "https://evil.example.com/cb",
            CODE_CHALLENGE, CODE_VERIFIER, "short", "confidential-app", "confidential-secret", "other-app",
            "no-such-client", "public-app", "jwt-app", "no-browser-app", TestRealms.API, TestRealms.OTHER_API,
            "https://unknown.example.com", TestRealms.ORGANIZATION_ALIAS, TestRealms.ORGANIZATION_NAME, "corp",
            "signup", "login", "none", "consent", "create", "-1", "0", "abc", "99999999999999999999",
            "[{\"type\":\"openid_credential\"}]", "[{\"type\":\"x\"}]", "[]", "{}", "[1]", "a.b.c", "a.b.c.d.e",
            "eyJhbGciOiJub25lIn0.e30.", "eyJhbGciOiJSUzI1NiJ9.eyJjbGllbnRfaWQiOiJjb25maWRlbnRpYWwtYXBwIn0.c2ln",
            "urn:ietf:params:oauth:request_uri:x", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "query", "fragment", "form_post", "jwt", "{\"id_token\":{\"acr\":null}}", "{\"userinfo\":5}", "en", "de",
            "xx-YY", "page", "popup", "authorization_code", "refresh_token", "client_credentials", "password",
            "urn:ietf:params:oauth:grant-type:token-exchange", "x.y.z",
            "00000000-0000-0000-0000-000000000000.11111111-1111-1111-1111-111111111111.22222222-2222-2222-2222-222222222222",
            "eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln");

    /** Percent-encoding that decodes to nothing: a '%' without two hex digits. */
    private static final List<String> MALFORMED_PERCENT = List.of("%", "%Z", "%4", "%ZZ", "%%", "%G0", "%4g", "%-1");

    /** Byte sequences that are no UTF-8: a stray continuation, Latin-1, an overlong '/', a surrogate, 0xFF. */
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE9},
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    /** The alphabets of random names and values: any char of Unicode's first plane, ASCII, letters. */
    private static final Gen<Character> ANY_CHAR = Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE);
    private static final Gen<Character> ASCII = Gen.chars('\u0000', '\u007F');
    private static final Gen<Character> ALPHA = Gen.oneOf(Gen.chars('a', 'z'), Gen.chars('A', 'Z'));

    /**
     * The ASCII that Java's HTTP client sends in a header value: it refuses control characters other than tab. Drawn
     * from directly rather than filtering random ASCII, which would leave almost only short strings.
     */
    private static final Gen<Character> SENDABLE_ASCII = Gen.frequency(
            weighted(1, Gen.just('\t')), weighted('~' - ' ' + 1, Gen.chars(' ', '~')));

    private HostileInputs() {
    }

    /** The valid token request's shape, with a code that was never issued. */
    static Map<String, String> tokenRequest() {
        return Http.form("grant_type", "authorization_code", "client_id", "confidential-app",
                "client_secret", "confidential-secret", "code", "x.y.z", "redirect_uri", CALLBACK,
                "code_verifier", CODE_VERIFIER);
    }

    // ---- forms

    /** A parameter as it goes on the wire: its name and value already encoded. */
    private record Encoded(byte[] name, byte[] value) {
    }

    private enum Encoding { PERCENT, RAW, MALFORMED_PERCENT, NOT_UTF8_RAW, NOT_UTF8_PERCENT }

    /** A valid request changed by up to six mutations, some of its parameters mis-encoded, maybe padded. */
    static Gen<byte[]> mutatedForms(Map<String, String> valid, List<String> knownNames) {
        Gen<List<UnaryOperator<List<Encoded>>>> mutations = mutation(knownNames).list(6);
        Gen<byte[]> bodies = mutations.map(changes -> {
            List<Encoded> parameters = new ArrayList<>();
            valid.forEach((name, value) -> parameters.add(percentEncoded(name, value)));
            changes.forEach(change -> change.apply(parameters));
            return join(parameters);
        });
        return Gen.combine(bodies, paddingTargets(), HostileInputs::paddedTo);
    }

    private static Gen<UnaryOperator<List<Encoded>>> mutation(List<String> knownNames) {
        Gen<String> known = Gen.of(knownNames);
        return Gen.frequency(
                weighted(3, known.map(HostileInputs::removing)),
                weighted(3, known.map(HostileInputs::repeating)),
                weighted(4, Gen.combine(known, parameters(), HostileInputs::replacing)),
                weighted(4, parameters(names(knownNames)).map(HostileInputs::adding)),
                weighted(2, junk().map(HostileInputs::addingRaw)));
    }

    private static UnaryOperator<List<Encoded>> removing(String name) {
        return parameters -> {
            parameters.removeIf(p -> named(p, name));
            return parameters;
        };
    }

    private static UnaryOperator<List<Encoded>> repeating(String name) {
        return parameters -> {
            parameters.stream().filter(p -> named(p, name)).findFirst().ifPresent(parameters::add);
            return parameters;
        };
    }

    private static UnaryOperator<List<Encoded>> replacing(String name, Encoded replacement) {
        return parameters -> {
            parameters.removeIf(p -> named(p, name));
            parameters.add(new Encoded(percentEncode(name), replacement.value()));
            return parameters;
        };
    }

    private static UnaryOperator<List<Encoded>> adding(Encoded parameter) {
        return parameters -> {
            parameters.add(parameter);
            return parameters;
        };
    }

    /** Bytes put between two '&', which may hold '&', '=' or nothing at all. */
    private static UnaryOperator<List<Encoded>> addingRaw(byte[] junk) {
        return parameters -> {
            parameters.add(new Encoded(junk, null));
            return parameters;
        };
    }

    private static boolean named(Encoded parameter, String name) {
        return parameter.value() != null && new String(parameter.name(), StandardCharsets.ISO_8859_1).equals(name);
    }

    /** A value under a random name. */
    private static Gen<Encoded> parameters(Gen<String> names) {
        return Gen.combine(names, values(), encodings(), HostileInputs::encoded);
    }

    /** A value for a known name (the name is encoded by the caller). */
    private static Gen<Encoded> parameters() {
        return parameters(Gen.just("value"));
    }

    private static Gen<String> names(List<String> knownNames) {
        return Gen.frequency(
                weighted(6, Gen.of(knownNames)),
                weighted(2, Gen.strings(ALPHA, 1, 3).map("ext-"::concat)),
                weighted(2, Gen.strings(ANY_CHAR, 0, 12)));
    }

    private static Gen<String> values() {
        return Gen.frequency(
                weighted(3, Gen.strings(ANY_CHAR, 0, 40)),
                weighted(3, Gen.strings(ASCII, 0, 40)),
                weighted(1, Gen.just("")),
                weighted(1, Gen.integers(1_000, 12_000).map("v"::repeat)),
                weighted(4, Gen.of(MEANINGFUL_VALUES)));
    }

    private static Gen<Encoding> encodings() {
        return Gen.frequency(
                weighted(12, Gen.just(Encoding.PERCENT)),
                weighted(2, Gen.just(Encoding.RAW)),
                weighted(1, Gen.just(Encoding.MALFORMED_PERCENT)),
                weighted(1, Gen.just(Encoding.NOT_UTF8_RAW)),
                weighted(1, Gen.just(Encoding.NOT_UTF8_PERCENT)));
    }

    private static Encoded encoded(String name, String value, Encoding encoding) {
        byte[] encodedName = percentEncode(name);
        return switch (encoding) {
            case PERCENT -> new Encoded(encodedName, percentEncode(value));
            case RAW -> new Encoded(name.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
            case MALFORMED_PERCENT -> new Encoded(encodedName, concat(percentEncode(value),
                    MALFORMED_PERCENT.get(Math.floorMod(value.hashCode(), MALFORMED_PERCENT.size()))
                            .getBytes(StandardCharsets.US_ASCII)));
            case NOT_UTF8_RAW -> new Encoded(encodedName, concat(percentEncode(value), notUtf8(value)));
            case NOT_UTF8_PERCENT -> new Encoded(encodedName, concat(percentEncode(value), percentEncode(notUtf8(value))));
        };
    }

    private static byte[] notUtf8(String seed) {
        return NOT_UTF8.get(Math.floorMod(seed.hashCode(), NOT_UTF8.size()));
    }

    /** Raw junk: malformed escapes, bytes that are no UTF-8, separators, random bytes. */
    private static Gen<byte[]> junk() {
        return Gen.frequency(
                weighted(2, Gen.of(MALFORMED_PERCENT).map(s -> s.getBytes(StandardCharsets.US_ASCII))),
                weighted(2, Gen.of(NOT_UTF8)),
                weighted(1, Gen.of("=", "==", "&", "=&=", "+", "%00", "a=%00b", "=value")
                        .map(s -> s.getBytes(StandardCharsets.US_ASCII))),
                weighted(2, Gen.bytes(40)));
    }

    /** Pad the body to a size around or above Auth0's 10 KB limit, or leave it as it is. */
    private static Gen<Integer> paddingTargets() {
        return Gen.frequency(
                weighted(16, Gen.just(0)),
                weighted(2, Gen.of(10_239, 10_240, 10_241)),
                weighted(1, Gen.integers(9_000, 12_000)),
                weighted(1, Gen.of(100_000, 1_000_000)));
    }

    private static byte[] paddedTo(byte[] body, int target) {
        byte[] separator = (body.length == 0 ? "ext-pad=" : "&ext-pad=").getBytes(StandardCharsets.US_ASCII);
        int padding = target - body.length - separator.length;
        if (padding <= 0) {
            return body;
        }
        return concat(concat(body, separator), "p".repeat(padding).getBytes(StandardCharsets.US_ASCII));
    }

    private static Encoded percentEncoded(String name, String value) {
        return new Encoded(percentEncode(name), percentEncode(value));
    }

    private static byte[] percentEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] percentEncode(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append(String.format("%%%02X", b & 0xFF));
        }
        return encoded.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] join(List<Encoded> parameters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                body.write('&');
            }
            Encoded parameter = parameters.get(i);
            body.writeBytes(parameter.name());
            if (parameter.value() != null) {
                body.write('=');
                body.writeBytes(parameter.value());
            }
        }
        return body.toByteArray();
    }

    // ---- other bodies and content types

    /**
     * Any Content-Type with any kind of body (form, JSON, multipart, random bytes or nothing), half of them with the
     * body its Content-Type announces, so that JSON and multipart bodies also reach their parsers.
     */
    static Gen<RawRequest> anyRequests(Map<String, String> valid, List<String> knownNames) {
        Gen<byte[]> bodies = Gen.frequency(
                weighted(4, mutatedForms(valid, knownNames)),
                weighted(3, jsonBodies(valid)),
                weighted(2, multipartBodies(valid)),
                weighted(1, Gen.bytes(300)),
                weighted(1, Gen.just(new byte[0])));
        Gen<RawRequest> announced = Gen.oneOf(
                mutatedForms(valid, knownNames).map(body -> new RawRequest(FORM, body)),
                jsonBodies(valid).map(body -> new RawRequest("application/json", body)),
                multipartBodies(valid).map(body -> new RawRequest("multipart/form-data; boundary=" + BOUNDARY, body)));
        return Gen.oneOf(announced, Gen.combine(contentTypes(), bodies, RawRequest::new));
    }

    static Gen<String> contentTypes() {
        return Gen.frequency(
                weighted(4, Gen.of(FORM, FORM + "; charset=UTF-8", FORM + ";charset=utf-8",
                        FORM + "; charset=\"UTF-8\"", "APPLICATION/X-WWW-FORM-URLENCODED", FORM + ";", FORM + "; a=b",
                        FORM + "; boundary=" + BOUNDARY)),
                weighted(3, Gen.of(FORM + "; charset=ISO-8859-1", FORM + "; charset=utf-16", FORM + "; charset=bogus",
                        FORM + "; charset=", FORM + ";charset=", FORM + "; charset", FORM + "; a=b charset=",
                        FORM + "; charset=utf-8; charset=", FORM + "; charset=\"\"", FORM + "x", FORM + "/x")),
                weighted(3, Gen.of("application/json", "application/json; charset=utf-8",
                        "application/json; charset=utf-16", "application/json; charset=", "application/jose",
                        "application/*", "*/*", "*/json", "application/problem+json")),
                weighted(3, Gen.of("multipart/form-data", "multipart/form-data; boundary=" + BOUNDARY,
                        "multipart/form-data; boundary=", "multipart/form-data; boundary=other",
                        "multipart/form-data; charset=; boundary=" + BOUNDARY, "multipart/mixed; boundary=" + BOUNDARY,
                        "Multipart/Form-Data; boundary=" + BOUNDARY)),
                weighted(1, Gen.of("text/plain", "text/plain; charset=utf-8", "application/xml",
                        "application/octet-stream", "text/html", "")),
                weighted(3, garbageContentTypes()))
                .orNull(0.08);
    }

    /** Header text an HTTP client can send that is no media type, or only almost one. */
    private static Gen<String> garbageContentTypes() {
        Gen<String> garbage = Gen.strings(Gen.charsOf("abcjsonformxw/;=\",. *+-_%0123456789\t"), 0, 30);
        return Gen.oneOf(garbage, garbage.map(FORM::concat), garbage.map("multipart/form-data"::concat),
                garbage.map("application/json"::concat), Gen.strings(SENDABLE_ASCII, 0, 30));
    }

    /** JSON objects of the request's parameters with changed values, and bodies that are no JSON object. */
    static Gen<byte[]> jsonBodies(Map<String, String> valid) {
        Gen<String> objects = jsonValues().list(valid.size(), valid.size()).map(values -> {
            List<String> members = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, String> parameter : valid.entrySet()) {
                String value = values.get(i++);
                members.add(TextNode.valueOf(parameter.getKey())
                        + ":" + (value.equals("KEEP") ? TextNode.valueOf(parameter.getValue()).toString() : value));
            }
            return "{" + String.join(",", members) + "}";
        });
        Gen<String> notObjects = Gen.of("[]", "1", "\"x\"", "null", "true", "{", "{\"a\":", "{\"a\":1,}",
                "{'a':1}", "{\"a\":1}{", "", " ", "\uFEFF{}");
        Gen<String> deep = Gen.integers(10, 3_000)
                .map(depth -> "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        return Gen.frequency(
                weighted(5, objects.map(HostileInputs::utf8)),
                weighted(2, notObjects.map(HostileInputs::utf8)),
                weighted(1, deep.map(HostileInputs::utf8)),
                weighted(1, Gen.of(NOT_UTF8).map(bytes -> concat(concat(utf8("{\"client_id\":\""), bytes), utf8("\"}")))));
    }

    /** A member's value as JSON text, or KEEP for the valid request's value. */
    private static Gen<String> jsonValues() {
        return Gen.frequency(
                weighted(8, Gen.just("KEEP")),
                weighted(2, values().map(value -> TextNode.valueOf(value).toString())),
                weighted(2, Gen.of("1", "-0", "1.5e300", "1e999999", "123456789012345678901234567890", "true",
                        "false", "null", "[]", "{}", "[\"a\",\"b\"]", "{\"x\":1}")));
    }

    /** A multipart/form-data body of the request's parameters, complete or cut short. */
    static Gen<byte[]> multipartBodies(Map<String, String> valid) {
        String complete = multipartBody(valid);
        String withFile = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n" + complete;
        return Gen.oneOf(Gen.of(complete, withFile).map(HostileInputs::utf8),
                Gen.integers(0, complete.length()).map(cut -> utf8(complete.substring(0, cut))));
    }

    static String multipartBody(Map<String, String> parameters) {
        StringBuilder parts = new StringBuilder();
        parameters.forEach((name, value) -> parts.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        return parts + "--" + BOUNDARY + "--\r\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    // ---- markup at /authorize

    /** A query of /authorize as it goes on the wire, percent-encoded, a parameter maybe repeated. */
    record AuthorizeQuery(String encoded) {
        /** How a try shows its query in the test's name: decoded, cut at 400 characters. */
        @Override
        public String toString() {
            String shown = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            return shown.length() > 400 ? shown.substring(0, 400) + "…" : shown;
        }
    }

    /** A plain /authorize request of the par-it realm: it shows the login page. */
    static Map<String, String> authorizeRequest() {
        return Http.form("client_id", "confidential-app", "response_type", "code", "redirect_uri", CALLBACK,
                "scope", "openid", "state", "state-123", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");
    }

    /**
     * The valid /authorize request with one to three parameters carrying markup: any Auth0 parameter /authorize
     * reads (each can reach a page, the extension's or Keycloak's), a type inside authorization_details, the name
     * of a repeated ext-* parameter, or a made-up name.
     */
    static Gen<AuthorizeQuery> markupInAuthorizeQueries() {
        Gen<UnaryOperator<List<String[]>>> change = Gen.frequency(
                weighted(8, Gen.combine(Gen.of(PAR_NAMES), markup(), HostileInputs::settingTo)),
                weighted(1, markup().map(markup -> settingTo("authorization_details",
                        "[{\"type\":" + TextNode.valueOf(markup) + "}]"))),
                weighted(1, markup().map(markup -> (UnaryOperator<List<String[]>>) query -> {
                    query.add(new String[] {"ext-" + markup, "1"});
                    query.add(new String[] {"ext-" + markup, "2"});
                    return query;
                })),
                weighted(1, markup().map(markup -> (UnaryOperator<List<String[]>>) query -> {
                    query.add(new String[] {markup, markup});
                    return query;
                })));
        return change.list(1, 3).map(changes -> {
            List<String[]> query = new ArrayList<>();
            authorizeRequest().forEach((name, value) -> query.add(new String[] {name, value}));
            changes.forEach(each -> each.apply(query));
            List<String> pairs = query.stream().map(p -> Http.urlEncode(p[0]) + "=" + Http.urlEncode(p[1])).toList();
            return new AuthorizeQuery(String.join("&", pairs));
        });
    }

    private static UnaryOperator<List<String[]>> settingTo(String name, String value) {
        return query -> {
            query.removeIf(p -> p[0].equals(name));
            query.add(new String[] {name, value});
            return query;
        };
    }

    /**
     * Markup a page could make an element of (a link, an image, a script, an event handler, a frame, a form, a
     * refresh) as written or as HTML entities (named, numeric, encoded twice), maybe after text that closes an
     * attribute or a tag, or after a value that gets the request further.
     */
    static Gen<String> markup() {
        Gen<String> paths = Gen.strings(ALPHA, 1, 8).map(("https://" + RequestMarkup.EVIL_HOST + "/")::concat);
        String script = "alert('" + RequestMarkup.SCRIPT_MARKER + "')";
        Gen<String> elements = Gen.oneOf(
                paths.map(url -> "<a href=\"" + url + "\">" + RequestMarkup.LINK_TEXT + "</a>"),
                paths.map(url -> "<a href=" + url + ">" + RequestMarkup.LINK_TEXT),
                paths.map(url -> "<img src=\"" + url + "\" alt=\"" + RequestMarkup.LINK_TEXT + "\">"),
                paths.map(url -> "<img src=\"" + url + "\" onerror=\"" + script + "\">"),
                paths.map(url -> "<script src=\"" + url + "\"></script>"),
                Gen.just("<script>" + script + "</script>"),
                Gen.just("<svg onload=\"" + script + "\"></svg>"),
                Gen.just("<a href=\"javascript:" + script + "\">" + RequestMarkup.LINK_TEXT + "</a>"),
                paths.map(url -> "<iframe src=\"" + url + "\"></iframe>"),
                paths.map(url -> "<form action=\"" + url + "\"><input name=\"password\"></form>"),
                paths.map(url -> "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\">"));
        Gen<UnaryOperator<String>> encodings = Gen.of(
                text -> text,
                HostileInputs::namedEntities,
                text -> text.replace("<", "&#60;").replace(">", "&#x3E;").replace("\"", "&#34;"),
                text -> namedEntities(text).replace("&", "&amp;"));
        Gen<String> before = Gen.of("", "", "x\">", "'>", "</p></div>", TestRealms.API, "openid ", CALLBACK + "?next=",
                "urn:ietf:params:oauth:request_uri:", TestRealms.ORGANIZATION_ALIAS);
        return Gen.combine(before, elements, encodings, (prefix, element, encoding) -> prefix + encoding.apply(element));
    }

    private static String namedEntities(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The valid /oauth/par request of the par-it realm. */
    static Map<String, String> parRequest() {
        return Auth0Domain.validRequest();
    }
}
