package io.firecheck.rules;

import io.firecheck.inspection.Violation;
import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Threshold values that cannot be used as given: 400 naming each ({@code thresholds.<name>}); the page shows each beside its field. */
public class InvalidThresholdsException extends RuntimeException {
    private final transient List<ThresholdEdits.Invalid> invalid;

    public InvalidThresholdsException(List<ThresholdEdits.Invalid> invalid) {
        super(invalid.toString());
        this.invalid = List.copyOf(invalid);
    }

    public List<ThresholdEdits.Invalid> invalid() {
        return invalid;
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response invalid(InvalidThresholdsException e) {
            return Problems.invalid("Invalid threshold change", e.invalid.stream()
                    .map(i -> new Violation(i.name() == null ? "thresholds" : "thresholds." + i.name(), i.en())).toList());
        }
    }
}
