package org.httplog.it;

/** {@link IngressAboveCapacityIT} on {@link ContainerStack}. */
@OnContainers
class IngressAboveCapacityOnContainersIT extends IngressAboveCapacityIT {
}
