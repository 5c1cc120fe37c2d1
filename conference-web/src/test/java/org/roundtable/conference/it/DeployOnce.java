package org.roundtable.conference.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Leaves the WAR deployed from one test class to the next when the next wants the very same
 * archive (same name, same entries), instead of undeploying and deploying it again for each of
 * the ~45 classes that deploy it: a deployment took 5-6 s here (more on CI) and threw away the
 * server's warmed-up code. A class that wants another archive (the WAR with the test clock) gets
 * it deployed in place of the kept one; the last one is undeployed before the server stops.
 * Data never depended on a fresh deployment (the database lives for the whole run); what stays in
 * memory between classes (sign-in buckets, loaded plans) is what a long-running server keeps too.
 * Registered in META-INF/services; -Droundtable.test.deploy-each-class=true deploys per class again.
 */
public final class DeployOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (!Boolean.getBoolean("roundtable.test.deploy-each-class")) {
            builder.observer(Keeper.class);
        }
    }

    /** Intercepts Arquillian's per-class deploy and undeploy of the class's managed deployments. */
    public static final class Keeper {

        @Inject
        private Instance<DeploymentScenario> scenario;

        /** The name and entries of the archive left on the server, or null when none is. */
        private Kept kept;

        /** Whether a deployment a killed earlier run left behind has been looked for. */
        private boolean leftoversGone;

        private record Kept(String name, Set<String> entries) {
        }

        public void deploy(@Observes EventContext<DeployManagedDeployments> event) {
            DeploymentScenario s = scenario.get();
            if (s == null || s.deployments().isEmpty()) {
                event.proceed();
                return;
            }
            Kept wanted = keepable(s);
            if (wanted != null && wanted.equals(kept)) {
                return;
            }
            if (kept != null) {
                undeploy(kept.name());
                kept = null;
            } else if (wanted != null && !leftoversGone) {
                // A run killed before its server stopped leaves its deployment in the configuration.
                if (isDeployed(wanted.name())) {
                    undeploy(wanted.name());
                }
                leftoversGone = true;
            }
            event.proceed();
            kept = wanted;
        }

        public void undeploy(@Observes EventContext<UnDeployManagedDeployments> event) {
            if (kept == null) {
                event.proceed();
            }
        }

        public void lastOne(@Observes BeforeStop event) {
            if (kept != null) {
                try {
                    undeploy(kept.name());
                } catch (RuntimeException e) {
                    System.err.println("The kept deployment could not be undeployed before the server stopped: " + e);
                }
                kept = null;
            }
        }

        /** The class's one archive when it can be shared: a single managed, client-side deployment. */
        private static Kept keepable(DeploymentScenario s) {
            if (s.deployments().size() != 1) {
                return null;
            }
            Deployment d = s.deployments().get(0);
            DeploymentDescription description = d.getDescription();
            if (!description.managed() || description.testable() || !description.isArchiveDeployment()) {
                return null;
            }
            Archive<?> archive = description.getArchive();
            return new Kept(archive.getName(), archive.getContent().keySet().stream().map(Object::toString).collect(Collectors.toSet()));
        }

        private static boolean isDeployed(String name) {
            try (var client = ModelControllerClient.Factory.create("localhost", 9990)) {
                ModelNode op = new ModelNode();
                op.get("operation").set("read-resource");
                op.get("address").add("deployment", name);
                return "success".equals(client.execute(op).get("outcome").asString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void undeploy(String name) {
            try (var client = ModelControllerClient.Factory.create("localhost", 9990)) {
                ModelNode op = new ModelNode();
                op.get("operation").set("composite");
                for (String step : new String[] {"undeploy", "remove"}) {
                    ModelNode s = op.get("steps").add();
                    s.get("operation").set(step);
                    s.get("address").add("deployment", name);
                }
                ModelNode result = client.execute(op);
                if (!"success".equals(result.get("outcome").asString())) {
                    throw new IllegalStateException("Could not undeploy " + name + ": " + result);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
