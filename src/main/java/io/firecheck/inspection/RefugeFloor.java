package io.firecheck.inspection;

public enum RefugeFloor { NOT_REQUIRED, COMPLIANT, OCCUPIED }
