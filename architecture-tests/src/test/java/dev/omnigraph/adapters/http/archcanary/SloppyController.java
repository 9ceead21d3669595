package dev.omnigraph.adapters.http.archcanary;

/** Canary: every coding-rule sin at once. Never run. */
public class SloppyController {
    public org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SloppyController.class);

    @jakarta.inject.Inject
    Object injected;

    void shout() {
        System.out.println("hello");
        java.util.logging.Logger.getLogger("x").info("hello");
        throw new RuntimeException("generic");
    }
}
