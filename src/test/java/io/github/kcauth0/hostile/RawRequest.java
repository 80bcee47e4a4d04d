package io.github.kcauth0.hostile;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.kcauth0.support.Http;

/**
 * A POST as it goes over the wire: a Content-Type header (or none) and the body's raw bytes, so that bytes which
 * are no UTF-8 reach the server as they are.
 */
record RawRequest(String contentType, byte[] body) {

    HttpResponse<String> postTo(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return Http.send(request.build());
    }

    /** How a try shows its request in the test's name: the Content-Type and the body, bytes outside ASCII escaped. */
    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder();
        int limit = Math.min(body.length, 400);
        for (int i = 0; i < limit; i++) {
            int b = body[i] & 0xFF;
            shown.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return "Content-Type: " + contentType + ", " + body.length + " bytes: " + shown + (body.length > limit ? "…" : "");
    }
}
