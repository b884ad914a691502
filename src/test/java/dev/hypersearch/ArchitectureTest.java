package dev.hypersearch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of DESIGN.md: the engine, data and search stay plain Java; nothing depends on api or worker. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hypersearch");
    }

    @Test
    void engineDataAndSearchArePlainJava() {
        noClasses().that().resideInAnyPackage("..nn..", "..data..", "..search..", "..text..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "tools.jackson..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theEngineDependsOnNoOtherProjectPackage() {
        noClasses().that().resideInAPackage("dev.hypersearch.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hypersearch.data..", "dev.hypersearch.search..",
                        "dev.hypersearch.trial..", "dev.hypersearch.store..", "dev.hypersearch.worker..",
                        "dev.hypersearch.api..")
                .check(classes);
    }

    @Test
    void dataAndSearchAreIndependentOfEachOtherAndOfTheEngine() {
        noClasses().that().resideInAPackage("dev.hypersearch.data..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hypersearch.search..", "dev.hypersearch.nn..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.hypersearch.search..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hypersearch.data..", "dev.hypersearch.nn..")
                .check(classes);
    }

    @Test
    void trialDoesNotKnowAboutStorageOrTheService() {
        noClasses().that().resideInAPackage("dev.hypersearch.trial..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hypersearch.store..", "dev.hypersearch.worker..",
                        "dev.hypersearch.api..", "org.springframework..")
                .check(classes);
    }

    @Test
    void nothingDependsOnApiOrWorker() {
        noClasses().that().resideOutsideOfPackages("dev.hypersearch.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.hypersearch.api..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.hypersearch.worker..")
                .should().dependOnClassesThat().resideInAPackage("dev.hypersearch.worker..")
                .check(classes);
    }
}
