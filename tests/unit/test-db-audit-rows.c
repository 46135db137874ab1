/*
 * The audit and guard triggers, generated from each table's declaration,
 * do what the hand-written ones of schema version 3 did: a scripted
 * sequence of inserts, updates and deletes across every audited table,
 * as every kind of actor, writes exactly the audit rows, and meets
 * exactly the refusals, that those triggers gave. The expected lines
 * below were captured from the hand-written triggers before they were
 * replaced; they are not to be regenerated from the generator's output.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

/* The actors of the script, by letter. */
static struct qd_user actors[] = {
	{ .id = 1, .login = "adm", .role = ROLE_ADMIN, .via = "t" },
	{ .id = 2, .login = "clk", .role = ROLE_CLERK, .office_id = 1,
	  .via = "t" },
	{ .id = 3, .login = "ctr", .role = ROLE_CENTER, .via = "t" },
	{ .id = 4, .login = "aud", .role = ROLE_AUDITOR, .via = "t" },
	{ .id = 5, .login = "tmp", .role = ROLE_CLERK, .office_id = 2,
	  .via = "t" },
	{ .id = 6, .login = "lia", .role = ROLE_LIAISON, .office_id = 2,
	  .via = "t" },
};
static const char actor_letters[] = "ACRUTL";

/* The signing key's id the script uses: one the migration did not take. */
static int kid;

static const struct {
	char		 actor;		/* a letter above, S the system, - none */
	const char	*sql;		/* KID stands for kid */
} script[] = {
	{ 'S', "INSERT INTO users (id, login, display_name, role, office_id)"
	  " VALUES (1, 'adm', 'Admin', 'admin', NULL),"
	  " (2, 'clk', 'Clerk 陈', 'clerk', 1), (3, 'ctr', 'Center', 'center',"
	  " NULL), (4, 'aud', 'Auditor', 'auditor', NULL),"
	  " (5, 'tmp', 'Temp', 'clerk', 2), (6, 'lia', 'Liaison', 'liaison', 2)" },
	{ 'A', "UPDATE users SET display_name = 'Clerk 陳', version = version + 1"
	  " WHERE id = 2" },
	{ 'A', "UPDATE users SET active = 0 WHERE id = 2" },
	{ 'A', "INSERT INTO user_keys (user_id, type, base64, fingerprint,"
	  " comment) VALUES (5, 'ssh-ed25519', 'AAAA', 'SHA256:abc', 'laptop')" },
	{ 'A', "UPDATE user_keys SET comment = 'desk' WHERE user_id = 5" },
	{ 'A', "INSERT INTO user_keys (user_id, type, base64, fingerprint)"
	  " VALUES (5, 'ssh-ed25519', 'BBBB', 'SHA256:def')" },
	{ 'A', "DELETE FROM user_keys WHERE fingerprint = 'SHA256:abc'" },
	{ 'T', "INSERT INTO drafts (user_id, form, ref, data)"
	  " VALUES (5, 'intake', 0, 'name')" },
	{ 'T', "UPDATE drafts SET data = 'x' WHERE user_id = 5" },
	{ 'T', "INSERT INTO drafts (user_id, form, ref, data)"
	  " VALUES (5, 'case', 3, 'y')" },
	{ 'T', "DELETE FROM drafts WHERE form = 'case'" },
	{ 'C', "DELETE FROM drafts" },
	{ 'A', "DELETE FROM users WHERE id = 5" },
	{ 'S', "DELETE FROM users WHERE id = 5" },
	{ 'A', "INSERT INTO offices (id, code, name_zh, name_en)"
	  " VALUES (11, 'test', '测试', 'Test')" },
	{ 'A', "UPDATE offices SET name_en = 'Testing' WHERE id = 11" },
	{ 'A', "DELETE FROM offices WHERE id = 11" },
	{ '-', "INSERT INTO offices (id, code, name_zh, name_en)"
	  " VALUES (12, 'none', '无', 'None')" },

	{ 'C', "INSERT INTO occupations (code, name) VALUES ('1-1', 'x')" },
	{ '-', "INSERT INTO occupations (code, name) VALUES ('1-1', 'x')" },
	{ 'A', "INSERT INTO occupations (id, code, name)"
	  " VALUES (1, '4-10-03-01', '美容师')" },
	{ 'A', "UPDATE occupations SET active = 0, version = version + 1"
	  " WHERE id = 1" },
	{ 'A', "UPDATE occupations SET active = 1 WHERE id = 1" },
	{ 'C', "UPDATE occupations SET active = 1, version = version + 1"
	  " WHERE id = 1" },
	{ 'A', "INSERT INTO occupations (id, code, name) VALUES (2, '9-9', '无')" },
	{ 'C', "DELETE FROM occupations WHERE id = 2" },
	{ 'A', "INSERT INTO catalog (id, tw_qual, tw_level, occupation_id,"
	  " level, mode, note) VALUES (1, '美容', '乙级', 1, 4, 'adoption', 'n')" },
	{ 'A', "UPDATE catalog SET note = 'm', version = version + 1"
	  " WHERE id = 1" },
	{ 'U', "UPDATE catalog SET note = 'u', version = version + 1"
	  " WHERE id = 1" },
	{ 'A', "INSERT INTO catalog (id, tw_qual, tw_level, occupation_id,"
	  " level, mode) VALUES (2, '美髮', '丙级', 1, 5, 'recognition')" },
	{ 'C', "DELETE FROM catalog WHERE id = 2" },
	{ 'A', "DELETE FROM catalog WHERE id = 2" },
	{ 'C', "INSERT INTO catalog (tw_qual, tw_level, occupation_id, level,"
	  " mode) VALUES ('x', 'y', 1, 5, 'adoption')" },
	{ 'A', "INSERT INTO agencies (id, name, office_id)"
	  " VALUES (1, '福州认定中心', 1)" },
	{ 'A', "UPDATE agencies SET active = 0, version = version + 1"
	  " WHERE id = 1" },
	{ 'A', "UPDATE agencies SET active = 1 WHERE id = 1" },
	{ 'C', "UPDATE agencies SET active = 1, version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "INSERT INTO agencies (name, office_id) VALUES ('x', 1)" },
	{ 'A', "INSERT INTO agency_occupations VALUES (1, 1)" },
	{ 'C', "INSERT INTO agency_occupations VALUES (1, 1)" },
	{ 'C', "DELETE FROM agency_occupations" },
	{ 'A', "DELETE FROM agency_occupations WHERE agency_id = 1" },
	{ 'A', "INSERT INTO agency_occupations VALUES (1, 1)" },

	{ 'C', "INSERT INTO applicants (id, name, name_key, sex, birth_date,"
	  " mtp, phone, office_id) VALUES (1, '陳大文', '陈大文', 'M',"
	  " '1990-05-01', '12345678', '0912', 1)" },
	{ 'L', "INSERT INTO applicants (id, name, name_key, sex, birth_date,"
	  " mtp, office_id) VALUES (3, '林', '林', 'F', '1991-01-01',"
	  " '87654321', 1)" },
	{ 'C', "UPDATE applicants SET email = 'a@b.c', version = version + 1"
	  " WHERE id = 1" },
	{ 'L', "UPDATE applicants SET phone = '', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "UPDATE applicants SET phone = '' WHERE id = 1" },
	{ 'C', "DELETE FROM applicants WHERE id = 1" },
	{ 'S', "INSERT INTO applicants (id, name, name_key, sex, birth_date,"
	  " mtp, office_id) VALUES (2, '王', '王', 'F', '1980-02-02',"
	  " '11112222', 2)" },
	{ 'S', "DELETE FROM applicants WHERE id = 2" },

	{ 'C', "INSERT INTO cases (id, applicant_id, office_id, type,"
	  " catalog_id, occupation_id, tw_qual, tw_cert_no, mat_id, state,"
	  " created_by) VALUES (1, 1, 1, 'adoption', 1, 1, '美容 乙级', 'TW-1',"
	  " 1, 'accepted', 2)" },
	{ 'L', "INSERT INTO cases (applicant_id, office_id, type, tw_qual,"
	  " tw_cert_no, state) VALUES (1, 1, 'adoption', 'q', 'n', 'accepted')" },
	{ 'C', "UPDATE cases SET notes = 'n', mat_cert = 1,"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE cases SET notes = 'x' WHERE id = 1" },
	{ 'L', "UPDATE cases SET notes = 'x', version = version + 1"
	  " WHERE id = 1" },
	{ 'U', "UPDATE cases SET notes = 'z' WHERE id = 1" },
	{ 'C', "UPDATE cases SET type = 'recognition', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "UPDATE cases SET state = 'forwarded', action = 'forward',"
	  " forwarded_at = '2025-03-01T01:00:00.000Z', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "DELETE FROM cases WHERE id = 1" },
	{ 'R', "UPDATE cases SET state = 'approved', action = 'approve',"
	  " decided_occupation_id = 1, decided_level = 4,"
	  " version = version + 1 WHERE id = 1" },
	{ 'R', "UPDATE cases SET held_by = 3,"
	  " held_at = '2025-03-02T01:00:00.000Z', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "UPDATE cases SET state = 'approved', action = 'approve',"
	  " decided_occupation_id = 1, decided_level = 4,"
	  " decided_at = '2025-03-03T01:00:00.000Z', held_by = NULL,"
	  " held_at = NULL, version = version + 1 WHERE id = 1" },

	{ 'A', "INSERT INTO cert_keys (kid, public, private) VALUES (KID,"
	  " x'0101010101010101010101010101010101010101010101010101010101010101',"
	  " x'0202020202020202020202020202020202020202020202020202020202020202')" },
	{ 'C', "INSERT INTO cert_keys (kid, public, private) VALUES (7,"
	  " x'0303030303030303030303030303030303030303030303030303030303030303',"
	  " x'0404040404040404040404040404040404040404040404040404040404040404')" },
	{ 'C', "INSERT INTO certificates (number, series, year, seq, case_id,"
	  " office_id, kid, name, sex, birth_date, mtp, tw_qual, occupation,"
	  " level, issued_on, qr_text, issued_by) VALUES ('CX-2025-000001',"
	  " 'CX', 2025, 1, 1, 1, KID, '陳大文', 'M', '1990-05-01', '12345678',"
	  " '美容 乙级', '美容师', 4, '2025-03-03', 'QDC1:test', 'clk')" },
	{ 'R', "INSERT INTO certificates (number, series, year, seq, case_id,"
	  " office_id, kid, name, sex, birth_date, mtp, tw_qual, occupation,"
	  " level, issued_on, qr_text, issued_by) VALUES ('CX-2025-000001',"
	  " 'CX', 2025, 1, 1, 1, KID, '陳大文', 'M', '1990-05-01', '12345678',"
	  " '美容 乙级', '美容师', 4, '2025-03-03', 'QDC1:test', 'ctr')" },
	{ 'C', "INSERT INTO certificates (number, series, year, seq, case_id,"
	  " office_id, kid, name, sex, birth_date, mtp, tw_qual, occupation,"
	  " level, issued_on, qr_text, issued_by) VALUES ('CX-2025-000002',"
	  " 'CX', 2025, 2, 1, 1, KID, '陳大文', 'M', '1990-05-01', '12345678',"
	  " '美容 乙级', '美容师', 4, '2025-03-03', 'QDC1:test', 'clk')" },
	{ 'L', "UPDATE certificates SET print_count = 1,"
	  " printed_at = '2025-03-04T01:00:00.000Z', printed_by = 'lia',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE certificates SET print_count = 1,"
	  " printed_at = '2025-03-04T01:00:00.000Z', printed_by = 'clk',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE certificates SET name = '陈大文', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "INSERT INTO notices (case_id, channel, text, recorded_by)"
	  " VALUES (1, 'sms', '请来领证', 'clk')" },
	{ 'L', "INSERT INTO notices (case_id, channel, text, recorded_by)"
	  " VALUES (1, 'sms', '请来', 'lia')" },
	{ 'C', "UPDATE notices SET status = 'sent',"
	  " sent_at = '2025-03-04T02:00:00.000Z', detail = 'queued'"
	  " WHERE case_id = 1" },
	{ 'C', "UPDATE notices SET text = 'x' WHERE case_id = 1" },
	{ 'S', "DELETE FROM notices" },
	{ 'C', "UPDATE cases SET state = 'notified', action = 'notify',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE certificates SET handed_at = '2025-03-05T01:00:00.000Z',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE cases SET state = 'collected', action = 'collect',"
	  " collected_on = '2025-03-05', version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE certificates SET revoked_at = '2025-03-06T01:00:00.000Z',"
	  " revoked_by = 'clk', revoke_reason = 'x', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "UPDATE certificates SET revoked_at = '2025-03-06T01:00:00.000Z',"
	  " revoked_by = 'ctr', revoke_reason = '错字 typo',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE certificates SET print_count = 2, version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "UPDATE certificates SET revoke_reason = 'y' WHERE id = 1" },
	{ 'A', "DELETE FROM certificates" },
	{ 'S', "DELETE FROM certificates" },
	{ 'A', "UPDATE cert_keys SET retired_at = '2025-04-01T00:00:00.000Z',"
	  " private = NULL WHERE kid = KID" },
	{ 'A', "DELETE FROM cert_keys WHERE kid = KID" },
	{ 'S', "DELETE FROM cert_keys WHERE kid = KID" },

	{ 'C', "INSERT INTO user_settings (user_id, print_passthrough)"
	  " VALUES (2, 1)" },
	{ 'C', "INSERT INTO user_settings (user_id, print_passthrough)"
	  " VALUES (3, 1)" },
	{ 'C', "UPDATE user_settings SET print_passthrough = 0 WHERE user_id = 2" },

	{ 'A', "UPDATE audit SET actor = 'x' WHERE id = 1" },
	{ 'S', "DELETE FROM audit WHERE id = 1" },
	{ 'S', "UPDATE case_events SET note = 'x'" },
	{ 'A', "DELETE FROM case_events" },
	{ 'S', "UPDATE users SET active = 0 WHERE id = 3" },
	{ 'S', "UPDATE users SET active = 0, version = version + 1 WHERE id = 3" },
};

/*
 * What the script wrote and met: a line per step ("N ok", or "N refused:"
 * and the message), each followed by the audit rows it added, one line
 * each: id, actor, via, action, tbl, record, before, after. The first
 * lines are the rows the migrations wrote.
 */
static const char *const want[] = {
	"  1 (schema) 'migration 001-core.sql' insert 'offices' 1 NULL "
	    "'{\"code\":\"fuzhou\",\"name_zh\":\"福州市\","
	    "\"name_en\":\"Fuzhou\",\"is_center\":0}'",
	"  2 (schema) 'migration 001-core.sql' insert 'offices' 2 NULL "
	    "'{\"code\":\"xiamen\",\"name_zh\":\"厦门市\","
	    "\"name_en\":\"Xiamen\",\"is_center\":0}'",
	"  3 (schema) 'migration 001-core.sql' insert 'offices' 3 NULL "
	    "'{\"code\":\"zhangzhou\",\"name_zh\":\"漳州市\","
	    "\"name_en\":\"Zhangzhou\",\"is_center\":0}'",
	"  4 (schema) 'migration 001-core.sql' insert 'offices' 4 NULL "
	    "'{\"code\":\"quanzhou\",\"name_zh\":\"泉州市\","
	    "\"name_en\":\"Quanzhou\",\"is_center\":0}'",
	"  5 (schema) 'migration 001-core.sql' insert 'offices' 5 NULL "
	    "'{\"code\":\"sanming\",\"name_zh\":\"三明市\","
	    "\"name_en\":\"Sanming\",\"is_center\":0}'",
	"  6 (schema) 'migration 001-core.sql' insert 'offices' 6 NULL "
	    "'{\"code\":\"putian\",\"name_zh\":\"莆田市\","
	    "\"name_en\":\"Putian\",\"is_center\":0}'",
	"  7 (schema) 'migration 001-core.sql' insert 'offices' 7 NULL "
	    "'{\"code\":\"nanping\",\"name_zh\":\"南平市\","
	    "\"name_en\":\"Nanping\",\"is_center\":0}'",
	"  8 (schema) 'migration 001-core.sql' insert 'offices' 8 NULL "
	    "'{\"code\":\"longyan\",\"name_zh\":\"龙岩市\","
	    "\"name_en\":\"Longyan\",\"is_center\":0}'",
	"  9 (schema) 'migration 001-core.sql' insert 'offices' 9 NULL "
	    "'{\"code\":\"ningde\",\"name_zh\":\"宁德市\","
	    "\"name_en\":\"Ningde\",\"is_center\":0}'",
	"  10 (schema) 'migration 001-core.sql' insert 'offices' 10 "
	    "NULL '{\"code\":\"pingtan\","
	    "\"name_zh\":\"平潭综合实验区\",\"name_en\":\"Pingtan\","
	    "\"is_center\":1}'",
	"  11 (schema) 'migration 003-certificates.sql' insert "
	    "'cert_keys' 1 NULL '{\"kid\":\"K\",\"public\":64}'",
	"1 ok",
	"  12 (test) 'script' insert 'users' 1 NULL "
	    "'{\"login\":\"adm\",\"name\":\"Admin\",\"role\":\"admin\","
	    "\"office\":null,\"active\":1,\"version\":1}'",
	"  13 (test) 'script' insert 'users' 2 NULL "
	    "'{\"login\":\"clk\",\"name\":\"Clerk 陈\","
	    "\"role\":\"clerk\",\"office\":\"fuzhou\",\"active\":1,"
	    "\"version\":1}'",
	"  14 (test) 'script' insert 'users' 3 NULL "
	    "'{\"login\":\"ctr\",\"name\":\"Center\","
	    "\"role\":\"center\",\"office\":null,\"active\":1,"
	    "\"version\":1}'",
	"  15 (test) 'script' insert 'users' 4 NULL "
	    "'{\"login\":\"aud\",\"name\":\"Auditor\","
	    "\"role\":\"auditor\",\"office\":null,\"active\":1,"
	    "\"version\":1}'",
	"  16 (test) 'script' insert 'users' 5 NULL "
	    "'{\"login\":\"tmp\",\"name\":\"Temp\",\"role\":\"clerk\","
	    "\"office\":\"xiamen\",\"active\":1,\"version\":1}'",
	"  17 (test) 'script' insert 'users' 6 NULL "
	    "'{\"login\":\"lia\",\"name\":\"Liaison\","
	    "\"role\":\"liaison\",\"office\":\"xiamen\",\"active\":1,"
	    "\"version\":1}'",
	"2 ok",
	"  18 adm 't' update 'users' 2 '{\"login\":\"clk\","
	    "\"name\":\"Clerk 陈\",\"role\":\"clerk\","
	    "\"office\":\"fuzhou\",\"active\":1,\"version\":1}' "
	    "'{\"login\":\"clk\",\"name\":\"Clerk 陳\","
	    "\"role\":\"clerk\",\"office\":\"fuzhou\",\"active\":1,"
	    "\"version\":2}'",
	"3 refused: users: every update must raise version by one",
	"4 ok",
	"  19 adm 't' insert 'user_keys' 1 NULL '{\"user\":\"tmp\","
	    "\"type\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:abc\","
	    "\"comment\":\"laptop\"}'",
	"5 ok",
	"  20 adm 't' update 'user_keys' 1 '{\"user\":\"tmp\","
	    "\"type\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:abc\","
	    "\"comment\":\"laptop\"}' '{\"user\":\"tmp\","
	    "\"type\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:abc\","
	    "\"comment\":\"desk\"}'",
	"6 ok",
	"  21 adm 't' insert 'user_keys' 2 NULL '{\"user\":\"tmp\","
	    "\"type\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:def\","
	    "\"comment\":\"\"}'",
	"7 ok",
	"  22 adm 't' delete 'user_keys' 1 '{\"user\":\"tmp\","
	    "\"type\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:abc\","
	    "\"comment\":\"desk\"}' NULL",
	"8 ok",
	"  23 tmp 't' draft 'drafts' 1 NULL '{\"form\":\"intake\","
	    "\"ref\":0}'",
	"9 ok",
	"10 ok",
	"  24 tmp 't' draft 'drafts' 2 NULL '{\"form\":\"case\","
	    "\"ref\":3}'",
	"11 ok",
	"  25 tmp 't' draft-end 'drafts' 2 '{\"form\":\"case\","
	    "\"ref\":3}' NULL",
	"12 refused: 草稿只属于输入它的用户 a draft belongs to the "
	    "user who types it",
	"13 refused: 草稿只属于输入它的用户 a draft belongs to the "
	    "user who types it",
	"14 ok",
	"  26 (test) 'script' draft-end 'drafts' 1 "
	    "'{\"form\":\"intake\",\"ref\":0}' NULL",
	"  27 (test) 'script' delete 'user_keys' 2 '{\"user\":null,"
	    "\"type\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:def\","
	    "\"comment\":\"\"}' NULL",
	"  28 (test) 'script' delete 'users' 5 '{\"login\":\"tmp\","
	    "\"name\":\"Temp\",\"role\":\"clerk\","
	    "\"office\":\"xiamen\",\"active\":1,\"version\":1}' NULL",
	"15 ok",
	"  29 adm 't' insert 'offices' 11 NULL '{\"code\":\"test\","
	    "\"name_zh\":\"测试\",\"name_en\":\"Test\","
	    "\"is_center\":0}'",
	"16 ok",
	"  30 adm 't' update 'offices' 11 '{\"code\":\"test\","
	    "\"name_zh\":\"测试\",\"name_en\":\"Test\","
	    "\"is_center\":0}' '{\"code\":\"test\","
	    "\"name_zh\":\"测试\",\"name_en\":\"Testing\","
	    "\"is_center\":0}'",
	"17 ok",
	"  31 adm 't' delete 'offices' 11 '{\"code\":\"test\","
	    "\"name_zh\":\"测试\",\"name_en\":\"Testing\","
	    "\"is_center\":0}' NULL",
	"18 refused: NOT NULL constraint failed: audit.actor",
	"19 refused: 仅中心管理员可修改目录 only a center admin may "
	    "change the catalog",
	"20 refused: 仅中心管理员可修改目录 only a center admin may "
	    "change the catalog",
	"21 ok",
	"  32 adm 't' insert 'occupations' 1 NULL "
	    "'{\"code\":\"4-10-03-01\",\"name\":\"美容师\","
	    "\"active\":1}'",
	"22 ok",
	"  33 adm 't' update 'occupations' 1 '{\"code\":\"4-10-03-01\","
	    "\"name\":\"美容师\",\"active\":1}' "
	    "'{\"code\":\"4-10-03-01\",\"name\":\"美容师\","
	    "\"active\":0}'",
	"23 refused: 仅中心管理员可修改目录 only a center admin may "
	    "change the catalog, raising version by one",
	"24 refused: 仅中心管理员可修改目录 only a center admin may "
	    "change the catalog, raising version by one",
	"25 ok",
	"  34 adm 't' insert 'occupations' 2 NULL '{\"code\":\"9-9\","
	    "\"name\":\"无\",\"active\":1}'",
	"26 ok",
	"27 ok",
	"  35 adm 't' insert 'catalog' 1 NULL '{\"tw_qual\":\"美容\","
	    "\"tw_level\":\"乙级\",\"occupation\":1,\"level\":4,"
	    "\"mode\":\"adoption\",\"active\":1}'",
	"28 ok",
	"  36 adm 't' update 'catalog' 1 '{\"tw_qual\":\"美容\","
	    "\"tw_level\":\"乙级\",\"occupation\":1,\"level\":4,"
	    "\"mode\":\"adoption\",\"active\":1}' "
	    "'{\"tw_qual\":\"美容\",\"tw_level\":\"乙级\","
	    "\"occupation\":1,\"level\":4,\"mode\":\"adoption\","
	    "\"active\":1}'",
	"29 refused: 仅中心管理员可修改目录 only a center admin may "
	    "change the catalog, raising version by one",
	"30 ok",
	"  37 adm 't' insert 'catalog' 2 NULL '{\"tw_qual\":\"美髮\","
	    "\"tw_level\":\"丙级\",\"occupation\":1,\"level\":5,"
	    "\"mode\":\"recognition\",\"active\":1}'",
	"31 refused: 仅中心管理员可修改目录 only a center admin may "
	    "change the catalog",
	"32 ok",
	"  38 adm 't' delete 'catalog' 2 '{\"tw_qual\":\"美髮\","
	    "\"tw_level\":\"丙级\",\"occupation\":1,\"level\":5,"
	    "\"mode\":\"recognition\"}' NULL",
	"33 refused: 仅中心管理员可修改目录 only a center admin may "
	    "change the catalog",
	"34 ok",
	"  39 adm 't' insert 'agencies' 1 NULL "
	    "'{\"name\":\"福州认定中心\",\"office\":1,\"active\":1}'",
	"35 ok",
	"  40 adm 't' update 'agencies' 1 '{\"name\":\"福州认定中心\","
	    "\"office\":1,\"active\":1}' '{\"name\":\"福州认定中心\","
	    "\"office\":1,\"active\":0}'",
	"36 refused: 仅中心管理员可修改认定机构 only a center admin "
	    "may change agencies, raising version by one",
	"37 refused: 仅中心管理员可修改认定机构 only a center admin "
	    "may change agencies, raising version by one",
	"38 refused: 仅中心管理员可修改认定机构 only a center admin "
	    "may change agencies",
	"39 ok",
	"  41 adm 't' insert 'agency_occupations' 1 NULL "
	    "'{\"occupation\":1}'",
	"40 refused: 仅中心管理员可修改认定机构 only a center admin "
	    "may change agencies",
	"41 refused: 仅中心管理员可修改认定机构 only a center admin "
	    "may change agencies",
	"42 ok",
	"  42 adm 't' delete 'agency_occupations' 1 "
	    "'{\"occupation\":1}' NULL",
	"43 ok",
	"  43 adm 't' insert 'agency_occupations' 1 NULL "
	    "'{\"occupation\":1}'",
	"44 ok",
	"  44 clk 't' insert 'applicants' 1 NULL '{\"name\":\"陳大文\","
	    "\"sex\":\"M\",\"mtp\":\"12****78\",\"office\":1,"
	    "\"version\":1}'",
	"45 refused: "
	    "仅办公室窗口或联络员可登记台胞，且只登记在本办公室 only "
	    "an office's clerk or liaison may register an applicant, "
	    "under their own office",
	"46 ok",
	"  45 clk 't' update 'applicants' 1 '{\"name\":\"陳大文\","
	    "\"sex\":\"M\",\"birth_year\":\"1990\","
	    "\"mtp\":\"12****78\",\"phone_set\":1,\"email_set\":0,"
	    "\"in_taiwan\":0,\"version\":1}' '{\"name\":\"陳大文\","
	    "\"sex\":\"M\",\"birth_year\":\"1990\","
	    "\"mtp\":\"12****78\",\"phone_set\":1,\"email_set\":1,"
	    "\"in_taiwan\":0,\"version\":2}'",
	"47 refused: 此台胞属于其他办公室 this applicant belongs to "
	    "another office",
	"48 refused: 此台胞属于其他办公室 this applicant belongs to "
	    "another office",
	"49 refused: 台胞记录不可删除 applicants are never deleted",
	"50 ok",
	"  46 (test) 'script' insert 'applicants' 2 NULL "
	    "'{\"name\":\"王\",\"sex\":\"F\",\"mtp\":\"11****22\","
	    "\"office\":2,\"version\":1}'",
	"51 ok",
	"52 ok",
	"  47 clk 't' insert 'cases' 1 NULL '{\"office\":1,"
	    "\"type\":\"adoption\",\"applicant\":1,"
	    "\"state\":\"accepted\",\"version\":1}'",
	"53 refused: 仅办公室窗口或联络员可受理案件，且只在本办公室 "
	    "only an office's clerk or liaison may open a case, in "
	    "their own office",
	"54 ok",
	"  48 clk 't' update 'cases' 1 '{\"state\":\"accepted\","
	    "\"held_by\":null,\"catalog\":1,\"materials\":\"1000\","
	    "\"version\":1}' '{\"state\":\"accepted\",\"held_by\":null,"
	    "\"catalog\":1,\"materials\":\"1100\",\"occupation\":null,"
	    "\"level\":null,\"agency\":null,\"version\":2}'",
	"55 refused: 案件已被他人修改 cases: every update must raise "
	    "version by one",
	"56 refused: 此案件属于其他办公室 this case belongs to another "
	    "office",
	"57 refused: 此案件属于其他办公室 this case belongs to another "
	    "office",
	"58 refused: 案件的台胞、办公室和类型不可更改 a case's "
	    "applicant, office and type are fixed",
	"59 ok",
	"  49 clk 't' forward 'cases' 1 '{\"state\":\"accepted\","
	    "\"held_by\":null,\"catalog\":1,\"materials\":\"1100\","
	    "\"version\":2}' '{\"state\":\"forwarded\","
	    "\"held_by\":null,\"catalog\":1,\"materials\":\"1100\","
	    "\"occupation\":null,\"level\":null,\"agency\":null,"
	    "\"version\":3}'",
	"60 refused: 案件不可删除，请撤回 cases are never deleted; "
	    "withdraw instead",
	"61 refused: 请先领取案件再作决定 take the case before "
	    "deciding it",
	"62 ok",
	"  50 ctr 't' take 'cases' 1 '{\"state\":\"forwarded\","
	    "\"held_by\":null,\"catalog\":1,\"materials\":\"1100\","
	    "\"version\":3}' '{\"state\":\"forwarded\",\"held_by\":3,"
	    "\"catalog\":1,\"materials\":\"1100\",\"occupation\":null,"
	    "\"level\":null,\"agency\":null,\"version\":4}'",
	"63 ok",
	"  51 ctr 't' approve 'cases' 1 '{\"state\":\"forwarded\","
	    "\"held_by\":3,\"catalog\":1,\"materials\":\"1100\","
	    "\"version\":4}' '{\"state\":\"approved\",\"held_by\":null,"
	    "\"catalog\":1,\"materials\":\"1100\",\"occupation\":1,"
	    "\"level\":4,\"agency\":null,\"version\":5}'",
	"64 ok",
	"  52 adm 't' insert 'cert_keys' 2 NULL '{\"kid\":KID,"
	    "\"public\":\"0101010101010101010101010101010101010101010101010101010101010101\"}'",
	"65 refused: 签名密钥只能由系统或管理员生成 only the system or "
	    "an admin makes signing keys",
	"66 refused: 证书由中心签发 certificates are issued by the "
	    "center",
	"67 ok",
	"  53 ctr 't' insert 'subsidy_intake' 1 NULL "
	    "'{\"source\":\"certificate\",\"source_id\":1,"
	    "\"number\":\"CX-2025-000001\",\"kind\":\"qualification\","
	    "\"applicant\":1,\"office\":1,\"outcome\":\"pending\","
	    "\"rule\":null}'",
	"  54 ctr 't' update 'subsidy_intake' 1 "
	    "'{\"source\":\"certificate\",\"source_id\":1,"
	    "\"number\":\"CX-2025-000001\",\"kind\":\"qualification\","
	    "\"applicant\":1,\"office\":1,\"outcome\":\"pending\","
	    "\"rule\":null}' '{\"source\":\"certificate\","
	    "\"source_id\":1,\"number\":\"CX-2025-000001\","
	    "\"kind\":\"qualification\",\"applicant\":1,\"office\":1,"
	    "\"outcome\":\"ineligible\",\"rule\":\"rate\"}'",
	"  55 ctr 't' insert 'certificates' 1 NULL "
	    "'{\"number\":\"CX-2025-000001\",\"case\":1,\"kid\":KID,"
	    "\"replaces\":null,\"reason\":\"\"}'",
	"68 refused: 此案件已发证；换发须先撤销原证书 this case "
	    "already has a certificate; revoke it before issuing a "
	    "replacement",
	"69 refused: 证书由所属办公室打印和发放 the certificate's "
	    "office prints and hands it over",
	"70 ok",
	"  56 clk 't' update 'certificates' 1 '{\"print_count\":0,"
	    "\"handed_at\":null,\"revoked_at\":null}' "
	    "'{\"number\":\"CX-2025-000001\",\"print_count\":1,"
	    "\"handed_at\":null,\"revoked_at\":null,\"reason\":\"\"}'",
	"71 refused: 证书内容签发后不可更改 a certificate is kept as "
	    "it was signed",
	"72 ok",
	"  57 clk 't' insert 'notices' 1 NULL '{\"case\":1,"
	    "\"channel\":\"sms\",\"status\":\"recorded\"}'",
	"73 refused: 仅案件所属办公室可通知台胞 only the case's office "
	    "may notify its applicant",
	"74 ok",
	"  58 clk 't' update 'notices' 1 '{\"status\":\"recorded\"}' "
	    "'{\"status\":\"sent\",\"detail\":\"queued\"}'",
	"75 refused: 通知记录不可更改 a notice is kept as it was "
	    "recorded",
	"76 refused: 通知记录不可更改 a notice is kept as it was "
	    "recorded",
	"77 ok",
	"  59 clk 't' notify 'cases' 1 '{\"state\":\"approved\","
	    "\"held_by\":null,\"catalog\":1,\"materials\":\"1100\","
	    "\"version\":5}' '{\"state\":\"notified\",\"held_by\":null,"
	    "\"catalog\":1,\"materials\":\"1100\",\"occupation\":1,"
	    "\"level\":4,\"agency\":null,\"version\":6}'",
	"78 ok",
	"  60 clk 't' update 'certificates' 1 '{\"print_count\":1,"
	    "\"handed_at\":null,\"revoked_at\":null}' "
	    "'{\"number\":\"CX-2025-000001\",\"print_count\":1,"
	    "\"handed_at\":\"2025-03-05T01:00:00.000Z\","
	    "\"revoked_at\":null,\"reason\":\"\"}'",
	"79 ok",
	"  61 clk 't' collect 'cases' 1 '{\"state\":\"notified\","
	    "\"held_by\":null,\"catalog\":1,\"materials\":\"1100\","
	    "\"version\":6}' '{\"state\":\"collected\","
	    "\"held_by\":null,\"catalog\":1,\"materials\":\"1100\","
	    "\"occupation\":1,\"level\":4,\"agency\":null,"
	    "\"version\":7}'",
	"80 refused: 只有中心可以撤销证书 only the center may revoke a "
	    "certificate",
	"81 ok",
	"  62 ctr 't' update 'certificates' 1 '{\"print_count\":1,"
	    "\"handed_at\":\"2025-03-05T01:00:00.000Z\","
	    "\"revoked_at\":null}' '{\"number\":\"CX-2025-000001\","
	    "\"print_count\":1,"
	    "\"handed_at\":\"2025-03-05T01:00:00.000Z\","
	    "\"revoked_at\":\"2025-03-06T01:00:00.000Z\","
	    "\"reason\":\"错字 typo\"}'",
	"82 refused: 证书已撤销 the certificate has been revoked",
	"83 refused: 证书已撤销 the certificate has been revoked",
	"84 refused: 证书不可删除，只能撤销 a certificate cannot be "
	    "removed, only revoked",
	"85 refused: 证书不可删除，只能撤销 a certificate cannot be "
	    "removed, only revoked",
	"86 ok",
	"  63 adm 't' update 'cert_keys' 2 '{\"retired_at\":null}' "
	    "'{\"retired_at\":\"2025-04-01T00:00:00.000Z\"}'",
	"87 refused: 签名密钥不可删除 a signing key cannot be removed",
	"88 refused: 签名密钥不可删除 a signing key cannot be removed",
	"89 ok",
	"  64 clk 't' insert 'user_settings' 2 NULL "
	    "'{\"print_passthrough\":1}'",
	"90 refused: 只能修改自己的设置 you may change only your own "
	    "settings",
	"91 ok",
	"  65 clk 't' update 'user_settings' 2 "
	    "'{\"print_passthrough\":1}' '{\"print_passthrough\":0}'",
	"92 refused: the audit trail cannot be changed",
	"93 refused: the audit trail cannot be changed",
	"94 refused: 案件历史不可更改 case history cannot be changed",
	"95 refused: 案件历史不可更改 case history cannot be changed",
	"96 refused: users: every update must raise version by one",
	"97 ok",
	"  66 (test) 'script' update 'users' 3 '{\"login\":\"ctr\","
	    "\"name\":\"Center\",\"role\":\"center\",\"office\":null,"
	    "\"active\":1,\"version\":1}' '{\"login\":\"ctr\","
	    "\"name\":\"Center\",\"role\":\"center\",\"office\":null,"
	    "\"active\":0,\"version\":2}'",
	NULL
};

/* Append line (taken), with the script's key id as KID again. */
static void
add_line(char ***lines, size_t *n, char *line)
{
	char	 num[16], *p;

	snprintf(num, sizeof num, "%d", kid);
	while ((p = strstr(line, num)) != NULL) {
		memcpy(p, "KID", 3);
		memmove(p + 3, p + strlen(num), strlen(p + strlen(num)) + 1);
	}
	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[(*n)++] = line;
}

/* Append the audit rows after *last to the lines. */
static void
add_audit(sqlite3 *db, int64_t *last, char ***lines, size_t *n)
{
	sqlite3_stmt	*st;
	char		*line;

	/* The migration's own key is random: keep its shape, not its bytes. */
	if (sqlite3_prepare_v2(db, "SELECT id, actor, quote(via), action,"
	    " quote(tbl), quote(record), quote(before), quote(CASE"
	    " WHEN tbl = 'cert_keys' AND action = 'insert' AND actor = '(schema)'"
	    " THEN json_set(after, '$.kid', 'K', '$.public',"
	    " length(json_extract(after, '$.public'))) ELSE after END)"
	    " FROM audit WHERE id > ?1 ORDER BY id", -1, &st, NULL) !=
	    SQLITE_OK) {
		printf("Bail out! %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	sqlite3_bind_int64(st, 1, *last);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*last = sqlite3_column_int64(st, 0);
		xasprintf(&line, "  %lld %s %s %s %s %s %s %s",
		    (long long)*last, sqlite3_column_text(st, 1),
		    sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
		    sqlite3_column_text(st, 4), sqlite3_column_text(st, 5),
		    sqlite3_column_text(st, 6), sqlite3_column_text(st, 7));
		add_line(lines, n, line);
	}
	sqlite3_finalize(st);
}

/* sql with KID replaced by the script's key id (caller frees). */
static char *
with_kid(const char *sql)
{
	const char	*p;
	char		*out, *rest;

	if ((p = strstr(sql, "KID")) == NULL)
		return xstrdup(sql);
	rest = with_kid(p + 3);
	xasprintf(&out, "%.*s%d%s", (int)(p - sql), sql, kid, rest);
	free(rest);
	return out;
}

/* Run the script on db; its lines (caller frees) into *lines. */
static size_t
run_script(sqlite3 *db, char ***lines)
{
	char		*msg = NULL, *sql, *line;
	const char	*who;
	size_t		 i, n = 0;
	int64_t		 last = 0;
	int		 rc;

	*lines = NULL;
	/* A kid the migration's random key did not take. */
	kid = fixture_int(db, "SELECT count(*) FROM cert_keys WHERE kid = 4242")
	    == 0 ? 4242 : 4243;
	add_audit(db, &last, lines, &n);
	for (i = 0; i < nitems(script); i++) {
		if (script[i].actor == 'S')
			db_set_system_actor(db, "(test)", "script");
		else if (script[i].actor == '-')
			db_set_actor(db, NULL);
		else {
			who = strchr(actor_letters, script[i].actor);
			db_set_actor(db, &actors[who - actor_letters]);
		}
		sql = with_kid(script[i].sql);
		rc = fixture_exec(db, sql, &msg);
		free(sql);
		if (rc == SQLITE_OK)
			xasprintf(&line, "%zu ok", i + 1);
		else
			xasprintf(&line, "%zu refused: %s", i + 1, msg);
		add_line(lines, &n, line);
		add_audit(db, &last, lines, &n);
	}
	free(msg);
	return n;
}

/* Compare the lines of a run with want, saying what differs. */
static void
check_lines(char **lines, size_t n, const char *what)
{
	size_t	 i, nwant, same = 0;

	for (nwant = 0; want[nwant] != NULL; nwant++)
		;
	for (i = 0; i < n && i < nwant; i++) {
		if (strcmp(lines[i], want[i]) == 0) {
			same++;
			continue;
		}
		printf("# line %zu:\n#   got  %s\n#   want %s\n", i + 1,
		    lines[i], want[i]);
	}
	is_int(n, nwant, "%s: as many lines as the hand-written triggers gave",
	    what);
	is_int(same, nwant, "%s: every line the same", what);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/*
 * Make name in dir a database of schema version 3 from the hand-written
 * triggers' time (tests/unit/schema-v3.sql), then open it: migration 004
 * brings it up to date.
 */
static sqlite3 *
open_v3(const char *dir, const char *name)
{
	const char	*srcdir = getenv("QD_SRCDIR");
	sqlite3		*raw;
	char		*path, *sql = NULL, *err = NULL;
	size_t		 len = 0;
	FILE		*f;

	xasprintf(&path, "%s/tests/unit/schema-v3.sql",
	    srcdir != NULL ? srcdir : ".");
	if ((f = fopen(path, "r")) == NULL ||
	    getdelim(&sql, &len, '\0', f) < 0) {
		printf("Bail out! cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	free(path);
	xasprintf(&path, "%s/%s", dir, name);
	if (sqlite3_open(path, &raw) != SQLITE_OK ||
	    sqlite3_exec(raw, sql, NULL, NULL, &err) != SQLITE_OK) {
		printf("Bail out! cannot make %s: %s\n", path, err);
		exit(1);
	}
	sqlite3_close(raw);
	free(sql);
	free(path);
	return fixture_db(dir, name);
}

/*
 * The triggers of db, "name sql" a line, by name or (by_event) each
 * table's before each event in the order they were made (caller frees).
 */
static char *
triggers_of(sqlite3 *db, int by_event)
{
	sqlite3_stmt	*st;
	char		*all = NULL;
	const char	*sql;
	size_t		 len = 0;
	FILE		*f = open_memstream(&all, &len);

	if (by_event)
		sql = "SELECT t.name, t.sql FROM sqlite_schema t, (SELECT"
		    " 'INSERT' AS e UNION ALL SELECT 'UPDATE' UNION ALL SELECT"
		    " 'DELETE') WHERE t.type = 'trigger' AND t.sql LIKE"
		    " '% BEFORE ' || e || ' %' ORDER BY t.tbl_name, e, t.rowid";
	else
		sql = "SELECT name, sql FROM sqlite_schema WHERE type ="
		    " 'trigger' ORDER BY name";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			fprintf(f, "%s %s\n", sqlite3_column_text(st, 0),
			    sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	fclose(f);
	return all;
}

int
main(void)
{
	sqlite3		*db, *old;
	char		*dir, **lines, *a, *b;
	size_t		 i, n;

	log_open("stderr", LOG_LEVEL_WARN, "test-db-audit-rows");
	dir = fixture_dir("audit-rows");
	db = fixture_db(dir, "rows.db");
	/* What a trigger fires on comes from the file, as on any later open. */
	db_close(db);
	db = fixture_db(dir, "rows.db");
	n = run_script(db, &lines);
	if (getenv("QD_AUDIT_ROWS_PRINT") != NULL) {
		for (i = 0; i < n; i++)
			printf("%s\n", lines[i]);
		return 0;
	}
	check_lines(lines, n, "a new database");

	old = open_v3(dir, "v3.db");
	is_int(fixture_int(old, "PRAGMA user_version"), db_schema_version(),
	    "a database of version 3 is brought up to date");
	a = triggers_of(db, 0);
	b = triggers_of(old, 0);
	ok(strcmp(a, b) == 0, "it has the triggers of a new one, the same SQL");
	free(a);
	free(b);
	/* A table's checks fire in the same order (the last made first). */
	a = triggers_of(db, 1);
	b = triggers_of(old, 1);
	ok(strcmp(a, b) == 0, "and its checks fire in the same order");
	free(a);
	free(b);
	db_close(old);
	old = fixture_db(dir, "v3.db");
	n = run_script(old, &lines);
	check_lines(lines, n, "a database of version 3, upgraded");
	db_close(old);

	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
