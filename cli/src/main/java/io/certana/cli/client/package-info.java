/**
 * A plain-Java client of the Certana services' public API: {@link io.certana.cli.client.ClientSettings}
 * resolved by {@link io.certana.cli.client.SettingsResolver} (flags, environment, config file,
 * defaults), and {@link io.certana.cli.client.CertanaClient} for registering, polling, verifying,
 * quotas, readiness and login. Failures raise {@link io.certana.cli.client.CertanaClientException}.
 * The online commands in {@code io.certana.cli.online} and {@code certana demo} build on it.
 */
package io.certana.cli.client;
