package io.firecheck.engine;

/** Order matters: findings are listed DIRECT, ELEMENT, GENERAL. SCOPE rules produce no finding. */
public enum Level { DIRECT, ELEMENT, GENERAL, SCOPE }
