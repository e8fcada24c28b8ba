package io.firecheck.inspection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

public record Inspection(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotNull LocalDate date,
        @Size(max = 200) String inspector,
        List<@NotNull @Pattern(regexp = "[A-Z0-9-]{1,64}", message = "must be a rule id such as EVAC-BLOCKED") String> correctedOnSite) {

    public List<String> correctedOnSiteOrEmpty() {
        return correctedOnSite == null ? List.of() : correctedOnSite;
    }
}
