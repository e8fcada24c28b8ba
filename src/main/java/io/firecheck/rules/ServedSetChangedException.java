package io.firecheck.rules;

import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A previewed candidate is applied only onto the set it was compared with: when another set serves since,
 * the impact shown is not the impact it would have, and it is refused (409) until previewed again.
 */
public class ServedSetChangedException extends RuntimeException {
    private final String previewed;
    private final String serving;

    public ServedSetChangedException(String previewed, String serving) {
        super("the preview compared with rule set " + previewed + ", but " + serving
                + " serves now; preview the change again and apply that preview");
        this.previewed = previewed;
        this.serving = serving;
    }

    public String previewed() {
        return previewed;
    }

    public String serving() {
        return serving;
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response changed(ServedSetChangedException e) {
            return Problems.response(409, "Rule set changed since the preview", e.getMessage());
        }
    }
}
