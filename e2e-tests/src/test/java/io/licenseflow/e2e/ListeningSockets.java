package io.licenseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses a local TCP port listens on, as the kernel reports them (/proc/net/tcp and tcp6). A socket bound to
 * every interface (0.0.0.0, or :: for a dual-stack one) is reported as {@value #EVERY_INTERFACE}.
 */
final class ListeningSockets {

    static final String EVERY_INTERFACE = "*";
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static Set<String> addressesOf(int port) throws IOException {
        Set<String> addresses = new TreeSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            var lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** Kernel hex (each 32-bit word little-endian) to dotted IPv4; IPv6 any-address as "::", v4-mapped as IPv4. */
    private static String address(String hex) {
        if (hex.length() == 32) {
            if (hex.equals("0".repeat(32))) {
                return EVERY_INTERFACE;
            }
            if (hex.startsWith("0000000000000000FFFF0000")) {
                return ipv4(hex.substring(24));
            }
            return "ipv6:" + hex;
        }
        return ipv4(hex);
    }

    private static String ipv4(String hex) {
        long value = Long.parseLong(hex, 16);
        return value == 0 ? EVERY_INTERFACE : (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff);
    }
}
