/*
 * Identity numbers as clerks type them: full-width, lower case, spaces; the
 * check digits recomputed here another way. Every number is invented.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"
#include "tap.h"

/* Pass if rv is QD_EINVAL and *why holds needle; frees *why. */
static void
refused(int rv, char **why, const char *needle, const char *what)
{
	int	 pass;

	pass = rv == QD_EINVAL && *why != NULL && strstr(*why, needle) != NULL;
	ok(pass, "refused: %s", what);
	if (!pass)
		printf("#   rv %d, why '%s', want '%s'\n", rv,
		    *why ? *why : "(null)", needle);
	xfree(why);
}

/* The GB 11643 check character by ISO 7064's recursion, not the weights. */
static char
gb_check(const char *s17)
{
	int	 i, p = 0;

	for (i = 0; i < 17; i++)
		p = (p + (s17[i] - '0')) * 2 % 11;
	return "0123456789X"[(12 - p) % 11];
}

/* A residence permit number for date YYYYMMDD and sequence seq. */
static void
make_residence(char out[19], const char *date, int seq)
{
	snprintf(out, 19, "830000%s%03d", date, seq);
	out[17] = gb_check(out);
	out[18] = '\0';
}

/* The Taiwan ID check digit: the letters in value order from 10. */
static char
tw_check(const char *s9)
{
	static const char	 order[] = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
	int			 v, i, sum;

	v = 10 + (int)(strchr(order, s9[0]) - order);
	sum = v / 10 + v % 10 * 9;
	for (i = 1; i < 9; i++)
		sum += (s9[i] - '0') * (9 - i);
	return (char)('0' + (10 - sum % 10) % 10);
}

/* The full-width form of ASCII s, as a Chinese input method types it. */
static void
widen(const char *s, char *buf, size_t len)
{
	unsigned int	 cp;
	size_t		 n = 0;

	for (; *s != '\0' && n + 4 <= len; s++) {
		cp = (unsigned char)*s + 0xfee0;
		buf[n++] = (char)(0xe0 | cp >> 12);
		buf[n++] = (char)(0x80 | (cp >> 6 & 0x3f));
		buf[n++] = (char)(0x80 | (cp & 0x3f));
	}
	buf[n] = '\0';
}

/* YYYY-MM-DD (sep '-') or YYYYMMDD (sep 0) of today plus days. */
static void
day_from_today(char *buf, size_t len, int days, int sep)
{
	struct tm	 tm;
	time_t		 now = time(NULL);

	localtime_r(&now, &tm);
	tm.tm_mday += days;
	tm.tm_hour = 12;
	mktime(&tm);
	if (sep)
		strftime(buf, len, "%Y-%m-%d", &tm);
	else
		strftime(buf, len, "%Y%m%d", &tm);
}

static void
test_mtp(void)
{
	static const struct {
		const char	*in;
		const char	*want;
		int		 old;
	} good[] = {
		{ "12345678", "12345678", 0 },
		{ "  08765432 ", "08765432", 0 },
		{ "１２３４５６７８", "12345678", 0 },
		{ "\xe3\x80\x80" "12345678", "12345678", 0 },
		{ "1234567890", "12345678", 1 },
		{ "1234567890(B)", "12345678", 1 },
		{ "1234567890(b)", "12345678", 1 },
		{ "1234567890（Ｂ）", "12345678", 1 },
		{ "１２３４５６７８９０（ｂ）", "12345678", 1 },
		{ "1234567890(B1)", "12345678", 1 },
		{ "1234567890(12)", "12345678", 1 },
	};
	static const struct {
		const char	*in;
		const char	*needle;
	} bad[] = {
		{ "1234567", "not 7" },
		{ "123456789", "9位" },
		{ "12345678901", "not 11" },
		{ "1234567890(ABC)", "括号" },
		{ "1234567890()", "brackets" },
		{ "1234567890(B", "brackets" },
		{ "1234567890(-)", "brackets" },
		{ "12345678(B)", "MTP" },
		{ "A1234567", "台胞证号" },
		{ "1234 5678", "MTP" },
		{ "", "请填写" },
		{ NULL, "Enter" },
	};
	char	 out[9], *why = NULL;
	int	 old, rv;
	size_t	 i;

	for (i = 0; i < nitems(good); i++) {
		old = -1;
		rv = idcheck_mtp(good[i].in, out, &old, &why);
		is_int(rv, QD_OK, "MTP '%s' accepted", good[i].in);
		is_str(out, good[i].want, "MTP '%s' gives its 8 digits",
		    good[i].in);
		is_int(old, good[i].old, "MTP '%s' is %s", good[i].in,
		    good[i].old ? "the old form" : "the current form");
		ok(why == NULL, "no message when accepted");
	}

	rv = idcheck_mtp("1234567", out, &old, &why);
	ok(strcmp(out, "") == 0, "out is empty when refused");
	refused(rv, &why, "8位", "7 digits, in Chinese");
	for (i = 0; i < nitems(bad); i++) {
		refused(idcheck_mtp(bad[i].in, out, &old, &why), &why,
		    bad[i].needle, bad[i].in ? bad[i].in : "NULL");
	}
	is_int(idcheck_mtp("123", out, NULL, NULL), QD_EINVAL,
	    "refused without old or why pointers");
	is_int(idcheck_mtp("1234567890", out, NULL, NULL), QD_OK,
	    "accepted without old or why pointers");
}

static void
test_date(void)
{
	static const struct {
		const char	*in;
		const char	*want;
	} good[] = {
		{ "1990-05-01", "1990-05-01" },
		{ "1990/05/01", "1990-05-01" },
		{ "19900501", "1990-05-01" },
		{ "1990.05.01", "1990-05-01" },
		{ "1990-5-1", "1990-05-01" },
		{ " 1990/12/31 ", "1990-12-31" },
		{ "１９９０－０５－０１", "1990-05-01" },
		{ "１９９０／０５／０１", "1990-05-01" },
		{ "１９９００５０１", "1990-05-01" },
		{ "2000-02-29", "2000-02-29" },
		{ "2024-02-29", "2024-02-29" },
		{ "1996-02-29", "1996-02-29" },
		{ "1900-01-01", "1900-01-01" },
	};
	static const struct {
		const char	*in;
		const char	*needle;
	} bad[] = {
		{ "1900-02-29", "no such day" },
		{ "2023-02-29", "没有这一天" },
		{ "1999-02-29", "1999-02-29" },
		{ "2100-02-29", "no such day" },
		{ "1990-04-31", "no such day" },
		{ "1990-13-01", "no such day" },
		{ "1990-00-10", "no such day" },
		{ "1990-01-00", "no such day" },
		{ "1899-12-31", "before 1900" },
		{ "0000-01-01", "before 1900" },
		{ "2999-01-01", "after today" },
		{ "1990-05/01", "YYYY-MM-DD" },
		{ "1990-05-01x", "YYYY-MM-DD" },
		{ "90-05-01", "YYYY-MM-DD" },
		{ "1990-123-01", "YYYY-MM-DD" },
		{ "1990-05-", "YYYY-MM-DD" },
		{ "1990", "YYYY-MM-DD" },
		{ "1990年5月1日", "YYYY-MM-DD" },
		{ "199005011", "YYYY-MM-DD" },
		{ "", "请填写出生日期" },
	};
	char	 out[11], day[16], *why = NULL;
	size_t	 i;

	for (i = 0; i < nitems(good); i++) {
		is_int(idcheck_date(good[i].in, out, &why), QD_OK,
		    "date '%s' accepted", good[i].in);
		is_str(out, good[i].want, "date '%s' written as YYYY-MM-DD",
		    good[i].in);
	}
	for (i = 0; i < nitems(bad); i++) {
		refused(idcheck_date(bad[i].in, out, &why), &why, bad[i].needle,
		    bad[i].in);
	}
	day_from_today(day, sizeof day, 0, 1);
	is_int(idcheck_date(day, out, NULL), QD_OK, "today is accepted");
	day_from_today(day, sizeof day, 1, 1);
	refused(idcheck_date(day, out, &why), &why, "晚于今天",
	    "tomorrow is in the future");
	day_from_today(day, sizeof day, 1, 0);
	refused(idcheck_date(day, out, &why), &why, "after today",
	    "tomorrow as YYYYMMDD");
}

/* Of the 11 possible last characters of a number, only the right one. */
static void
residence_only_check(const char *date, int seq)
{
	char	 num[19], out[19], right;
	int	 accepted = 0, wrong = 0;
	size_t	 i;

	make_residence(num, date, seq);
	right = num[17];
	for (i = 0; i < 11; i++) {
		num[17] = "0123456789X"[i];
		if (idcheck_residence(num, NULL, out, NULL) == QD_OK) {
			accepted++;
			if (num[17] != right || strcmp(out, num) != 0)
				wrong++;
		}
	}
	ok(accepted == 1 && wrong == 0,
	    "residence permit for %s/%03d: only check '%c' of 11 accepted",
	    date, seq, right);
}

static void
test_residence(void)
{
	static const char *dates[] = {
		"19900501", "20000229", "19000101", "19851231", "20100715",
		"19740930", "19661108", "20040229",
	};
	char	 num[19], wide[80], out[19], *why = NULL;
	size_t	 i;
	int	 seq;

	for (i = 0; i < nitems(dates); i++)
		residence_only_check(dates[i], (int)(i * 137 % 1000));
	make_residence(num, "19900501", 123);
	is_int(idcheck_residence(num, NULL, out, &why), QD_OK,
	    "a residence permit number is accepted");
	is_str(out, num, "and given back as it is");
	is_int(idcheck_residence(num, "1990-05-01", out, &why), QD_OK,
	    "it matches its date of birth");
	is_int(idcheck_residence(num, "1990/5/1", out, &why), QD_OK,
	    "the date of birth in another form still matches");
	is_int(idcheck_residence(num, "", out, &why), QD_OK,
	    "a blank date of birth is not compared");
	refused(idcheck_residence(num, "1990-05-02", out, &why), &why,
	    "(1990-05-01) differs from the date of birth entered (1990-05-02)",
	    "a date of birth one day off, both dates named");
	refused(idcheck_residence(num, "1990-05-02", out, &why), &why,
	    "不一致", "the mismatch said in Chinese");
	refused(idcheck_residence(num, "1990-02-30", out, &why), &why,
	    "no such day", "a date of birth that does not exist");
	ok(strcmp(out, "") == 0, "out is empty when refused");

	/* Full-width digits, spaces and a lower-case x as typed. */
	for (seq = 0; seq < 1000; seq++) {
		make_residence(num, "19881010", seq);
		if (num[17] == 'X')
			break;
	}
	num[17] = 'x';
	snprintf(wide, sizeof wide, " %s ", num);
	is_int(idcheck_residence(wide, NULL, out, NULL), QD_OK,
	    "lower-case x check character accepted");
	num[17] = 'X';
	is_str(out, num, "and given back as X");
	make_residence(num, "19900501", 123);
	widen(num, wide, sizeof wide);
	is_int(idcheck_residence(wide, NULL, out, NULL), QD_OK,
	    "full-width residence permit number accepted");
	is_str(out, num, "full-width number given back in ASCII");

}

static void
test_residence_refused(void)
{
	char	 num[19], wide[80], out[19], day[16], *why = NULL;

	refused(idcheck_residence("83000019900501123", NULL, out, &why), &why,
	    "18", "17 characters");
	refused(idcheck_residence("8300001990050112345", NULL, out, &why),
	    &why, "not 19", "19 characters, counted");
	make_residence(num, "19900501", 123);
	snprintf(wide, sizeof wide, "350102%s", num + 6);
	refused(idcheck_residence(wide, NULL, out, &why), &why, "830000",
	    "a mainland ID number");
	refused(idcheck_residence("83000019900501A234", NULL, out, &why), &why,
	    "17 digits", "a letter among the digits");
	make_residence(num, "19900230", 123);
	refused(idcheck_residence(num, NULL, out, &why), &why,
	    "1990-02-30: no such day", "30 February");
	make_residence(num, "19230229", 5);
	refused(idcheck_residence(num, NULL, out, &why), &why,
	    "没有这一天", "29 February of 1923");
	make_residence(num, "18991231", 5);
	refused(idcheck_residence(num, NULL, out, &why), &why,
	    "before 1900", "born in 1899");
	day_from_today(day, sizeof day, 1, 0);
	make_residence(num, day, 5);
	refused(idcheck_residence(num, NULL, out, &why), &why,
	    "after today", "born tomorrow");
	make_residence(num, "19900501", 123);
	num[17] = num[17] == '0' ? '1' : '0';
	refused(idcheck_residence(num, NULL, out, &why), &why, "check digit",
	    "a wrong check character");
	make_residence(num, "19900501", 123);
	num[15] = num[15] == '9' ? '8' : '9';
	refused(idcheck_residence(num, NULL, out, &why), &why, "校验码",
	    "one digit mistyped");
	refused(idcheck_residence(NULL, NULL, out, &why), &why, "请填写居住证号",
	    "NULL");
}

static void
test_taiwan_id(void)
{
	char	 num[11], out[11], *why = NULL;
	int	 letter, d, accepted, wrong;

	is_int(idcheck_taiwan_id("A123456789", out, &why), QD_OK,
	    "A123456789 accepted");
	is_str(out, "A123456789", "and given back");
	is_int(idcheck_taiwan_id(" a123456789", out, &why), QD_OK,
	    "lower-case letter accepted");
	is_str(out, "A123456789", "and upper-cased");
	is_int(idcheck_taiwan_id("Ａ１２３４５６７８９", out, &why), QD_OK,
	    "full-width Taiwan ID accepted");
	is_str(out, "A123456789", "and given back in ASCII");

	/* Every letter, second digit 1, 2, 8 and 9: one check digit of 10. */
	for (letter = 'A'; letter <= 'Z'; letter++) {
		accepted = wrong = 0;
		snprintf(num, sizeof num, "%c%c7654321x", letter,
		    "1289"[letter % 4]);
		for (d = 0; d <= 9; d++) {
			num[9] = (char)('0' + d);
			if (idcheck_taiwan_id(num, out, NULL) == QD_OK) {
				accepted++;
				if (num[9] != tw_check(num))
					wrong++;
			}
		}
		ok(accepted == 1 && wrong == 0,
		    "Taiwan ID %.9s?: only check digit %c accepted", num,
		    tw_check(num));
	}

	refused(idcheck_taiwan_id("A123456788", out, &why), &why, "check digit",
	    "a wrong check digit");
	refused(idcheck_taiwan_id("A323456789", out, &why), &why, "1、2、8或9",
	    "second digit 3");
	refused(idcheck_taiwan_id("A023456789", out, &why), &why,
	    "second character", "second digit 0");
	refused(idcheck_taiwan_id("1123456789", out, &why), &why, "a letter",
	    "a digit first");
	refused(idcheck_taiwan_id("A12345678", out, &why), &why, "9 digits",
	    "one digit short");
	refused(idcheck_taiwan_id("AB23456789", out, &why), &why, "英文字母",
	    "an old resident certificate with two letters");
	refused(idcheck_taiwan_id("", out, &why), &why, "请填写", "empty");
	ok(strcmp(out, "") == 0, "out is empty when refused");
}

static void
test_mask(void)
{
	static const struct {
		const char	*in;
		const char	*want;
	} cases[] = {
		{ "12345678", "12****78" },
		{ "A123456789", "A1******89" },
		{ "830000199005011234", "83**************34" },
		{ "12345", "12*45" },
		{ "1234", "****" },
		{ "123", "***" },
		{ "1", "*" },
		{ "", "" },
		{ "陳大文先生", "陳大*先生" },
	};
	char	*m;
	size_t	 i;

	for (i = 0; i < nitems(cases); i++) {
		m = idcheck_mask(cases[i].in);
		is_str(m, cases[i].want, "mask of '%s'", cases[i].in);
		free(m);
	}
	m = idcheck_mask(NULL);
	is_str(m, "", "mask of NULL is empty");
	free(m);
}

static void
test_phone(void)
{
	static const struct {
		const char	*in;
		const char	*want;
	} good[] = {
		{ "13900001234", "13900001234" },
		{ " 139 0000 1234 ", "13900001234" },
		{ "0912 345 678", "0912345678" },
		{ "+886 912 345 678", "+886912345678" },
		{ "(0591) 8765-4321", "(0591)8765-4321" },
		{ "１３９００００１２３４", "13900001234" },
		{ "＋８８６９１２３４５６７８", "+886912345678" },
		{ "123456", "123456" },
	};
	char	 out[IDCHECK_PHONE_SIZE], small[8], *why = NULL;
	size_t	 i;

	for (i = 0; i < nitems(good); i++) {
		is_int(idcheck_phone(good[i].in, out, sizeof out, &why), QD_OK,
		    "phone '%s' accepted", good[i].in);
		is_str(out, good[i].want, "phone '%s' without spaces",
		    good[i].in);
	}
	refused(idcheck_phone("12345", out, sizeof out, &why), &why, "not 5",
	    "5 digits");
	refused(idcheck_phone("123456789012345678901", out, sizeof out, &why),
	    &why, "6到20", "21 digits");
	refused(idcheck_phone("139-0000-abcd", out, sizeof out, &why), &why,
	    "digits, spaces", "letters");
	refused(idcheck_phone("139+0000 1234", out, sizeof out, &why), &why,
	    "+ only at the start", "a plus inside");
	refused(idcheck_phone("  ", out, sizeof out, &why), &why,
	    "请填写电话号码", "blank");
	refused(idcheck_phone("13900001234", small, sizeof small, &why), &why,
	    "too long", "a buffer too small");
	ok(small[0] == '\0', "out is empty when refused");
}

static void
test_email(void)
{
	static const struct {
		const char	*in;
		const char	*want;
	} good[] = {
		{ "chen.dawen@example.com", "chen.dawen@example.com" },
		{ "  Chen@Example.COM ", "Chen@example.com" },
		{ "ｃｈｅｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "chen@example.com" },
		{ "a+tag@mail.example.org.tw", "a+tag@mail.example.org.tw" },
	};
	static const struct {
		const char	*in;
		const char	*needle;
	} bad[] = {
		{ "chenexample.com", "exactly one @" },
		{ "a@b@example.com", "只有一个@" },
		{ "@example.com", "nothing before the @" },
		{ "chen@example", "a domain" },
		{ "chen@.com", "a domain" },
		{ "chen@example.", "域名" },
		{ "chen@example..com", "a domain" },
		{ "chen @example.com", "no spaces" },
		{ "chen\x01@example.com", "control" },
		{ "chen\xff@example.com", "control" },
		{ "", "请填写电子邮箱" },
	};
	char	 out[IDCHECK_EMAIL_SIZE], addr[300], *why = NULL;
	size_t	 i;

	for (i = 0; i < nitems(good); i++) {
		is_int(idcheck_email(good[i].in, out, sizeof out, &why), QD_OK,
		    "e-mail '%s' accepted", good[i].in);
		is_str(out, good[i].want, "e-mail '%s' normalised",
		    good[i].in);
	}
	for (i = 0; i < nitems(bad); i++) {
		refused(idcheck_email(bad[i].in, out, sizeof out, &why), &why,
		    bad[i].needle, bad[i].in);
	}
	memset(addr, 'a', 242);
	strcpy(addr + 242, "@example.com");
	is_int(strlen(addr), 254, "a 254-byte address is built");
	is_int(idcheck_email(addr, out, sizeof out, NULL), QD_OK,
	    "254 bytes accepted");
	memmove(addr + 1, addr, 255);
	refused(idcheck_email(addr, out, sizeof out, &why), &why, "254",
	    "255 bytes");
}

int
main(void)
{
	test_mtp();
	test_date();
	test_residence();
	test_residence_refused();
	test_taiwan_id();
	test_mask();
	test_phone();
	test_email();
	return done_testing();
}
