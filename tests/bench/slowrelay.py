#!/usr/bin/python3
# A TCP relay on 127.0.0.1 that limits each direction to a line's rate,
# like a modem: bytes leave at RATE bits per second, in order. The bytes
# relayed so far ("down up", down = server to client) are kept in
# COUNTFILE after every chunk.
#
#   slowrelay.py LISTEN_PORT TARGET_PORT RATE_BPS COUNTFILE
import asyncio
import sys
import time

counts = [0, 0]


def save(path):
    with open(path + ".tmp", "w") as f:
        f.write("%d %d\n" % (counts[0], counts[1]))
    import os
    os.replace(path + ".tmp", path)


async def pipe(reader, writer, rate, which, path):
    # The line is busy until `free`; each byte takes 8 / rate seconds.
    free = time.monotonic()
    try:
        while True:
            data = await reader.read(256)
            if not data:
                break
            now = time.monotonic()
            free = max(free, now) + len(data) * 8.0 / rate
            await asyncio.sleep(free - now)
            writer.write(data)
            await writer.drain()
            counts[which] += len(data)
            save(path)
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main():
    lport, tport, rate, path = (int(sys.argv[1]), int(sys.argv[2]),
                                int(sys.argv[3]), sys.argv[4])
    save(path)

    async def client(cr, cw):
        sr, sw = await asyncio.open_connection("127.0.0.1", tport)
        await asyncio.gather(pipe(sr, cw, rate, 0, path),
                             pipe(cr, sw, rate, 1, path))

    server = await asyncio.start_server(client, "127.0.0.1", lport)
    async with server:
        # Bounded: a benchmark never leaves it running.
        await asyncio.sleep(3600)

asyncio.run(main())
