package io.certana.deploy.image;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The configuration properties that a packaged service declares through {@code @ConfigMapping}
 * interfaces, read by reflection from its target/quarkus-app: the service's own jar and Certana's
 * jars in lib/main (common/platform declares {@code certana.internal} and {@code certana.auth}).
 * Group methods (returning a nested mapping interface) add a name segment. Leaf methods are
 * properties, named in kebab case unless {@code @WithName} gives another name, with the value of
 * {@code @WithDefault} when there is one.
 */
final class ConfigMappings {

    private static final String CONFIG_MAPPING = "io.smallrye.config.ConfigMapping";
    private static final String WITH_DEFAULT = "io.smallrye.config.WithDefault";
    private static final String WITH_NAME = "io.smallrye.config.WithName";

    private ConfigMappings() {
    }

    /** Returns every property with its default (empty when it has none), by property name. */
    static Map<String, Optional<String>> of(Path quarkusApp) throws IOException, ReflectiveOperationException {
        List<Path> certanaJars = new ArrayList<>();
        List<URL> classpath = new ArrayList<>();
        try (Stream<Path> jars = Stream.concat(Files.list(quarkusApp.resolve("app")), Files.list(quarkusApp.resolve("lib/main")))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                classpath.add(jar.toUri().toURL());
                String name = jar.getFileName().toString();
                if (jar.getParent().getFileName().toString().equals("app") || name.startsWith("io.certana.")) {
                    certanaJars.add(jar);
                }
            }
        }
        Map<String, Optional<String>> properties = new LinkedHashMap<>();
        try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), null)) {
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> mappingType = (Class<? extends Annotation>) loader.loadClass(CONFIG_MAPPING);
            for (Path jar : certanaJars) {
                for (String className : classNames(jar)) {
                    Class<?> type;
                    try {
                        type = Class.forName(className, false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                    Annotation mapping = type.getAnnotation(mappingType);
                    if (mapping != null) {
                        String prefix = (String) mappingType.getMethod("prefix").invoke(mapping);
                        collect(type, prefix, properties, loader);
                    }
                }
            }
        }
        return properties;
    }

    private static void collect(Class<?> group, String prefix, Map<String, Optional<String>> properties,
            ClassLoader loader) throws ReflectiveOperationException {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || overridden(group, method)) {
                continue;
            }
            String name = prefix + "." + annotationValue(method, WITH_NAME, loader).orElse(kebab(method.getName()));
            Type type = method.getGenericReturnType();
            Class<?> raw = type instanceof ParameterizedType parameterized
                    ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
            if (raw.isInterface() && raw.getName().startsWith("io.certana.")) {
                collect(raw, name, properties, loader);
            } else {
                properties.put(name, annotationValue(method, WITH_DEFAULT, loader));
            }
        }
    }

    /** Whether a more specific declaration of the same method exists (a plan interface overriding a default). */
    private static boolean overridden(Class<?> group, Method method) {
        if (method.getDeclaringClass() == group) {
            return false;
        }
        try {
            return group.getMethod(method.getName()).getDeclaringClass() != method.getDeclaringClass();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Optional<String> annotationValue(Method method, String annotationName, ClassLoader loader)
            throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Class<? extends Annotation> type = (Class<? extends Annotation>) loader.loadClass(annotationName);
        Annotation annotation = method.getAnnotation(type);
        return annotation == null ? Optional.empty() : Optional.of((String) type.getMethod("value").invoke(annotation));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static List<String> classNames(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.endsWith(".class") && !entry.contains("$") && entry.startsWith("io/certana/")) {
                    names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return names;
    }

    /** Returns the environment variable that SmallRye Config maps to {@code property}: non-alphanumerics become underscores. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }
}
