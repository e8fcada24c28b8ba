package io.firecheck.evaluation;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.audit.AuditAction;
import io.firecheck.audit.AuditLog;
import io.firecheck.engine.Classification;
import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Evaluator;
import io.firecheck.engine.RuleSet;
import io.firecheck.inspection.DocumentChecks;
import io.firecheck.inspection.DocumentReader;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.rules.RuleBook;
import io.firecheck.security.Caller;
import io.firecheck.security.OutOfJurisdictionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Evaluates inspection documents and stores each once, keyed by its inspection id. */
@ApplicationScoped
public class EvaluationService {
    private final RuleBook ruleBook;
    private final Evaluator evaluator = new Evaluator();
    private final DocumentReader reader;
    private final EvaluationRepository repository;
    private final EvaluationListener listener;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer latency;
    private final AuditLog audit;
    private final GroupCommit groupCommit;
    private final BuildingLocks buildingLocks = new BuildingLocks();
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    private record CounterKey(Classification classification, boolean dryRun) {
    }

    public EvaluationService(RuleBook ruleBook, ValidatorFactory validators, EvaluationRepository repository,
                             EvaluationListener listener, ObjectMapper mapper, Clock clock, MeterRegistry meters,
                             AuditLog audit, GroupCommit groupCommit) {
        this.ruleBook = ruleBook;
        this.reader = new DocumentReader(mapper, DocumentChecks.of(validators));
        this.repository = repository;
        this.listener = listener;
        this.mapper = mapper;
        this.clock = clock;
        this.meters = meters;
        this.audit = audit;
        this.groupCommit = groupCommit;
        this.latency = Timer.builder("firecheck.evaluation.duration")
                .description("Time to evaluate one inspection document under the rules (no storage)")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /** The stored (or, for a dry run, computed) result as JSON, and whether this call created it. */
    public record Outcome(String json, boolean created, String id) {
    }

    /** A document read, checked and evaluated: the answer of a dry run, or the row to store and what it came from. */
    public record Prepared(Outcome dryRun, EvaluationEntity row, EvaluationResponse response, InspectionDocument doc,
                           EvaluationResult result) {
    }

    /**
     * Reads, validates (400 with every problem), evaluates and, unless a dry run, stores once, recording who
     * submitted it. A caller limited to a jurisdiction submits only documents of it.
     */
    public Outcome evaluate(byte[] body, boolean dryRun, Caller submitter) throws IOException {
        long started = System.nanoTime();
        Prepared prepared = prepare(body, 0, body == null ? 0 : body.length, dryRun, submitter);
        if (prepared.dryRun() != null) {
            return prepared.dryRun();
        }
        // the wait for the commit counts from here: a slow evaluation leaves less of it (answers within 2 s)
        Object stored = store(List.of(prepared), submitter, started).get(0);
        if (stored instanceof RuntimeException e) {
            throw e;
        }
        return (Outcome) stored;
    }

    /** Everything but storing, for the document in body[offset, offset + length): no transaction, no connection. */
    public Prepared prepare(byte[] body, int offset, int length, boolean dryRun, Caller submitter) throws IOException {
        RuleSet set = ruleBook.current();
        return prepare(set, reader.read(body, offset, length, LocalDate.now(clock), set.inspectionRuleIds()), dryRun, submitter);
    }

    private Prepared prepare(RuleSet set, InspectionDocument doc, boolean dryRun, Caller submitter) {
        OutOfJurisdictionException.check(doc.building().jurisdiction(), submitter);
        EvaluationResult result = latency.record(() -> evaluator.evaluate(set, doc));
        Instant now = clock.instant();
        if (dryRun) {
            count(result, true);
            return new Prepared(new Outcome(json(EvaluationResponse.of(null, doc, now, set, result)), false, null), null, null, doc,
                    result);
        }
        UUID id = RandomIds.next();
        EvaluationEntity entity = new EvaluationEntity();
        entity.id = id;
        entity.inspectionId = doc.inspection().id();
        entity.buildingId = doc.building().id();
        entity.jurisdiction = doc.building().jurisdiction();
        entity.inspectionDate = doc.inspection().date();
        entity.classification = result.classification().name();
        entity.ruleSetVersion = set.version();
        entity.evaluatedAt = now;
        entity.document = json(doc);
        EvaluationResponse response = EvaluationResponse.of(id.toString(), doc, now, set, result);
        entity.result = json(response);
        entity.submittedBy = submitter.name();
        return new Prepared(null, entity, response, doc, result);
    }

    /**
     * Stores prepared documents with the effect of storing them one after another, in their order: an Outcome
     * or the RuntimeException of each. Rows that touch no supervision order go through group commit, many
     * to a transaction; a result the order listener acts on (a major hazard) is stored on its own, after the
     * rows before it, so that a batch's evaluations of one building meet its order in the batch's order.
     */
    public List<Object> store(List<Prepared> items, Caller submitter) {
        return store(items, submitter, System.nanoTime());
    }

    private List<Object> store(List<Prepared> items, Caller submitter, long started) {
        Object[] out = new Object[items.size()];
        List<Integer> group = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (listener.acts(items.get(i).result())) {
                commitGroup(items, group, out, submitter, started);
                out[i] = alone(items.get(i), submitter);
            } else {
                group.add(i);
            }
        }
        commitGroup(items, group, out, submitter, started);
        return Arrays.asList(out);
    }

    private void commitGroup(List<Prepared> items, List<Integer> group, Object[] out, Caller submitter, long started) {
        if (group.isEmpty()) {
            return;
        }
        List<Object> written = groupCommit.write(group.stream().map(i -> items.get(i).row()).toList(), submitter, started);
        for (int k = 0; k < group.size(); k++) {
            Prepared p = items.get(group.get(k));
            Object w = written.get(k);
            if (w == GroupCommit.Written.STORED) {
                count(p.result(), false);
                out[group.get(k)] = new Outcome(p.row().result, true, p.row().id.toString());
            } else if (w instanceof GroupCommit.Written) {
                // a taken inspection id (a retry, or a conflict), or a building with an open order
                out[group.get(k)] = alone(p, submitter);
            } else {
                out[group.get(k)] = w;
            }
        }
        group.clear();
    }

    private Object alone(Prepared p, Caller submitter) {
        try {
            return buildingLocks.with(p.doc().building().id(),
                    () -> QuarkusTransaction.requiringNew().call(() -> storeAlone(p, submitter)));
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** One evaluation in its own transaction, with its supervision order under the order's row lock. */
    private Outcome storeAlone(Prepared p, Caller submitter) {
        EvaluationEntity entity = p.row();
        EvaluationResult result = p.result();
        if (!repository.insertIfAbsent(entity)) {
            EvaluationRepository.Existing existing = repository.existing(entity.inspectionId, entity.document);
            EvaluationEntity stored = repository.findById(existing.id());
            // checked first: neither the result nor the building of another jurisdiction is disclosed
            OutOfJurisdictionException.checkStored(stored.jurisdiction, entity.inspectionId, submitter);
            if (!existing.sameDocument()) {
                throw new InspectionIdConflictException(entity.inspectionId, existing.buildingId());
            }
            return new Outcome(canonical(stored.result), false, stored.id.toString());
        }
        count(result, false);
        audit.record(submitter, AuditAction.EVALUATION_STORED, "evaluation " + entity.id, result.classification().name());
        Optional<EvaluationResponse.OrderRef> order = listener.onEvaluated(entity.id, p.doc(), result);
        if (order.isPresent()) {
            String withOrder = json(p.response().withOrder(order.get()));
            repository.replaceResult(entity.id, withOrder);
            return new Outcome(withOrder, true, entity.id.toString());
        }
        return new Outcome(entity.result, true, entity.id.toString());
    }

    /** Out of the caller's jurisdiction is as not found: the evaluation's existence is not disclosed. */
    public Optional<String> find(UUID id, Caller caller) {
        return repository.findByIdOptional(id).filter(e -> caller.covers(e.jurisdiction)).map(e -> canonical(e.result));
    }

    /** The same, as a record for the console's pages. */
    public Optional<EvaluationResponse> view(UUID id, Caller caller) {
        return repository.findByIdOptional(id).filter(e -> caller.covers(e.jurisdiction))
                .map(e -> JsonColumns.read(mapper, e.result, EvaluationResponse.class));
    }

    /** A building's results, newest first, for the console's pages; total is the count in the caller's scope. */
    public record History(List<EvaluationResponse> items, long total) {
    }

    public History historyOf(String buildingId, int page, int size, Caller caller) {
        return new History(repository.pageOfBuilding(buildingId, page, size, caller).stream()
                .map(e -> JsonColumns.read(mapper, e.result, EvaluationResponse.class)).toList(),
                repository.countOfBuilding(buildingId, caller));
    }

    public List<EvaluationResponse> recent(int size, Caller caller) {
        return repository.recent(size, caller).stream().map(e -> JsonColumns.read(mapper, e.result, EvaluationResponse.class)).toList();
    }

    /** items is a JSON array of results, written once here rather than parsed and written again. */
    @Schema(name = "EvaluationPage")
    public record Page(@Schema(type = SchemaType.ARRAY, implementation = EvaluationResponse.class) @JsonRawValue String items,
                       int page, int size, long total) {
    }

    public Page ofBuilding(String buildingId, int page, int size, Caller caller) {
        List<String> items = repository.pageOfBuilding(buildingId, page, size, caller).stream().map(e -> canonical(e.result)).toList();
        return new Page("[" + String.join(",", items) + "]", page, size, repository.countOfBuilding(buildingId, caller));
    }

    /** Each counter is looked up once: building its id and finding it in the registry cost more than counting. */
    private void count(EvaluationResult result, boolean dryRun) {
        counters.computeIfAbsent(new CounterKey(result.classification(), dryRun), k -> Counter.builder("firecheck.evaluations")
                .description("Inspection documents evaluated, by classification")
                .tag("classification", result.classification().name())
                .tag("dryRun", Boolean.toString(dryRun))
                .register(meters)).increment();
    }

    /**
     * jsonb keeps neither key order nor spacing, so a stored result is read back into the response record
     * and written again: every answer for one evaluation is then byte-identical to the first.
     */
    private String canonical(String stored) {
        return json(JsonColumns.read(mapper, stored, EvaluationResponse.class));
    }

    private String json(Object value) {
        return JsonColumns.write(mapper, value);
    }
}
