package scratchnet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages depend one way only: engine → nn → data, plot → display → Dsl → exec →
 * kernel / runner / shell / install (see {@link Layers}), with no cycles between packages.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("scratchnet");
        assertThat(main.size()).as("classes imported from target/classes").isGreaterThan(100);
    }

    @Test
    void everyDependencyPointsDownTheLayers() {
        assertThat(Layers.violations(main)).as("dependencies against the layering").isEmpty();
    }

    @Test
    void noCyclesBetweenPackages() {
        SlicesRuleDefinition.slices().matching("scratchnet.(**)").should().beFreeOfCycles().check(main);
    }

    /** The maths (engine, nn) uses no chart or table library: XChart and Tablesaw belong to plot, data and display. */
    @Test
    void engineAndNnUseNoChartOrTableLibrary() {
        ArchRuleDefinition.noClasses().that().resideInAnyPackage("scratchnet.engine..", "scratchnet.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.knowm..", "tech.tablesaw..", "java.awt..")
                .check(main);
    }

    /** The check itself must catch a forbidden use: a class in nn that draws a chart. */
    @Test
    void anNnClassUsingPlotIsCaught() {
        JavaClasses fixture = new ClassFileImporter()
                .importPackages("scratchnet.nn.layeringfixture");
        assertThat(Layers.violations(fixture))
                .anySatisfy(v -> assertThat(v).contains("NnUsesPlot").contains("nn may not use plot"));
    }

    /** Every package is in a layer, so a new package cannot slip past the check. */
    @Test
    void everyPackageHasALayer() {
        assertThat(main.stream().map(Layers::area).distinct().filter(a -> Layers.layer(a) < 0))
                .as("packages that no layer lists").isEmpty();
    }
}
