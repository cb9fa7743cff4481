package io.certana.identity.devbootstrap;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;

import io.certana.identity.apikey.ApiKey;
import io.certana.identity.apikey.ApiKeyRepository;
import io.certana.identity.apikey.rest.CreateApiKeyRequest;
import io.certana.identity.apikey.rest.CreatedApiKeyView;
import io.certana.identity.apikey.service.ApiKeyService;
import io.certana.identity.config.IdentityConfig;
import io.certana.identity.organization.Organization;
import io.certana.identity.organization.OrganizationMember;
import io.certana.identity.organization.OrganizationMemberRepository;
import io.certana.identity.organization.OrganizationRepository;
import io.certana.identity.organization.Plan;
import io.certana.identity.organization.rest.CreateOrganizationRequest;
import io.certana.identity.organization.service.OrganizationService;
import io.certana.identity.security.SecureTokens;
import io.certana.identity.user.User;
import io.certana.identity.user.UserRepository;
import io.certana.identity.user.service.AccountService;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Role;
import io.certana.platform.auth.Scope;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Ensures, at start and when {@code certana.identity.dev-bootstrap.enabled} is true, a demo user,
 * organization and API key, and writes their credentials to a file for {@code bin/certana demo}.
 *
 * <p>Each run is idempotent. It keeps the file's password and API key while they still work: the
 * password matches the user's hash, and the key is active, unexpired, belongs to the demo
 * organization and has the demo scopes. Otherwise it resets the password or creates a new key
 * (revoking older active keys named {@value #KEY_NAME}) and rewrites the file. The steps run in
 * separate transactions, so a run that stops halfway is completed by the next one. Concurrent runs
 * on several replicas are not handled: the switch is for a single local instance.
 */
@ApplicationScoped
public class DevBootstrapService {

    static final String EMAIL = "demo@certana.local";
    static final String FULL_NAME = "Certana Demo";
    static final String ORGANIZATION_NAME = "Certana Demo";
    static final String ORGANIZATION_SLUG = "demo";
    static final Plan PLAN = Plan.ENTERPRISE;
    static final String KEY_NAME = "demo";
    static final List<Scope> KEY_SCOPES = List.of(Scope.READ, Scope.WRITE, Scope.VERIFY);

    /** Random bytes in a generated password: 144 bits, 24 base64url characters. */
    static final int PASSWORD_BYTES = 18;

    private final IdentityConfig config;
    private final List<String> activeProfiles;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final OrganizationMemberRepository members;
    private final OrganizationService organizationService;
    private final ApiKeyRepository keys;
    private final ApiKeyService keyService;
    private final CredentialsFile credentialsFile;

    public DevBootstrapService(IdentityConfig config, Config microprofileConfig, UserRepository users,
            OrganizationRepository organizations, OrganizationMemberRepository members,
            OrganizationService organizationService, ApiKeyRepository keys, ApiKeyService keyService,
            CredentialsFile credentialsFile) {
        this.config = config;
        this.activeProfiles = microprofileConfig.unwrap(SmallRyeConfig.class).getProfiles();
        this.users = users;
        this.organizations = organizations;
        this.members = members;
        this.organizationService = organizationService;
        this.keys = keys;
        this.keyService = keyService;
        this.credentialsFile = credentialsFile;
    }

    /** Runs after Flyway has migrated the schema. An exception thrown here stops the start. */
    void onStart(@Observes StartupEvent event) {
        boolean enabled = config.devBootstrap().enabled();
        DevBootstrapGuard.check(enabled, activeProfiles);
        if (!enabled) {
            return;
        }
        Log.warnf("Dev bootstrap is enabled (%s): ensuring the demo account %s with a known password and API key. "
                + "Never enable it on a shared or production instance.", DevBootstrapGuard.ENABLED_KEY, EMAIL);
        ensureDemoAccount();
    }

    /**
     * Ensures the demo user, organization, membership and API key, and writes the credentials file
     * unless it already contains working credentials.
     *
     * @return the credentials now in the file
     */
    public DemoCredentials ensureDemoAccount() {
        Path file = credentialsFilePath();
        Optional<DemoCredentials> previous = credentialsFile.read(file);

        String keptPassword = previous.map(DemoCredentials::password).filter(this::passwordMatches).orElse(null);
        String password = keptPassword != null ? keptPassword : SecureTokens.randomBase64Url(PASSWORD_BYTES);
        // bcrypt at cost 12 takes about a quarter second (an estimate), so it runs outside the transaction.
        String newPasswordHash = keptPassword != null
                ? null
                : BcryptUtil.bcryptHash(password, AccountService.BCRYPT_COST);
        UUID userId = QuarkusTransaction.requiringNew().call(() -> upsertUser(newPasswordHash));

        UUID organizationId = ensureOrganization(userId);

        Optional<ApiKey> keptKey = previous.map(DemoCredentials::apiKey)
                .flatMap(keyService::findUsable)
                .filter(key -> isDemoKey(key, organizationId));
        String apiKey;
        UUID apiKeyId;
        String keyPrefix;
        if (keptKey.isPresent()) {
            apiKey = previous.get().apiKey();
            apiKeyId = keptKey.get().id;
            keyPrefix = keptKey.get().keyPrefix;
        } else {
            CreatedApiKeyView created = replaceKey(organizationId, userId);
            apiKey = created.key();
            apiKeyId = created.id();
            keyPrefix = created.keyPrefix();
        }

        DemoCredentials current = new DemoCredentials(EMAIL, password, userId, organizationId, ORGANIZATION_SLUG,
                apiKey, apiKeyId);
        if (previous.isPresent() && previous.get().equals(current)) {
            credentialsFile.restrictPermissions(file);
        } else {
            credentialsFile.write(file, current);
        }
        Log.infof("Dev bootstrap: organization %s (%s), API key %s, credentials in %s", organizationId,
                ORGANIZATION_SLUG, keyPrefix, file.toAbsolutePath().normalize());
        return current;
    }

    private Path credentialsFilePath() {
        return config.devBootstrap().credentialsFile().orElseThrow(() -> new IllegalStateException(
                "certana.identity.dev-bootstrap.credentials-file is missing. Set it to the JSON file that receives "
                        + "the demo credentials, for example ../.certana/demo/credentials.json"));
    }

    private boolean passwordMatches(String password) {
        Optional<User> user = QuarkusTransaction.requiringNew().call(() -> users.findByEmail(EMAIL));
        return user.isPresent() && BcryptUtil.matches(password, user.get().passwordHash);
    }

    /** Creates the demo user or repairs it. A null hash keeps the stored password. */
    private UUID upsertUser(String newPasswordHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<User> existing = users.findByEmail(EMAIL);
        if (existing.isEmpty()) {
            User user = new User();
            user.id = UUID.randomUUID();
            user.email = EMAIL;
            user.fullName = FULL_NAME;
            user.passwordHash = newPasswordHash;
            user.verified = true;
            user.createdAt = now;
            users.persistAndFlush(user);
            Log.infof("Dev bootstrap: created the demo user %s", user.id);
            return user.id;
        }

        User user = existing.get();
        if (newPasswordHash != null || !user.verified || !FULL_NAME.equals(user.fullName)) {
            if (newPasswordHash != null) {
                user.passwordHash = newPasswordHash;
                Log.infof("Dev bootstrap: reset the password of the demo user %s", user.id);
            }
            user.verified = true;
            user.fullName = FULL_NAME;
            user.updatedAt = now;
        }
        return user.id;
    }

    private UUID ensureOrganization(UUID userId) {
        Optional<Organization> existing = QuarkusTransaction.requiringNew()
                .call(() -> organizations.findBySlug(ORGANIZATION_SLUG));
        if (existing.isEmpty()) {
            Organization created = organizationService.create(userId,
                    new CreateOrganizationRequest(ORGANIZATION_NAME, ORGANIZATION_SLUG, null), PLAN);
            return created.id;
        }
        UUID organizationId = existing.get().id;
        QuarkusTransaction.requiringNew().run(() -> repairOrganization(organizationId, userId));
        return organizationId;
    }

    /**
     * Gives an existing organization with the demo slug the demo name, plan and limits, and makes
     * the demo user its owner. It repairs an organization that a developer changed or created by
     * hand in the dev database.
     */
    private void repairOrganization(UUID organizationId, UUID userId) {
        Organization organization = organizations.findByIdForUpdate(organizationId).orElseThrow();
        IdentityConfig.PlanLimits limits = PLAN.limits(config.plans());
        boolean changed = !ORGANIZATION_NAME.equals(organization.name)
                || !PLAN.wireName().equals(organization.plan)
                || !userId.equals(organization.ownerId)
                || organization.maxUsers != limits.maxUsers()
                || organization.maxAssets != limits.maxAssets()
                || organization.maxVerificationsPerDay != limits.maxVerificationsPerDay();
        if (changed) {
            organization.name = ORGANIZATION_NAME;
            organization.plan = PLAN.wireName();
            organization.ownerId = userId;
            organization.maxUsers = limits.maxUsers();
            organization.maxAssets = limits.maxAssets();
            organization.maxVerificationsPerDay = limits.maxVerificationsPerDay();
            organization.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Log.infof("Dev bootstrap: reset organization %s to the demo name, plan %s and owner %s", organizationId,
                    PLAN.wireName(), userId);
        }

        Optional<OrganizationMember> membership = members.findMembership(organizationId, userId);
        if (membership.isEmpty()) {
            OrganizationMember owner = new OrganizationMember();
            owner.id = UUID.randomUUID();
            owner.organizationId = organizationId;
            owner.userId = userId;
            owner.role = Role.OWNER.wireName();
            owner.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            members.persist(owner);
            Log.infof("Dev bootstrap: added the demo user %s to organization %s as owner", userId, organizationId);
        } else if (!Role.OWNER.wireName().equals(membership.get().role)) {
            membership.get().role = Role.OWNER.wireName();
            Log.infof("Dev bootstrap: made the demo user %s owner of organization %s", userId, organizationId);
        }
    }

    private static boolean isDemoKey(ApiKey key, UUID organizationId) {
        Set<String> expectedScopes = Set.copyOf(KEY_SCOPES.stream().map(Scope::wireName).toList());
        return key.organizationId.equals(organizationId)
                && Set.copyOf(Arrays.asList(key.scopes)).equals(expectedScopes);
    }

    /** Revokes the organization's active keys named {@value #KEY_NAME} and creates a new one. */
    private CreatedApiKeyView replaceKey(UUID organizationId, UUID userId) {
        List<ApiKey> stale = QuarkusTransaction.requiringNew()
                .call(() -> keys.listActiveByName(organizationId, KEY_NAME));
        for (ApiKey key : stale) {
            keyService.revoke(organizationId, key.id, userId);
        }
        OrganizationAccess owner = new OrganizationAccess(organizationId, Role.OWNER, Role.OWNER.scopes());
        CreateApiKeyRequest request = new CreateApiKeyRequest(KEY_NAME,
                KEY_SCOPES.stream().map(Scope::wireName).toList(), null, null, null);
        return keyService.create(owner, userId, request);
    }
}
