package io.firecheck.inspection;

public enum BuildingUse { RESIDENTIAL, PUBLIC, FACTORY, WAREHOUSE, MIXED }
