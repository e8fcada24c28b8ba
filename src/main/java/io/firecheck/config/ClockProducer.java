package io.firecheck.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One clock for the whole service, in the city's zone, so tests and due dates agree on "today". */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock(FirecheckConfig config) {
        return Clock.system(config.zone());
    }
}
