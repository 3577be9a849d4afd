package io.vigil.camera.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.camera.RtspUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which camera addresses are refused: the pure decision, as a table, and its use at registration and connection. */
class CameraNetworksTest {

    private static final int API = 8080;
    private static final int STORE = 39_001;
    private final CameraNetworks defaults =
            new CameraNetworks(List.of(), CameraNetworks.DEFAULT_DENY, Set.of(API, STORE));

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private Optional<String> decide(String address, int port) {
        return defaults.refusal(ip(address), port);
    }

    @Test
    void theDefaultsDenyLinkLocalMulticastBroadcastThisNetworkAndTheServicesOwnPorts() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry(
                        "169.254.169.254:80",
                        "169.254.169.254 is in the denied camera network 169.254.0.0/16 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "169.254.0.1:554",
                        "169.254.0.1 is in the denied camera network 169.254.0.0/16 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "::ffff:169.254.169.254:554",
                        "169.254.169.254 is in the denied camera network 169.254.0.0/16 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "fe80::1:554",
                        "fe80:0:0:0:0:0:0:1 is in the denied camera network fe80::/10 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "febf::1:554",
                        "febf:0:0:0:0:0:0:1 is in the denied camera network fe80::/10 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "224.0.0.1:554",
                        "224.0.0.1 is in the denied camera network 224.0.0.0/4 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "239.255.255.250:554",
                        "239.255.255.250 is in the denied camera network 224.0.0.0/4 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "ff02::1:554",
                        "ff02:0:0:0:0:0:0:1 is in the denied camera network ff00::/8 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "255.255.255.255:554",
                        "255.255.255.255 is in the denied camera network 255.255.255.255/32 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "0.0.0.0:554",
                        "0.0.0.0 is in the denied camera network 0.0.0.0/8 (vigil.cameras.networks.deny)"),
                Map.entry(
                        ":::554",
                        "0:0:0:0:0:0:0:0 is in the denied camera network ::/128 (vigil.cameras.networks.deny)"),
                Map.entry(
                        "127.0.0.1:8080",
                        "127.0.0.1 port 8080 is this service's own port (its API or its object store), not a camera"),
                Map.entry(
                        "127.0.0.1:39001",
                        "127.0.0.1 port 39001 is this service's own port (its API or its object store), not a camera"),
                Map.entry(
                        "127.8.9.10:8080",
                        "127.8.9.10 port 8080 is this service's own port (its API or its object store), not a camera"),
                Map.entry(
                        "::1:39001",
                        "0:0:0:0:0:0:0:1 port 39001 is this service's own port (its API or its object store), not a camera"),
                Map.entry(
                        "0.0.0.0:8080",
                        "0.0.0.0 port 8080 is this service's own port (its API or its object store), not a camera"));
        refused.forEach((target, reason) -> {
            int colon = target.lastIndexOf(':');
            assertEquals(
                    Optional.of(reason),
                    decide(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))),
                    target);
        });
    }

    @Test
    void theDefaultsAllowPrivatePublicAndLoopbackOnOtherPorts() {
        String[] allowed = {
            "192.168.1.20:554",
            "10.0.0.5:554",
            "172.16.3.4:8554",
            "100.64.1.1:554",
            "203.0.113.9:322",
            "127.0.0.1:8554",
            "127.0.0.1:554",
            "::1:8554",
            "fd00::5:554",
            "2001:db8::9:554",
            "169.253.255.255:554",
            "169.255.0.0:554",
            "223.255.255.255:554",
            "1.0.0.0:554"
        };
        for (String target : allowed) {
            int colon = target.lastIndexOf(':');
            assertEquals(
                    Optional.empty(),
                    decide(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))),
                    target);
        }
    }

    @Test
    void anAllowListAdmitsOnlyItsNetworksAndASiteDenyListReplacesTheDefaults() {
        CameraNetworks site = new CameraNetworks(
                List.of("192.168.10.0/24", "2001:db8:10::/48", "169.254.7.0/24"),
                List.of("192.168.10.66/32"),
                Set.of(API));
        assertEquals(Optional.empty(), site.refusal(ip("192.168.10.5"), 554));
        assertEquals(Optional.empty(), site.refusal(ip("169.254.7.9"), 554), "a site may allow its link-local cameras");
        assertEquals(Optional.empty(), site.refusal(ip("2001:db8:10:ffff::1"), 554));
        assertEquals(
                Optional.of("192.168.11.5 is not in an allowed camera network (vigil.cameras.networks.allow)"),
                site.refusal(ip("192.168.11.5"), 554));
        assertEquals(
                Optional.of("127.0.0.1 is not in an allowed camera network (vigil.cameras.networks.allow)"),
                site.refusal(ip("127.0.0.1"), 554));
        assertEquals(
                Optional.of(
                        "192.168.10.66 is in the denied camera network 192.168.10.66/32 (vigil.cameras.networks.deny)"),
                site.refusal(ip("192.168.10.66"), 554),
                "deny wins over allow");
        assertEquals(
                Optional.of(
                        "127.0.0.1 port 8080 is this service's own port (its API or its object store), not a camera"),
                site.refusal(ip("127.0.0.1"), API));
    }

    @Test
    void aNetworkThatIsNotACidrStopsTheStart() {
        Map<String, String> bad = Map.of(
                "10.0.0.0/33", "camera network '10.0.0.0/33' has a prefix length outside 0-32",
                "fe80::/129", "camera network 'fe80::/129' has a prefix length outside 0-128",
                "10.0.0.0/x", "camera network '10.0.0.0/x' has a prefix length outside 0-32",
                "10.0.0.0/-1", "camera network '10.0.0.0/-1' has a prefix length outside 0-32",
                "camera.example/24", "camera network 'camera.example/24' is not an address/prefix (CIDR)",
                "", "camera network '' is not an address/prefix (CIDR)",
                "10.0.0.256/8", "camera network '10.0.0.256/8' is not an address/prefix (CIDR)");
        bad.forEach((cidr, message) -> assertEquals(
                message,
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new CameraNetworks(List.of(), List.of(cidr), Set.of()))
                        .getMessage(),
                cidr));
    }

    @Test
    void registrationAndConnectionCheckTheAddressesTheHostResolvesTo() throws Exception {
        Map<String, InetAddress[]> dns = new java.util.HashMap<>(Map.of(
                "camera.example", new InetAddress[] {ip("192.168.1.20")},
                "metadata.example", new InetAddress[] {ip("169.254.169.254")},
                "both.example", new InetAddress[] {ip("169.254.169.254"), ip("192.168.1.21")}));
        CameraNetworkPolicy policy =
                new CameraNetworkPolicy(new CameraNetworksConfig(null, null), () -> Set.of(API), host -> {
                    InetAddress[] a = dns.get(host);
                    if (a == null) {
                        return new InetAddress[] {InetAddress.getByName(host)}; // literals only in this test
                    }
                    return a;
                });
        RtspUrl camera = RtspUrl.parse("rtsp://camera.example/s").url();
        assertEquals(Optional.empty(), policy.refusal(camera));
        assertEquals(ip("192.168.1.20"), policy.connectable(camera));
        assertEquals(
                Optional.of(
                        "169.254.169.254 is in the denied camera network 169.254.0.0/16 (vigil.cameras.networks.deny)"),
                policy.refusal(RtspUrl.parse("rtsp://metadata.example/s").url()));
        assertEquals(
                Optional.of(
                        "127.0.0.1 port 8080 is this service's own port (its API or its object store), not a camera"),
                policy.refusal(RtspUrl.parse("rtsp://127.0.0.1:8080/s").url()));
        assertEquals(
                ip("192.168.1.21"),
                policy.connectable(RtspUrl.parse("rtsp://both.example/s").url()),
                "the connection goes to the allowed address");

        dns.put("camera.example", new InetAddress[] {ip("169.254.169.254")}); // the name now points elsewhere
        CameraNetworkPolicy.Refused refused =
                assertThrows(CameraNetworkPolicy.Refused.class, () -> policy.connectable(camera));
        assertEquals(
                "not connected: 169.254.169.254 is in the denied camera network 169.254.0.0/16 "
                        + "(vigil.cameras.networks.deny)",
                refused.getMessage());
    }
}
