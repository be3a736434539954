{{/* The five applications, in the order their objects are rendered. */}}
{{- define "licenseflow.apps" -}}
["onboarding", "entitlement", "optout", "notification", "portal"]
{{- end -}}

{{/* The four services (they use PostgreSQL and Kafka; the portal uses neither). */}}
{{- define "licenseflow.services" -}}
["onboarding", "entitlement", "optout", "notification"]
{{- end -}}

{{/* An application's Maven module, which is also its image's name. */}}
{{- define "licenseflow.module" -}}
{{- if eq . "portal" }}portal{{ else }}{{ . }}-service{{ end -}}
{{- end -}}

{{/* The object name of an application: <release>-<application>, e.g. licenseflow-onboarding. */}}
{{- define "licenseflow.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .app | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "licenseflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "licenseflow.module" .app }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "licenseflow.labels" -}}
{{ include "licenseflow.selectorLabels" . }}
app.kubernetes.io/part-of: licenseflow
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "licenseflow.image" -}}
{{ .root.Values.image.registry }}/{{ include "licenseflow.module" .app }}:{{ .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- end -}}

{{/* The HTTPS URL of an application inside the cluster. */}}
{{- define "licenseflow.url" -}}
https://{{ include "licenseflow.fullname" . }}:8443
{{- end -}}
