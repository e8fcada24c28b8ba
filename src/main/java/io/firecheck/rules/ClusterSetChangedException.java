package io.firecheck.rules;

import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A reload's candidate is compiled and gated against the set this instance serves, and published only if that set
 * is still the cluster's newest: when another instance accepted a set meanwhile, publishing would overwrite it
 * unseen. Nothing is changed (409); reloading again compares the folder with the newer set.
 */
public class ClusterSetChangedException extends RuntimeException {
    private final String candidate;
    private final String newest;

    public ClusterSetChangedException(String candidate, String basedOn, String newest) {
        super("rule set " + newest + " was accepted in the cluster while this reload compiled and gated " + candidate
                + " against " + basedOn + "; nothing was changed: reload again to compare the rules with it");
        this.candidate = candidate;
        this.newest = newest;
    }

    public String candidate() {
        return candidate;
    }

    public String newest() {
        return newest;
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response changed(ClusterSetChangedException e) {
            return Problems.response(409, "Another rule set was accepted meanwhile", e.getMessage());
        }
    }
}
