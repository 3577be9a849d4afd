package io.vigil.camera.network;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.archive.store.ObjectStoreFactory.EmbeddedS3Holder;
import io.vigil.camera.RtspOrigin;
import io.vigil.camera.RtspUrl;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies {@link CameraNetworks} to camera URLs: when a camera is registered or changed (its host name resolved
 * then) and again each time the recorder connects, against the address the name resolves to at that moment, so a
 * name that later resolves into a denied network (DNS rebinding) is refused before anything is sent to it.
 */
@Singleton
public class CameraNetworkPolicy {

    /** Resolves a host name (or parses a literal) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A camera URL whose address is refused; the message is safe to show (no credentials). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final CameraNetworksConfig config;
    private final Supplier<Set<Integer>> ownPorts;
    private final Resolver resolver;

    /** @param configuredPort the HTTP port configured, for checks made before the server listens (-1: random) */
    @Inject
    public CameraNetworkPolicy(
            CameraNetworksConfig config,
            BeanProvider<EmbeddedServer> server,
            BeanProvider<EmbeddedS3Holder> store,
            @Value("${micronaut.server.port:8080}") int configuredPort) {
        this(config, () -> ownPorts(server, store, configuredPort), InetAddress::getAllByName);
    }

    /** @param ownPorts the service's own ports, read when first needed (the HTTP port is known only once it listens) */
    public CameraNetworkPolicy(CameraNetworksConfig config, Supplier<Set<Integer>> ownPorts, Resolver resolver) {
        this.config = config;
        this.ownPorts = ownPorts;
        this.resolver = resolver;
        new CameraNetworks(config.allowOrAny(), config.denyOrDefault(), Set.of()); // a bad CIDR stops the start
    }

    /** Allows everything but nothing in particular: for tests of other things. */
    public static CameraNetworkPolicy allowingAll() {
        return new CameraNetworkPolicy(
                new CameraNetworksConfig(null, java.util.List.of()), Set::of, InetAddress::getAllByName);
    }

    /**
     * At registration: why the URL's host is refused, or empty. A name that does not resolve now is accepted (the
     * camera's name may not be in DNS yet); the recorder checks again at every connection.
     */
    public Optional<String> refusal(RtspUrl url) {
        RtspOrigin origin = url.origin();
        try {
            for (InetAddress address : resolver.resolve(origin.host())) {
                Optional<String> refusal = networks().refusal(address, origin.port());
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * At connection: the address to connect to, the first the host resolves to that is allowed.
     *
     * @throws UnknownHostException if the name does not resolve
     * @throws Refused              if none of its addresses is allowed, naming the first and why
     */
    public InetAddress connectable(RtspUrl url) throws UnknownHostException, Refused {
        RtspOrigin origin = url.origin();
        InetAddress[] addresses = resolver.resolve(origin.host());
        String firstRefusal = null;
        for (InetAddress address : addresses) {
            Optional<String> refusal = networks().refusal(address, origin.port());
            if (refusal.isEmpty()) {
                return address;
            }
            firstRefusal = firstRefusal == null ? refusal.get() : firstRefusal;
        }
        throw new Refused("not connected: " + (firstRefusal == null ? "the host has no address" : firstRefusal));
    }

    /** Built per check: the service's HTTP port is known only once it listens. */
    private CameraNetworks networks() {
        return new CameraNetworks(config.allowOrAny(), config.denyOrDefault(), ownPorts.get());
    }

    private static Set<Integer> ownPorts(
            BeanProvider<EmbeddedServer> server, BeanProvider<EmbeddedS3Holder> store, int configuredPort) {
        Set<Integer> ports = new HashSet<>();
        if (server.isPresent() && server.get().isRunning()) {
            ports.add(server.get().getPort());
        } else if (configuredPort > 0) {
            ports.add(configuredPort);
        }
        if (store.isPresent()) {
            store.get().server().ifPresent(s -> ports.add(s.endpoint().getPort()));
        }
        return ports;
    }
}
