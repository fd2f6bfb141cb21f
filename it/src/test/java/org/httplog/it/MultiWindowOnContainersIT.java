package org.httplog.it;

/** {@link MultiWindowIT} on {@link ContainerStack}. */
@OnContainers
class MultiWindowOnContainersIT extends MultiWindowIT {
}
