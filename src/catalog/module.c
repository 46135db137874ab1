/*
 * The catalog module: the comparison catalog (标准比对) of Taiwan
 * qualifications and mainland occupations and levels, and the appraisal
 * agencies. Its tables came with the cases' migration.
 */
#include "catalog/catalog.h"
#include "catalog/catalog-screens.h"

static const struct cmd_entry catalog_commands[] = {
	{ .noun = "catalog", .verb = "list",
	  .args = "[--mode recognition|adoption] [--search TEXT] [--active] "
	  "[--format text|csv|json]",
	  .summary = "list the comparison catalog", .exec = cmd_catalog_list },
	{ .noun = "catalog", .verb = "import",
	  .args = "[--charset utf-8|gb18030] FILE|-",
	  .summary = "add and update catalog entries from CSV, all or nothing",
	  .may = "catalog write", .exec = cmd_catalog_import },
	{ .noun = "catalog", .verb = "export",
	  .args = "[--charset utf-8|gb18030] [--bom]",
	  .summary = "write the catalog as CSV to standard output",
	  .exec = cmd_catalog_export },
	{ .noun = "occupation", .verb = "list",
	  .args = "[--active] [--format text|csv|json]",
	  .summary = "list the mainland occupations", .exec = cmd_occupation_list },
	{ .noun = "occupation", .verb = "add",
	  .args = "CODE NAME [--format text|csv|json]",
	  .summary = "add a mainland occupation", .may = "catalog write",
	  .exec = cmd_occupation_add },
	{ .noun = "occupation", .verb = "edit",
	  .args = "CODE|NAME [--code CODE] [--name NAME] [--active 1|0]"
	  " [--version N] [--format text|csv|json]",
	  .summary = "change an occupation's code, name or whether it is in use",
	  .may = "catalog write", .exec = cmd_occupation_edit },
	{ .noun = "agency", .verb = "list", .args = "[--format text|csv|json]",
	  .summary = "list the appraisal agencies and what they cover",
	  .exec = cmd_agency_list },
	{ .noun = "agency", .verb = "add",
	  .args = "NAME --office CODE --occupations CODE[;CODE...]"
	  " [--format text|csv|json]",
	  .summary = "add an appraisal agency in an office's city",
	  .may = "agency write", .exec = cmd_agency_add },
	{ .noun = "agency", .verb = "edit",
	  .args = "ID|NAME [--name NAME] [--office CODE]"
	  " [--occupations CODE[;CODE...]] [--active 1|0] [--version N]"
	  " [--format text|csv|json]",
	  .summary = "change an agency: name, city, occupations, in use",
	  .may = "agency write", .exec = cmd_agency_edit },
	{ .noun = "agency", .verb = "import",
	  .args = "[--charset utf-8|gb18030] FILE|-",
	  .summary = "add and update agencies from CSV, all or nothing",
	  .may = "agency write", .exec = cmd_agency_import },
	{ .noun = "agency", .verb = "export",
	  .args = "[--charset utf-8|gb18030] [--bom]",
	  .summary = "write the agencies as CSV to standard output",
	  .exec = cmd_agency_export },
	{ .noun = NULL }
};

static const struct ui_screen *const catalog_screens[] = {
	&screen_catalog,
	&screen_catalog_edit,
	&screen_agencies,
	&screen_agency_edit,
	NULL
};

static const struct ui_menu_item catalog_menu[] = {
	{ .key = 'c', .label = "比对目录 Catalog", .roles = UI_ROLES_ALL,
	  .screen = &screen_catalog },
	{ .key = 0 }
};

static const struct qd_schema_file catalog_schema[] = {
	/* Its tables came with the cases', in one migration. */
	{ .name = "002-cases.sql", .tables = catalog_tables },
	/* Recognition by the agencies, professional-technical levels. */
	{ .name = "012-agency.sql" },
	{ .name = NULL }
};

const struct qd_module module_catalog = {
	.name = "catalog",
	.label = "目录 Catalog",
	.commands = catalog_commands,
	.screens = catalog_screens,
	.menu = catalog_menu,
	.schema = catalog_schema,
	.demo = catalog_demo,
};
