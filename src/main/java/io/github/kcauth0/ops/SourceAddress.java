package io.github.kcauth0.ops;

import java.util.Locale;

/**
 * The part of a source address that one caller holds: an IPv4 address whole, an IPv6 address by its first 64
 * bits (a subscriber is usually given a /64 or more, and picks any address in it). Parsed by hand: no lookup,
 * whatever the text.
 */
final class SourceAddress {

    private SourceAddress() {
    }

    /** {@code 2001:db8:1:2::/64} for any address of that /64; an IPv4 address (also IPv4-mapped) as it is; other text as it is. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        int[] groups = groups(literal.toLowerCase(Locale.ROOT));
        if (groups == null) {
            return address;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
            return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
        }
        return String.format(Locale.ROOT, "%x:%x:%x:%x::/64", groups[0], groups[1], groups[2], groups[3]);
    }

    /** The eight 16-bit groups of an IPv6 literal (with {@code ::} and a trailing IPv4 part), or null if it is none. */
    private static int[] groups(String literal) {
        int gap = literal.indexOf("::");
        if (gap >= 0 && literal.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? literal.split(":", -1) : split(literal.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(literal.substring(gap + 2));
        int[] parsed = new int[8];
        int count = 0;
        int[] tailParsed = new int[8];
        int tailCount = 0;
        for (int part = 0; part < head.length + tail.length; part++) {
            boolean inTail = part >= head.length;
            String text = inTail ? tail[part - head.length] : head[part];
            boolean last = part == head.length + tail.length - 1;
            int[] values = last && text.indexOf('.') >= 0 ? ipv4(text) : hex(text);
            if (values == null) {
                return null;
            }
            for (int value : values) {
                if (inTail) {
                    if (tailCount == 8) {
                        return null;
                    }
                    tailParsed[tailCount++] = value;
                } else {
                    if (count == 8) {
                        return null;
                    }
                    parsed[count++] = value;
                }
            }
        }
        if (gap < 0 ? count != 8 : count + tailCount > 7) {
            return null;
        }
        System.arraycopy(tailParsed, 0, parsed, 8 - tailCount, tailCount);
        return parsed;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static int[] hex(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < group.length(); i++) {
            int digit = Character.digit(group.charAt(i), 16);
            if (digit < 0) {
                return null;
            }
            value = value * 16 + digit;
        }
        return new int[] {value};
    }

    private static int[] ipv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            if (octets[i].isEmpty() || octets[i].length() > 3 || !octets[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            bytes[i] = Integer.parseInt(octets[i]);
            if (bytes[i] > 255) {
                return null;
            }
        }
        return new int[] {bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3]};
    }
}
