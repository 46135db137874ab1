#!/usr/bin/python3
# N concurrent pty sessions through a real SSH client library (asyncssh),
# each pressing a key once a second on the main menu (Down, then Up), for
# a measured window after all have logged in. Prints the echo latency
# (key sent to the first byte of the answer) p50/p90/p99, the server's
# CPU per keystroke and in all, its PSS per session and the listener's,
# and the generator's own CPU.
#
#   load.py PORT USER KEYFILE LISTENER_PID SESSIONS [SECONDS]
import asyncio
import os
import random
import resource
import sys
import time
import warnings

warnings.simplefilter("ignore")
import asyncssh  # noqa: E402

KEYS = [b"\x1b[B", b"\x1b[A"]          # Down, Up
LOGINS_AT_ONCE = 40                     # below the server's max_startups
CLK = os.sysconf("SC_CLK_TCK")


def descendants(pid):
    """The server's processes: the listener and everything below it."""
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
        except OSError:
            continue
        ppid = int(st[st.rindex(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def cpu_ticks(pids):
    total = 0
    for p in pids:
        try:
            with open("/proc/%d/stat" % p) as f:
                st = f.read()
        except OSError:
            continue
        fields = st[st.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])   # utime + stime
    return total


def pss_kb(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Session:
    def __init__(self):
        self.conn = None
        self.proc = None
        self.waiting = None      # time the key went out, until answered
        self.lat = []
        self.got = asyncio.Event()


async def login(port, user, key, sem, s):
    async with sem:
        s.conn = await asyncssh.connect(
            "127.0.0.1", port=port, username=user, client_keys=[key],
            known_hosts=None, agent_path=None)
        s.proc = await s.conn.create_process(
            term_type="xterm", term_size=(80, 24), encoding=None)
        seen = b""
        while b"F10" not in seen:
            seen += await asyncio.wait_for(s.proc.stdout.read(65536), 60)


async def reader(s):
    while True:
        data = await s.proc.stdout.read(65536)
        if not data:
            return
        if s.waiting is not None:
            s.lat.append(time.monotonic() - s.waiting)
            s.waiting = None


async def typist(s, until, measure_from):
    await asyncio.sleep(random.random())
    i = 0
    while time.monotonic() < until:
        t = time.monotonic()
        s.waiting = t if t >= measure_from else None
        s.proc.stdin.write(KEYS[i % 2])
        i += 1
        await asyncio.sleep(1.0 - (time.monotonic() - t) % 1.0)


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p / 100.0))]


async def main():
    port, user, keyfile = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    listener, n = int(sys.argv[4]), int(sys.argv[5])
    seconds = int(sys.argv[6]) if len(sys.argv) > 6 else 20
    key = asyncssh.read_private_key(keyfile)
    sem = asyncio.Semaphore(LOGINS_AT_ONCE)
    sessions = [Session() for _ in range(n)]
    t0 = time.monotonic()
    await asyncio.gather(*(login(port, user, key, sem, s) for s in sessions))
    print("%d sessions logged in in %.1f s" % (n, time.monotonic() - t0))
    readers = [asyncio.ensure_future(reader(s)) for s in sessions]
    # Two seconds to settle, then the measured window.
    start = time.monotonic()
    measure_from = start + 2
    until = measure_from + seconds
    typists = [asyncio.ensure_future(typist(s, until, measure_from))
               for s in sessions]
    await asyncio.sleep(2)
    pids = descendants(listener)
    cpu0, ru0 = cpu_ticks(pids), resource.getrusage(resource.RUSAGE_SELF)
    await asyncio.gather(*typists)
    await asyncio.sleep(0.5)
    cpu1, ru1 = cpu_ticks(pids), resource.getrusage(resource.RUSAGE_SELF)
    lat = [x * 1000 for s in sessions for x in s.lat]
    keys = len(lat)
    server_cpu = (cpu1 - cpu0) / CLK
    gen_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    pss = [pss_kb(p) for p in pids if p != listener]
    print("sessions %d, %d s measured, %d keys answered" % (n, seconds, keys))
    print("echo latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f" % (
        pct(lat, 50), pct(lat, 90), pct(lat, 99), max(lat) if lat else 0))
    print("server CPU: %.2f s in %d s = %.1f%% of one core; %.3f ms per key"
          % (server_cpu, seconds, 100 * server_cpu / seconds,
             1000 * server_cpu / keys if keys else 0))
    print("server PSS: %.2f MB per session (%d processes), listener %.2f MB"
          % (sum(pss) / 1024.0 / n, len(pss), pss_kb(listener) / 1024.0))
    print("generator CPU: %.2f s in %d s = %.1f%% of one core" % (
        gen_cpu, seconds, 100 * gen_cpu / seconds))
    for r in readers:
        r.cancel()
    for s in sessions:
        s.conn.close()
    await asyncio.sleep(0.5)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (8192, 8192))
    asyncio.run(main())
