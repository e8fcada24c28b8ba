package io.firecheck.rules;

import io.firecheck.config.ThisInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a rule set serves and it is the cluster's; otherwise DOWN with the reason. */
@Readiness
@ApplicationScoped
public class RuleSetHealthCheck implements HealthCheck {
    private final RuleBook ruleBook;

    public RuleSetHealthCheck(RuleBook ruleBook) {
        this.ruleBook = ruleBook;
    }

    @Override
    public HealthCheckResponse call() {
        var set = ruleBook.current();
        if (set == null) {
            return HealthCheckResponse.down("rule set");
        }
        String problem = ruleBook.problem();
        var response = HealthCheckResponse.named("rule set").status(problem == null)
                .withData("version", set.version())
                .withData("rules", set.catalogue().size())
                .withData("instance", ThisInstance.NAME);
        if (problem != null) {
            response.withData("problem", problem);
        }
        return response.build();
    }
}
