package org.roundtable.conference.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.access.AccessDenied;

/**
 * The layers of docs/architecture.md, checked on the compiled classes of both modules: a change
 * that makes a package depend on itself through others, or the domain reach up into a layer
 * above it, fails here rather than in a review.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void readTheCompiledPackages() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.roundtable.conference");
    }

    @Test
    void no_package_depends_on_itself_through_others() {
        slices().matching("org.roundtable.conference.(**)").should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void the_domain_depends_on_no_layer_above_it() {
        noClasses().that().resideInAPackage("org.roundtable.conference.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.roundtable.conference.application..",
                        "org.roundtable.conference.infrastructure..",
                        "org.roundtable.conference.interfaces..")
                .check(classes);
    }

    @Test
    void the_application_and_infrastructure_do_not_depend_on_the_interfaces() {
        noClasses().that().resideInAnyPackage(
                        "org.roundtable.conference.application..",
                        "org.roundtable.conference.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("org.roundtable.conference.interfaces..")
                .check(classes);
    }

    @Test
    void the_infrastructure_does_not_reach_up_into_the_application() {
        // Timers that run application work are application beans (application.timer); the
        // documents drawn from the application's views are the application's (application.document);
        // the operator's command line is an interface (interfaces.command).
        noClasses().that().resideInAPackage("org.roundtable.conference.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("org.roundtable.conference.application..")
                .check(classes);
    }

    @Test
    void the_access_rules_depend_on_no_other_part_of_the_application() {
        // Services ask the access package; it never asks them back (which would let a service's
        // convenience decide who sees what).
        noClasses().that().resideInAPackage("org.roundtable.conference.application.access..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.roundtable.conference.application",
                        "org.roundtable.conference.application.command..",
                        "org.roundtable.conference.application.view..",
                        "org.roundtable.conference.application.timer..",
                        "org.roundtable.conference.infrastructure..",
                        "org.roundtable.conference.interfaces..")
                .check(classes);
    }

    @Test
    void only_the_access_rules_refuse_someone_access() {
        // A refusal made anywhere else is a rule nobody can find: services and the live room ask
        // a decision of the access package and let it refuse.
        noClasses().that().resideOutsideOfPackage("org.roundtable.conference.application.access..")
                .should().callConstructorWhere(JavaConstructorCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(AccessDenied.class))))
                .check(classes);
    }

    @Test
    void the_rules_read_the_classes_of_both_modules() {
        // Without this, a class path that lost conference-ejb would pass every rule above.
        org.junit.jupiter.api.Assertions.assertTrue(
                classes.contain("org.roundtable.conference.application.ClockProducer")
                        && classes.contain("org.roundtable.conference.interfaces.problem.Problem"),
                "both modules' classes are imported");
    }
}
