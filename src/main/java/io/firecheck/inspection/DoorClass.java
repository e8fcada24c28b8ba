package io.firecheck.inspection;

/** Fire door class: A (甲) is the strongest, C (丙) the weakest; NONE means no fire-rated door at all. */
public enum DoorClass { A, B, C, NONE }
