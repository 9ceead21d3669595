package dev.omnigraph.domain.archcanary;

/** Canary: a domain class that owns a thread pool. */
public class DomainUsingThreads {
    java.util.concurrent.ExecutorService pool;
}
