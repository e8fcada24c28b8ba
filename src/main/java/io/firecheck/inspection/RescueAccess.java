package io.firecheck.inspection;

public record RescueAccess(
        Boolean fireLaneBlocked,
        Boolean fireLaneMarked,
        Boolean aerialPlatformSiteObstructed,
        Boolean aerialPlatformSiteMarked,
        Boolean separationDistanceOccupied) {
}
