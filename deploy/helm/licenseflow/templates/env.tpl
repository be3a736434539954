{{/* Each application's own settings and secrets, as environment variables (names as its application.properties reads them). */}}

{{- define "licenseflow.env.onboarding" -}}
{{- end -}}

{{- define "licenseflow.env.entitlement" -}}
{{- $s := .root.Values.entitlement.keysSecret -}}
- name: LICENSEFLOW_KEYS_HASH_SECRET
  valueFrom:
    secretKeyRef: {name: {{ $s }}, key: hash-secret}
- name: LICENSEFLOW_KEYS_SEAL_SECRET
  valueFrom:
    secretKeyRef: {name: {{ $s }}, key: seal-secret}
- name: LICENSEFLOW_KEYS_HANDOFF_RECIPIENT_JWK
  valueFrom:
    secretKeyRef: {name: {{ $s }}, key: handoff-recipient-jwk}
- name: LICENSEFLOW_SIGNING_KEY_ENCRYPTION_SECRET
  valueFrom:
    secretKeyRef: {name: {{ $s }}, key: signing-key-encryption-secret}
{{- end -}}

{{- define "licenseflow.env.optout" -}}
- name: LF_OPTOUT_DB_USER
  valueFrom:
    secretKeyRef: {name: {{ .root.Values.optout.appDatabaseSecret }}, key: username}
- name: LF_OPTOUT_DB_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .root.Values.optout.appDatabaseSecret }}, key: password}
- name: LICENSEFLOW_WEBHOOKS_SEAL_SECRET
  valueFrom:
    secretKeyRef: {name: {{ .root.Values.optout.webhooksSecret }}, key: seal-secret}
{{- end -}}

{{- define "licenseflow.env.notification" -}}
{{- $n := .root.Values.notification -}}
- name: QUARKUS_MAILER_HOST
  value: {{ $n.smtp.host | quote }}
- name: QUARKUS_MAILER_PORT
  value: {{ $n.smtp.port | quote }}
- name: LF_SMTP_HELO_NAME
  value: {{ $n.smtp.heloName | quote }}
- name: QUARKUS_MAILER_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ $n.smtp.credentialsSecret }}, key: username}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $n.smtp.credentialsSecret }}, key: password}
- name: LICENSEFLOW_KEYS_HANDOFF_PRIVATE_JWK
  valueFrom:
    secretKeyRef: {name: {{ $n.keysSecret }}, key: handoff-private-jwk}
{{- end -}}

{{- define "licenseflow.env.portal" -}}
- name: LF_KEYCLOAK_ORIGIN
  value: {{ .root.Values.oidc.browserOrigin | quote }}
- name: LF_PORTAL_SESSION_SECRET
  valueFrom:
    secretKeyRef: {name: {{ .root.Values.portal.sessionSecret }}, key: session-secret}
{{- range $service := include "licenseflow.services" .root | fromJsonArray }}
- name: LF_{{ upper $service }}_URL
  value: {{ include "licenseflow.url" (dict "root" $.root "app" $service) | quote }}
{{- end }}
# The services' certificate is trusted through the CA in the TLS Secret (ca.crt).
- name: QUARKUS_TLS_TRUST_STORE_PEM_CERTS
  value: /etc/licenseflow/tls/ca.crt
{{- end -}}
