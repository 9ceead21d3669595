package dev.omnigraph.adapters.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version stamped into the distribution's jar manifest. */
public final class OmnigraphVersion implements IVersionProvider {

    /** The version of this build, or {@code development} when run from classes rather than the jar. */
    public static String current() {
        String stamped = OmnigraphVersion.class.getPackage().getImplementationVersion();
        return stamped == null ? "development" : stamped;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "omnigraph " + current(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
