package io.github.kcauth0.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LogTextTest {

    @Test
    void escapesLineBreaksAndControlCharactersOnOneLine() {
        assertEquals("a\\r\\nINFO forged\\tx\\u0000\\u001b[31m\\u0085\\u2028", LogText.escaped("a\r\nINFO forged\tx\u0000\u001b[31m\u0085\u2028"));
    }

    @Test
    void escapesABackslashSoThatAnEscapeCannotBeForged() {
        assertEquals("a\\\\nb", LogText.escaped("a\\nb"));
    }

    @Test
    void keepsOrdinaryTextAndNull() {
        assertEquals("confidential-app été", LogText.escaped("confidential-app été"));
        assertNull(LogText.escaped(null));
    }
}
