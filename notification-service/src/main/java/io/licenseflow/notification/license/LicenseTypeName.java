package io.licenseflow.notification.license;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The name customers read for a license type: its latest version's display name (LicenseTypePublished). */
@Entity
@Table(name = "license_type_name")
public class LicenseTypeName extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public int version;

    /** The display names of these licenses' types, by type name (a type never published keeps its name). */
    public static Uni<Map<String, String>> displayNames(List<LicenseSnapshot> licenses) {
        List<String> types = licenses.stream().map(l -> l.licenseType).distinct().toList();
        return types.isEmpty() ? Uni.createFrom().item(Map.of())
                : LicenseTypeName.<LicenseTypeName>list("name in ?1", types)
                        .map(found -> found.stream().collect(Collectors.toMap(n -> n.name, n -> n.displayName, (a, b) -> a)));
    }
}
