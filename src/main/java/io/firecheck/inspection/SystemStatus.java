package io.firecheck.inspection;

public enum SystemStatus { NOT_INSTALLED, NORMAL, FAULTY }
