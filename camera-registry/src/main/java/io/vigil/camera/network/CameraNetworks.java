package io.vigil.camera.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses a camera may be recorded from: the decision, pure. An address is refused when it is in a
 * denied network, when an allow list is set and it is in none of its networks, or when it is this host (loopback
 * or the unspecified address) on one of the service's own ports: its HTTP API or its embedded object store.
 * Private and loopback networks are allowed by default (cameras and test simulators live there); link-local
 * (where cloud metadata services answer), multicast, broadcast and "this network" are denied by default.
 */
public final class CameraNetworks {

    /** Denied unless the site configures its own deny list. */
    public static final List<String> DEFAULT_DENY = List.of(
            "0.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "255.255.255.255/32", "::/128", "fe80::/10", "ff00::/8");

    private final List<Network> allow;
    private final List<Network> deny;
    private final Set<Integer> ownPorts;

    /**
     * @param allow    CIDRs cameras must be in; empty: any address not denied
     * @param deny     CIDRs no camera may be in
     * @param ownPorts the service's own ports on this host, never a camera's
     * @throws IllegalArgumentException naming the first CIDR that is not one
     */
    public CameraNetworks(List<String> allow, List<String> deny, Set<Integer> ownPorts) {
        this.allow = allow.stream().map(Network::parse).toList();
        this.deny = deny.stream().map(Network::parse).toList();
        this.ownPorts = Set.copyOf(ownPorts);
    }

    /** Why a camera at {@code address:port} is refused, or empty if it is allowed. */
    public Optional<String> refusal(InetAddress address, int port) {
        String where = address.getHostAddress();
        if ((address.isLoopbackAddress() || address.isAnyLocalAddress()) && ownPorts.contains(port)) {
            return Optional.of(where + " port " + port + " is this service's own port (its API or its object store), "
                    + "not a camera");
        }
        for (Network n : deny) {
            if (n.contains(address)) {
                return Optional.of(where + " is in the denied camera network " + n + " (vigil.cameras.networks.deny)");
            }
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(n -> n.contains(address))) {
            return Optional.of(where + " is not in an allowed camera network (vigil.cameras.networks.allow)");
        }
        return Optional.empty();
    }

    /** An IP network: a base address and how many leading bits of it count. */
    // never compared or hashed: only contains() reads it
    @SuppressWarnings("ArrayRecordComponent")
    record Network(byte[] base, int prefixLength, String text) {

        private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

        static Network parse(String cidr) {
            String t = cidr == null ? "" : cidr.trim();
            int slash = t.indexOf('/');
            String address = slash < 0 ? t : t.substring(0, slash);
            if (!LITERAL.matcher(address).matches()) {
                throw new IllegalArgumentException("camera network '" + cidr + "' is not an address/prefix (CIDR)");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("camera network '" + cidr + "' is not an address/prefix (CIDR)");
            }
            int bits = bytes.length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(
                        "camera network '" + cidr + "' has a prefix length outside 0-" + bits);
            }
            return new Network(bytes, prefix, t);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
