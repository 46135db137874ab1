/*
 * Certificates as PDF, checked the way a reader meets them: poppler
 * renders the pages, zbar reads the QR codes back, pdftotext finds the
 * holder and the number, pdffonts the embedded subset. The holders and
 * their numbers are invented.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "../tap.h"

/* Forty characters, which must wrap inside the value's box. */
#define TEST_LONG_QUAL \
	"甲级美容技术士（含芳香疗法、美甲、美睫、" \
	"身体护理及彩妆造型项目）四十字长名称测试"

static char	*test_dir;
static char	 test_qr[2][256];

static struct cert_print test_certs[2] = { {
	.title = "台胞职业资格采信证书", .number = "CX-2026-000001",
	.name = "林美玲", .sex = "女", .birth_date = "1985-03-07",
	.mtp = "08123456", .tw_qual = "丙级美容技术士",
	.occupation = "美容师", .level_name = "四级/中级工",
	.issuer = "福建省（平潭）台胞职业资格考证认证一体化服务中心",
	.issued_on = "2026-11-22", .qr_text = test_qr[0],
}, {
	.title = "台胞职业资格采信证书", .number = "CX-2026-000002",
	.name = "陳志明", .sex = "男", .birth_date = "1979-12-30",
	.mtp = "09234567", .tw_qual = TEST_LONG_QUAL,
	.occupation = "中式烹调师", .level_name = "三级/高级工",
	.issuer = "福建省（平潭）台胞职业资格考证认证一体化服务中心",
	.issued_on = "2026-01-05", .qr_text = test_qr[1],
} };

/* "QDC1:" and 200 Base45 characters, different for each seed. */
static void
make_qr_text(char *buf, unsigned seed)
{
	static const char b45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
	size_t		  i;

	strcpy(buf, "QDC1:");
	for (i = 5; i < 205; i++)
		buf[i] = b45[(i * 11 + seed * 7 + i / 9) % 45];
	buf[205] = '\0';
}

/* The output of a shell command (caller frees), or NULL if it failed. */
static char * __attribute__((format(printf, 1, 2)))
run(const char *fmt, ...)
{
	va_list	 ap;
	char	*cmd, *out = NULL;
	size_t	 len = 0, n;
	FILE	*f;

	va_start(ap, fmt);
	xvasprintf(&cmd, fmt, ap);
	va_end(ap);
	if ((f = popen(cmd, "r")) != NULL) {
		out = xmalloc(1);
		do {
			out = xrealloc(out, len + 4097);
			n = fread(out + len, 1, 4096, f);
			len += n;
		} while (n > 0);
		out[len] = '\0';
		if (pclose(f) != 0)
			xfree(&out);
	}
	free(cmd);
	return out;
}

/* 1 if the program is on the PATH; a SKIP naming its package if not. */
static int
have(const char *prog, const char *package, int tests)
{
	char	*cmd;
	int	 found;

	xasprintf(&cmd, "command -v %s >/dev/null 2>&1", prog);
	found = system(cmd) == 0;
	free(cmd);
	for (; !found && tests > 0; tests--)
		printf("ok %d # SKIP %s missing: install the Debian package %s\n",
		    ++tap_count, prog, package);
	return found;
}

/* The text with every space and newline taken out (caller frees). */
static char *
squeeze(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1), *p = out;

	for (; *s != '\0'; s++) {
		if (*s != ' ' && *s != '\n' && *s != '\f')
			*p++ = *s;
	}
	*p = '\0';
	return out;
}

/* A word's box as pdftotext -bbox gives it, in points from the top left. */
struct box {
	double	 x0, y0, x1, y1;
};

/* The boxes of the words on the page (caller frees), *n of them. */
static struct box *
boxes_of(const char *bbox, size_t *n)
{
	struct box	*b = NULL, w;
	const char	*p = bbox;

	*n = 0;
	while ((p = strstr(p, "<word ")) != NULL) {
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" "
		    "yMax=\"%lf\"", &w.x0, &w.y0, &w.x1, &w.y1) != 4)
			break;
		b = xreallocarray(b, *n + 1, sizeof *b);
		b[(*n)++] = w;
		p++;
	}
	return b;
}

/*
 * 1 if pdftotext finds more than ten words on the page, each inside the
 * inner rule and none over another.
 */
static int
words_inside(const char *bbox)
{
	const double	 edge = 12 * 72 / 25.4, slack = 0.5;
	struct box	*b, *v, *w;
	size_t		 n, i, j;
	int		 good;

	b = boxes_of(bbox, &n);
	good = n > 10;
	for (i = 0; good && i < n; i++) {
		v = &b[i];
		if (v->x0 < edge || v->y0 < edge || v->x1 > 595.28 - edge ||
		    v->y1 > 841.89 - edge)
			good = 0;
		for (j = i + 1; good && j < n; j++) {
			w = &b[j];
			if (v->x0 + slack < w->x1 && w->x0 + slack < v->x1 &&
			    v->y0 + slack < w->y1 && w->y0 + slack < v->y1)
				good = 0;
		}
	}
	free(b);
	return good;
}

/* Write the two certificates to dir/two.pdf; QD_OK or the error. */
static int
write_two(void)
{
	char	*path, *why = NULL;
	FILE	*f;
	int	 rc;

	xasprintf(&path, "%s/two.pdf", test_dir);
	if ((f = fopen(path, "w")) == NULL)
		fatal("fopen %s", path);
	rc = cert_pdf_file(test_certs, 2, f, &why);
	if (rc != QD_OK)
		printf("# %s\n", why);
	fclose(f);
	free(why);
	free(path);
	return rc;
}

static void
test_info(void)
{
	char	*out;

	if (!have("pdfinfo", "poppler-utils", 3))
		return;
	out = run("pdfinfo '%s/two.pdf'", test_dir);
	ok(out != NULL && strstr(out, "Pages:           2\n") != NULL,
	    "two certificates make two pages");
	ok(out != NULL && strstr(out, "595.28 x 841.89 pts (A4)") != NULL,
	    "on A4 portrait");
	ok(out != NULL && strstr(out, "Title:           CX-2026-000001 – "
	    "CX-2026-000002\n") != NULL, "titled by the numbers");
	free(out);
}

static void
test_qr_read(void)
{
	char	*out;
	int	 page;

	if (!have("pdftoppm", "poppler-utils", 2) ||
	    !have("zbarimg", "zbar-tools", 2))
		return;
	out = run("pdftoppm -r 150 -png '%s/two.pdf' '%s/page'", test_dir,
	    test_dir);
	free(out);
	for (page = 1; page <= 2; page++) {
		out = run("zbarimg --raw -q '%s/page-%d.png' 2>/dev/null", test_dir, page);
		if (out != NULL)
			out[strcspn(out, "\n")] = '\0';
		is_str(out, test_qr[page - 1], "page %d at 150 dpi reads back "
		    "as its own QR text", page);
		free(out);
	}
}

/* Check what pdftotext finds on one page. */
static void
check_text(int page, const char *name, const char *number,
    const char *birth, const char *absent)
{
	char	*out, *flat = NULL;

	out = run("pdftotext -f %d -l %d '%s/two.pdf' -", page, page,
	    test_dir);
	if (out != NULL)
		flat = squeeze(out);
	ok(out != NULL && strstr(out, name) != NULL && strstr(out, number),
	    "page %d shows %s and %s", page, name, number);
	ok(out != NULL && strstr(out, birth) != NULL,
	    "page %d writes the birth date as %s", page, birth);
	ok(out != NULL && strstr(out, absent) == NULL,
	    "page %d does not show %s", page, absent);
	ok(flat != NULL && strstr(flat, test_certs[page - 1].tw_qual) &&
	    strstr(flat, "经比对采信，持证人具备大陆地区以下相当水平") &&
	    strstr(flat, test_certs[page - 1].occupation),
	    "page %d holds the qualification whole, the statement and the "
	    "occupation", page);
	free(flat);
	free(out);
	out = run("pdftotext -bbox -f %d -l %d '%s/two.pdf' -", page, page,
	    test_dir);
	ok(out != NULL && words_inside(out), "page %d keeps every word inside "
	    "the border", page);
	free(out);
}

static void
test_text(void)
{
	char	*out;

	if (!have("pdftotext", "poppler-utils", 11))
		return;
	check_text(1, "林美玲", "CX-2026-000001", "1985年3月7日", "陳志明");
	check_text(2, "陳志明", "CX-2026-000002", "1979年12月30日", "林美玲");
	out = run("pdftotext -f 2 -l 2 '%s/two.pdf' -", test_dir);
	ok(out != NULL && strstr(out, "2026年1月5日") != NULL,
	    "the issue date is written 2026年1月5日");
	free(out);
}

static void
test_fonts(void)
{
	char	*out, *line, *save = NULL;
	int	 fonts = 0, noto = 0, subset = 1;

	if (!have("pdffonts", "poppler-utils", 2))
		return;
	out = run("pdffonts '%s/two.pdf'", test_dir);
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strchr(line, '+') == NULL || strncmp(line, "name", 4) == 0)
			continue;
		fonts++;
		if (strstr(line, "+NotoSerifCJK") != NULL)
			noto++;
		if (strlen(line) < 6 || line[6] != '+' ||
		    strstr(line, " yes yes yes ") == NULL)
			subset = 0;
	}
	ok(fonts >= 1, "the PDF names %d fonts", fonts);
	ok(noto >= 1 && subset,
	    "each an embedded subset (emb yes, sub yes) of Noto Serif CJK");
	free(out);
}

/* A string of n copies of the UTF-8 character c (caller frees). */
static char *
repeat(const char *c, size_t n)
{
	char	*s = xmalloc(strlen(c) * n + 1);

	for (*s = '\0'; n > 0; n--)
		strcat(s, c);
	return s;
}

static void
test_overlong(void)
{
	struct cert_print	 c = test_certs[1];
	char			*name, *qual, *occ, *issuer, *path, *out;
	char			*why = NULL;
	FILE			*f;

	c.name = name = repeat("巴", 40);
	c.tw_qual = qual = repeat("甲", 300);
	c.occupation = occ = repeat("乙", 120);
	c.issuer = issuer = repeat("丙", 90);
	xasprintf(&path, "%s/long.pdf", test_dir);
	if ((f = fopen(path, "w")) == NULL)
		fatal("fopen %s", path);
	is_int(cert_pdf_file(&c, 1, f, &why), QD_OK, "every field far too "
	    "long still makes a page");
	fclose(f);
	if (have("pdftotext", "poppler-utils", 1)) {
		out = run("pdftotext -bbox '%s' -", path);
		ok(out != NULL && words_inside(out), "with every word inside "
		    "the border and none over another");
		free(out);
	}
	free(why);
	free(path);
	free(name);
	free(qual);
	free(occ);
	free(issuer);
}

/*
 * A recognition in an agency's name: a professional-technical one the
 * center coordinated, with the agency's certificate; the adoption
 * sentence nowhere on it.
 */
static void
test_recognition(void)
{
	struct cert_print	 c = test_certs[0];
	char			*path, *out, *flat, *why = NULL;
	FILE			*f;

	c.title = "台胞专业技术职业资格采认证书";
	c.number = "CR-2026-000007";
	c.tw_qual = "機械工程技師";
	c.occupation = "机械工程技术人员";
	c.level_name = "中级";
	c.level_label = "专业技术职业资格及级别";
	c.statement = "经审核确认，直接采认持证人取得以下专业技术职业资格：";
	c.issuer = "福州工程职称评审站";
	c.agency_ref = "FZ-ZC-2026-17";
	c.agency_on = "2026-03-01";
	c.entrusted_by = "福建省（平潭）台胞职业资格考证认证一体化服务中心";
	xasprintf(&path, "%s/cr.pdf", test_dir);
	if ((f = fopen(path, "w")) == NULL)
		fatal("fopen %s", path);
	is_int(cert_pdf_file(&c, 1, f, &why), QD_OK, "a recognition's page");
	fclose(f);
	if (have("pdftotext", "poppler-utils", 6)) {
		out = run("pdftotext '%s' -", path);
		flat = out != NULL ? squeeze(out) : NULL;
		ok(flat != NULL && strstr(flat, "台胞专业技术职业资格采认证书") &&
		    strstr(flat, "经审核确认，直接采认持证人取得以下专业技术职业资格"),
		    "titled and worded as a recognition");
		ok(flat != NULL && strstr(flat, "经比对采信") == NULL,
		    "without the adoption sentence");
		ok(flat != NULL && strstr(flat, "专业技术职业资格及级别") &&
		    strstr(flat, "机械工程技术人员") && strstr(flat, "中级"),
		    "the professional qualification and its level");
		ok(flat != NULL && strstr(flat, "认定机构证书编号") &&
		    strstr(flat, "FZ-ZC-2026-17") &&
		    strstr(flat, "2026年3月1日"),
		    "the agency's certificate number and day");
		ok(flat != NULL && strstr(flat, "福州工程职称评审站") &&
		    strstr(flat, "委托认证"),
		    "the agency as issuer, the center as coordinator");
		free(flat);
		free(out);
		out = run("pdftotext -bbox '%s' -", path);
		ok(out != NULL && words_inside(out), "every word inside the"
		    " border and none over another");
		free(out);
	}
	free(why);
	free(path);
}

/* Counts what it is given; refuses after `room` bytes if room is set. */
struct counter {
	size_t	 bytes;
	size_t	 room;
};

static int
count_sink(void *arg, const unsigned char *data, size_t len)
{
	struct counter	*c = arg;

	(void)data;
	c->bytes += len;
	return c->room != 0 && c->bytes > c->room ? -1 : 0;
}

/* A disk that is full: /dev/full refuses every write. */
static void
test_full_disk(void)
{
	char	*why = NULL;
	FILE	*f;

	if ((f = fopen("/dev/full", "w")) == NULL) {
		printf("ok %d # SKIP no /dev/full\n", ++tap_count);
		return;
	}
	is_int(cert_pdf_file(test_certs, 1, f, &why), QD_ESYS,
	    "writing to a full disk gives QD_ESYS");
	fclose(f);
	free(why);
}

static void
test_refused(void)
{
	struct cert_print	 bad = test_certs[0];
	struct counter		 c = { 0, 0 };
	char			*big, *why = NULL;

	big = xmalloc(2501);
	memset(big, 'A', 2500);
	big[2500] = '\0';
	bad.qr_text = big;
	is_int(cert_pdf_write(&bad, 1, count_sink, &c, &why), QD_EINVAL,
	    "a QR text too long for any code is refused");
	ok(why != NULL && strstr(why, "CX-2026-000001") &&
	    strstr(why, "too long"), "naming the certificate: %s",
	    why ? why : "(none)");
	is_int(c.bytes, 0, "before any byte is written");
	xfree(&why);
	free(big);

	bad = test_certs[0];
	bad.birth_date = "1985-3-7";
	is_int(cert_pdf_write(&bad, 1, count_sink, &c, &why), QD_EINVAL,
	    "a date that is not YYYY-MM-DD is refused");
	xfree(&why);
	is_int(cert_pdf_write(test_certs, 0, count_sink, &c, &why), QD_EINVAL,
	    "no certificate at all is refused");
	xfree(&why);

	c.bytes = 0;
	c.room = 1000;
	is_int(cert_pdf_write(test_certs, 2, count_sink, &c, &why), QD_ESYS,
	    "a sink that stops gives QD_ESYS");
	ok(why != NULL && strstr(why, "cannot write"), "saying so: %s",
	    why ? why : "(none)");
	xfree(&why);
	test_full_disk();
}

int
main(void)
{
	char	*out, tmpl[] = "/tmp/qd-cert-pdf-XXXXXX";

	make_qr_text(test_qr[0], 1);
	make_qr_text(test_qr[1], 2);
	if ((test_dir = mkdtemp(tmpl)) == NULL)
		fatal("mkdtemp");
	is_int(write_two(), QD_OK, "two certificates are written");
	test_info();
	test_qr_read();
	test_text();
	test_fonts();
	test_overlong();
	test_recognition();
	test_refused();
	out = run("rm -rf '%s'", test_dir);
	free(out);
	return done_testing();
}
