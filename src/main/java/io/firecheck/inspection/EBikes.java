package io.firecheck.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

public record EBikes(
        @PositiveOrZero Integer parkedInCommonAreas,
        @PositiveOrZero Integer chargingInCommonAreas,
        @PositiveOrZero Integer takenIntoLiftsOrHomes,
        Boolean pilotisParking,
        Boolean pilotisSeparated,
        @Valid CentralShed centralShed) {

    public record CentralShed(
            Boolean present,
            Boolean fireAlarm,
            Boolean extinguishers,
            Boolean sprinklers,
            Boolean autoCutoffChargers) {
    }
}
