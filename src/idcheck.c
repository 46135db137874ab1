/*
 * Identity numbers of Taiwan residents and the contact fields of the intake
 * form: checked, normalised and masked. The form checks as the clerk types
 * and the data layer checks again, so both get the same words.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"

/* The MOD 11-2 check of GB 11643-1999, used by the residence permit. */
static const int idcheck_gb_weights[17] = {
	7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};
static const char idcheck_gb_check[] = "10X98765432";

/* The value of a Taiwan ID's first letter, from the official table. */
static const int idcheck_tw_letter[26] = {
	10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,	/* A-M */
	22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33,	/* N-Z */
};

/* Why a date is refused, in both languages for composing messages. */
enum idcheck_date_error {
	IDCHECK_DATE_OK,
	IDCHECK_DATE_NONE,
	IDCHECK_DATE_EARLY,
	IDCHECK_DATE_FUTURE,
};
static const struct {
	const char	*zh;
	const char	*en;
} idcheck_date_reasons[] = {
	[IDCHECK_DATE_OK] = { "", "" },
	[IDCHECK_DATE_NONE] = { "没有这一天", "no such day" },
	[IDCHECK_DATE_EARLY] = { "早于1900年", "before 1900" },
	[IDCHECK_DATE_FUTURE] = { "晚于今天", "after today" },
};

/* Set *why (when why is not NULL) and return QD_EINVAL. */
static int __attribute__((format(printf, 2, 3)))
idcheck_fail(char **why, const char *fmt, ...)
{
	va_list	 ap;

	if (why != NULL) {
		free(*why);
		va_start(ap, fmt);
		xvasprintf(why, fmt, ap);
		va_end(ap);
	}
	return QD_EINVAL;
}

/* 1 for the spaces trimmed from either end. */
static int
idcheck_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * The input as the clerk meant it: full-width ASCII and the ideographic
 * space a Chinese input method types become ASCII, the ends are trimmed and,
 * when upper is set, letters upper-cased. NULL is "". Caller frees.
 */
static char *
idcheck_normalise(const char *in, int upper)
{
	const unsigned char	*u = (const unsigned char *)(in ? in : "");
	char			*out;
	size_t			 n = 0, start = 0;
	unsigned int		 cp;

	out = xmalloc(strlen((const char *)u) + 1);
	while (*u != '\0') {
		if ((u[0] & 0xf0) == 0xe0 && (u[1] & 0xc0) == 0x80 &&
		    (u[2] & 0xc0) == 0x80) {
			cp = (u[0] & 0x0fU) << 12 | (u[1] & 0x3fU) << 6 |
			    (u[2] & 0x3fU);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				out[n++] = (char)(cp - 0xfee0);
				u += 3;
				continue;
			}
			if (cp == 0x3000) {
				out[n++] = ' ';
				u += 3;
				continue;
			}
		}
		out[n++] = (char)*u++;
	}
	while (n > 0 && idcheck_is_space(out[n - 1]))
		n--;
	out[n] = '\0';
	while (idcheck_is_space(out[start]))
		start++;
	memmove(out, out + start, n - start + 1);
	for (n = 0; upper && out[n] != '\0'; n++) {
		if (out[n] >= 'a' && out[n] <= 'z')
			out[n] = (char)(out[n] - 'a' + 'A');
	}
	return out;
}

/* Characters (not bytes) in s, so a message counts what the clerk sees. */
static size_t
idcheck_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s += text_char_len(s))
		n++;
	return n;
}

/* 1 if the n bytes at s are all ASCII digits. */
static int
idcheck_digits(const char *s, size_t n)
{
	return strspn(s, "0123456789") >= n;
}

/* The value of the n (at most 9) digits at s. */
static int
idcheck_number(const char *s, size_t n)
{
	int	 v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Whether y-m-d is a day that was, from 1900 to today (local time). */
static enum idcheck_date_error
idcheck_date_check(int y, int m, int d)
{
	static const int	 mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	struct tm		 tm;
	time_t			 now;
	int			 leap, max;

	if (m < 1 || m > 12 || d < 1)
		return IDCHECK_DATE_NONE;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	max = mdays[m - 1] + (m == 2 && leap);
	if (d > max)
		return IDCHECK_DATE_NONE;
	if (y < 1900)
		return IDCHECK_DATE_EARLY;
	now = time(NULL);
	localtime_r(&now, &tm);
	if ((long)y * 10000 + m * 100 + d >
	    (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	    tm.tm_mday)
		return IDCHECK_DATE_FUTURE;
	return IDCHECK_DATE_OK;
}

void
idcheck_today(char out[11])
{
	struct tm	 tm;
	time_t		 now = time(NULL);

	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/*
 * Read YYYYMMDD, or YYYY, month and day split by one of "-/." used twice
 * (month and day may have one digit). Returns 0, or -1 if it is none.
 */
static int
idcheck_date_parse(const char *s, int *y, int *m, int *d)
{
	size_t	 nm, nd;
	char	 sep;

	if (strlen(s) == 8 && idcheck_digits(s, 8)) {
		*y = idcheck_number(s, 4);
		*m = idcheck_number(s + 4, 2);
		*d = idcheck_number(s + 6, 2);
		return 0;
	}
	if (!idcheck_digits(s, 4) || s[4] == '\0' ||
	    strchr("-/.", s[4]) == NULL)
		return -1;
	sep = s[4];
	nm = strspn(s + 5, "0123456789");
	if (nm < 1 || nm > 2 || s[5 + nm] != sep)
		return -1;
	nd = strspn(s + 6 + nm, "0123456789");
	if (nd < 1 || nd > 2 || s[6 + nm + nd] != '\0')
		return -1;
	*y = idcheck_number(s, 4);
	*m = idcheck_number(s + 5, nm);
	*d = idcheck_number(s + 6 + nm, nd);
	return 0;
}

int
idcheck_day(const char *in, const char *zh, const char *en, char out[11],
    char **why)
{
	enum idcheck_date_error	 e;
	char			*s, cap[64];
	int			 y, m, d, rv = QD_EINVAL;

	out[0] = '\0';
	snprintf(cap, sizeof cap, "%s", en);
	if (cap[0] >= 'a' && cap[0] <= 'z')
		cap[0] -= 'a' - 'A';
	s = idcheck_normalise(in, 0);
	if (*s == '\0') {
		idcheck_fail(why, "请填写%s Enter the %s", zh, en);
		goto out;
	}
	if (idcheck_date_parse(s, &y, &m, &d) != 0) {
		idcheck_fail(why, "%s请写成年-月-日，如1990-05-01 "
		    "%s: write it as YYYY-MM-DD, e.g. 1990-05-01", zh, cap);
		goto out;
	}
	if ((e = idcheck_date_check(y, m, d)) != IDCHECK_DATE_OK) {
		idcheck_fail(why, "%s有误：%04d-%02d-%02d%s "
		    "%s %04d-%02d-%02d: %s", zh, y, m, d,
		    idcheck_date_reasons[e].zh, cap, y, m, d,
		    idcheck_date_reasons[e].en);
		goto out;
	}
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000,
	    (unsigned)m % 100, (unsigned)d % 100);
	rv = QD_OK;
out:
	free(s);
	return rv;
}

int
idcheck_date(const char *in, char out[11], char **why)
{
	return idcheck_day(in, "出生日期", "date of birth", out, why);
}

/* 1 if s is "" or "(X)" / "(XY)" with upper-case letters or digits. */
static int
idcheck_mtp_suffix(const char *s)
{
	size_t	 n;

	if (*s == '\0')
		return 1;
	if (*s != '(')
		return 0;
	n = strspn(s + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	return n >= 1 && n <= 2 && s[1 + n] == ')' && s[2 + n] == '\0';
}

int
idcheck_mtp(const char *in, char out[9], int *old, char **why)
{
	char	*s;
	size_t	 digits, n;
	int	 rv = QD_EINVAL;

	out[0] = '\0';
	if (old != NULL)
		*old = 0;
	s = idcheck_normalise(in, 1);
	n = strlen(s);
	digits = strspn(s, "0123456789");
	if (n == 0)
		idcheck_fail(why, "请填写台胞证号 Enter the MTP number");
	else if (digits == 8 && n == 8)
		rv = QD_OK;
	else if (digits == 10 && idcheck_mtp_suffix(s + 10)) {
		if (old != NULL)
			*old = 1;
		rv = QD_OK;
	} else if (digits == 10 && s[10] == '(')
		idcheck_fail(why, "旧版台胞证号括号内应为1-2位字母或数字，"
		    "如1234567890(B) Old MTP number: 1 or 2 letters or digits "
		    "in brackets, e.g. 1234567890(B)");
	else if (digits == n)
		idcheck_fail(why, "台胞证号应为8位数字（旧版10位），现为%zu位 "
		    "MTP number: 8 digits (old permits 10), not %zu", n, n);
	else
		idcheck_fail(why, "台胞证号应为8位数字（旧版10位数字，可带括号"
		    "内1-2位字母） MTP number: 8 digits (old permits: 10 digits, "
		    "maybe a letter in brackets)");
	if (rv == QD_OK) {
		memcpy(out, s, 8);
		out[8] = '\0';
	}
	free(s);
	return rv;
}

/* The GB 11643-1999 check character of the 17 digits at s. */
static char
idcheck_gb_char(const char *s)
{
	int	 i, sum = 0;

	for (i = 0; i < 17; i++)
		sum += (s[i] - '0') * idcheck_gb_weights[i];
	return idcheck_gb_check[sum % 11];
}

/* The residence permit's own rules, without the birth date given. */
static int
idcheck_residence_number(const char *s, char **why)
{
	enum idcheck_date_error	 e;
	int			 y, m, d;

	if (*s == '\0')
		return idcheck_fail(why, "请填写居住证号 "
		    "Enter the residence permit number");
	if (strlen(s) != 18)
		return idcheck_fail(why, "居住证号应为18位，现为%zu位 "
		    "Residence permit number: 18 characters, not %zu",
		    idcheck_chars(s), idcheck_chars(s));
	if (strncmp(s, "830000", 6) != 0)
		return idcheck_fail(why, "台湾居民居住证号应以830000开头 "
		    "Residence permit number of a Taiwan resident: starts "
		    "with 830000");
	if (!idcheck_digits(s, 17) || strchr("0123456789X", s[17]) == NULL)
		return idcheck_fail(why, "居住证号应为17位数字加1位数字或X "
		    "Residence permit number: 17 digits, then a digit or X");
	y = idcheck_number(s + 6, 4);
	m = idcheck_number(s + 10, 2);
	d = idcheck_number(s + 12, 2);
	if ((e = idcheck_date_check(y, m, d)) != IDCHECK_DATE_OK)
		return idcheck_fail(why, "居住证号中的出生日期有误："
		    "%04d-%02d-%02d%s The date of birth in the residence "
		    "permit number, %04d-%02d-%02d: %s", y, m, d,
		    idcheck_date_reasons[e].zh, y, m, d,
		    idcheck_date_reasons[e].en);
	if (idcheck_gb_char(s) != s[17])
		return idcheck_fail(why, "居住证号最后一位（校验码）不对，"
		    "请逐位核对 Residence permit number: the last character "
		    "(check digit) does not match; check every digit");
	return QD_OK;
}

int
idcheck_residence(const char *in, const char *birth, char out[19],
    char **why)
{
	char	*s, date[11], embedded[11];
	int	 rv;

	out[0] = '\0';
	s = idcheck_normalise(in, 1);
	if ((rv = idcheck_residence_number(s, why)) != QD_OK)
		goto out;
	if (birth != NULL && birth[strspn(birth, " ")] != '\0') {
		if ((rv = idcheck_date(birth, date, why)) != QD_OK)
			goto out;
		snprintf(embedded, sizeof embedded, "%.4s-%.2s-%.2s", s + 6,
		    s + 10, s + 12);
		if (strcmp(date, embedded) != 0) {
			rv = idcheck_fail(why, "居住证号中的出生日期%s与所填"
			    "出生日期%s不一致 The date of birth in the "
			    "residence permit number (%s) differs from the "
			    "date of birth entered (%s)", embedded, date,
			    embedded, date);
			goto out;
		}
	}
	memcpy(out, s, 19);
out:
	free(s);
	return rv;
}

int
idcheck_taiwan_id(const char *in, char out[11], char **why)
{
	char	*s;
	int	 v, i, sum, rv = QD_EINVAL;

	out[0] = '\0';
	s = idcheck_normalise(in, 1);
	if (*s == '\0') {
		idcheck_fail(why, "请填写台湾身份证号 Enter the Taiwan ID number");
		goto out;
	}
	if (strlen(s) != 10 || s[0] < 'A' || s[0] > 'Z' ||
	    !idcheck_digits(s + 1, 9)) {
		idcheck_fail(why, "台湾身份证号应为1个英文字母加9位数字，"
		    "如A123456789 Taiwan ID number: a letter and 9 digits, "
		    "e.g. A123456789");
		goto out;
	}
	if (strchr("1289", s[1]) == NULL) {
		idcheck_fail(why, "台湾身份证号第2位应为1、2、8或9 "
		    "Taiwan ID number: the second character is 1, 2, 8 or 9");
		goto out;
	}
	v = idcheck_tw_letter[s[0] - 'A'];
	sum = v / 10 + (v % 10) * 9;
	for (i = 1; i <= 8; i++)
		sum += (s[i] - '0') * (9 - i);
	sum += s[9] - '0';
	if (sum % 10 != 0) {
		idcheck_fail(why, "台湾身份证号最后一位（检查码）不对，"
		    "请逐位核对 Taiwan ID number: the last digit (check "
		    "digit) does not match; check every character");
		goto out;
	}
	memcpy(out, s, 11);
	rv = QD_OK;
out:
	free(s);
	return rv;
}

char *
idcheck_mask(const char *number)
{
	size_t	 n = 0, k, i, head = 0, tail = 0;
	char	*out;

	if (number == NULL)
		number = "";
	for (i = 0; number[i] != '\0'; i += (size_t)text_char_len(number + i))
		n++;
	if (n <= 4) {
		out = xmalloc(n + 1);
		memset(out, '*', n);
		out[n] = '\0';
		return out;
	}
	for (i = 0, k = 0; number[i] != '\0'; k++) {
		if (k == 2)
			head = i;
		if (k == n - 2)
			tail = i;
		i += (size_t)text_char_len(number + i);
	}
	out = xmalloc(head + (n - 4) + strlen(number + tail) + 1);
	memcpy(out, number, head);
	memset(out + head, '*', n - 4);
	strcpy(out + head + (n - 4), number + tail);
	return out;
}

int
idcheck_phone(const char *in, char *out, size_t outsz, char **why)
{
	char	*s;
	size_t	 i, n = 0, digits = 0;
	int	 rv = QD_EINVAL;

	if (outsz > 0)
		out[0] = '\0';
	s = idcheck_normalise(in, 0);
	if (*s == '\0') {
		idcheck_fail(why, "请填写电话号码 Enter a phone number");
		goto out;
	}
	if (s[strspn(s, "0123456789 +-()")] != '\0') {
		idcheck_fail(why, "电话号码只能有数字、空格、+、-和括号 "
		    "Phone number: digits, spaces, +, - and brackets only");
		goto out;
	}
	if (strchr(s + 1, '+') != NULL) {
		idcheck_fail(why, "电话号码中的+只能在最前面 "
		    "Phone number: + only at the start");
		goto out;
	}
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		if (s[i] != ' ')
			s[n++] = s[i];
	}
	s[n] = '\0';
	if (digits < 6 || digits > 20) {
		idcheck_fail(why, "电话号码应有6到20位数字，现为%zu位 "
		    "Phone number: 6 to 20 digits, not %zu", digits, digits);
		goto out;
	}
	if (n >= outsz) {
		idcheck_fail(why, "电话号码太长 Phone number too long");
		goto out;
	}
	memcpy(out, s, n + 1);
	rv = QD_OK;
out:
	free(s);
	return rv;
}

/* 1 if the domain part of an address is names joined by single dots. */
static int
idcheck_email_domain(const char *d)
{
	size_t	 n = strlen(d);

	return n >= 3 && strchr(d, '.') != NULL && d[0] != '.' &&
	    d[n - 1] != '.' && strstr(d, "..") == NULL;
}

int
idcheck_email(const char *in, char *out, size_t outsz, char **why)
{
	char	*s, *at, *p;
	size_t	 n;
	int	 rv = QD_EINVAL;

	if (outsz > 0)
		out[0] = '\0';
	s = idcheck_normalise(in, 0);
	n = strlen(s);
	if (n == 0)
		idcheck_fail(why, "请填写电子邮箱 Enter an e-mail address");
	else if (n > 254)
		idcheck_fail(why, "电子邮箱太长（最多254字节） "
		    "E-mail address too long (at most 254 bytes)");
	else if (!text_valid(s) || strpbrk(s, " \t") != NULL)
		idcheck_fail(why, "电子邮箱中不能有空格或控制字符 "
		    "E-mail address: no spaces or control characters");
	else if ((at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL)
		idcheck_fail(why, "电子邮箱应有且只有一个@ "
		    "E-mail address: exactly one @");
	else if (at == s)
		idcheck_fail(why, "电子邮箱@前面不能是空的 "
		    "E-mail address: nothing before the @");
	else if (!idcheck_email_domain(at + 1))
		idcheck_fail(why, "电子邮箱@后面应是域名，如example.com "
		    "E-mail address: a domain after the @, e.g. example.com");
	else if (n >= outsz)
		idcheck_fail(why, "电子邮箱太长 E-mail address too long");
	else {
		/* Domains are case-blind; one spelling keeps lists tidy. */
		for (p = at + 1; *p != '\0'; p++) {
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		}
		memcpy(out, s, n + 1);
		rv = QD_OK;
	}
	free(s);
	return rv;
}

int
idcheck_plan_day(const char *text, char out[11], char **why)
{
	struct tm	 tm;
	int		 y, m, d;
	char		 tail;

	if (text == NULL || *text == '\0') {
		idcheck_today(out);
		return QD_OK;
	}
	memset(&tm, 0, sizeof tm);
	if (sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		goto bad;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	if (mktime(&tm) == (time_t)-1 || tm.tm_mday != d)
		goto bad;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return QD_OK;
bad:
	why_set(why, "日期“%s”无效，请写成 YYYY-MM-DD bad day \"%s\": write"
	    " YYYY-MM-DD", text, text);
	return QD_EINVAL;
}
