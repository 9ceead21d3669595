package dev.omnigraph.adapters.http.archcanary;

/** Canary: a driving adapter that reaches into a driven adapter and the application. */
public class HttpReachingIntoStorage {
    dev.omnigraph.adapters.storage.archcanary.StorageThing storage;
    dev.omnigraph.application.archcanary.DoThingHandler handler;
    picocli.CommandLine commandLine;
}
