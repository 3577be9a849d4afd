/**
 * Hooks: interfaces one module implements and another asks, so that features need not know each other. Each has a
 * default where a service without the implementing module still works ({@link io.vigil.kernel.hook.EveryCamera},
 * {@link io.vigil.kernel.hook.EveryCameraHere}).
 */
package io.vigil.kernel.hook;
