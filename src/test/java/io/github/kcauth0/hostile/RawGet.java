package io.github.kcauth0.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A GET whose query goes over the wire as its bytes are, with the headers given: what a browser sends for a link
 * someone else wrote (bytes a browser would not send raw are percent-encoded, malformed escapes are kept).
 * Java's HTTP client refuses such URLs, so this speaks HTTP/1.1 over a socket.
 */
record RawGet(String query, Map<String, String> headers) {

    /** The bytes a browser sends as they are; every other byte percent-encoded, so that only escapes can be malformed. */
    static String asBrowserSendsIt(byte[] query) {
        StringBuilder sent = new StringBuilder();
        for (byte b : query) {
            int c = b & 0xFF;
            boolean sendable = c > 0x20 && c < 0x7F && c != '#' && c != '"' && c != '<' && c != '>' && c != '\\'
                    && c != '^' && c != '`' && c != '{' && c != '|' && c != '}';
            sent.append(sendable ? String.valueOf((char) c) : String.format(Locale.ROOT, "%%%02X", c));
        }
        return sent.toString();
    }

    Response sendTo(String url) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath());
            if (query != null) {
                request.append('?').append(query);
            }
            request.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort())
                    .append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Response.parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        String shown = query == null ? "" : query.length() > 300 ? query.substring(0, 300) + "…" : query;
        return "?" + shown + " " + headers;
    }

    /** Status, headers (names in lower case) and body of an HTTP/1.1 answer, read until the server closes. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        static Response parse(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String head = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunked(body);
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunked(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOf(chunked, crlf, at);
                if (lineEnd < 0) {
                    break;
                }
                String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
                at = lineEnd + 2 + size + 2;
            }
            return body.toByteArray();
        }

        private static int indexOf(byte[] bytes, byte[] part, int from) {
            outer:
            for (int i = from; i <= bytes.length - part.length; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (bytes[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
