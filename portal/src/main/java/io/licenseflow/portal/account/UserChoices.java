package io.licenseflow.portal.account;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One subject of an account with the purposes it opted out of, from the account's export (a row per subject and purpose). */
@TemplateData
public record UserChoices(String kind, String subjectId, List<String> optedOutOf, long version) {

    static List<UserChoices> of(List<Map<String, Object>> rows) {
        Map<String, UserChoices> bySubject = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String kind = String.valueOf(row.get("kind"));
            String subject = String.valueOf(row.get("subjectId"));
            UserChoices known = bySubject.computeIfAbsent(kind + ":" + subject, key -> new UserChoices(kind, subject, new ArrayList<>(), 0));
            if (Boolean.TRUE.equals(row.get("optedOut"))) {
                known.optedOutOf().add(String.valueOf(row.get("purpose")));
            }
            long version = row.get("version") instanceof Number n ? n.longValue() : 0;
            if (version > known.version()) {
                bySubject.put(kind + ":" + subject, new UserChoices(kind, subject, known.optedOutOf(), version));
            }
        }
        return List.copyOf(bySubject.values());
    }
}
