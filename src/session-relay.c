/*
 * The relay: bytes from the child (pty master, or a command's stdout and
 * stderr) to the channel, never more than the client's window takes, and
 * bytes from the channel to the child through a bounded buffer. When the
 * buffer is full the rest stays in libssh, whose window then stops
 * growing, so a huge paste slows the client down instead of growing
 * memory or losing bytes.
 *
 * The UI's output is held until the UI says its frame is drawn (a byte on
 * the frame pipe), then sent in one write: curses writes a refresh in
 * many small pieces, and each would be a packet of its own, with its
 * header and MAC, on a slow line. Output without that word (before curses
 * starts, after it ends) goes out RELAY_FRAME_WAIT_MS later.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libssh/libssh.h>

#include "qualdesk.h"

#define RELAY_CHUNK	16384
/* Converted output is at most twice its UTF-8; keep room for that. */
#define RELAY_CONVERT_MIN_WINDOW 16

#define RELAY_FRAME_WAIT_MS	20

static double
relay_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* 1 if the pty's output is held for whole frames. */
static int
relay_batches(const struct session *s)
{
	return s->pty && s->slot[SESSION_FRAME].fd != -1;
}

/* 1 if the output of slot i goes through the charset converter. */
static int
relay_converts(const struct session *s, int i)
{
	if (!s->charset.active)
		return 0;
	return s->pty || i == SESSION_ERR || !s->out_binary;
}

/* Record what poll saw on a slot; the work happens after the poll. */
static int
relay_ready(socket_t fd, int revents, void *userdata)
{
	struct session_slot	*slot = userdata;

	(void)fd;
	slot->revents |= (short)revents;
	return 0;
}

/* The events slot i needs now. */
static short
relay_wanted(struct session *s, int i)
{
	struct session_slot	*slot = &s->slot[i];
	short			 ev = 0;
	int			 window;

	if (slot->fd == -1)
		return 0;
	if (i == SESSION_FRAME)
		return slot->eof ? 0 : POLLIN;
	window = s->channel != NULL && ssh_channel_window_size(s->channel) >=
	    (uint32_t)(relay_converts(s, i) ? RELAY_CONVERT_MIN_WINDOW : 1);
	/* A held frame is read whatever the window: it waits in outbuf. */
	if (i == SESSION_OUT && relay_batches(s))
		window = s->outlen < SESSION_OUTBUF;
	if ((i == SESSION_OUT || i == SESSION_ERR) && !slot->eof && window &&
	    !s->client_gone)
		ev |= POLLIN;
	if (s->inlen > 0 && (i == SESSION_IN ||
	    (i == SESSION_OUT && s->pty && !slot->eof)))
		ev |= POLLOUT;
	return ev;
}

void
session_relay_polls(struct session *s)
{
	struct session_slot	*slot;
	short			 ev;
	int			 i;

	for (i = 0; i < SESSION_NSLOTS; i++) {
		slot = &s->slot[i];
		ev = relay_wanted(s, i);
		slot->revents = 0;
		if (ev == slot->polled)
			continue;
		if (slot->polled != 0)
			ssh_event_remove_fd(s->event, slot->fd);
		slot->polled = 0;
		/* Nothing wanted: leave it out, or a hang-up would spin. */
		if (ev != 0 && ssh_event_add_fd(s->event, slot->fd, ev,
		    relay_ready, slot) == SSH_OK)
			slot->polled = ev;
	}
}

/* Close one slot's descriptor. */
static void
relay_close_slot(struct session *s, int i)
{
	struct session_slot	*slot = &s->slot[i];

	if (slot->polled != 0)
		ssh_event_remove_fd(s->event, slot->fd);
	slot->polled = 0;
	if (slot->fd != -1)
		close(slot->fd);
	slot->fd = -1;
}

void
session_relay_close(struct session *s)
{
	int	 i;

	for (i = 0; i < SESSION_NSLOTS; i++)
		relay_close_slot(s, i);
}

/* Write n bytes of buf to the channel (stderr for slot i). */
static void
relay_send(struct session *s, int i, const char *buf, size_t n)
{
	int	 w;

	if (n == 0)
		return;
	if (i == SESSION_ERR)
		w = ssh_channel_write_stderr(s->channel, buf, (uint32_t)n);
	else
		w = ssh_channel_write(s->channel, buf, (uint32_t)n);
	if (w != (int)n) {
		s->client_gone = 1;
		s->gone_why = "write to the client failed";
	}
}

/*
 * A command's standard output is converted only if it reads as text: a
 * PDF, or a CSV file already in the charset its own --charset chose, goes
 * out as it is. ASCII converts to itself, so the choice waits for the
 * first read holding anything else.
 */
static void
relay_sniff(struct session *s, int i, const char *buf, size_t n)
{
	size_t	 k;

	if (s->pty || i != SESSION_OUT || s->out_checked)
		return;
	for (k = 0; k < n; k++) {
		if (buf[k] == '\0' || (unsigned char)buf[k] >= 0x80)
			break;
	}
	if (k == n)
		return;
	s->out_checked = 1;
	s->out_binary = !session_charset_is_text(buf, n);
}

/* Send one read of slot i to the channel. */
static void
relay_output(struct session *s, int i)
{
	struct session_slot	*slot = &s->slot[i];
	char			 buf[RELAY_CHUNK], conv[2 * RELAY_CHUNK + 16];
	uint32_t		 window, want;
	ssize_t			 n;
	int			 convert;

	if (slot->fd == -1 || slot->eof || s->client_gone)
		return;
	if ((window = ssh_channel_window_size(s->channel)) == 0)
		return;
	convert = relay_converts(s, i);
	want = window < sizeof buf ? window : sizeof buf;
	if (convert) {
		if (window < RELAY_CONVERT_MIN_WINDOW)
			return;
		want = window / 2 < sizeof buf ? window / 2 : sizeof buf;
	}
	n = read(slot->fd, buf, want);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		/* EOF, or EIO from a master whose slave side has closed. */
		slot->eof = 1;
		if (convert)
			relay_send(s, i, conv,
			    session_charset_to_client_end(&s->charset, conv));
		return;
	}
	if (convert) {
		relay_sniff(s, i, buf, (size_t)n);
		convert = relay_converts(s, i);
	}
	s->bytes_out += (uint64_t)n;
	if (convert)
		relay_send(s, i, conv, session_charset_to_client(&s->charset,
		    buf, (size_t)n, conv));
	else
		relay_send(s, i, buf, (size_t)n);
}

/* Read what the pty holds into outbuf, to its end or outbuf's. */
static void
relay_frame_fill(struct session *s)
{
	struct session_slot	*slot = &s->slot[SESSION_OUT];
	ssize_t			 n;

	while (slot->fd != -1 && !slot->eof && s->outlen < SESSION_OUTBUF) {
		n = read(slot->fd, s->outbuf + s->outlen,
		    SESSION_OUTBUF - s->outlen);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {
			slot->eof = 1;
			break;
		}
		if (s->outlen == 0)
			s->out_since = relay_now();
		s->outlen += (size_t)n;
		s->bytes_out += (uint64_t)n;
	}
}

/*
 * xterm's terminfo designates the ASCII character set ("ESC ( B") on
 * every attribute change, in case line drawing was on; the UI draws in
 * ASCII and Unicode and never switches it on, so that is three bytes in
 * ten of a typical update for nothing. Drop it from the UI's frames
 * while no other set was designated. A frame never ends inside one: the
 * UI sends whole refreshes.
 */
static size_t
relay_drop_g0(struct session *s, char *buf, size_t len)
{
	size_t	 i, o = 0;

	for (i = 0; i < len; i++) {
		if (buf[i] == '\033' && i + 2 < len && buf[i + 1] == '(') {
			if (buf[i + 2] != 'B')
				s->g0_other = 1;
			else if (!s->g0_other) {
				i += 2;
				continue;
			} else
				s->g0_other = 0;
		}
		buf[o++] = buf[i];
	}
	return o;
}

/* Send what the window takes of outbuf, converted if need be. */
static void
relay_frame_send(struct session *s)
{
	char		 conv[2 * SESSION_OUTBUF + 16];
	uint32_t	 window;
	size_t		 take;
	int		 convert = relay_converts(s, SESSION_OUT);

	if (s->out_flush)
		s->outlen = relay_drop_g0(s, s->outbuf, s->outlen);
	while (s->outlen > 0 && !s->client_gone) {
		window = ssh_channel_window_size(s->channel);
		if (convert)
			window = window < RELAY_CONVERT_MIN_WINDOW ? 0 : window / 2;
		if ((take = s->outlen < window ? s->outlen : window) == 0)
			return;
		if (convert)
			relay_send(s, SESSION_OUT, conv,
			    session_charset_to_client(&s->charset, s->outbuf,
			    take, conv));
		else
			relay_send(s, SESSION_OUT, s->outbuf, take);
		log_debug("conn %lu: %zu bytes of screen sent", s->conn_id,
		    take);
		memmove(s->outbuf, s->outbuf + take, s->outlen - take);
		s->outlen -= take;
	}
	s->out_flush = 0;
	if (s->slot[SESSION_OUT].eof && convert)
		relay_send(s, SESSION_OUT, conv,
		    session_charset_to_client_end(&s->charset, conv));
}

/* The pty of the UI: hold its output until its frame is drawn. */
static void
relay_frame_pump(struct session *s)
{
	struct session_slot	*frame = &s->slot[SESSION_FRAME];
	char			 buf[64];
	ssize_t			 n;

	if (frame->revents & (POLLIN | POLLHUP | POLLERR)) {
		while ((n = read(frame->fd, buf, sizeof buf)) > 0)
			;
		/* The UI closed it: from now on the timer sends. */
		if (n == 0)
			frame->eof = 1;
		s->out_flush = 1;
	}
	if (s->out_flush || (s->slot[SESSION_OUT].revents &
	    (POLLIN | POLLHUP | POLLERR)))
		relay_frame_fill(s);
	if (s->outlen == 0) {
		s->out_flush = 0;
		return;
	}
	if (s->out_flush || s->outlen == SESSION_OUTBUF ||
	    s->slot[SESSION_OUT].eof ||
	    relay_now() - s->out_since >= RELAY_FRAME_WAIT_MS / 1000.0)
		relay_frame_send(s);
}

int
session_relay_next_ms(const struct session *s)
{
	double	 left;

	if (s->outlen == 0 || s->out_flush)
		return -1;
	left = s->out_since + RELAY_FRAME_WAIT_MS / 1000.0 - relay_now();
	return left <= 0 ? 0 : (int)(left * 1000) + 1;
}

/* The descriptor the channel's bytes go to, or -1. */
static int
relay_input_fd(struct session *s)
{
	if (s->pty)
		return s->slot[SESSION_OUT].eof ? -1 : s->slot[SESSION_OUT].fd;
	return s->slot[SESSION_IN].fd;
}

/* 1 if the client's bytes go through the charset converter. */
static int
relay_input_converts(const struct session *s)
{
	return s->pty && s->charset.active && !s->charset.ascii;
}

/* Convert what fits of the client's len bytes into inbuf; bytes taken. */
static size_t
relay_input_convert(struct session *s, const char *data, size_t len)
{
	size_t	 off = 0, used, o;

	while (off < len) {
		o = session_charset_from_client(&s->charset, data + off,
		    len - off, s->inbuf + s->inlen, SESSION_INBUF - s->inlen,
		    &used);
		s->inlen += o;
		off += used;
		if (o == 0 && used == 0)
			break;
	}
	return off;
}

size_t
session_relay_input(struct session *s, const void *data, size_t len)
{
	size_t	 take;

	/* The child no longer reads: take the bytes and drop them. */
	if (s->started && relay_input_fd(s) == -1)
		return len;
	if (relay_input_converts(s)) {
		take = relay_input_convert(s, data, len);
		if (take < len)
			s->in_pending = 1;
		return take;
	}
	take = SESSION_INBUF - s->inlen;
	if (take > len)
		take = len;
	memcpy(s->inbuf + s->inlen, data, take);
	s->inlen += take;
	if (take < len)
		s->in_pending = 1;
	return take;
}

/* Take into inbuf what libssh kept back while inbuf was full. */
static void
relay_input_pull(struct session *s)
{
	char	 raw[SESSION_INBUF / 3];
	size_t	 room;
	int	 n;

	while (s->in_pending && s->inlen < SESSION_INBUF) {
		s->in_pending = 0;
		if (ssh_channel_poll(s->channel, 0) <= 0)
			break;
		if (relay_input_converts(s)) {
			/* UTF-8 of what is read: at most 3 bytes per byte. */
			room = SESSION_INBUF - s->inlen;
			if (room < 64)
				break;
			n = ssh_channel_read_nonblocking(s->channel, raw,
			    (uint32_t)((room - 32) / 3), 0);
			if (n <= 0)
				break;
			if (relay_input_convert(s, raw, (size_t)n) !=
			    (size_t)n)
				log_warn("conn %lu: input lost in conversion",
				    s->conn_id);
		} else {
			n = ssh_channel_read_nonblocking(s->channel,
			    s->inbuf + s->inlen,
			    (uint32_t)(SESSION_INBUF - s->inlen), 0);
			if (n <= 0)
				break;
			s->inlen += (size_t)n;
		}
		s->in_pending = 1;
	}
}

/* Write inbuf to the child; drop it if the child no longer reads. */
static void
relay_input_flush(struct session *s)
{
	ssize_t	 n;
	int	 fd;

	if (s->channel == NULL)
		return;
	if ((fd = relay_input_fd(s)) == -1) {
		/* Nobody reads any more: the bytes have nowhere to go. */
		s->inlen = 0;
		return;
	}
	while (s->inlen > 0) {
		n = write(fd, s->inbuf, s->inlen);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {
			/* The child closed its input (EPIPE, EIO). */
			s->inlen = 0;
			if (!s->pty)
				relay_close_slot(s, SESSION_IN);
			break;
		}
		memmove(s->inbuf, s->inbuf + n, s->inlen - (size_t)n);
		s->inlen -= (size_t)n;
		if (s->inlen == 0)
			relay_input_pull(s);
	}
	/* The client sent EOF and all of it is written: close the pipe. */
	if (!s->pty && s->client_eof && s->inlen == 0 && !s->in_pending &&
	    s->slot[SESSION_IN].fd != -1)
		relay_close_slot(s, SESSION_IN);
}

void
session_relay_pump(struct session *s)
{
	int	 i;

	if (!s->started)
		return;
	relay_input_flush(s);
	if (relay_batches(s)) {
		relay_frame_pump(s);
		return;
	}
	for (i = SESSION_OUT; i <= SESSION_ERR; i++) {
		if (s->slot[i].revents & (POLLIN | POLLHUP | POLLERR))
			relay_output(s, i);
	}
}

int
session_relay_drained(const struct session *s)
{
	int	 i;

	for (i = SESSION_OUT; i <= SESSION_ERR; i++) {
		if (s->slot[i].fd != -1 && !s->slot[i].eof)
			return 0;
	}
	return s->outlen == 0;
}

void
session_relay_message(struct session *s, const char *msg)
{
	size_t	 len = strlen(msg);

	if (s->channel == NULL || s->client_gone)
		return;
	if (s->pty)
		ssh_channel_write(s->channel, msg, (uint32_t)len);
	else
		ssh_channel_write_stderr(s->channel, msg, (uint32_t)len);
}
