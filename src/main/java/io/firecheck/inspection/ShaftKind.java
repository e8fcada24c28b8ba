package io.firecheck.inspection;

public enum ShaftKind { CABLE, PIPE, OTHER }
