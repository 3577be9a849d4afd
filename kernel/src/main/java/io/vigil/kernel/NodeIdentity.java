package io.vigil.kernel;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * This node's id: {@code vigil.cluster.node-id}, else the host name (made a valid id). It names the node in the
 * cluster tables, on retention runs, and in logs; it must stay the same across restarts of one node (whose local
 * spool it owns) and differ between nodes.
 */
@Singleton
public class NodeIdentity {

    private final String nodeId;

    public NodeIdentity(@Nullable @Value("${vigil.cluster.node-id:}") String configured) {
        this.nodeId = configured != null && !configured.isBlank() ? configured : fromHostName(hostName());
    }

    public String nodeId() {
        return nodeId;
    }

    static String fromHostName(String host) {
        String id =
                host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        id = id.length() > 63 ? id.substring(0, 63) : id;
        return id.isEmpty() ? "vigil" : id;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "vigil";
        }
    }
}
