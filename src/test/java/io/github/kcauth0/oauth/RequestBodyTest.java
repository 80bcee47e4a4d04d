package io.github.kcauth0.oauth;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestBodyTest {

    @Test
    void decodesPercentEncodingPlusAndUtf8() {
        MultivaluedMap<String, String> form = parse("scope=openid+profile%20email&state=%C3%A9t%C3%A9&redirect_uri=https%3A%2F%2Fa.example%2Fcb");

        assertEquals("openid profile email", form.getFirst("scope"));
        assertEquals("été", form.getFirst("state"));
        assertEquals("https://a.example/cb", form.getFirst("redirect_uri"));
    }

    @Test
    void keepsRawTextAsCurlDataSendsIt() {
        assertEquals("openid profile email", parse("scope=openid profile email").getFirst("scope"));
    }

    @Test
    void keepsEveryOccurrenceOfARepeatedName() {
        assertEquals(List.of("a", "b"), parse("state=a&state=b").get("state"));
    }

    @Test
    void readsANameWithoutValueAsEmptyAndSkipsEmptyPairs() {
        MultivaluedMap<String, String> form = parse("&nonce&&state=x&");

        assertEquals(List.of(""), form.get("nonce"));
        assertEquals(2, form.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"state=%ZZ", "state=%4", "state=%", "%G1=x"})
    void rejectsMalformedPercentEncoding(String body) {
        OAuthError error = assertThrows(OAuthError.class, () -> parse(body));

        assertEquals(400, error.status());
        assertEquals("Malformed percent-encoding in the form", error.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"state=%C3%28", "state=%FF", "state=%ED%A0%80"})
    void rejectsBytesThatAreNotUtf8(String body) {
        assertEquals("The form is not valid UTF-8", assertThrows(OAuthError.class, () -> parse(body)).description());
    }

    /** The JSON body's members are checked alike (HostileInputIT: its Content-Type is read by the JAX-RS runtime). */
    @ParameterizedTest
    @ValueSource(strings = {"%00", "%09", "%0A", "%0D", "%1F", "a%0D%0Ab"})
    void rejectsAControlCharacterInAValueNamingTheParameterButNotTheValue(String value) {
        byte[] form = ("state=ok&client_id=" + value).getBytes(StandardCharsets.US_ASCII);

        OAuthError error = assertThrows(OAuthError.class, () -> RequestBody.form(form));

        assertEquals(400, error.status());
        assertEquals("Control character in parameter: client_id", error.description());
    }

    @Test
    void keepsAValueWithSpacesAndUnicode() {
        assertEquals("a b\u00A0c\u2028", RequestBody.form("state=a+b%C2%A0c%E2%80%A8".getBytes(StandardCharsets.US_ASCII)).getFirst("state"));
    }

    /** Keycloak's own form reading, before the endpoint, fails with a 500 on these; no media type is read here. */
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded; charset=", "application/x-www-form-urlencoded;charset=",
            "application/x-www-form-urlencoded; a=b charset=", "application/x-www-form-urlencoded; a=b\tcharset="})
    void rejectsAFormTypeEndingInAnEmptyCharsetAsNotUtf8(String contentType) {
        assertEquals("The form must be encoded in UTF-8",
                assertThrows(OAuthError.class, () -> RequestBody.requireForm(contentType)).description());
        assertEquals("The form must be encoded in UTF-8",
                assertThrows(OAuthError.class, () -> RequestBody.requireFormOrJson(contentType)).description());
    }

    @Test
    void rejectsAMissingContentTypeBeforeTheBodyIsRead() {
        assertEquals("Content-Type must be application/x-www-form-urlencoded",
                assertThrows(OAuthError.class, () -> RequestBody.requireForm(null)).description());
    }

    private static MultivaluedMap<String, String> parse(String body) {
        return RequestBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }
}
