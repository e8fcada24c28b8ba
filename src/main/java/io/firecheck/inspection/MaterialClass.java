package io.firecheck.inspection;

/** GB 8624 reaction-to-fire class of an insulation material. */
public enum MaterialClass { A, B1, B2, B3 }
