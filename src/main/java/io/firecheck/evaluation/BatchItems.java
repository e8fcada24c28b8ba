package io.firecheck.evaluation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.config.FirecheckConfig;
import io.firecheck.web.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch body into its items with a streaming parser, building no objects: the item count, the
 * nesting depth (the mapper's StreamReadConstraints) and the syntax of the whole array are checked before
 * any document is built or stored, so a batch is rejected as a whole or not at all.
 */
@ApplicationScoped
public class BatchItems {
    /** Where one item lies in the body. */
    public record Span(int start, int length) {
    }

    private final ObjectMapper mapper;
    private final FirecheckConfig.Http limits;

    public BatchItems(ObjectMapper mapper, FirecheckConfig config) {
        this.mapper = mapper;
        this.limits = config.http();
    }

    public long maxItemBytes() {
        return limits.maxDocumentSize().asLongValue();
    }

    public List<Span> split(byte[] body) throws IOException {
        String shape = "must be a JSON array of 1 to " + limits.maxBatchItems() + " inspection documents";
        if (body == null || body.length == 0) {
            throw QueryParams.invalid("$", shape);
        }
        List<Span> spans = new ArrayList<>();
        try (JsonParser p = mapper.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw QueryParams.invalid("$", shape);
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (spans.size() == limits.maxBatchItems()) {
                    throw new WebApplicationException("a batch holds at most " + limits.maxBatchItems()
                            + " documents; split it", Response.Status.REQUEST_ENTITY_TOO_LARGE);
                }
                long start = p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                long end = p.currentLocation().getByteOffset();
                spans.add(new Span((int) start, (int) (end - start)));
            }
            if (p.nextToken() != null) {
                throw QueryParams.invalid("$", "unexpected content after the batch's closing `]`");
            }
        }
        if (spans.isEmpty()) {
            throw QueryParams.invalid("$", shape);
        }
        return spans;
    }
}
