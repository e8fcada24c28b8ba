package io.firecheck.inspection;

public record ExteriorInsulation(
        Boolean present,
        MaterialClass materialClass,
        Boolean protectiveLayerDamaged,
        Boolean warningSignsPosted) {
}
