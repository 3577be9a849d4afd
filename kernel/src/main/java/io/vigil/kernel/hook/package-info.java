/**
 * Hooks: interfaces one module implements and another asks, so that features need not know each other. Each has a
 * default where a service without the implementing module still works ({@link io.vigil.kernel.hook.EveryCamera},
 * {@link io.vigil.kernel.hook.EveryCameraHere}, {@link io.vigil.kernel.hook.NoPrincipal}, {@link io.vigil.kernel.hook.NoAuditTrail});
 * {@link io.vigil.kernel.hook.FootageHolds} has none, every service having retention.
 */
package io.vigil.kernel.hook;
