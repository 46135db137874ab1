/*
 * The modules: the one list of the business nouns qualdesk serves, and
 * the lookups that walk it (screens by name; schema.c finds the schema
 * files' entries).
 * Adding a module is a line here, a folder under src/ and screens/, its
 * migration and its Makefile fragment (HACKING).
 */
#include <string.h>

#include "qualdesk.h"

/*
 * One line a module, in the main menu's order; a module's demo data
 * may use those before it (the catalog's occupations, say).
 */
#define QD_MODULES(X)		\
	X(case)			\
	X(cert)			\
	X(catalog)		\
	X(exam)			\
	X(training)		\
	X(subsidy)		\
	X(job)			\
	X(policy)		\
	X(report)		\
	X(admin)		\
	QD_TEST_MODULES(X)

/* The tests build this file again with an example module added. */
#ifndef QD_TEST_MODULES
#define QD_TEST_MODULES(X)
#endif

#define QD_MODULE_EXTERN(name)	extern const struct qd_module module_##name;
#define QD_MODULE_ENTRY(name)	&module_##name,
QD_MODULES(QD_MODULE_EXTERN)

const struct qd_module *const qd_modules[] = {
	QD_MODULES(QD_MODULE_ENTRY)
	NULL
};

/* The platform's own screens, reached from every menu. */
static const struct ui_screen *const module_platform_screens[] = {
	&screen_help,
	NULL
};

const struct ui_screen *
ui_screen_at(size_t i)
{
	const struct qd_module *const	*m;
	const struct ui_screen *const	*s;

	for (s = module_platform_screens; *s != NULL; s++) {
		if (i-- == 0)
			return *s;
	}
	for (m = qd_modules; *m != NULL; m++) {
		if ((*m)->screens == NULL)
			continue;
		for (s = (*m)->screens; *s != NULL; s++) {
			if (i-- == 0)
				return *s;
		}
	}
	return NULL;
}

const struct ui_screen *
ui_screen_find(const char *name)
{
	const struct ui_screen	*s;
	size_t			 i;

	for (i = 0; (s = ui_screen_at(i)) != NULL; i++) {
		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

int
ui_screen_open(struct ui *ui, const char *name, void *arg)
{
	const struct ui_screen	*s;

	if ((s = ui_screen_find(name)) == NULL) {
		log_error("no screen named %s", name);
		ui_error(ui, "此功能未安装 This part is not installed (%s)",
		    name);
		return QD_ENOTFOUND;
	}
	ui_screen_run_arg(ui, s, arg);
	return QD_OK;
}
