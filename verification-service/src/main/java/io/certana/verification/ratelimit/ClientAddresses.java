package io.certana.verification.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the client address of a request. The direct peer is the client unless it is one of the
 * trusted proxies; then {@code X-Forwarded-For} is read from the right, skipping further trusted
 * proxies, and the first other address is the client. Each proxy appends the address it received
 * the request from, so entries left of the last untrusted one could have been written by the client
 * and are never believed. A malformed entry ends the walk at the last address known to be real.
 *
 * <p>Only IP literals are accepted, so parsing never causes a DNS lookup.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** A CIDR block: a network address and a prefix length. */
    record Block(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xff << (8 - remainingBits) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Block> trustedProxies;

    /**
     * @param trustedProxies CIDR blocks such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a /32 or /128
     * @throws IllegalArgumentException naming the entry that is not a CIDR block
     */
    public ClientAddresses(List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies) {
            blocks.add(parseBlock(entry.trim()));
        }
        this.trustedProxies = List.copyOf(blocks);
    }

    /**
     * Returns the client address.
     *
     * @param peer the address of the direct peer of the connection
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     */
    public String resolve(String peer, String forwardedFor) {
        Optional<byte[]> peerBytes = parseLiteral(peer);
        if (peerBytes.isEmpty() || !trusted(peerBytes.get()) || forwardedFor == null || forwardedFor.isBlank()) {
            return normalise(peer, peerBytes);
        }
        String client = normalise(peer, peerBytes);
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = stripPort(hops[i].trim());
            Optional<byte[]> hopBytes = parseLiteral(hop);
            if (hopBytes.isEmpty()) {
                return client;
            }
            client = normalise(hop, hopBytes);
            if (!trusted(hopBytes.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(byte[] address) {
        for (Block block : trustedProxies) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String raw, Optional<byte[]> bytes) {
        if (bytes.isEmpty()) {
            return raw == null ? "unknown" : raw;
        }
        try {
            return InetAddress.getByAddress(bytes.get()).getHostAddress();
        } catch (UnknownHostException e) {
            return raw;
        }
    }

    /** Removes a port from {@code 192.0.2.1:443} or {@code [2001:db8::1]:443}, as some proxies write them. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** Parses an IPv4 or IPv6 literal; any other text, host names included, is empty. */
    static Optional<byte[]> parseLiteral(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // A literal of this shape is parsed without a name lookup.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Block parseBlock(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = parseLiteral(address).orElseThrow(() -> new IllegalArgumentException(
                "certana.verification.trusted-proxies: '" + entry + "' is not a CIDR block such as 10.0.0.0/8"));
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("certana.verification.trusted-proxies: '" + entry
                        + "' has an invalid prefix length; use 0 to " + bytes.length * 8);
            }
        }
        return new Block(bytes, prefix);
    }
}
