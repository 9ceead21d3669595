package dev.omnigraph.adapters.storage.archcanary;

import java.lang.reflect.Field;

/** Canary: a storage class that pries a private member open (never production code). */
public class ReflectiveLanceReach {
    Object pry(Object dataset, Field hidden) throws IllegalAccessException {
        hidden.setAccessible(true);
        return hidden.get(dataset);
    }
}
