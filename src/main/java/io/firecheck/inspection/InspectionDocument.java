package io.firecheck.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * One inspection of one building on one date: the contract of inspection-document.md.
 * An absent section or field means "not inspected", never "fine".
 */
public record InspectionDocument(
        @NotNull @Valid Inspection inspection,
        @NotNull @Valid Building building,
        @Valid ExteriorInsulation exteriorInsulation,
        @Valid FireSystems fireSystems,
        @Valid Evacuation evacuation,
        @Valid FireSeparation fireSeparation,
        @Valid RescueAccess rescueAccess,
        List<@NotNull @Valid Shaft> shafts,
        @Valid ElectricalAndGas electricalAndGas,
        @Valid ControlRoom controlRoom,
        @Valid MicroFireStation microFireStation,
        @Valid EBikes eBikes,
        @Valid Management management) {
}
