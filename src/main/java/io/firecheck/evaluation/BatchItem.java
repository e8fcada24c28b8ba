package io.firecheck.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.firecheck.web.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer of a batch, in the order of the request: a result (201 or 200) or a problem (400). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItem(int index, int status, String location,
                        @Schema(implementation = EvaluationResponse.class) @JsonRawValue String result, Problem problem) {
}
