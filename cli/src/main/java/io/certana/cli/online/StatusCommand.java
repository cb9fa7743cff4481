package io.certana.cli.online;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.CertanaClientException;
import io.certana.cli.client.ClientSettings;
import io.certana.cli.client.Readiness;
import io.certana.cli.client.Service;
import io.certana.cli.client.SettingsException;
import io.certana.cli.client.SettingsResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code certana status}: whether the services are ready, which API key is configured, and the quota usage. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
                "Shows each service's URL and whether it is ready (GET /q/health/ready), the configured API key's "
                        + "prefix and where it comes from, and with a key the organization's usage and limits "
                        + "this month.",
                "Exit code 0 when all three services are ready (and the quota request succeeded), 1 otherwise.",
        })
public final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions services;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ErrorLines errors = new ErrorLines(spec.commandLine().getErr());
        SettingsResolver resolver = SettingsResolver.forCurrentUser();
        ClientSettings settings = services.resolve(resolver, null, errors);
        if (settings == null) {
            return errors.exitCode();
        }
        String keySource;
        try {
            keySource = resolver.apiKeySource(services.flags(null));
        } catch (SettingsException e) {
            errors.report("certana: " + e.getMessage());
            return errors.exitCode();
        }
        CertanaClient client = new CertanaClient(settings);

        TextTable table = new TextTable("SERVICE", "URL", "STATE");
        for (Service service : Service.values()) {
            Readiness readiness = client.readiness(service.baseUrl(settings));
            table.addRow(service.displayName(), service.baseUrl(settings).toString(), describe(readiness));
            if (readiness != Readiness.READY) {
                errors.report(service.displayName(), describe(readiness) + " at " + service.baseUrl(settings)
                        + (readiness == Readiness.NOT_REACHABLE ? "; start the services with bin/certana demo or as "
                                + "README.md describes, or set " + service.flag() + " or " + service.variable() : ""));
            }
        }
        table.print(out);
        out.println();

        if (!settings.hasApiKey()) {
            out.println("API key: none configured; run certana login, or set " + SettingsResolver.API_KEY_VARIABLE
                    + " (config file: " + resolver.configFile().path() + ")");
            out.flush();
            return errors.exitCode();
        }
        out.println("API key: " + settings.apiKeyPrefix() + " (from " + keySource + ")");
        out.flush();
        try {
            printQuotas(out, client.quotas());
        } catch (CertanaClientException e) {
            errors.report("certana: quota: " + e.getMessage());
        }
        return errors.exitCode();
    }

    private static String describe(Readiness readiness) {
        return switch (readiness) {
            case READY -> "ready";
            case NOT_READY -> "not ready";
            case NOT_REACHABLE -> "not reachable";
        };
    }

    private static void printQuotas(PrintWriter out, JsonNode quotas) {
        out.println("Quota from " + quotas.path("periodStart").asText("?") + " to "
                + quotas.path("periodEnd").asText("?") + ":");
        TextTable table = new TextTable("QUOTA", "USED", "LIMIT").alignRight(1).alignRight(2);
        table.addRow("uploads", count(quotas.path("uploads").path("used")), count(quotas.path("uploads").path("limit")));
        table.addRow("verifications", count(quotas.path("verifications").path("used")),
                count(quotas.path("verifications").path("limit")));
        table.addRow("storage", bytes(quotas.path("storageBytes").path("used")),
                bytes(quotas.path("storageBytes").path("limit")));
        table.print(out);
    }

    private static String count(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%,d", value.asLong()) : null;
    }

    /** Formats a byte count with binary units, such as {@code 1.5 MiB}. */
    static String bytes(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        double amount = value.asDouble();
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (amount >= 1024 && unit < units.length - 1) {
            amount /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%d B", value.asLong())
                : String.format(Locale.ROOT, "%.1f %s", amount, units[unit]);
    }
}
