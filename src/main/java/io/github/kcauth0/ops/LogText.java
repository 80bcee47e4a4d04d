package io.github.kcauth0.ops;

/** A request's value made safe for one log line: no request can end the line and write one of its own. */
public final class LogText {

    private LogText() {
    }

    /**
     * The value with every character a log reader may take for a line break or a terminal control (C0, DEL, C1,
     * U+2028, U+2029) escaped as in Java source ({@code \n}, {@code \r}, {@code \t}, else a backslash, {@code u}
     * and four hex digits), and the backslash itself doubled, so that no escape can be forged.
     */
    public static String escaped(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(value.length());
        value.chars().forEach(c -> line.append(escaped((char) c)));
        return line.toString();
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        };
    }
}
