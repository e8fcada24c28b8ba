package io.firecheck.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

public record MicroFireStation(
        Boolean present,
        @PositiveOrZero @Max(10000) Integer members,
        Boolean dutyRosterDefined,
        LocalDate lastTrainingDate,
        @Valid Readiness readiness,
        Boolean jointDefenceMechanism,
        @PositiveOrZero @Max(86400) Integer arrivalSeconds) {

    /** 三知四会一联通: three things known, four things the team can do, one link to the fire station. */
    public record Readiness(
            Boolean knowsFacilities,
            Boolean knowsEscapeRoutes,
            Boolean knowsBuildingLayout,
            Boolean canOrganizeEvacuation,
            Boolean canFightInitialFire,
            Boolean canUseProtectiveGear,
            Boolean canOperateFacilities,
            Boolean linkedToFireStation) {
    }
}
