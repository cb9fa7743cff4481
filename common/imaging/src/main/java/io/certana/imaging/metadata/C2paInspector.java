package io.certana.imaging.metadata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records whether a file carries a C2PA manifest store, and the active manifest's label and
 * claim generator where they can be read. Nothing is validated (no signature, hash or trust
 * check) and a remote manifest is never fetched: a remote reference is only recorded.
 *
 * <p>C2PA 2.1 layout: the manifest store is a JUMBF superbox labelled {@code c2pa}. Each manifest
 * is a superbox inside it, and the last one is the active manifest. A manifest contains a claim box
 * labelled {@code c2pa.claim} or {@code c2pa.claim.v2} whose {@code cbor} box is the claim.
 * The claim names its generator in {@code claim_generator} (v1) or {@code claim_generator_info}
 * ({@code name} and {@code version}).
 */
final class C2paInspector {

    private C2paInspector() {
    }

    /**
     * Builds the {@code c2pa_metadata} object.
     *
     * @param boxes raw JUMBF data found in the file (joined APP11 boxes, caBX or C2PA chunks)
     * @param source where the boxes were found, for example {@code "jpeg-app11"}
     * @param remoteManifestUrl URL from XMP {@code dcterms:provenance}, or null
     * @param maxValueLength longest string copied from the claim
     */
    static ObjectNode inspect(List<byte[]> boxes, String source, String remoteManifestUrl, int maxValueLength) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        Jumbf.Box store = null;
        List<String> problems = new ArrayList<>();
        for (byte[] data : boxes) {
            try {
                for (Jumbf.Box box : Jumbf.parse(data)) {
                    if ("jumb".equals(box.type()) && "c2pa".equals(box.label())) {
                        store = box;
                    }
                }
            } catch (RuntimeException e) {
                // Malformed boxes raise IllegalArgumentException, wrong CBOR types ClassCastException.
                problems.add("manifest store is damaged: " + e.getMessage());
            }
        }
        result.put("present", store != null);
        if (store != null || !problems.isEmpty()) {
            result.put("source", source);
        }
        if (remoteManifestUrl != null) {
            result.put("remote_manifest_url", MetadataJson.truncate(remoteManifestUrl, maxValueLength));
            result.put("remote_manifest_fetched", false);
        }
        if (store != null) {
            List<Jumbf.Box> manifests = new ArrayList<>();
            for (Jumbf.Box child : store.children()) {
                if ("jumb".equals(child.type())) {
                    manifests.add(child);
                }
            }
            result.put("manifest_count", manifests.size());
            if (!manifests.isEmpty()) {
                Jumbf.Box active = manifests.get(manifests.size() - 1);
                if (active.label() != null) {
                    result.put("active_manifest", MetadataJson.truncate(active.label(), maxValueLength));
                }
                readClaimGenerator(active, result, problems, maxValueLength);
            }
        }
        if (!problems.isEmpty()) {
            result.put("error", MetadataJson.truncate(String.join("; ", problems), maxValueLength));
        }
        result.put("validated", false);
        return result;
    }

    private static void readClaimGenerator(Jumbf.Box manifest, ObjectNode result, List<String> problems, int maxValueLength) {
        Jumbf.Box claim = manifest.child("c2pa.claim.v2");
        if (claim == null) {
            claim = manifest.child("c2pa.claim");
        }
        if (claim == null) {
            problems.add("active manifest has no claim");
            return;
        }
        for (Jumbf.Box box : claim.children()) {
            if (!"cbor".equals(box.type())) {
                continue;
            }
            try {
                Object decoded = Cbor.decode(box.content());
                if (decoded instanceof Map<?, ?> map) {
                    String generator = generatorOf(map);
                    if (generator != null) {
                        result.put("claim_generator", MetadataJson.truncate(generator, maxValueLength));
                    }
                    Object version = map.get("claim_version");
                    if (claim.label().endsWith(".v2")) {
                        result.put("claim_version", 2);
                    } else if (version instanceof Number number) {
                        result.put("claim_version", number.intValue());
                    }
                }
            } catch (RuntimeException e) {
                problems.add("claim is not valid CBOR: " + e.getMessage());
            }
            return;
        }
    }

    private static String generatorOf(Map<?, ?> claim) {
        if (claim.get("claim_generator") instanceof String generator) {
            return generator;
        }
        Object info = claim.get("claim_generator_info");
        if (info instanceof List<?> list && !list.isEmpty()) {
            info = list.get(0);
        }
        if (info instanceof Map<?, ?> map && map.get("name") instanceof String name) {
            return map.get("version") instanceof String version ? name + " " + version : name;
        }
        return null;
    }
}
