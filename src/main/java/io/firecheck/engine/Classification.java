package io.firecheck.engine;

public enum Classification { MAJOR_HAZARD, GENERAL_HAZARD, COMPLIANT, INCOMPLETE }
