package dev.hypersearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's start command ({@code ./mvnw spring-boot:run}) must train at the jar's speed: the plugin's JVM gets
 * the Vector API module and is not the optimized launch, whose {@code -XX:TieredStopAtLevel=1} keeps C2 (and so
 * the engine's fast path) off. The engine's own check ({@code JitCheck}) covers any other launcher at run time.
 */
class LaunchConfigurationTest {

    @Test
    void springBootRunStartsAJvmThatRunsTheFastPath() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element plugin = plugin(pom, "spring-boot-maven-plugin");
        assertEquals("false", text(plugin, "optimizedLaunch"), "spring-boot:run would pass -XX:TieredStopAtLevel=1");
        assertEquals("${engine.jvm.flags}", text(plugin, "jvmArguments"));
        assertTrue(text(pom.getDocumentElement(), "engine.jvm.flags").contains("--add-modules jdk.incubator.vector"));
    }

    private static Element plugin(Document pom, String artifactId) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            if (artifactId.equals(text(p, "artifactId"))) {
                return p;
            }
        }
        throw new AssertionError("no " + artifactId + " in pom.xml");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
