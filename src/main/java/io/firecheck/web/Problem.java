package io.firecheck.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with the invalid fields of a rejected request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<?> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
