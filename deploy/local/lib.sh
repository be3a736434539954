# Shared helpers for ./licenseflow, deploy/local/stack and .ci/run. Source it; it defines functions only.

LF_ROOT=${LF_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

lf_say() { printf '\033[1m[licenseflow]\033[0m %s\n' "$*" >&2; }
lf_die() { printf '\033[31m[licenseflow] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Java major version of a java binary, e.g. 21.
lf_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

# Prints a JAVA_HOME with Java >= $1 (default 21): $JAVA_HOME, then the JDKs under /usr/lib/jvm, then java on PATH.
lf_find_jdk() {
  local need=${1:-21} candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    local major; major=$(lf_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

lf_require_jdk() {
  local jdk
  jdk=$(lf_find_jdk 21) || lf_die "LicenseFlow needs a JDK 21 or newer (found none in \$JAVA_HOME, /usr/lib/jvm or on PATH). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21/25, or set JAVA_HOME."
  export JAVA_HOME=$jdk
  export PATH="$JAVA_HOME/bin:$PATH"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
lf_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits up to $2 seconds for command "$3..." to succeed; $1 names what we wait for.
lf_wait_for() {
  local what=$1 timeout=$2; shift 2
  local start=$SECONDS
  until "$@"; do
    if (( SECONDS - start >= timeout )); then return 1; fi
    sleep 0.5
  done
  lf_say "$what ready after $(( SECONDS - start )) s"
}

# True when the pid in file $1 runs and is ours: its command line names the pid file's directory (every
# process we start mentions its state directory), so a pid reused after a reboot is not mistaken for ours.
lf_pid_alive() {
  local pid
  [ -f "$1" ] && pid=$(cat "$1") && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$(dirname "$1")"
}

# Stops the process whose pid is in file $1 (TERM, then KILL after $2 seconds, default 20).
lf_stop_pid() {
  local file=$1 grace=${2:-20} pid
  lf_pid_alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 $(( grace * 4 ))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$file"
}

# The Maven Wrapper with a JDK >= 21 and batch mode.
lf_mvn() {
  lf_require_jdk
  "$LF_ROOT/mvnw" -B ${LF_MAVEN_QUIET:+-q} "$@"
}

LF_SERVICES="onboarding entitlement optout notification"
# What ./licenseflow up runs: the four services and the portal.
LF_APPS="$LF_SERVICES portal"

# The Maven module of an app: onboarding → onboarding-service, portal → portal.
lf_module() { if [ "$1" = portal ]; then echo portal; else echo "$1-service"; fi; }

# True when an app's jar is missing or older than any source it is built from.
lf_build_needed() {
  local s jar
  for s in $LF_APPS; do
    jar="$LF_ROOT/$(lf_module "$s")/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -n "$(find "$LF_ROOT/$(lf_module "$s")" "$LF_ROOT/service-commons" "$LF_ROOT/event-contracts" \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$jar" -print -quit)" ] && return 0
  done
  return 1
}

# Packages the four services and the portal when a jar is missing or stale (LF_REBUILD=1: always).
lf_build_services_if_needed() {
  if lf_build_needed || [ "${LF_REBUILD:-0}" = 1 ]; then
    lf_say "building the services and the portal (./mvnw package -DskipTests), since sources changed or jars are missing"
    local modules="" s
    for s in $LF_APPS; do modules="$modules${modules:+,}$(lf_module "$s")"; done
    LF_MAVEN_QUIET=1 lf_mvn -f "$LF_ROOT/pom.xml" package -DskipTests -pl "$modules" -am \
      || lf_die "the build failed; run ./mvnw package -DskipTests to see why"
  fi
}
