package io.vigil.retention.plan;

import java.util.List;

/**
 * What one retention run deletes.
 *
 * @param deletions    segments to delete, per camera oldest first
 * @param heldSegments segments the policy would delete but an active hold keeps
 * @param shortfalls   quotas that cannot be met because the rest is held or recent, one sentence each
 */
public record RetentionPlan(List<Deletion> deletions, long heldSegments, List<String> shortfalls) {

    public RetentionPlan {
        deletions = List.copyOf(deletions);
        shortfalls = List.copyOf(shortfalls);
    }
}
