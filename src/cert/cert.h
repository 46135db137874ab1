/*
 * The certificate module: numbering, the signed payload and its QR
 * code, the PDF pages, printing through the terminal.
 */
#ifndef CERT_CERT_H
#define CERT_CERT_H

#include "qualdesk.h"

/* base45.c: RFC 9285 Base45, the text of a QR code's alphanumeric mode. */
/* The Base45 text of len bytes (caller frees). */
char	*base45_encode(const uint8_t *, size_t len);
/*
 * Decode len characters into *out (caller frees) and *outlen. QD_EINVAL
 * for a character outside the alphabet, a lone last character or a group
 * worth more than its bytes can hold; *out is then NULL.
 */
int	 base45_decode(const char *, size_t len, uint8_t **out,
	    size_t *outlen);

/* cert-sign.c: the center's Ed25519 signing key (OpenSSL's libcrypto). */
#define CERT_KEY_BYTES	32
#define CERT_SIG_BYTES	64
/* A new key: its raw private seed and public key. QD_OK or QD_ESYS. */
int	 cert_key_generate(uint8_t priv[CERT_KEY_BYTES],
	    uint8_t pub[CERT_KEY_BYTES]);
/* The public key of a private seed. QD_OK or QD_ESYS. */
int	 cert_key_public(const uint8_t priv[CERT_KEY_BYTES],
	    uint8_t pub[CERT_KEY_BYTES]);
/* A key's id in payloads: the first two bytes of SHA-256(pub). */
unsigned cert_key_id(const uint8_t pub[CERT_KEY_BYTES]);
/* Sign len bytes of msg. QD_OK or QD_ESYS. */
int	 cert_sign(const uint8_t priv[CERT_KEY_BYTES], const uint8_t *msg,
	    size_t len, uint8_t sig[CERT_SIG_BYTES]);
/* 1 if sig is pub's signature of msg, else 0. */
int	 cert_sig_ok(const uint8_t pub[CERT_KEY_BYTES], const uint8_t *msg,
	    size_t len, const uint8_t sig[CERT_SIG_BYTES]);
/* The public key as PEM (SubjectPublicKeyInfo) text; caller frees. */
char	*cert_pubkey_pem(const uint8_t pub[CERT_KEY_BYTES]);
/* Read a PEM Ed25519 public key. QD_EINVAL with *why for anything else. */
int	 cert_pubkey_parse(const char *pem, size_t len,
	    uint8_t pub[CERT_KEY_BYTES], char **why);

/* cert-code.c: a certificate's signed payload and its QR text. */
#define CERT_TEXT_PREFIX	"QDC1:"	/* then Base45 of the payload */
enum cert_series {
	CERT_SERIES_ADOPTION,		/* "CX" 采信 */
	CERT_SERIES_RECOGNITION,	/* "CR" 采认 */
	/*
	 * "ZK" 准考证: an exam's admission ticket, not a certificate. Its
	 * seq is the registration, issued_on the exam day, tw_qual the plan,
	 * sitting and seat, occupation and level those examined.
	 */
	CERT_SERIES_TICKET,
	CERT_SERIES_TRAINING,		/* "PX" 培训结业, the training module's */
};
/* What kind of qualification a certificate states (payload version 2). */
enum cert_kind {
	CERT_KIND_SKILL,		/* 职业技能等级 */
	CERT_KIND_PROFESSIONAL,		/* 专业技术职业资格 */
};
/*
 * What the payload carries, as signed. Version 1 has no kind (a skill)
 * and no agency; cert_encode writes version 2 only for a certificate
 * that has either, so others read as before.
 */
struct cert_fields {
	enum cert_series series;
	int		 year;		/* 2000-2179 (the day count's reach) */
	uint32_t	 seq;		/* 1-16777215 within series and year */
	char		 issued_on[11];	/* YYYY-MM-DD */
	char		 mtp[9];	/* the holder's 8-digit MTP number */
	int		 level;		/* mainland level, 1-5 */
	char		*name;		/* holder, UTF-8 */
	char		*tw_qual;	/* Taiwan qualification and level */
	char		*occupation;	/* mainland occupation (work type) */
	unsigned	 kid;		/* the signing key's cert_key_id */
	/* Version 2. */
	enum cert_kind	 kind;
	char		*agency;	/* NULL or "": issued by the center */
	char		*agency_ref;	/* the agency's certificate number */
	char		 agency_on[11];	/* its day, YYYY-MM-DD; "" none */
	int		 version;	/* as read: 1 or 2 */
};
void	 cert_fields_free(struct cert_fields *);
/* "CX" or "CR"; NULL for a bad value. */
const char *cert_series_code(enum cert_series);
/* "CX-2026-000123" (caller frees). */
char	*cert_number(enum cert_series, int year, uint32_t seq);
/* Parse a number as cert_number writes it; QD_EINVAL if it is not one. */
int	 cert_number_parse(const char *, enum cert_series *, int *year,
	    uint32_t *seq);
/*
 * The QR text of f signed with priv (f->kid is taken from pub): the
 * prefix and the Base45 of the packed, signed payload (caller frees).
 * QD_EINVAL with *why when a field is out of range or too long.
 */
int	 cert_encode(const struct cert_fields *f,
	    const uint8_t priv[CERT_KEY_BYTES],
	    const uint8_t pub[CERT_KEY_BYTES], char **text, char **why);
/* Finds the public key with id kid: QD_OK, or QD_ENOTFOUND. */
typedef int (*cert_key_lookup)(void *arg, unsigned kid,
	    uint8_t pub[CERT_KEY_BYTES]);
/*
 * Check text as read from a QR code and fill *f (free with
 * cert_fields_free) only when its signature holds. QD_EINVAL: not a
 * certificate code or damaged; QD_ENOTFOUND: signed with a key lookup
 * does not know; QD_EDENIED: the signature does not match (a changed
 * byte). *why says which, in the reader's words.
 */
int	 cert_verify(const char *text, cert_key_lookup, void *arg,
	    struct cert_fields *f, char **why);

/* qr.c: QR codes (libqrencode), error correction Q. */
struct qr {
	int		 width;		/* modules a side */
	unsigned char	*dark;		/* width * width, row by row: 1 dark */
};
/* Encode text (alphanumeric mode where it can). QD_EINVAL with *why. */
int	 qr_make(const char *text, struct qr *, char **why);
void	 qr_free(struct qr *);
/*
 * The code as UTF-8 lines of half blocks (two module rows a line, with
 * quiet modules of border all round): "\u2580" upper dark, "\u2584"
 * lower dark, "\u2588" both, a space for neither. *nlines lines; free
 * each and the array.
 */
char	**qr_halfblocks(const struct qr *, int quiet, size_t *nlines);

/* cert-pdf.c: certificates as A4 PDF pages (cairo, pango, a CJK font). */
/* One certificate as printed (all UTF-8, none NULL). */
struct cert_print {
	const char	*title;		/* 台胞职业资格采信证书 */
	const char	*number;
	const char	*name;
	const char	*sex;		/* 男 or 女 */
	const char	*birth_date;	/* YYYY-MM-DD */
	const char	*mtp;
	const char	*tw_qual;
	const char	*occupation;
	const char	*level_name;	/* 四级/中级工 */
	const char	*issuer;
	const char	*issued_on;	/* YYYY-MM-DD */
	const char	*qr_text;
	/*
	 * Optional (an admission ticket): these rows of label and value
	 * instead of the certificate's fields and statement, with a box for
	 * the photo; number, title, issuer, issued_on and qr_text as above.
	 */
	const struct cert_print_row *rows;
	size_t		 nrows;
	/*
	 * Another certificate's wording (the training completion
	 * certificate's): the label of the tw_qual row and the statement
	 * before the occupation and level; NULL for the adoption template's.
	 */
	const char	*tw_qual_label;
	const char	*statement;
	/* The label of the level's line; NULL: 职业（工种）及等级. */
	const char	*level_label;
	/*
	 * A recognition's: the agency's certificate number and day (NULL:
	 * no such rows) and, when the center coordinated it (委托认证), the
	 * center's name (NULL: none).
	 */
	const char	*agency_ref;
	const char	*agency_on;
	const char	*entrusted_by;
};
struct cert_print_row {
	const char	*label;
	const char	*value;
};
/* Bytes of PDF as they are made: 0 to go on, -1 to stop. */
typedef int (*cert_pdf_sink)(void *arg, const unsigned char *, size_t);
/*
 * Write n certificates, one A4 page each, to sink: text in an embedded
 * subset of a CJK font, the QR code as vector squares. QD_EINVAL with
 * *why, before any byte is written, if a QR text does not fit, a date is
 * not YYYY-MM-DD or n is 0; QD_ESYS if cairo or the sink failed (what
 * the sink took is then no PDF).
 */
int	 cert_pdf_write(const struct cert_print *, size_t n, cert_pdf_sink,
	    void *arg, char **why);
/* The same to a stdio stream, flushed; QD_ESYS if writing it failed. */
int	 cert_pdf_file(const struct cert_print *, size_t n, FILE *,
	    char **why);

/*
 * db-cert.c: certificates. One is issued, numbered and signed in the
 * transaction that approves its case (approve or confirm); the office
 * prints it and hands it over (the case's collect step); the center may
 * revoke it with a reason and then, explicitly, issue a replacement under
 * a new number. Numbers are never reused and have no gaps.
 */
struct qd_cert {
	int64_t		 id;
	char		*number;	/* CX-2026-000123 */
	int64_t		 case_id;
	int64_t		 case_version;
	char		*case_state;
	int64_t		 office_id;
	char		*office_name;
	char		*type;		/* the case's: adoption, recognition */
	char		*title;		/* 台胞职业资格采信证书 */
	char		*statement;	/* 经比对采信，持证人具备... (cert_wording) */
	char		*level_label;	/* 职业（工种）及等级 */
	char		*kind;		/* skill, professional */
	char		*agency;	/* "": the center's; else the issuer */
	char		*agency_ref;	/* the agency's certificate number */
	char		*agency_on;	/* and its day; NULL: none */
	int		 entrusted;	/* the center coordinated (委托认证) */
	int		 agency_paper;	/* the agency's own is handed over */
	char		*name;		/* the holder, as signed */
	char		*sex;		/* 男 or 女 */
	char		*birth_date;
	char		*mtp;
	char		*tw_qual;
	char		*occupation;
	int		 level;
	char		*level_name;	/* 四级/中级工 */
	char		*issuer;
	char		*issued_on;	/* YYYY-MM-DD */
	char		*issued_by;	/* login */
	char		*qr_text;
	char		*printed_at;	/* NULL until printed */
	int		 print_count;
	char		*handed_at;	/* NULL until handed over */
	char		*revoked_at;	/* NULL unless revoked */
	char		*revoked_by;
	char		*revoke_reason;
	char		*replaces;	/* the revoked number this replaces */
	char		*replaced_by;	/* the number that replaced this */
	char		*state;		/* issued, printed, handed, revoked */
	char		*state_name;	/* "待打印 To print" */
	int64_t		 version;
};
/* struct qd_cert's members, for record_read and record_to_view. */
extern const struct record_desc cert_record;
void	 cert_free(struct qd_cert *);
void	 cert_list_free(struct qd_cert **, size_t);
/* "待打印 To print" for a state; the state itself if unknown. */
const char *cert_state_label(const char *state);
/*
 * The certificate numbered number, if actor may see it (an office its
 * own, the center, admin and auditor all). QD_ENOTFOUND otherwise.
 */
int	 db_cert_get(sqlite3 *, const struct qd_user *actor,
	    const char *number, struct qd_cert **out, char **why);
/* The case's newest certificate; QD_ENOTFOUND if it has none. */
int	 db_cert_get_case(sqlite3 *, const struct qd_user *actor,
	    int64_t case_id, struct qd_cert **out, char **why);
struct qd_cert_filter {
	const char	*state;		/* NULL: any */
	int64_t		 office_id;	/* 0: every office actor may see */
	const char	*issued_on;	/* YYYY-MM-DD, NULL: any day */
	int64_t		 after;		/* id cursor: only older; 0 none */
	int		 limit;		/* 0: 100 */
};
/* Newest first, scoped to actor. *out is an array of n (cert_list_free). */
int	 db_cert_list(sqlite3 *, const struct qd_user *actor,
	    const struct qd_cert_filter *, struct qd_cert ***out, size_t *n,
	    char **why);
/*
 * Record that the office printed the certificate (a clerk or liaison of
 * its office, or admin); version is the one the user saw (0: any).
 * Refused for a revoked certificate.
 */
int	 db_cert_printed(sqlite3 *, const struct qd_user *actor,
	    const char *number, int64_t version, char **why);
/* Revoke (center or admin) with a reason; a revoked one stays revoked. */
int	 db_cert_revoke(sqlite3 *, const struct qd_user *actor,
	    const char *number, int64_t version, const char *reason,
	    char **why);
/*
 * Issue a replacement for a revoked certificate (center or admin): a new
 * number, signed anew from the case and applicant as they are now, that
 * names the one it replaces. *new_number (caller frees).
 */
int	 db_cert_reissue(sqlite3 *, const struct qd_user *actor,
	    const char *number, const char *reason, char **new_number,
	    char **why);
/*
 * Verify text (read from a QR code) with this database's keys and fill
 * *f. *rec (if not NULL) gets the certificate when actor may see it.
 * QD_OK: genuine and in force; QD_ECONFLICT: genuine but revoked (*why
 * says when and why); QD_ENOTFOUND: signed with a key this database does
 * not know, or genuine but not the certificate on record; else as
 * cert_verify.
 */
int	 db_cert_verify(sqlite3 *, const struct qd_user *actor,
	    const char *text, struct cert_fields *f, struct qd_cert **rec,
	    char **why);
/*
 * A signing key's public key as PEM: the one with id *kid if have_kid,
 * else the current one (its id into *kid). QD_ENOTFOUND if none.
 */
int	 db_cert_pubkey(sqlite3 *, int have_kid, unsigned *kid, char **pem,
	    char **why);
/*
 * Admin only: retire the signing key (forgetting its private half, so it
 * signs nothing more) and make a new one, whose id goes into *kid.
 * Certificates signed before still verify with the retired key.
 */
int	 db_cert_key_rotate(sqlite3 *, const struct qd_user *actor,
	    unsigned *kid, char **why);
/*
 * Inside an open write transaction (the case step's): issue the
 * certificate of approved case case_id, dated day (YYYY-MM-DD, NULL:
 * today), numbered next in its series and year and signed with the
 * current key; replaces is the revoked one it replaces (0: none) and
 * reason why. *number (if not NULL; caller frees) gets its number.
 */
int	 db_cert_issue(sqlite3 *, int64_t case_id, int64_t replaces,
	    const char *reason, const char *day, char **number, char **why);
/*
 * Sign f (an admission ticket's, say) with the current signing key, as
 * certificates are: *text gets the QR text (caller frees).
 */
int	 db_cert_sign(sqlite3 *, struct cert_fields *f, char **text,
	    char **why);
/* Inside the collect step: the case's certificate is handed over. */
int	 db_cert_handed(sqlite3 *, int64_t case_id, char **why);
/* Mark the certificates of collected cases printed and handed over. */
int	 cert_mark_collected(sqlite3 *, char **why);
/*
 * The current signing key, for another module's certificates (the
 * training completion certificate). QD_OK, or QD_EDB with *why.
 */
int	 db_cert_key_current(sqlite3 *, uint8_t priv[CERT_KEY_BYTES],
	    uint8_t pub[CERT_KEY_BYTES], char **why);
/*
 * Implemented by the training module: whether f (a verified PX code) is
 * the training completion certificate on record. QD_OK, QD_ENOTFOUND
 * with *why (no such certificate, or one with other fields), or QD_EDB.
 */
int	 training_cert_on_record(sqlite3 *, const struct cert_fields *f,
	    char **why);
/*
 * Run by the migration that adds certificates, inside it: make the first
 * signing key and issue certificates for cases approved before.
 */
int	 db_cert_migrate(sqlite3 *, char **why);
/* Fill p from c for cert_pdf_write (p points into c). */
void	 cert_print_from(const struct qd_cert *c, struct cert_print *p);
/* Whether actor's screens print through the terminal (ESC [5i). */
int	 db_user_passthrough(sqlite3 *, const struct qd_user *actor, int *on);
int	 db_user_passthrough_set(sqlite3 *, const struct qd_user *actor,
	    int on, char **why);
/* The certificate verbs. */
int	 cmd_cert_pubkey(struct cmd_ctx *, int, char **);
int	 cmd_cert_verify(struct cmd_ctx *, int, char **);
int	 cmd_cert_show(struct cmd_ctx *, int, char **);
int	 cmd_cert_list(struct cmd_ctx *, int, char **);
int	 cmd_cert_pdf(struct cmd_ctx *, int, char **);
int	 cmd_cert_batch(struct cmd_ctx *, int, char **);
int	 cmd_cert_printed(struct cmd_ctx *, int, char **);
int	 cmd_cert_revoke(struct cmd_ctx *, int, char **);
int	 cmd_cert_reissue(struct cmd_ctx *, int, char **);
int	 cmd_cert_rotate_key(struct cmd_ctx *, int, char **);

/* ui-qr.c: a QR code on the terminal, for a phone or a scanner to read. */
/*
 * Show the QR code of text full-screen, centred, dark modules dark on
 * light (with colour black on white, without it in reverse video for a
 * dark terminal), quiet zone included, with title above it when there is
 * room; redrawn on resize until any other key. A window too small for
 * the whole code says how large it must be and shows text to copy.
 */
void	 ui_qr_show(struct ui *, const char *title, const char *text);
/* Columns and lines the code of text needs with its quiet zone. */
int	 ui_qr_size(const char *text, int *cols, int *lines, char **why);

/* ui-print.c: certificates printed through the user's terminal. */
/*
 * Send len bytes to the printer of the terminal on fd: ESC [5i, the
 * bytes, ESC [4i, every byte as it is (output processing is off
 * meanwhile, so no LF becomes CR LF, and on again after), through short
 * writes and interrupts; ESC [4i is sent even after a failure, so the
 * terminal does not stay in printer mode. QD_OK, or QD_ESYS with *why.
 */
int	 ui_print_send(int fd, const void *, size_t len, char **why);
/*
 * Print the n certificates (a revoked one is left out and named) as the
 * user's setting says. Through the terminal: the PDF is sent, then the
 * user is asked whether it printed and, for an office, they are recorded
 * printed. Without: how to get the PDF by ssh, and an office may record
 * them printed all the same. Dialogs over v; results on the message line.
 */
void	 ui_print_certs(struct ui *, struct ui_view *,
	    struct qd_cert *const *, size_t n);

/* tables.c: the audited tables of 003-certificates.sql. */
extern const struct schema_table cert_tables[];

/* cert-indicators.c: the module's figures for the reports. */
extern const struct report_indicator cert_indicators[];

#endif /* CERT_CERT_H */
