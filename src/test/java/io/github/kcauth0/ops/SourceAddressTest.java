package io.github.kcauth0.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The key of a source address in the failed-authentication limit: IPv4 whole, IPv6 by its /64. */
class SourceAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7|203.0.113.7",
            "2001:db8:1:2::1|2001:db8:1:2::/64",
            "2001:0db8:0001:0002:ffff:ffff:ffff:ffff|2001:db8:1:2::/64",
            "[2001:db8:1:2:3:4:5:6]|2001:db8:1:2::/64",
            "fe80::1%eth0|fe80:0:0:0::/64",
            "::1|0:0:0:0::/64",
            "::|0:0:0:0::/64",
            "2001:db8::|2001:db8:0:0::/64",
            "::ffff:203.0.113.7|203.0.113.7",
            "2001:DB8:1:2::abcd|2001:db8:1:2::/64",
            "1:2:3:4:5:6:1.2.3.4|1:2:3:4::/64",
            "not:an:address|not:an:address",
            "1::2::3|1::2::3",
            "1:2:3:4:5:6:7:8:9|1:2:3:4:5:6:7:8:9",
            "12345::|12345::"})
    void addressesOfOneCallerShareAKey(String address, String network) {
        assertEquals(network, SourceAddress.network(address));
    }
}
