package dev.dossier.eventstore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon, checked on the compiled classes of every module (Maven already keeps the module
 * dependencies apart; this is the backstop). Each rule fails when the package it checks is empty.
 */
class HexagonArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importDossier() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dossier");
    }

    @Test
    void the_domain_depends_on_nothing_but_the_jdk() {
        classes().that().resideInAPackage("dev.dossier.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.dossier.domain..", "java..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_application_depends_only_on_the_domain_and_the_jdk() {
        classes().that().resideInAPackage("dev.dossier.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.dossier.application..", "dev.dossier.domain..", "java..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_infrastructure_never_reaches_into_the_application_or_the_assembly() {
        noClasses().that().resideInAPackage("dev.dossier.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dossier.application..", "dev.dossier.eventstore..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_domain_and_application_never_see_jackson() {
        noClasses().that().resideInAnyPackage("dev.dossier.domain..", "dev.dossier.application..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void no_class_enables_jackson_default_typing() {
        noClasses().should().callMethod(com.fasterxml.jackson.databind.ObjectMapper.class, "activateDefaultTyping",
                        com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator.class)
                .orShould().callMethod(com.fasterxml.jackson.databind.ObjectMapper.class, "enableDefaultTyping")
                .allowEmptyShould(true)
                .check(classes);
    }
}
