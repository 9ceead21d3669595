package dev.omnigraph.adapters.http.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Prose (and, for closed string sets, the allowed values) of a wire record, one of its members or a route parameter. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface ApiDescription {

    /** What the record or member means to a client. */
    String value();

    /** The closed set of string values a member takes; empty when it is open. */
    String[] allowedValues() default {};
}
