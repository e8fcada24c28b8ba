package io.firecheck.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a parsed JSON body into a valid inspection document, or rejects it with every problem at once:
 * wrong types, unknown fields and enum values, and the value and cross-field checks on the rest.
 */
public final class DocumentReader {
    private final ObjectMapper mapper;
    private final DocumentChecks checks;
    private final StrictBinding strict;

    public DocumentReader(ObjectMapper mapper, DocumentChecks checks) {
        this.mapper = mapper;
        this.checks = checks;
        this.strict = new StrictBinding(mapper);
    }

    /**
     * A request body, or one item of a batch, lying in body[offset, offset + length): a valid document is parsed
     * once, straight into the records; any other is read as a tree by {@link #read(JsonNode, LocalDate, Set)},
     * which gives every answer (a malformed body's JsonProcessingException, or every problem at once).
     */
    public InspectionDocument read(byte[] body, int offset, int length, LocalDate today, Set<String> ruleIds) throws IOException {
        InspectionDocument doc = length == 0 ? null : strict.bind(body, offset, length);
        if (doc == null) {
            return read(length == 0 ? null : mapper.readTree(body, offset, length), today, ruleIds);
        }
        return checked(doc, new ArrayList<>(), Set.of(), today, ruleIds);
    }

    /** ruleIds: the inspection rules of the active set, which {@code correctedOnSite} may name. */
    public InspectionDocument read(JsonNode node, LocalDate today, Set<String> ruleIds) {
        JsonShape.Checked shape = JsonShape.check(node, InspectionDocument.class);
        List<Violation> violations = new ArrayList<>(shape.violations());
        // a value removed for its shape is reported once, not again as "must not be null"
        Set<String> reported = shape.violations().stream().map(Violation::field).collect(Collectors.toSet());
        return checked(shape.sanitized() == null ? null : bind(shape.sanitized()), violations, reported, today, ruleIds);
    }

    /** The document unless it or the shape check has problems: then all of them, sorted, in one exception. */
    private InspectionDocument checked(InspectionDocument doc, List<Violation> violations, Set<String> reported, LocalDate today,
                                       Set<String> ruleIds) {
        if (doc != null) {
            checks.check(doc, today, ruleIds).stream().filter(v -> !reported.contains(v.field())).forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
            throw new InvalidDocumentException(violations);
        }
        return doc;
    }

    /**
     * A document stored after {@link #read} accepted it, bound as it is: not checked again, since "today" and
     * the rule ids a correction may name have moved on since it was accepted.
     */
    public InspectionDocument stored(String json) throws JsonProcessingException {
        return mapper.readValue(json, InspectionDocument.class);
    }

    private InspectionDocument bind(JsonNode node) {
        try {
            return mapper.treeToValue(node, InspectionDocument.class);
        } catch (JsonProcessingException e) {
            // the shape check leaves nothing for Jackson to refuse; if it does, still a 400
            throw new InvalidDocumentException(List.of(new Violation("$", e.getOriginalMessage())));
        }
    }
}
