package io.firecheck.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

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
        return set == null
                ? HealthCheckResponse.down("rule set")
                : HealthCheckResponse.named("rule set").up()
                        .withData("version", set.version())
                        .withData("rules", set.catalogue().size())
                        .build();
    }
}
