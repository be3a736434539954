package io.licenseflow.commons.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When each certificate this service serves (the TLS registry's default key store) and trusts (its trust store)
 * expires, as licenseflow_tls_certificate_expiry_timestamp_seconds{store, subject}: the certificate-expiry alert
 * reads it. Read again every hour: in Kubernetes the TLS registry re-reads the mounted Secret hourly
 * (quarkus.tls.reload-period), so a renewed certificate shows within two hours, and a restart shows it at once.
 */
@ApplicationScoped
@Startup
public class CertificateExpiry {

    private final TlsConfigurationRegistry tls;
    private final MultiGauge expiry;

    public CertificateExpiry(TlsConfigurationRegistry tls, MeterRegistry metrics) {
        this.tls = tls;
        this.expiry = MultiGauge.builder("licenseflow.tls.certificate.expiry.timestamp").baseUnit("seconds")
                .description("When a certificate the service serves or trusts expires, in seconds since the epoch").register(metrics);
        refresh();
    }

    @Scheduled(identity = "certificate-expiry", every = "1h", delayed = "1h")
    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        tls.getDefault().ifPresent(configuration -> {
            rows.addAll(rows("key-store", configuration.getKeyStore()));
            rows.addAll(rows("trust-store", configuration.isTrustAll() ? null : configuration.getTrustStore()));
        });
        expiry.register(rows, true);
    }

    static List<MultiGauge.Row<?>> rows(String store, KeyStore keyStore) {
        if (keyStore == null) {
            return List.of();
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
                    rows.add(MultiGauge.Row.of(Tags.of("store", store, "subject", certificate.getSubjectX500Principal().getName()),
                            certificate.getNotAfter().toInstant().getEpochSecond()));
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read the " + store, e);
        }
        return rows;
    }
}
