package io.firecheck.inspection;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

public record Building(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Size(max = 200) String name,
        @Size(max = 500) String address,
        @NotBlank @Size(max = 200) String jurisdiction,
        @NotNull BuildingUse use,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal heightM,
        @PositiveOrZero @jakarta.validation.constraints.Max(500) Integer storeysAboveGround,
        Boolean singleStorey,
        List<@NotNull PlaceType> placeTypes,
        Boolean multiOwner,
        Boolean expertReviewMeasuresInPlace,
        Boolean outOfUse,
        Boolean multiUseMixed) {
}
