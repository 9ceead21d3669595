package dev.omnigraph.domain.archcanary.cycle.b;

/** Canary: the other half of a package cycle. */
public class CycleB {
    dev.omnigraph.domain.archcanary.cycle.a.CycleA other;
}
