package io.certana.platform.problem;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.resteasy.reactive.common.util.PathHelper;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper.RequestMatch;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import io.quarkus.logging.Log;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;

/**
 * Finds the HTTP methods that the JAX-RS resources accept on a path, for the {@code Allow} header
 * of a 405 response (RFC 9110, section 15.5.6).
 *
 * <p>NOTE: Quarkus REST 3.33 throws {@code NotAllowedException} without an {@code Allow} header,
 * and offers no public API that lists the methods of a path. This class therefore repeats the
 * routing of {@code RestInitialHandler} and {@code ClassRoutingHandler} with their own request
 * mappers, which are internal classes of Quarkus REST. A Quarkus upgrade that changes them breaks
 * the compilation of this class or the 405 test in identity-service.
 */
final class AllowedMethods {

    private static final String GET = "GET";
    private static final String HEAD = "HEAD";
    private static final String OPTIONS = "OPTIONS";

    /** Class-level mapper and the deployment it was built from, which dev mode replaces on reload. */
    private static volatile CachedMapper cached;

    private AllowedMethods() {
    }

    /**
     * Returns the methods accepted on {@code path} (the request path, root path included) in
     * alphabetical order, or an empty set when no resource matches or the routing tables cannot
     * be read.
     */
    static Set<String> forPath(String path) {
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        if (deployment == null) {
            return Set.of();
        }
        try {
            return collect(classMapper(deployment), PathHelper.getPathWithoutPrefix(path, deployment.getPrefix()));
        } catch (RuntimeException e) {
            Log.warnf(e, "Failed to list the allowed methods of %s, so the response goes out without an Allow header",
                    path);
            return Set.of();
        }
    }

    private static Set<String> collect(RequestMapper<InitialMatch> classMapper, String path) {
        Set<String> methods = new TreeSet<>();
        // Several resource classes can match the same path, so every class match is tried, as
        // RestInitialHandler does when a class has no method for the rest of the path.
        RequestMatch<InitialMatch> classMatch = classMapper.map(path);
        while (classMatch != null) {
            String remaining = classMatch.remaining.isEmpty() ? "/" : classMatch.remaining;
            for (ServerRestHandler handler : classMatch.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    addMatchingMethods(routing.getMappers(), remaining, methods);
                }
            }
            classMatch = classMapper.continueMatching(path, classMatch);
        }
        if (methods.isEmpty()) {
            return methods;
        }
        // Quarkus REST serves HEAD through the GET method, and OPTIONS itself on every matched class.
        if (methods.contains(GET)) {
            methods.add(HEAD);
        }
        methods.add(OPTIONS);
        return methods;
    }

    private static void addMatchingMethods(Map<String, RequestMapper<RuntimeResource>> mappersByMethod,
            String remaining, Set<String> methods) {
        for (Map.Entry<String, RequestMapper<RuntimeResource>> entry : mappersByMethod.entrySet()) {
            // The null key contains the sub-resource locators, which accept any method.
            if (entry.getKey() != null && entry.getValue().map(remaining) != null) {
                methods.add(entry.getKey());
            }
        }
    }

    private static RequestMapper<InitialMatch> classMapper(Deployment deployment) {
        CachedMapper current = cached;
        if (current == null || current.deployment() != deployment) {
            current = new CachedMapper(deployment, new RequestMapper<>(new ArrayList<>(deployment.getClassMappers())));
            cached = current;
        }
        return current.mapper();
    }

    private record CachedMapper(Deployment deployment, RequestMapper<InitialMatch> mapper) {
    }
}
