#!/usr/bin/env python3
"""Says where a Keycloak flight recording (bench.profile=true) spent its time: CPU by the work it was doing, waits
inside requests by their cause, garbage-collection pauses and CPU load.

Usage: bench/jfr-breakdown.py [--window HH:MM:SS-HH:MM:SS ...] bench/target/load/keycloak.jfr
The load benchmark prints each step's window beside its figures; with --window (repeatable) only the events of those
steps count, so that one client's steps can be compared with the other's.
Each CPU sample is counted once, in the first group whose frame its stack holds (innermost groups first). Groups that
only an Alexa client reaches say what the Alexa rules cost; compare them with the samples per request of the run.
"""
import argparse
import re
import subprocess
from collections import Counter, defaultdict

# (group, frame) in order: the first frame found in a stack names its group.
CPU_GROUPS = [
    ("Keycloak: client looked up from the code before client authentication (PRE_TOKEN_REQUEST)",
     "PreTokenRequestContext.getClient"),
    ("our rules built from executor configuration", "dev.alexalink.keycloak.clientpolicy.RuleConfiguration.toRule"),
    ("our alexa-client condition (every client)", "dev.alexalink.keycloak.clientpolicy.AlexaClientCondition"),
    ("our client-secret guard (every client authentication of the realm)", "dev.alexalink.keycloak.authentication.AlexaClientSecretGuard"),
    ("our rule checks (executors)", "dev.alexalink.keycloak.clientpolicy.Alexa"),
    ("our rules (plain Java)", "dev.alexalink.rules."),
    ("our listener: stored-event details", "dev.alexalink.keycloak.events.StoredEventDetails"),
    ("our listener: log line and counter", "dev.alexalink.keycloak.events.AlexaLinkEventListenerProvider.report"),
    ("our listener: the rest", "dev.alexalink.keycloak.events."),
    ("Keycloak: executors instantiated and configured from the profile", "ClientPoliciesUtil.getClientProfileModel"),
    ("Keycloak: client profiles parsed from the realm", "ClientPoliciesUtil.getClientProfilesRepresentation"),
    ("Keycloak: client policies parsed from the realm", "ClientPoliciesUtil.getEnabledClientPolicies"),
    ("Keycloak: client-policy framework, the rest", "DefaultClientPolicyManager"),
]

# Waits a request thread spends off the CPU, by cause; the first frame found names it.
WAIT_EVENTS = ["jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead", "jdk.SocketWrite",
               "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce"]
WAIT_CAUSES = [
    ("our code", "dev.alexalink."),
    ("database connection pool (Agroal)", "io.agroal."),
    ("database: waiting for PostgreSQL's answer", "org.postgresql."),
    ("Infinispan caches", "org.infinispan."),
    ("Hibernate", "org.hibernate."),
]

DURATION = re.compile(r"([\d.,]+)\s*(ns|us|µs|ms|s|min|h)\b")
UNIT_MS = {"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "ms": 1.0, "s": 1000.0, "min": 60000.0, "h": 3600000.0}


def events(recording, types, stack_depth):
    """Yields each event of the given types as (type, fields, frames), from `jfr print`."""
    text = subprocess.run(["jfr", "print", "--events", ",".join(types), "--stack-depth", str(stack_depth), recording],
                          check=True, capture_output=True, text=True).stdout
    for block in re.split(r"\n(?=jdk\.\w+ \{)", text):
        header = re.match(r"\s*(jdk\.\w+) \{", block)
        if not header:
            continue
        fields, frames, in_stack = {}, [], False
        for line in block.splitlines()[1:]:
            line = line.strip()
            if in_stack:
                if line.startswith("]"):
                    in_stack = False
                else:
                    frames.append(line)
            elif line.startswith("stackTrace = ["):
                in_stack = True
            elif " = " in line:
                key, value = line.split(" = ", 1)
                fields[key] = value
        yield header.group(1), fields, frames


def milliseconds(text):
    match = DURATION.search(text or "")
    return float(match.group(1).replace(",", "")) * UNIT_MS[match.group(2)] if match else 0.0


def percent(text):
    return float(text.rstrip("%")) if text and text.endswith("%") else 0.0


def in_window(fields, windows):
    if not windows:
        return True
    clock = fields.get("startTime", "")[:8]
    return any(start <= clock <= end for start, end in windows)


def cpu_breakdown(recording, window):
    counts, total = Counter(), 0
    for _, fields, frames in events(recording, ["jdk.ExecutionSample"], 256):
        if not in_window(fields, window):
            continue
        total += 1
        for group, frame in CPU_GROUPS:
            if any(frame in f for f in frames):
                counts[group] += 1
                break
    print(f"CPU: {total} samples in all")
    for group, _ in CPU_GROUPS:
        print(f"{counts[group]:8d}  {100.0 * counts[group] / max(total, 1):5.2f} %  {group}")


def waits(recording, window):
    """Waits inside a request (a Keycloak frame on the stack), over the recording's threshold (10 ms with settings=profile)."""
    found = defaultdict(list)
    for kind, fields, frames in events(recording, WAIT_EVENTS, 128):
        if not in_window(fields, window) or not any("org.keycloak." in f for f in frames):
            continue
        cause = next((name for name, frame in WAIT_CAUSES if any(frame in f for f in frames)), None)
        if cause is None:
            first = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), frames[0] if frames else "?")
            cause = "other: " + first.split("(")[0]
        found[f"{kind.removeprefix('jdk.')}, {cause}"].append(milliseconds(fields.get("duration")))
    print("Waits inside requests:" + ("" if found else " none over the threshold"))
    for cause, durations in sorted(found.items(), key=lambda item: -sum(item[1])):
        print(f"{len(durations):8d} waits, {sum(durations):9.0f} ms in all, longest {max(durations):6.0f} ms  {cause}")


def pauses_and_load(recording, window):
    pauses, machine, jvm = [], [], []
    for kind, fields, _ in events(recording, ["jdk.GarbageCollection", "jdk.CPULoad"], 1):
        if not in_window(fields, window):
            continue
        if kind == "jdk.GarbageCollection":
            pauses.append(milliseconds(fields.get("longestPause")))
        else:
            machine.append(percent(fields.get("machineTotal")))
            jvm.append(percent(fields.get("jvmUser")) + percent(fields.get("jvmSystem")))
    if pauses:
        print(f"GC: {len(pauses)} collections, longest pause {max(pauses):.1f} ms, "
              f"{sum(1 for p in pauses if p >= 10)} pauses of 10 ms or more")
    if machine:
        print(f"CPU load, mean of {len(machine)} readings: machine {sum(machine) / len(machine):.0f} %, "
              f"Keycloak {sum(jvm) / len(jvm):.0f} %, the rest (PostgreSQL, Gatling, …) "
              f"{(sum(machine) - sum(jvm)) / len(machine):.0f} %")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recording")
    parser.add_argument("--window", action="append", default=[],
                        help="HH:MM:SS-HH:MM:SS, the wall-clock window of one step; repeat for several steps")
    arguments = parser.parse_args()
    window = []
    for text in arguments.window:
        if not re.fullmatch(r"\d\d:\d\d:\d\d-\d\d:\d\d:\d\d", text):
            parser.error(f"--window {text}: must be HH:MM:SS-HH:MM:SS, as the benchmark prints it")
        window.append(tuple(text.split("-")))
    cpu_breakdown(arguments.recording, window)
    waits(arguments.recording, window)
    pauses_and_load(arguments.recording, window)


if __name__ == "__main__":
    main()
