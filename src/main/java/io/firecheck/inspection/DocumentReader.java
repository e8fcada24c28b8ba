package io.firecheck.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Turns a parsed JSON body into an inspection document, or rejects it with every shape problem at once. */
public final class DocumentReader {
    private final ObjectMapper mapper;

    public DocumentReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public InspectionDocument read(JsonNode node) {
        List<Violation> violations = JsonShape.check(node, InspectionDocument.class);
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException(violations.stream()
                    .sorted(java.util.Comparator.comparing(Violation::field)).toList());
        }
        try {
            return mapper.treeToValue(node, InspectionDocument.class);
        } catch (JsonProcessingException e) {
            // the shape check above should leave nothing for Jackson to refuse; if it does, still a 400
            throw new InvalidDocumentException(List.of(new Violation("$", e.getOriginalMessage())));
        }
    }
}
