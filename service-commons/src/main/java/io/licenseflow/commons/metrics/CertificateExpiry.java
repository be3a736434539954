package io.licenseflow.commons.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When each certificate this service serves (the TLS registry's default key store, with its chain), trusts (its trust
 * store) and its CA file names (licenseflow.tls.ca-file: in Kubernetes the TLS Secret's ca.crt) expires, as
 * licenseflow_tls_certificate_expiry_timestamp_seconds{store, subject, serial}: the certificate-expiry alert reads it.
 * Read again every hour: in Kubernetes the TLS registry re-reads the mounted Secret hourly
 * (quarkus.tls.reload-period), so a renewed certificate shows within two hours, and a restart shows it at once.
 */
@ApplicationScoped
@Startup
public class CertificateExpiry {

    private static final Logger LOG = Logger.getLogger(CertificateExpiry.class);

    private final TlsConfigurationRegistry tls;
    private final Optional<String> caFile;
    private final MultiGauge expiry;

    public CertificateExpiry(TlsConfigurationRegistry tls, MeterRegistry metrics,
            @ConfigProperty(name = "licenseflow.tls.ca-file") Optional<String> caFile) {
        this.tls = tls;
        this.caFile = caFile;
        this.expiry = MultiGauge.builder("licenseflow.tls.certificate.expiry.timestamp").baseUnit("seconds")
                .description("When a certificate the service serves or trusts expires, in seconds since the epoch").register(metrics);
        refresh();
    }

    @Scheduled(identity = "certificate-expiry", every = "1h", delayed = "1h")
    void refresh() {
        Map<Tags, Long> certificates = new LinkedHashMap<>();
        tls.getDefault().ifPresent(configuration -> {
            add(certificates, "key-store", keyStoreCertificates(configuration.getKeyStore()));
            add(certificates, "trust-store", configuration.isTrustAll() ? List.of() : keyStoreCertificates(configuration.getTrustStore()));
        });
        caFile.map(Path::of).filter(Files::isReadable).ifPresent(file -> add(certificates, "ca", fileCertificates(file)));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        certificates.forEach((tags, notAfter) -> rows.add(MultiGauge.Row.of(tags, notAfter)));
        expiry.register(rows, true);
    }

    private static void add(Map<Tags, Long> rows, String store, Collection<? extends Certificate> certificates) {
        for (Certificate certificate : certificates) {
            if (certificate instanceof X509Certificate x509) {
                rows.put(Tags.of("store", store, "subject", x509.getSubjectX500Principal().getName(), "serial", x509.getSerialNumber().toString(16)),
                        x509.getNotAfter().toInstant().getEpochSecond());
            }
        }
    }

    /** Every certificate of a key store: each key's whole chain, and each trusted certificate. */
    static List<Certificate> keyStoreCertificates(KeyStore store) {
        List<Certificate> certificates = new ArrayList<>();
        if (store == null) {
            return certificates;
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain != null) {
                    certificates.addAll(List.of(chain));
                } else if (store.getCertificate(alias) != null) {
                    certificates.add(store.getCertificate(alias));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read a key store of the TLS registry", e);
        }
        return certificates;
    }

    private static Collection<? extends Certificate> fileCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            LOG.warnf("cannot read the CA certificates of %s: %s", file, e.toString());
            return List.of();
        }
    }
}
