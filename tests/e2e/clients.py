#!/usr/bin/python3
# Log in with a scripting client and run a command, over exec and on a pty.
#   clients.py paramiko|asyncssh PORT USER KEYFILE
# Prints "exec: ..." with the output of whoami and "pty: ok" once the
# full-screen UI showed its key bar; exits non-zero on any failure. The
# server serves one session channel per connection, so each is its own.
import sys
import time
import warnings

warnings.simplefilter("ignore")
TIMEOUT = 15


def paramiko_connect(port, user, keyfile):
    import paramiko
    key = paramiko.Ed25519Key.from_private_key_file(keyfile)
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    c.connect("127.0.0.1", port=port, username=user, pkey=key,
              allow_agent=False, look_for_keys=False, timeout=TIMEOUT,
              banner_timeout=TIMEOUT, auth_timeout=TIMEOUT)
    return c


def with_paramiko(port, user, keyfile):
    c = paramiko_connect(port, user, keyfile)
    t = c.get_transport()
    print("cipher: %s %s" % (t.remote_cipher, t.remote_mac))
    _, out, _ = c.exec_command("whoami", timeout=TIMEOUT)
    print("exec: " + out.read().decode("utf-8").replace("\n", " | "))
    print("exit: %d" % out.channel.recv_exit_status())
    c.close()
    c = paramiko_connect(port, user, keyfile)
    ch = c.invoke_shell(term="xterm", width=80, height=24)
    ch.settimeout(TIMEOUT)
    seen = b""
    end = time.time() + TIMEOUT
    while b"F10" not in seen and time.time() < end:
        seen += ch.recv(65536)
    print("pty: " + ("ok" if b"F10" in seen else "no UI"))
    ch.close()
    c.close()
    return b"F10" in seen


def asyncssh_connect(port, user, key):
    import asyncssh
    return asyncssh.connect("127.0.0.1", port=port, username=user,
                            client_keys=[key], known_hosts=None,
                            agent_path=None)


async def asyncssh_run(port, user, keyfile):
    import asyncio
    import asyncssh
    key = asyncssh.read_private_key(keyfile)
    async with asyncssh_connect(port, user, key) as conn:
        r = await asyncio.wait_for(conn.run("whoami"), TIMEOUT)
        print("exec: " + r.stdout.replace("\n", " | "))
        print("exit: %d" % r.exit_status)
    async with asyncssh_connect(port, user, key) as conn:
        proc = await conn.create_process(term_type="xterm",
                                         term_size=(80, 24), encoding=None)
        seen = b""
        end = time.time() + TIMEOUT
        while b"F10" not in seen and time.time() < end:
            seen += await asyncio.wait_for(proc.stdout.read(65536), TIMEOUT)
        print("pty: " + ("ok" if b"F10" in seen else "no UI"))
        proc.close()
        return b"F10" in seen


def with_asyncssh(port, user, keyfile):
    import asyncio
    return asyncio.run(asyncssh_run(port, user, keyfile))


def main():
    which, port, user, keyfile = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
        sys.argv[4]
    run = {"paramiko": with_paramiko, "asyncssh": with_asyncssh}[which]
    return 0 if run(port, user, keyfile) else 1


if __name__ == "__main__":
    sys.exit(main())
