package org.httplog.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a scenario class on {@link ContainerStack} instead of the local stack: a container variant is
 * a subclass of the scenario annotated with this. Without Docker the class is disabled, so its tests
 * are reported as skipped; with Docker the containers are started (once per JVM) before the class and
 * the local stack is selected again after it, for the scenarios that run next in the same JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnContainers.Extension.class)
@interface OnContainers {

    /** The JUnit extension behind {@link OnContainers}. */
    final class Extension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? ConditionEvaluationResult.enabled("Docker is available")
                    : ConditionEvaluationResult.disabled("No Docker: the container stack cannot run here");
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            Stack.use(ContainerStack.started());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            Stack.use(LocalStack.INSTANCE);
        }
    }
}
