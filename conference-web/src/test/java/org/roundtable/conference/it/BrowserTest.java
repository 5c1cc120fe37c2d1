package org.roundtable.conference.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A browser test against the Arquillian server with the demo data: the test PostgreSQL and
 * GreenMail first, then the deployment, then the demo fixture in the class's static
 * {@code DemoFixture} field and a Chromium with nothing of earlier tests in it (new, or one an
 * earlier test left, wiped) in its {@code Browser} field for each test, closed after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(BrowserTest.Fixtures.class)
@interface BrowserTest {

    /** Fills the fixture and browser fields; the order of the extensions above is the order they run. */
    final class Fixtures implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeAll(ExtensionContext context) throws IllegalAccessException {
            for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
                if (field.getType() == DemoFixture.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(null, new DemoFixture());
                }
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) throws IllegalAccessException {
            for (Field field : browserFields(context)) {
                field.set(context.getRequiredTestInstance(), new Browser());
            }
        }

        @Override
        public void afterEach(ExtensionContext context) throws IllegalAccessException {
            for (Field field : browserFields(context)) {
                if (field.get(context.getRequiredTestInstance()) instanceof Browser browser) {
                    browser.close();
                }
            }
        }

        private static java.util.List<Field> browserFields(ExtensionContext context) {
            var fields = new java.util.ArrayList<Field>();
            for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
                if (field.getType() == Browser.class && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
            return fields;
        }
    }
}
