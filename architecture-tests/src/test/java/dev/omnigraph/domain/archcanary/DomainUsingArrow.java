package dev.omnigraph.domain.archcanary;

/** Canary: a domain class that reaches for Arrow (never production code). */
public class DomainUsingArrow {
    org.apache.arrow.vector.IntVector column;
}
