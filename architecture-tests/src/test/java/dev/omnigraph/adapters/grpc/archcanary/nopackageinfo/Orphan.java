package dev.omnigraph.adapters.grpc.archcanary.nopackageinfo;

/** Canary: a class in a package with no package-info. */
public class Orphan {
}
