package io.firecheck.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.firecheck.inspection.InvalidDocumentException;
import io.firecheck.security.AccessDenied;
import io.firecheck.security.Caller;
import io.firecheck.security.OutOfJurisdictionException;
import io.firecheck.web.Problem;
import io.firecheck.web.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch: the documents are read where they lie in the body, as a single POST's body is, and evaluated one at a
 * time (one item's document in memory, never the whole batch's), then stored a chunk at a time with multi-row inserts (EvaluationService.store, group commit).
 * Each item ends on its own: a bad one is its own problem and the others are stored.
 */
@ApplicationScoped
public class BatchEvaluations {
    /** Items evaluated before they are stored together: few transactions, bounded memory (heap.sh). */
    static final int CHUNK = 100;

    private final EvaluationService service;
    private final BatchItems batchItems;
    private final Event<AccessDenied> denied;

    public BatchEvaluations(EvaluationService service, BatchItems batchItems, Event<AccessDenied> denied) {
        this.service = service;
        this.batchItems = batchItems;
        this.denied = denied;
    }

    public List<BatchItem> evaluate(byte[] body, boolean dryRun, Caller caller) throws IOException {
        List<BatchItems.Span> spans = batchItems.split(body);
        List<BatchItem> out = new ArrayList<>(spans.size());
        Problem unavailable = null;
        for (int from = 0; from < spans.size(); from += CHUNK) {
            int to = Math.min(spans.size(), from + CHUNK);
            if (unavailable != null) {
                // once the database is unreachable, the rest are answered at once instead of each waiting for it
                for (int i = from; i < to; i++) {
                    out.add(new BatchItem(i, 503, null, null, unavailable));
                }
                continue;
            }
            BatchItem[] chunk = new BatchItem[to - from];
            List<EvaluationService.Prepared> toStore = new ArrayList<>();
            List<Integer> storedAt = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Object prepared = prepare(i, spans.get(i), body, dryRun, caller);
                if (prepared instanceof BatchItem item) {
                    chunk[i - from] = item;
                } else if (((EvaluationService.Prepared) prepared).dryRun() != null) {
                    chunk[i - from] = item(i, ((EvaluationService.Prepared) prepared).dryRun());
                } else {
                    toStore.add((EvaluationService.Prepared) prepared);
                    storedAt.add(i);
                }
            }
            List<Object> stored = toStore.isEmpty() ? List.of() : service.store(toStore, caller);
            for (int k = 0; k < stored.size(); k++) {
                int i = storedAt.get(k);
                chunk[i - from] = stored.get(k) instanceof EvaluationService.Outcome o ? item(i, o)
                        : problem(i, (RuntimeException) stored.get(k), caller);
            }
            for (BatchItem item : chunk) {
                out.add(item);
                if (item.status() == 503) {
                    unavailable = item.problem();
                }
            }
        }
        return out;
    }

    /** The item read and evaluated, or its problem. */
    private Object prepare(int index, BatchItems.Span span, byte[] body, boolean dryRun, Caller caller) {
        if (span.length() > batchItems.maxItemBytes()) {
            return new BatchItem(index, 413, null, null, new Problem("about:blank", "Content Too Large", 413,
                    "item " + index + " is larger than " + batchItems.maxItemBytes() + " bytes", null, null));
        }
        try {
            return service.prepare(body, span.start(), span.length(), dryRun, caller);
        } catch (IOException e) {
            return new BatchItem(index, 400, null, null, new Problem("/problems/invalid-input", "Unreadable JSON", 400,
                    "item " + index + " is not readable JSON", null,
                    e instanceof JsonProcessingException json ? List.of(ProblemMappers.violation(json)) : null));
        } catch (RuntimeException e) {
            return problem(index, e, caller);
        }
    }

    private static BatchItem item(int index, EvaluationService.Outcome o) {
        return new BatchItem(index, o.created() ? 201 : 200, o.created() ? "/api/v1/evaluations/" + o.id() : null, o.json(), null);
    }

    private BatchItem problem(int index, RuntimeException e, Caller caller) {
        if (e instanceof InvalidDocumentException invalid) {
            return new BatchItem(index, 400, null, null, new Problem("/problems/invalid-input", "Invalid inspection document",
                    400, invalid.violations().size() + " invalid field(s) in item " + index, null, invalid.violations()));
        }
        if (e instanceof OutOfJurisdictionException) {
            // a refused write, audited as a refused single POST is
            denied.fire(new AccessDenied(caller, "POST /api/v1/evaluations/batch item " + index, "403 Forbidden"));
            return new BatchItem(index, 403, null, null, new Problem("about:blank", "Forbidden", 403, e.getMessage(), null, null));
        }
        if (e instanceof InspectionIdConflictException conflict) {
            return new BatchItem(index, 409, null, null, conflict.problem());
        }
        // this item's transaction is rolled back; the items before and after it stand on their own
        Problem p = ProblemMappers.unexpectedProblem(e);
        return new BatchItem(index, p.status(), null, null, p);
    }
}
