package dev.omnigraph.domain.archcanary;

/** Canary: a domain decision that reads the clock instead of taking time as an argument. */
public class DomainReadingTheClock {
    long decide() {
        return System.currentTimeMillis();
    }
}
