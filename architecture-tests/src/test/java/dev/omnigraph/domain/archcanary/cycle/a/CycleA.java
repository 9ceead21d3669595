package dev.omnigraph.domain.archcanary.cycle.a;

/** Canary: one half of a package cycle. */
public class CycleA {
    dev.omnigraph.domain.archcanary.cycle.b.CycleB other;
}
