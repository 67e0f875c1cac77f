package com.audiostems.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of README.md's Architecture, checked on the compiled classes of every module but the
 * app (which may use everything; that nothing uses it is checked on the others). A layer without
 * classes and a rule that matches none fail too, so a module missing from this module's
 * dependencies cannot pass unseen.
 */
@AnalyzeClasses(packages = "com.audiostems", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {
  private static final String[] MEDIA_LIBRARIES = {
    "net.bramp.ffmpeg..", "be.tarsos..", "org.jaudiotagger.."
  };

  /**
   * dsp ← activities ← workers ← app; workflows ← everyone; storage ← activities, workers, gateway.
   */
  @ArchTest
  static final ArchRule modulesDependOneWay =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("dsp")
          .definedBy("com.audiostems.dsp..")
          .layer("workflows")
          .definedBy("com.audiostems.workflows..")
          .layer("storage")
          .definedBy("com.audiostems.storage..")
          .layer("activities")
          .definedBy("com.audiostems.activities..")
          .layer("workers")
          .definedBy("com.audiostems.workers..")
          .layer("gateway")
          .definedBy("com.audiostems.gateway..")
          // Its classes are not imported (its jar is repackaged): a layer only as what the others
          // must not use.
          .optionalLayer("app")
          .definedBy("com.audiostems.app..")
          .whereLayer("app")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("gateway")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("workers")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("activities")
          .mayOnlyBeAccessedByLayers("workers", "app")
          .whereLayer("dsp")
          .mayOnlyBeAccessedByLayers("activities", "app")
          .whereLayer("storage")
          .mayOnlyBeAccessedByLayers("activities", "workers", "gateway", "app")
          .whereLayer("workflows")
          .mayOnlyBeAccessedByLayers("storage", "activities", "workers", "gateway", "app")
          .because("each module depends only on the modules below it (README.md, Architecture)");

  @ArchTest
  static final ArchRule dspIsPureJava =
      noClasses()
          .that()
          .resideInAPackage("com.audiostems.dsp..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.temporal..", "org.springframework..", "software.amazon..", "ai.onnxruntime..")
          .because(
              "audio-dsp is signal processing on PCM: activities bring it to Temporal, the workers to Spring, and run its learned models (native ONNX Runtime)");

  @ArchTest
  static final ArchRule workflowsAreAContractWithoutInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("com.audiostems.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "software.amazon..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(MEDIA_LIBRARIES)
          .because(
              "workflows is the contract every module shares and runs deterministically in any worker");

  @ArchTest
  static final ArchRule storageKnowsNoTemporal =
      noClasses()
          .that()
          .resideInAPackage("com.audiostems.storage..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.temporal..")
          .because(
              "storage throws its own exceptions; activities map them to failure types, the gateway to problems");

  @ArchTest
  static final ArchRule gatewayLinksNoMediaCode =
      noClasses()
          .that()
          .resideInAPackage("com.audiostems.gateway..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(MEDIA_LIBRARIES)
          .because(
              "the gateway starts and reads workflows and hands out storage locations; media work runs in the workers");

  /** Temporal, Spring, the media libraries and our DSP, workers, gateway and app code. */
  private static final String[] RUNTIME_AND_MEDIA = {
    "io.temporal..",
    "org.springframework..",
    "net.bramp.ffmpeg..",
    "be.tarsos..",
    "org.jaudiotagger..",
    "com.audiostems.dsp..",
    "com.audiostems.activities..",
    "com.audiostems.workers..",
    "com.audiostems.gateway..",
    "com.audiostems.app.."
  };

  @ArchTest
  static final ArchRule ledgerIsPlainJdbc =
      noClasses()
          .that()
          .resideInAPackage("com.audiostems.ledger..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(RUNTIME_AND_MEDIA)
          .because(
              "the ledger is plain JDBC that the gateway, the workers and the command line all open (Ledgers.open)");

  @ArchTest
  static final ArchRule licensingIsPlainJca =
      noClasses()
          .that()
          .resideInAPackage("com.audiostems.licensing..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(RUNTIME_AND_MEDIA)
          .because(
              "licence tokens are sealed and opened with the JCA alone, in the gateway and on the command line");
}
