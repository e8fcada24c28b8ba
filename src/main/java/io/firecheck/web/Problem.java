package io.firecheck.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firecheck.inspection.Violation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with the invalid fields of a rejected request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details (application/problem+json); for invalid input, violations name every "
        + "offending field by its JSON path")
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
