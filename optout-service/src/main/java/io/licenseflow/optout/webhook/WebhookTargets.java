package io.licenseflow.optout.webhook;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which URLs a webhook may post to (server-side request forgery): https only, to hosts whose every address is public —
 * never loopback, private (RFC 1918, RFC 4193), link-local (cloud metadata), carrier-grade NAT, multicast, unspecified
 * or reserved, nor an IPv6 address that reaches such an IPv4 one (mapped, translated, NAT64, 6to4) or hides it (Teredo).
 * The one exception, for a developer's machine, is {@code licenseflow.webhooks.allow-plain-http-loopback}: then a
 * loopback receiver may be reached over http or https. Every send resolves the host again and connects to the checked
 * address, so that a name re-pointed after registration (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class WebhookTargets {

    private final boolean allowPlainHttpLoopback;

    public WebhookTargets(@ConfigProperty(name = "licenseflow.webhooks.allow-plain-http-loopback") boolean allowPlainHttpLoopback) {
        this.allowPlainHttpLoopback = allowPlainHttpLoopback;
    }

    /** A checked place to post to: connect to {@code address}, name {@code host} (Host header, TLS server name). */
    public record Target(String host, int port, boolean tls, String pathAndQuery, InetAddress address) {
    }

    /** Checks {@code url} and resolves its host (blocking); refuses with {@code forbidden-webhook-target}. */
    public Target resolve(String url) {
        URI uri = parse(url);
        boolean tls = uri.getScheme().equals("https");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw refused("the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowPlainHttpLoopback) {
                continue;
            }
            if (!isPublic(address)) {
                throw refused("the host " + uri.getHost() + " resolves to a non-public address (" + address.getHostAddress() + ")");
            }
            if (!tls) {
                throw refused("must be https");
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Target(uri.getHost(), port, tls, path, addresses[0]);
    }

    /** The URL's form alone: an absolute http(s) URL without credentials or fragment, https unless loopback is allowed. */
    URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttpLoopback)) {
            throw refused("must be https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("must name a host, and no credentials or fragment");
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, RFC 6598
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local, RFC 4193
            }
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
                return false; // Teredo (2001::/32): reaches an IPv4 host the address hides
            }
            if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // documentation (2001:db8::/32)
            }
            if (first == 0x01 && second == 0x00 && allZero(b, 2, 8)) {
                return false; // discard-only (100::/64)
            }
            byte[] inside = embeddedIpv4(b);
            if (inside != null) {
                try {
                    return isPublic(InetAddress.getByAddress(inside));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The IPv4 address an IPv6 address reaches, where it embeds one: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible
     * (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96, 64:ff9b:1::/48) and 6to4 (2002:a.b.c.d::/16).
     */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroHead = allZero(b, 0, 8);
        if (zeroHead && allZero(b, 8, 10) && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        if (zeroHead && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && (allZero(b, 4, 12) || (b[4] == 0 && b[5] == 1))) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return java.util.Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refused(String why) {
        return new ProblemException(ProblemCode.FORBIDDEN_WEBHOOK_TARGET, "url", why);
    }
}
