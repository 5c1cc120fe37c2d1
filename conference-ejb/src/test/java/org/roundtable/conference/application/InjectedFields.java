package org.roundtable.conference.application;

/** Fills a bean's injected field by hand, as the container would, for tests that run without one. */
final class InjectedFields {

    private InjectedFields() {
    }

    static void set(Object bean, String field, Object value) throws ReflectiveOperationException {
        var f = bean.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(bean, value);
    }
}
