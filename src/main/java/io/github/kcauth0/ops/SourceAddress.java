package io.github.kcauth0.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The part of a source address that one caller holds: an IPv4 address whole, an IPv6 address by its first 64
 * bits (a subscriber is usually given a /64 or more, and picks any address in it).
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
        byte[] bytes;
        try {
            // Between brackets InetAddress takes only an IPv6 literal and never looks a name up.
            bytes = InetAddress.getByName("[" + (zone >= 0 ? literal.substring(0, zone) : literal) + "]").getAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
        if (bytes.length == 4) {
            // IPv4-mapped
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return String.format(Locale.ROOT, "%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 1), group(bytes, 2), group(bytes, 3));
    }

    private static int group(byte[] bytes, int index) {
        return (bytes[2 * index] & 0xff) << 8 | bytes[2 * index + 1] & 0xff;
    }
}
