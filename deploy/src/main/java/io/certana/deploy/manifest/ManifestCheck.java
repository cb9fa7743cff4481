package io.certana.deploy.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline check of deploy/: renders every kustomization with {@code kubectl kustomize},
 * validates each object against its JSON Schema and applies {@link ManifestRules} to each rendered
 * overlay; the Secret templates are validated and checked for placeholders. An empty list of
 * findings means every manifest is valid.
 */
public final class ManifestCheck {

    private final Path deployDir;
    private final Kustomize kustomize;
    private final SchemaValidation validation;
    private final SecretTemplates secretTemplates;
    private final ManifestRules rules;

    public ManifestCheck(Path deployDir, Path schemaOutputDir, Kustomize kustomize) {
        this.deployDir = deployDir.toAbsolutePath().normalize();
        this.kustomize = kustomize;
        this.validation = new SchemaValidation(SchemaCatalog.create(schemaOutputDir, this.deployDir.resolve("schemas")));
        this.secretTemplates = SecretTemplates.read(this.deployDir);
        this.rules = new ManifestRules(secretTemplates.names());
    }

    /** Checks all kustomizations and the Secret templates. */
    public List<Finding> checkAll() {
        kustomize.requireVersion();
        List<Finding> findings = new ArrayList<>();
        for (Path directory : Kustomize.kustomizations(deployDir)) {
            findings.addAll(checkKustomization(directory));
        }
        findings.addAll(checkSecretTemplates());
        return findings;
    }

    /** Renders one kustomization and checks what it renders. */
    public List<Finding> checkKustomization(Path directory) {
        String source = deployDir.relativize(directory.toAbsolutePath().normalize()).toString();
        return checkRendered(ManifestReader.read(source, kustomize.render(directory)));
    }

    /** Validates objects against their schemas and applies the overlay rules to them as one set. */
    public List<Finding> checkRendered(List<Manifest> manifests) {
        List<Finding> findings = validate(manifests);
        findings.addAll(rules.check(manifests));
        return findings;
    }

    /** Validates objects against their schemas only. */
    public List<Finding> validate(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest manifest : manifests) {
            findings.addAll(validation.validate(manifest));
        }
        return findings;
    }

    public List<Finding> checkSecretTemplates() {
        List<Finding> findings = validate(secretTemplates.manifests());
        findings.addAll(secretTemplates.check());
        return findings;
    }

    public SecretTemplates secretTemplates() {
        return secretTemplates;
    }
}
