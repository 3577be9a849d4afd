package io.vigil.kernel.hook;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service fault: something wrong with the service itself rather than with one camera, seen now (the object store
 * unreachable, the spool unable to write or filling up, a retention run refused, a node gone silent). The alerts fire on
 * one that lasts and recover when it is no longer reported.
 *
 * @param key     what it is, the same at every look while it lasts: {@code [a-z0-9][a-z0-9.:-]{0,79}}, e.g.
 *                {@code store-unreachable}, {@code node-silent:node-b}
 * @param scope   whether only this node sees it (its own spool) or every node does (the shared store)
 * @param summary one line for people, no secret in it
 * @param since   since when it has been seen
 */
public record ServiceFault(String key, Scope scope, String summary, Instant since) {

    /** Who can see a fault, and so who may say it is over. */
    public enum Scope {
        /** Only the node reporting it (its spool, its disk): each node's fault is its own. */
        NODE,
        /** Every node alike (the shared object store, the cluster's table): one fault for the service. */
        SERVICE
    }

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.:-]{0,79}");

    /** The most characters a summary keeps. */
    public static final int MAX_SUMMARY = 300;

    public ServiceFault {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a service fault's key is [a-z0-9][a-z0-9.:-]{0,79}: " + key);
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(summary, "summary");
        if (summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY - 1) + "…";
        }
        Objects.requireNonNull(since, "since");
    }
}
