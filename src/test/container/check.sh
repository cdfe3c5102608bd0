#!/usr/bin/env bash
# The container check: builds the image from the project's real Dockerfile and checks, as the image's own user
# with its own environment, that it works: its HEALTHCHECK, a question through the ENTRYPOINT, a reindex into
# the index volume, the bot refusing to start without a token; that the user is not root, the knowledge base is
# read-only to it, the index and data volumes are writable, and the image keeps its HEALTHCHECK.
#
# No Docker engine and no image registry are needed: Debian's buildah builds the image (vfs storage, chroot
# isolation, never pulling), on stand-in base images made with debootstrap and tagged with the exact names of
# the Dockerfile's FROM lines. A stand-in is Debian bookworm with Debian's OpenJDK 17 (and Maven for the build
# stage), not Ubuntu with Temurin: see README.md, "Run with Docker", for what this cannot show.
#
# Needs root (as in CI). Installs buildah and debootstrap with apt-get when they are missing. Stand-ins and the
# build stage's Maven repository are kept in CRISISDESK_CONTAINER_CACHE (default
# /var/cache/crisisdesk-container-check) and reused while their recipe is unchanged; a fresh machine builds them
# (a few minutes). Prints one PASS or FAIL line per check and exits non-zero when any check fails.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../../.." && pwd)
cache=${CRISISDESK_CONTAINER_CACHE:-/var/cache/crisisdesk-container-check}
mirror=${CRISISDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
work=$(mktemp -d /tmp/crisisdesk-container-check.XXXXXX)
log=$work/log
tag=localhost/crisisdesk-container-check:$$
failures=0
started=$(date +%s)
containers=()

say() { printf '%s\n' "$*"; }
pass() { say "PASS $*"; }
fail() { say "FAIL $*"; failures=$((failures + 1)); }
# The last lines of what a failed step printed, indented under its FAIL line.
show() { sed -e 's/^/     | /' "$1" | tail -n "${2:-15}"; }

storage=(--root "$cache/storage" --runroot /run/crisisdesk-container-check --storage-driver vfs)
bah() { buildah "${storage[@]}" "$@"; }

cleanup() {
    for container in "${containers[@]}"; do
        bah rm "$container" >/dev/null 2>&1
    done
    bah rmi "$tag" >/dev/null 2>&1
    if [ "$failures" -eq 0 ]; then
        rm -rf "$work"
    else
        say "     (everything the failed steps printed is in $log)"
    fi
}
trap cleanup EXIT

if [ "$(id -u)" -ne 0 ]; then
    fail "the container check must run as root (buildah with chroot isolation and vfs storage)"
    exit 1
fi

# --- tools -------------------------------------------------------------------------------------------------------
if ! command -v buildah >/dev/null || ! command -v debootstrap >/dev/null; then
    say "installing buildah and debootstrap with apt-get"
    if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q buildah debootstrap; } \
        >>"$log" 2>&1; then
        fail "installing buildah and debootstrap"
        show "$log"
        exit 1
    fi
fi
mkdir -p "$cache"

# --- stand-in base images ----------------------------------------------------------------------------------------
# A stand-in is labelled with a digest of its recipe; one with the same label is reused. An image of that name
# without the label is a real base image (on a machine that could pull it): it is used as it is.
label=org.crisisdesk.container-check.recipe
java_certs=/etc/ssl/certs/java/cacerts
host_certs=/etc/ssl/certs/ca-certificates.crt

recipe_of() { # the Debian packages a FROM image's stand-in needs, by the image's name
    case "$1" in
        maven:* | */maven:*) say "openjdk-17-jdk-headless maven" ;;
        eclipse-temurin:* | */eclipse-temurin:*) say "openjdk-17-jre-headless" ;;
        *) return 1 ;;
    esac
}

recipe_digest() { # what a stand-in was made from: suite, mirror, packages and the CA bundles it copies
    { say "$suite $mirror $1"; cat "$java_certs" "$host_certs" 2>/dev/null; } | sha256sum | cut -c1-16
}

qualified() { # docker.io/library/NAME:TAG for a short name, as buildah resolves FROM lines
    case "$1" in
        */*/*) say "$1" ;;
        */*) say "docker.io/$1" ;;
        *) say "docker.io/library/$1" ;;
    esac
}

rootfs_image=localhost/crisisdesk-standin-rootfs:$suite
make_rootfs_image() {
    if bah inspect --type image "$rootfs_image" >/dev/null 2>&1; then
        return 0
    fi
    local rootfs=$work/rootfs container mount
    say "making a $suite root file system with debootstrap (about a minute)"
    debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >>"$log" 2>&1 || return 1
    container=$(bah from scratch 2>>"$log") || return 1
    containers+=("$container")
    mount=$(bah mount "$container" 2>>"$log") || return 1
    tar -C "$rootfs" -cf - . | tar -C "$mount" -xf - || return 1
    bah umount "$container" >>"$log" 2>&1
    bah commit --format docker "$container" "$rootfs_image" >>"$log" 2>&1 || return 1
    rm -rf "$rootfs"
}

make_standin() { # NAME PACKAGES DIGEST
    local name=$1 packages=$2 digest=$3 container
    make_rootfs_image || return 1
    container=$(bah from --pull-never "$rootfs_image" 2>>"$log") || return 1
    containers+=("$container")
    # shellcheck disable=SC2086 # the package list is meant to split
    bah run --isolation chroot -v /etc/resolv.conf:/etc/resolv.conf:ro "$container" -- sh -c \
        "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages \
         && apt-get clean && rm -rf /var/lib/apt/lists/*" >>"$log" 2>&1 || return 1
    # Maven in the build stage fetches over TLS: trust what this machine trusts.
    if [ -f "$java_certs" ]; then
        bah copy "$container" "$java_certs" /etc/ssl/certs/java/cacerts >>"$log" 2>&1 || return 1
    fi
    if [ -f "$host_certs" ]; then
        bah copy "$container" "$host_certs" /etc/ssl/certs/ca-certificates.crt >>"$log" 2>&1 || return 1
    fi
    bah config --label "$label=$digest" "$container" >>"$log" 2>&1 || return 1
    bah commit --format docker "$container" "$name" >>"$log" 2>&1 || return 1
}

# FROM lines name a base image, or an earlier stage (FROM build AS …): only the former need a stand-in.
# A digest pin (image:tag@sha256:…) cannot be matched by a stand-in, so the build uses a copy of the Dockerfile
# with the pins left out, and says so.
dockerfile=$repo/Dockerfile
stages=$(awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if (toupper($i) == "AS") print $(i + 1) }' \
    "$dockerfile")
bases=$(awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if ($i !~ /^--/) { print $i; break } }' \
    "$dockerfile" | sort -u)
if grep -qiE '^FROM[[:space:]].*@sha256:' "$dockerfile"; then
    sed -E 's/^(FROM[[:space:]].*[^[:space:]])@sha256:[0-9a-f]+/\1/I' "$dockerfile" >"$work/Dockerfile"
    dockerfile=$work/Dockerfile
    say "note: the Dockerfile pins base images by digest; the stand-ins cannot have those digests, so this build"
    say "      uses the same tags without the pins"
fi
standins_ok=1
for base in $bases; do
    base=${base%@*}
    if printf '%s\n' "$stages" | grep -qxF "$base"; then
        continue
    fi
    name=$(qualified "$base")
    if ! packages=$(recipe_of "$base"); then
        fail "stand-in for $base: no recipe (add one to recipe_of in $0)"
        standins_ok=0
        continue
    fi
    digest=$(recipe_digest "$packages")
    have=$(bah inspect --type image --format "{{index .Docker.Config.Labels \"$label\"}}" "$name" 2>/dev/null)
    status=$?
    if [ $status -eq 0 ] && [ "$have" = "$digest" ]; then
        pass "stand-in $name (cached: Debian $suite, $packages)"
    elif [ $status -eq 0 ] && [ -z "$have" ]; then
        pass "base image $name found in local storage (a real one, not a stand-in): used as it is"
    else
        step_started=$(date +%s)
        if make_standin "$name" "$packages" "$digest"; then
            pass "stand-in $name (made in $(($(date +%s) - step_started)) s: Debian $suite, $packages)"
        else
            fail "stand-in $name"
            show "$log"
            standins_ok=0
        fi
    fi
done
if [ "$standins_ok" -ne 1 ]; then
    say "container check: $failures failed (no image to check without base images)"
    exit 1
fi

# --- the image ---------------------------------------------------------------------------------------------------
# The build stage's Maven repository is a cache on this machine, mounted into RUN steps only (as a BuildKit cache
# mount would be): the Dockerfile still fetches everything a real build fetches, but only the first time here.
mkdir -p "$cache/m2"
step_started=$(date +%s)
if bah build --format docker --pull-never --isolation chroot -v "$cache/m2:/root/.m2" \
    -f "$dockerfile" -t "$tag" "$repo" >"$work/build.log" 2>&1; then
    pass "image built from the Dockerfile ($(($(date +%s) - step_started)) s)"
else
    cat "$work/build.log" >>"$log"
    fail "image built from the Dockerfile"
    show "$work/build.log" 20
    say "container check: $failures failed"
    exit 1
fi

image_config() { bah inspect --type image --format "$1" "$tag" 2>>"$log"; }

# HEALTHCHECK survives only in the Docker image format; an OCI image silently drops it.
healthcheck=()
mapfile -t healthcheck < <(image_config '{{range .Docker.Config.Healthcheck.Test}}{{println .}}{{end}}')
interval=$(image_config '{{.Docker.Config.Healthcheck.Interval}}')
if [ "${#healthcheck[@]}" -ge 2 ] && [ "${healthcheck[0]}" != "NONE" ]; then
    pass "image keeps its HEALTHCHECK: ${healthcheck[*]} every $interval"
else
    fail "image keeps its HEALTHCHECK (found: '${healthcheck[*]:-none}')"
fi

user=$(image_config '{{.Docker.Config.User}}')
entrypoint=()
mapfile -t entrypoint < <(image_config '{{range .Docker.Config.Entrypoint}}{{println .}}{{end}}')
environment=()
mapfile -t environment < <(image_config '{{range .Docker.Config.Env}}{{println .}}{{end}}')
volumes=$(image_config '{{range $path, $_ := .Docker.Config.Volumes}}{{println $path}}{{end}}')
env_of() { printf '%s\n' "${environment[@]}" | sed -n "s/^$1=//p" | head -n 1; }
index_dir=$(env_of CRISISDESK_INDEX)
knowledge_dir=$(env_of CRISISDESK_KNOWLEDGE)
feedback_log=$(env_of CRISISDESK_FEEDBACK_LOG)
heartbeat=$(env_of CRISISDESK_HEARTBEAT_FILE)
data_dir=$(dirname "${feedback_log:-/nonexistent/x}")

case "$user" in
    "" | root | 0 | 0:* | root:*) fail "the image's USER is not root (it is '${user:-unset, so root}')" ;;
    *) pass "the image's USER is '$user', not root" ;;
esac

container=$(bah from --pull-never "$tag" 2>>"$log")
if [ -z "$container" ]; then
    fail "a working container from the image"
    exit 1
fi
containers+=("$container")
env_flags=()
for variable in "${environment[@]}"; do
    env_flags+=(--env "$variable")
done

# Runs a command in the container as the image's user with the image's environment; output in $work/out.
as_user() {
    bah run --isolation chroot --user "${user:-root}" "${env_flags[@]}" "$container" -- "$@" \
        >"$work/out" 2>&1
}

if as_user id -u && uid=$(cat "$work/out") && [ "$uid" != 0 ]; then
    pass "commands run as uid $uid, not 0"
else
    fail "commands run as a user other than root"
    show "$work/out"
fi

for volume in "$index_dir" "$data_dir"; do
    if printf '%s\n' "$volumes" | grep -qxF "$volume"; then
        pass "$volume is a VOLUME"
    else
        fail "$volume is a VOLUME (declared: $(printf '%s ' $volumes))"
    fi
done

# Read-only: no file or folder of the knowledge base is writable by the user, and creating one fails.
if [ -n "$knowledge_dir" ] && as_user sh -c \
    'test -d "$1" && test -z "$(find "$1" -writable -print -quit)" && ! touch "$1/.write-probe" 2>/dev/null' \
    sh "$knowledge_dir"; then
    pass "the knowledge base ($knowledge_dir) is read-only to the user"
else
    fail "the knowledge base (${knowledge_dir:-CRISISDESK_KNOWLEDGE unset}) is read-only to the user"
    show "$work/out"
fi

for dir in "$index_dir" "$data_dir"; do
    if as_user sh -c 'touch "$1/.write-probe" && rm "$1/.write-probe"' sh "$dir"; then
        pass "$dir is writable by the user"
    else
        fail "$dir is writable by the user"
        show "$work/out"
    fi
done

# The HEALTHCHECK as Docker runs it: CMD is an argument list, CMD-SHELL a line for sh -c.
run_healthcheck() {
    case "${healthcheck[0]:-}" in
        CMD) as_user "${healthcheck[@]:1}" ;;
        CMD-SHELL) as_user /bin/sh -c "${healthcheck[1]}" ;;
        *) say "no HEALTHCHECK command" >"$work/out"; return 1 ;;
    esac
}

if run_healthcheck; then
    pass "HEALTHCHECK without a bot running: $(head -n 1 "$work/out")"
else
    fail "HEALTHCHECK without a bot running"
    show "$work/out"
fi

# The bot's heartbeat, as Bot writes it (first word: the gateway's state): what the HEALTHCHECK makes of it.
# heartbeat_case DESCRIPTION STATE AGE EXPECTED-EXIT TEXT-IN-OUTPUT
heartbeat_case() {
    as_user sh -c 'printf "%s shards=1\n" "$2" > "$1" && touch -d "$3" "$1"' sh "$heartbeat" "$2" "$3"
    run_healthcheck
    local exit=$?
    if [ "$exit" -eq "$4" ] && grep -q "$5" "$work/out"; then
        pass "HEALTHCHECK $1: $(head -n 1 "$work/out")"
    else
        fail "HEALTHCHECK $1 (exit $exit, expected $4)"
        show "$work/out"
    fi
}
if [ -n "$heartbeat" ]; then
    heartbeat_case "with a fresh heartbeat, gateway connected" connected now 0 "gateway connected"
    heartbeat_case "fails while the gateway is reconnecting" reconnecting now 1 "gateway reconnecting"
    heartbeat_case "fails on a stale heartbeat" connected "10 minutes ago" 1 "s old"
    as_user rm -f "$heartbeat"
else
    fail "the image sets CRISISDESK_HEARTBEAT_FILE for the bot's heartbeat"
fi

if as_user "${entrypoint[@]}" ask --json "which resolution ended MINUSMA's mandate?" \
    && grep -qE '"answered" *: *true' "$work/out"; then
    pass "a question answered through the ENTRYPOINT (${entrypoint[*]} ask --json …)"
else
    fail "a question answered through the ENTRYPOINT (${entrypoint[*]:-none} ask --json …)"
    show "$work/out"
fi

as_user cat "$index_dir/CURRENT"
before=$(cat "$work/out")
if as_user "${entrypoint[@]}" reindex && as_user cat "$index_dir/CURRENT" && after=$(cat "$work/out") \
    && [ -n "$after" ] && [ "$after" != "$before" ] \
    && as_user sh -c 'test -O "$1/$2" && test -w "$1/$2"' sh "$index_dir" "$after"; then
    pass "reindex wrote generation $after (after $before) into $index_dir as the user"
else
    fail "reindex into $index_dir as the user"
    show "$work/out"
fi

if as_user "${entrypoint[@]}" health; then
    pass "health after the reindex: $(head -n 1 "$work/out")"
else
    fail "health after the reindex"
    show "$work/out"
fi

# The bot without a token: a clear error naming DISCORD_TOKEN, a failure status, and no Discord connection tried.
if as_user "${entrypoint[@]}" bot; then
    fail "the bot without a token refuses to start (it exited 0)"
    show "$work/out"
elif grep -q "DISCORD_TOKEN" "$work/out"; then
    pass "the bot without a token fails with: $(grep -m 1 DISCORD_TOKEN "$work/out" | cut -c1-110)"
else
    fail "the bot without a token fails with an error naming DISCORD_TOKEN"
    show "$work/out"
fi

elapsed=$(($(date +%s) - started))
if [ "$failures" -eq 0 ]; then
    say "container check: all passed in $elapsed s"
    exit 0
fi
say "container check: $failures failed in $elapsed s"
exit 1
