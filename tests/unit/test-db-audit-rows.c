/*
 * The audit and guard triggers, generated from each table's declaration,
 * do what the hand-written ones did: a scripted sequence of inserts,
 * updates and deletes across every audited table, as every kind of
 * actor, writes exactly the audit rows, and meets exactly the refusals,
 * that those triggers gave. The expected lines below were captured from
 * the hand-written triggers before they were replaced (those of 001 to
 * 003 at schema version 3, those of 004 to 009 at version 10); they are
 * not to be regenerated from the generator's output.
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

	/* 004-exam.sql */
	{ 'A', "UPDATE occupations SET active = 1, version = version + 1"
	  " WHERE id = 1" },
	{ 'S', "INSERT INTO applicants (id, name, name_key, sex, birth_date,"
	  " mtp, office_id) VALUES (4, '黃', '黄', 'M', '1985-03-03',"
	  " '33334444', 1)" },
	{ 'C', "INSERT INTO exam_demands (id, applicant_id, office_id, kind,"
	  " occupation_id, level, in_taiwan, state, created_by) VALUES (1, 1, 1,"
	  " 'qualification', 1, 4, 0, 'recorded', 'clk')" },
	{ 'L', "INSERT INTO exam_demands (applicant_id, office_id, kind,"
	  " occupation_id, level, in_taiwan, state, created_by) VALUES (1, 1,"
	  " 'qualification', 1, 4, 0, 'recorded', 'lia')" },
	{ 'C', "UPDATE exam_demands SET notes = 'n', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "UPDATE exam_demands SET state = 'reported', action = 'report',"
	  " reported_at = '2025-03-01T00:00:00.000Z', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "DELETE FROM exam_demands WHERE id = 1" },
	{ 'S', "INSERT INTO exam_demands (id, applicant_id, office_id, kind,"
	  " occupation_id, level, in_taiwan, state, created_by) VALUES (2, 4, 1,"
	  " 'skill', 1, 5, 1, 'recorded', 'clk')" },
	{ 'S', "DELETE FROM exam_demands WHERE id = 2" },
	{ 'C', "INSERT INTO exam_plans (kind, occupation_id, level, agency_id,"
	  " exam_on, start_time, deadline, created_by) VALUES ('qualification',"
	  " 1, 4, 1, '2999-06-01', '09:00', '2999-05-01', 'clk')" },
	{ 'R', "INSERT INTO exam_plans (id, kind, occupation_id, level,"
	  " agency_id, exam_on, start_time, deadline, created_by) VALUES (1,"
	  " 'qualification', 1, 4, 1, '2999-06-01', '09:00', '2999-05-01',"
	  " 'ctr')" },
	{ 'R', "UPDATE exam_plans SET notes = 'n' WHERE id = 1" },
	{ 'C', "UPDATE exam_plans SET notes = 'n', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "UPDATE exam_plans SET body_name = '考评', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "INSERT INTO exam_plans (id, kind, occupation_id, level,"
	  " body_name, exam_on, start_time, deadline, created_by) VALUES (2,"
	  " 'skill', 1, 5, '机构', '2999-07-01', '14:30', '2999-06-01', 'ctr')" },
	{ 'R', "DELETE FROM exam_plans WHERE id = 2" },
	{ 'S', "DELETE FROM exam_plans WHERE id = 2" },
	{ 'C', "INSERT INTO exam_sittings (plan_id, mode, office_id, venue,"
	  " capacity) VALUES (1, 'onsite', 1, '福州', 1)" },
	{ 'R', "INSERT INTO exam_sittings (id, plan_id, mode, office_id, venue,"
	  " capacity) VALUES (1, 1, 'onsite', 1, '福州', 1)" },
	{ 'R', "UPDATE exam_sittings SET venue = '福州二', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "INSERT INTO exam_sittings (id, plan_id, mode, venue, capacity)"
	  " VALUES (2, 1, 'online', 'net', 5)" },
	{ 'C', "DELETE FROM exam_sittings WHERE id = 2" },
	{ 'R', "DELETE FROM exam_sittings WHERE id = 2" },
	{ 'R', "UPDATE exam_demands SET state = 'invited', action = 'invite',"
	  " plan_id = 1, version = version + 1 WHERE id = 1" },
	{ 'R', "UPDATE exam_plans SET state = 'published', action = 'publish',"
	  " published_at = '2025-03-02T00:00:00.000Z', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "INSERT INTO exam_registrations (id, plan_id, sitting_id,"
	  " applicant_id, office_id, demand_id, status, seat_no, created_by)"
	  " VALUES (1, 1, 1, 1, 1, 1, 'seated', 1, 'clk')" },
	{ 'L', "INSERT INTO exam_registrations (plan_id, sitting_id,"
	  " applicant_id, office_id, status, created_by)"
	  " VALUES (1, 1, 4, 1, 'waiting', 'lia')" },
	{ 'C', "INSERT INTO exam_registrations (id, plan_id, sitting_id,"
	  " applicant_id, office_id, status, created_by)"
	  " VALUES (2, 1, 1, 4, 1, 'waiting', 'clk')" },
	{ 'C', "UPDATE exam_registrations SET notified_at ="
	  " '2025-03-03T00:00:00.000Z', version = version + 1 WHERE id = 1" },
	{ 'L', "UPDATE exam_registrations SET status = 'cancelled',"
	  " seat_no = NULL, version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE exam_registrations SET status = 'cancelled',"
	  " seat_no = NULL, reason = '改期', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "DELETE FROM exam_registrations WHERE id = 1" },
	{ 'S', "DELETE FROM exam_registrations WHERE id = 1" },
	{ 'C', "INSERT INTO training_links (applicant_id, occupation_id,"
	  " provider_name) VALUES (1, 1, 'p')" },
	{ 'A', "INSERT INTO training_links (id, applicant_id, occupation_id,"
	  " provider_name, trainer_user) VALUES (1, 1, 1, '培训', 3)" },
	{ 'R', "UPDATE training_links SET provider_name = 'q' WHERE id = 1" },
	{ 'A', "UPDATE training_links SET provider_name = '培训二' WHERE id = 1" },
	{ 'U', "DELETE FROM training_links WHERE id = 1" },
	{ 'A', "DELETE FROM training_links WHERE id = 1" },
	{ 'S', "UPDATE exam_plans SET state = 'closed_reg', action = 'close',"
	  " version = version + 1 WHERE id = 1" },
	{ 'S', "UPDATE exam_plans SET state = 'held', action = 'hold',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "INSERT INTO exam_results (registration_id, plan_id, applicant_id,"
	  " office_id, outcome, score, recorded_by) VALUES (2, 1, 4, 1, 'pass',"
	  " 90, 'clk')" },
	{ 'S', "UPDATE exam_demands SET state = 'reported', action = 'release',"
	  " plan_id = NULL, version = version + 1 WHERE id = 1" },
	{ 'S', "INSERT INTO exam_demands (id, applicant_id, office_id, kind,"
	  " occupation_id, level, in_taiwan, state, action, plan_id,"
	  " reported_at, created_by) VALUES (3, 4, 1, 'qualification', 1, 4, 0,"
	  " 'invited', 'invite', 1, '2025-03-01T00:00:00.000Z', 'clk')" },
	{ 'R', "INSERT INTO exam_results (registration_id, plan_id, applicant_id,"
	  " office_id, outcome, score, recorded_by) VALUES (2, 1, 4, 1, 'pass',"
	  " 90, 'ctr')" },
	{ 'R', "UPDATE exam_results SET score = 91 WHERE registration_id = 2" },
	{ 'R', "DELETE FROM exam_results WHERE registration_id = 2" },
	{ 'C', "UPDATE exam_passes SET cert_no = 'Z-1',"
	  " cert_issued_on = '2999-06-02', version = version + 1" },
	{ 'R', "UPDATE exam_passes SET cert_no = 'Z-1',"
	  " cert_issued_on = '2999-06-02', version = version + 1" },
	{ 'R', "DELETE FROM exam_passes" },
	{ 'S', "UPDATE exam_plans SET state = 'results', action = 'results',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE exam_notices SET read_at = '2025-03-04T00:00:00.000Z',"
	  " read_by = 'clk' WHERE office_id = 1 AND kind = 'published'" },
	{ 'L', "UPDATE exam_notices SET read_at = '2025-03-04T00:00:00.000Z',"
	  " read_by = 'lia' WHERE office_id = 1 AND kind = 'results'" },
	{ 'C', "DELETE FROM exam_notices WHERE office_id = 1" },
	{ 'S', "DELETE FROM exam_notices WHERE office_id = 10" },
	{ 'S', "DELETE FROM exam_passes" },
	{ 'S', "DELETE FROM exam_results" },

	/* 005-training.sql */
	{ 'R', "INSERT INTO training_providers (name, kind, office_id)"
	  " VALUES ('x', 'college', 1)" },
	{ 'A', "INSERT INTO training_providers (id, name, kind, office_id)"
	  " VALUES (1, '职业学院', 'college', 1)" },
	{ 'A', "UPDATE training_providers SET kind = 'institution' WHERE id = 1" },
	{ 'A', "UPDATE training_providers SET kind = 'institution',"
	  " version = version + 1 WHERE id = 1" },
	{ 'R', "UPDATE training_providers SET active = 0,"
	  " version = version + 1 WHERE id = 1" },
	{ 'A', "DELETE FROM training_providers WHERE id = 1" },
	{ 'S', "DELETE FROM training_providers WHERE id = 1" },
	{ 'R', "INSERT INTO training_provider_occupations VALUES (1, 1)" },
	{ 'A', "INSERT INTO training_provider_occupations VALUES (1, 1)" },
	{ 'C', "DELETE FROM training_provider_occupations" },
	{ 'A', "DELETE FROM training_provider_occupations" },
	{ 'A', "INSERT INTO training_provider_occupations VALUES (1, 1)" },
	{ 'L', "INSERT INTO training_needs (applicant_id, office_id,"
	  " occupation_id, level, period) VALUES (1, 1, 1, 4, '2025-05')" },
	{ 'C', "INSERT INTO training_needs (id, applicant_id, office_id,"
	  " occupation_id, level, period) VALUES (1, 1, 1, 1, 4, '2025-05')" },
	{ 'C', "UPDATE training_needs SET note = 'n', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "UPDATE training_needs SET reported_at ="
	  " '2025-03-05T00:00:00.000Z', version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE training_needs SET note = 'm', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "DELETE FROM training_needs WHERE id = 1" },
	{ 'S', "INSERT INTO training_needs (id, applicant_id, office_id,"
	  " occupation_id, level, period) VALUES (2, 4, 1, 1, 5, '2025-06')" },
	{ 'S', "DELETE FROM training_needs WHERE id = 2" },
	{ 'C', "INSERT INTO training_classes (title, provider_id, occupation_id,"
	  " level, starts_on, ends_on, hours, online, seats, enrol_from,"
	  " enrol_to) VALUES ('x', 1, 1, 4, '2999-01-01', '2999-02-01', 40, 1,"
	  " 1, '2000-01-01', '2998-12-31')" },
	{ 'R', "INSERT INTO training_classes (id, title, provider_id,"
	  " occupation_id, level, starts_on, ends_on, hours, online, seats,"
	  " enrol_from, enrol_to) VALUES (1, '美容班', 1, 1, 4, '2999-01-01',"
	  " '2999-02-01', 40, 1, 1, '2000-01-01', '2998-12-31')" },
	{ 'R', "UPDATE training_classes SET hours = 41 WHERE id = 1" },
	{ 'C', "UPDATE training_classes SET hours = 41, version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "UPDATE training_classes SET hours = 41, version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "INSERT INTO training_class_quotas VALUES (1, 1, 1)" },
	{ 'R', "UPDATE training_class_quotas SET seats = 2 WHERE class_id = 1" },
	{ 'C', "UPDATE training_class_quotas SET seats = 1 WHERE class_id = 1" },
	{ 'R', "INSERT INTO training_class_quotas VALUES (1, 2, 1)" },
	{ 'R', "DELETE FROM training_class_quotas WHERE class_id = 1" },
	{ 'R', "UPDATE training_classes SET state = 'published',"
	  " action = 'publish', published_at = '2025-03-06T00:00:00.000Z',"
	  " version = version + 1 WHERE id = 1" },
	{ 'R', "DELETE FROM training_classes WHERE id = 1" },
	{ 'R', "UPDATE training_classes SET seats = 2, version = version + 1"
	  " WHERE id = 1" },
	{ 'S', "DELETE FROM training_notices WHERE kind = 'published'"
	  " AND office_id > 2" },
	{ 'R', "UPDATE training_notices SET kind = 'promoted'" },
	{ 'L', "INSERT INTO training_enrolments (class_id, applicant_id,"
	  " office_id, status) VALUES (1, 1, 1, 'enrolled')" },
	{ 'C', "INSERT INTO training_enrolments (id, class_id, applicant_id,"
	  " office_id, status) VALUES (1, 1, 1, 1, 'enrolled')" },
	{ 'C', "INSERT INTO training_enrolments (id, class_id, applicant_id,"
	  " office_id, status) VALUES (2, 1, 4, 1, 'waiting')" },
	{ 'C', "UPDATE training_enrolments SET status = 'cancelled',"
	  " cancelled_at = '2025-03-07T00:00:00.000Z', version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "DELETE FROM training_enrolments WHERE id = 1" },
	{ 'S', "UPDATE training_classes SET state = 'running', action = 'start',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE training_enrolments SET hours = 40, completed = 1,"
	  " version = version + 1 WHERE id = 2" },
	{ 'R', "UPDATE training_enrolments SET hours = 40, completed = 1,"
	  " version = version + 1 WHERE id = 2" },
	{ 'R', "UPDATE training_classes SET state = 'finished',"
	  " action = 'finish', version = version + 1 WHERE id = 1" },
	{ 'C', "INSERT INTO training_certificates (number, year, seq,"
	  " enrolment_id, applicant_id, office_id, class_id, occupation_id,"
	  " kid, name, sex, birth_date, mtp, course, occupation, level, hours,"
	  " issued_on, qr_text, issued_by) VALUES ('PX-2025-000001', 2025, 1, 2,"
	  " 4, 1, 1, 1, KID, '黃', 'M', '1985-03-03', '33334444', '美容班',"
	  " '美容师', 4, 40, '2025-03-08', 'QDC1:t', 'clk')" },
	{ 'R', "INSERT INTO training_certificates (number, year, seq,"
	  " enrolment_id, applicant_id, office_id, class_id, occupation_id,"
	  " kid, name, sex, birth_date, mtp, course, occupation, level, hours,"
	  " issued_on, qr_text, issued_by) VALUES ('PX-2025-000001', 2025, 1, 2,"
	  " 4, 1, 1, 1, KID, '黃', 'M', '1985-03-03', '33334444', '美容班',"
	  " '美容师', 4, 40, '2025-03-08', 'QDC1:t', 'ctr')" },
	{ 'R', "UPDATE training_certificates SET course = 'x'" },
	{ 'S', "DELETE FROM training_certificates" },
	{ 'S', "DELETE FROM training_notices WHERE office_id = 2" },
	{ 'S', "DELETE FROM training_enrolments WHERE id = 1" },

	/* 006-subsidy.sql */
	{ 'R', "INSERT INTO subsidy_rates (kind, level, amount_fen, valid_from,"
	  " doc_no) VALUES ('qualification', 4, 100000, '2025-01-01', '闽1')" },
	{ 'A', "INSERT INTO subsidy_rates (id, kind, level, amount_fen,"
	  " valid_from, doc_no) VALUES (1, 'qualification', 4, 100000,"
	  " '2025-01-01', '闽人社〔2025〕1号')" },
	{ 'A', "UPDATE subsidy_rates SET amount_fen = 120000 WHERE id = 1" },
	{ 'A', "UPDATE subsidy_rates SET amount_fen = 120000,"
	  " version = version + 1 WHERE id = 1" },
	{ 'R', "UPDATE subsidy_rates SET amount_fen = 1, version = version + 1"
	  " WHERE id = 1" },
	{ 'S', "DELETE FROM subsidy_rates WHERE id = 1" },
	{ 'A', "INSERT INTO subsidy_rules (rule, ord, name_zh, name_en)"
	  " VALUES ('x', 9, 'x', 'x')" },
	{ 'A', "UPDATE subsidy_rules SET value = 4, version = version + 1"
	  " WHERE rule = 'max_per_year'" },
	{ 'R', "UPDATE subsidy_rules SET value = 5, version = version + 1"
	  " WHERE rule = 'max_per_year'" },
	{ 'S', "DELETE FROM subsidy_rules WHERE rule = 'max_per_year'" },
	{ 'C', "INSERT INTO subsidy_intake (source, source_id, cert_number, kind,"
	  " applicant_id, office_id, occupation_id, level, issued_on) VALUES"
	  " ('exam', 2, 'Z-2', 'qualification', 4, 1, 1, 4, '2025-03-09')" },
	{ 'R', "INSERT INTO subsidy_intake (source, source_id, cert_number, kind,"
	  " applicant_id, office_id, occupation_id, level, issued_on) VALUES"
	  " ('exam', 2, 'Z-2', 'qualification', 4, 1, 1, 4, '2025-03-09')" },
	{ 'R', "UPDATE subsidy_intake SET reason = 'x'" },
	{ 'S', "DELETE FROM subsidy_intake" },
	{ 'R', "INSERT INTO subsidy_claims (intake_id, applicant_id, office_id,"
	  " kind, cert_number, occupation_id, level, year, period, rate_id,"
	  " amount_fen, doc_no) VALUES (1, 1, 1, 'qualification', 'x', 1, 4,"
	  " 2025, '2025-03', 1, 1, 'x')" },
	{ 'T', "UPDATE subsidy_claims SET doc_id = 1, version = version + 1" },
	{ 'C', "UPDATE subsidy_claims SET doc_id = 1, doc_cert = 1,"
	  " doc_bank = 1, doc_form = 1, bank_name = '银行',"
	  " bank_account = '6222000011112222', version = version + 1" },
	{ 'C', "UPDATE subsidy_claims SET doc_id = 0" },
	{ 'C', "UPDATE subsidy_claims SET state = 'complete',"
	  " action = 'complete', version = version + 1" },
	{ 'U', "INSERT INTO subsidy_batches (period, claims, total_fen,"
	  " submitted_by) VALUES ('2025-03', 1, 120000, 'aud')" },
	{ 'R', "INSERT INTO subsidy_batches (id, period, claims, total_fen,"
	  " submitted_by) VALUES (1, '2025-03', 1, 120000, 'ctr')" },
	{ 'R', "UPDATE subsidy_claims SET state = 'submitted', action = 'submit',"
	  " batch_id = 1, version = version + 1" },
	{ 'R', "UPDATE subsidy_batches SET total_fen = 1 WHERE id = 1" },
	{ 'R', "UPDATE subsidy_batches SET claims = 1, version = version + 1"
	  " WHERE id = 1" },
	{ 'A', "UPDATE subsidy_batches SET claims = 1, version = version + 1"
	  " WHERE id = 1" },
	{ 'S', "DELETE FROM subsidy_batches" },
	{ 'S', "DELETE FROM subsidy_claims" },

	/* 007-job.sql */
	{ 'R', "INSERT INTO job_needs (applicant_id, office_id, available_from,"
	  " created_by) VALUES (1, 1, '2025-04-01', 'ctr')" },
	{ 'C', "INSERT INTO job_needs (id, applicant_id, office_id, pay_min,"
	  " available_from, created_by) VALUES (1, 1, 1, 6000, '2025-04-01',"
	  " 'clk')" },
	{ 'C', "UPDATE job_needs SET pay_min = 7000, version = version + 1"
	  " WHERE id = 1" },
	{ 'L', "UPDATE job_needs SET pay_min = 8000, version = version + 1"
	  " WHERE id = 1" },
	{ 'C', "DELETE FROM job_needs WHERE id = 1" },
	{ 'L', "INSERT INTO job_need_occupations VALUES (1, 1, NULL, '')" },
	{ 'C', "INSERT INTO job_need_occupations VALUES (1, 1, 4, '证书')" },
	{ 'C', "UPDATE job_need_occupations SET source = 'x'" },
	{ 'C', "DELETE FROM job_need_occupations" },
	{ 'L', "INSERT INTO job_need_cities VALUES (1, 1)" },
	{ 'C', "INSERT INTO job_need_cities VALUES (1, 1)" },
	{ 'C', "UPDATE job_need_cities SET office_id = 2" },
	{ 'C', "DELETE FROM job_need_cities" },
	{ 'C', "UPDATE job_needs SET state = 'reported', action = 'report',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "INSERT INTO job_employers (name, office_id) VALUES ('x', 1)" },
	{ 'R', "INSERT INTO job_employers (id, name, office_id, taiwan_funded)"
	  " VALUES (1, '台资美容公司', 1, 1)" },
	{ 'R', "UPDATE job_employers SET contact = 'c' WHERE id = 1" },
	{ 'A', "UPDATE job_employers SET contact = 'c', version = version + 1"
	  " WHERE id = 1" },
	{ 'L', "UPDATE job_employers SET contact = 'd', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "DELETE FROM job_employers WHERE id = 1" },
	{ 'C', "INSERT INTO job_postings (employer_id, office_id, occupation_id,"
	  " openings, pay_min, pay_max, closes_on, created_by) VALUES (1, 1, 1,"
	  " 1, 5000, 8000, '2999-01-01', 'clk')" },
	{ 'R', "INSERT INTO job_postings (id, employer_id, office_id,"
	  " occupation_id, min_level, openings, pay_min, pay_max, closes_on,"
	  " created_by) VALUES (1, 1, 1, 1, 4, 1, 5000, 8000, '2999-01-01',"
	  " 'ctr')" },
	{ 'R', "UPDATE job_postings SET state = 'published', action = 'publish',"
	  " version = version + 1 WHERE id = 1" },
	{ 'R', "DELETE FROM job_postings WHERE id = 1" },
	{ 'C', "INSERT INTO job_matches (posting_id, need_id, office_id, reason,"
	  " proposed_by) VALUES (1, 1, 1, 'r', 'clk')" },
	{ 'R', "INSERT INTO job_matches (id, posting_id, need_id, office_id,"
	  " reason, proposed_by) VALUES (1, 1, 1, 1, '职业相符', 'ctr')" },
	{ 'C', "UPDATE job_matches SET state = 'interested',"
	  " action = 'interested', note = '愿意', version = version + 1"
	  " WHERE id = 1" },
	{ 'L', "UPDATE job_matches SET state = 'hired', action = 'hire',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE job_matches SET state = 'hired', action = 'hire',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "DELETE FROM job_matches WHERE id = 1" },
	{ 'C', "INSERT INTO job_plans (need_id, office_id, text, created_by)"
	  " VALUES (1, 1, 't', 'clk')" },
	{ 'R', "INSERT INTO job_plans (id, need_id, office_id, text, created_by)"
	  " VALUES (1, 1, 1, '推荐面试', 'ctr')" },
	{ 'R', "UPDATE job_plans SET state = 'active', action = 'start',"
	  " version = version + 1 WHERE id = 1" },
	{ 'C', "UPDATE job_plans SET outcome = 'x', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "DELETE FROM job_plans WHERE id = 1" },
	{ 'S', "DELETE FROM job_plans" },
	{ 'S', "DELETE FROM job_matches" },
	{ 'S', "DELETE FROM job_postings" },
	{ 'S', "DELETE FROM job_need_occupations" },
	{ 'S', "DELETE FROM job_need_cities" },
	{ 'S', "DELETE FROM job_needs" },
	{ 'S', "DELETE FROM job_employers" },

	/* 008-policy.sql */
	{ 'C', "INSERT INTO policy_docs (doc_no, title, issued_on) VALUES"
	  " ('闽1', 't', '2025-01-01')" },
	{ 'R', "INSERT INTO policy_docs (id, doc_no, title, issued_on) VALUES"
	  " (1, '闽人社〔2022〕1号', '台胞职业资格采信', '2022-01-01')" },
	{ 'C', "INSERT INTO policy_docs (id, doc_no, title, issued_on,"
	  " office_id) VALUES (2, '榕1', '福州', '2025-01-01', 1)" },
	{ 'R', "UPDATE policy_docs SET replaced_on = '2025-02-01',"
	  " version = version + 1 WHERE id = 2" },
	{ 'C', "UPDATE policy_docs SET replaced_on = '2025-02-01',"
	  " version = version + 1 WHERE id = 2" },
	{ 'C', "DELETE FROM policy_docs WHERE id = 2" },
	{ 'C', "INSERT INTO policy_answers (title, body, doc_id, valid_until,"
	  " created_by) VALUES ('t', 'b', 1, '2999-01-01', 'clk')" },
	{ 'R', "INSERT INTO policy_answers (id, title, body, doc_id,"
	  " valid_until, created_by) VALUES (1, '采信流程', '到窗口申请', 1,"
	  " '2999-01-01', 'ctr')" },
	{ 'R', "UPDATE policy_answers SET tags = '采信', version = version + 1"
	  " WHERE id = 1" },
	{ 'R', "UPDATE policy_answers SET state = 'withdrawn',"
	  " action = 'withdraw', version = version + 1 WHERE id = 1" },
	{ 'R', "UPDATE policy_answers SET state = 'published',"
	  " action = 'republish', version = version + 1 WHERE id = 1" },
	{ 'R', "DELETE FROM policy_answers WHERE id = 1" },
	{ 'R', "INSERT INTO policy_questions (office_id, channel, text,"
	  " created_by) VALUES (1, 'window', 'q', 'ctr')" },
	{ 'C', "INSERT INTO policy_questions (id, office_id, applicant_id,"
	  " channel, text, contact, created_by) VALUES (1, 1, 1, 'window',"
	  " '如何采信', '0912', 'clk')" },
	{ 'C', "UPDATE policy_questions SET state = 'forwarded',"
	  " action = 'forward', forwarded_at = '2025-03-10T00:00:00.000Z',"
	  " version = version + 1 WHERE id = 1" },
	{ 'R', "UPDATE policy_questions SET state = 'replied', action = 'reply',"
	  " reply = '请到窗口', replied_by = 'ctr',"
	  " replied_at = '2025-03-11T00:00:00.000Z', version = version + 1"
	  " WHERE id = 1" },
	{ 'L', "UPDATE policy_inbox SET read_at = '2025-03-12T00:00:00.000Z',"
	  " read_by = 'lia'" },
	{ 'C', "UPDATE policy_inbox SET read_at = '2025-03-12T00:00:00.000Z',"
	  " read_by = 'clk'" },
	{ 'C', "DELETE FROM policy_inbox" },
	{ 'R', "INSERT INTO policy_inbox (office_id, question_id) VALUES (1, 1)" },
	{ 'C', "INSERT INTO policy_notices (office_id, question_id, text)"
	  " VALUES (1, 1, 't')" },
	{ 'C', "UPDATE policy_questions SET state = 'notified',"
	  " action = 'notify', version = version + 1 WHERE id = 1" },
	{ 'C', "DELETE FROM policy_notices" },
	{ 'C', "DELETE FROM policy_questions" },
	{ 'S', "DELETE FROM policy_notices" },
	{ 'S', "DELETE FROM policy_inbox" },
	{ 'S', "DELETE FROM policy_questions" },
	{ 'S', "DELETE FROM policy_answers" },
	{ 'S', "DELETE FROM policy_docs WHERE id = 2" },

	/* 009-report.sql */
	{ 'C', "INSERT INTO report_snapshot VALUES ('2025-01', 'cases.received',"
	  " 1, 'adoption', 0, 0, -1, 1)" },
	{ 'R', "INSERT INTO report_snapshot VALUES ('2025-01', 'cases.received',"
	  " 1, 'adoption', 0, 0, -1, 1)" },
	{ 'R', "UPDATE report_snapshot SET n = 2" },
	{ 'S', "DELETE FROM report_snapshot" },
	{ 'C', "INSERT INTO report_months (month, closed_by, kid, rows, digest,"
	  " signature) VALUES ('2025-01', 'clk', KID, 1, printf('%064d', 0),"
	  " printf('%0128d', 0))" },
	{ 'R', "INSERT INTO report_months (month, closed_by, kid, rows, digest,"
	  " signature) VALUES ('2025-01', 'ctr', KID, 1, printf('%064d', 0),"
	  " printf('%0128d', 0))" },
	{ 'R', "UPDATE report_months SET rows = 2" },
	{ 'S', "DELETE FROM report_months" },
	{ 'R', "INSERT INTO report_snapshot VALUES ('2025-01', 'cases.received',"
	  " 2, 'adoption', 0, 0, -1, 1)" },
	{ 'C', "INSERT INTO report_prefs (user_id, indicator) VALUES (3, 'x')" },
	{ 'C', "INSERT INTO report_prefs (user_id, indicator, split, ascii)"
	  " VALUES (2, 'cases.received', 'office', 1)" },
	{ 'C', "UPDATE report_prefs SET from_month = '2025-01' WHERE user_id = 2" },
	{ 'R', "UPDATE report_prefs SET ascii = 0 WHERE user_id = 2" },
	{ 'S', "DELETE FROM report_prefs" },
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
	"98 ok",
	"  67 adm 't' update 'occupations' 1 '{\"code\":\"4-10-03-01\","
	    "\"name\":\"美容师\",\"active\":0}' "
	    "'{\"code\":\"4-10-03-01\",\"name\":\"美容师\","
	    "\"active\":1}'",
	"99 ok",
	"  68 (test) 'script' insert 'applicants' 4 NULL "
	    "'{\"name\":\"黃\",\"sex\":\"M\",\"mtp\":\"33****44\","
	    "\"office\":1,\"version\":1}'",
	"100 ok",
	"  69 clk 't' insert 'exam_demands' 1 NULL '{\"applicant\":1,"
	    "\"office\":1,\"kind\":\"qualification\",\"occupation\":1,"
	    "\"level\":4,\"in_taiwan\":0,\"state\":\"recorded\","
	    "\"version\":1}'",
	"101 refused: "
	    "仅本办公室窗口或联络员可为本办公室的台胞登记考试需求 only "
	    "an office's clerk or liaison records exam demand, for a "
	    "person of their office",
	"102 ok",
	"  70 clk 't' update 'exam_demands' 1 '{\"state\":\"recorded\","
	    "\"plan\":null,\"period\":\"\",\"version\":1}' "
	    "'{\"state\":\"recorded\",\"plan\":null,\"period\":\"\","
	    "\"version\":2}'",
	"103 ok",
	"  71 clk 't' report 'exam_demands' 1 '{\"state\":\"recorded\","
	    "\"plan\":null,\"period\":\"\",\"version\":2}' "
	    "'{\"state\":\"reported\",\"plan\":null,\"period\":\"\","
	    "\"version\":3}'",
	"104 refused: 考试需求不可删除，请撤回 exam demand is never "
	    "deleted; withdraw it",
	"105 ok",
	"  72 (test) 'script' insert 'exam_demands' 2 NULL "
	    "'{\"applicant\":4,\"office\":1,\"kind\":\"skill\","
	    "\"occupation\":1,\"level\":5,\"in_taiwan\":1,"
	    "\"state\":\"recorded\",\"version\":1}'",
	"106 ok",
	"  73 (test) 'script' delete 'exam_demands' 2 "
	    "'{\"applicant\":4,\"state\":\"recorded\",\"version\":1}' "
	    "NULL",
	"107 refused: 仅中心可制订考试计划 only the center drafts exam "
	    "plans",
	"108 ok",
	"  74 ctr 't' insert 'exam_plans' 1 NULL "
	    "'{\"kind\":\"qualification\",\"professional\":0,"
	    "\"occupation\":1,\"level\":4,\"agency\":1,\"body\":\"\","
	    "\"exam_on\":\"2999-06-01\",\"deadline\":\"2999-05-01\","
	    "\"state\":\"draft\",\"version\":1}'",
	"109 refused: 仅中心可修改考试计划 only the center changes "
	    "exam plans, raising version by one",
	"110 refused: 仅中心可修改考试计划 only the center changes "
	    "exam plans, raising version by one",
	"111 ok",
	"  75 ctr 't' update 'exam_plans' 1 '{\"state\":\"draft\","
	    "\"agency\":1,\"body\":\"\",\"exam_on\":\"2999-06-01\","
	    "\"deadline\":\"2999-05-01\",\"version\":1}' "
	    "'{\"state\":\"draft\",\"agency\":1,\"body\":\"考评\","
	    "\"exam_on\":\"2999-06-01\",\"deadline\":\"2999-05-01\","
	    "\"reason\":\"\",\"version\":2}'",
	"112 ok",
	"  76 ctr 't' insert 'exam_plans' 2 NULL '{\"kind\":\"skill\","
	    "\"professional\":0,\"occupation\":1,\"level\":5,"
	    "\"agency\":null,\"body\":\"机构\","
	    "\"exam_on\":\"2999-07-01\",\"deadline\":\"2999-06-01\","
	    "\"state\":\"draft\",\"version\":1}'",
	"113 refused: 考试计划不可删除，请取消 an exam plan is never "
	    "deleted; cancel it",
	"114 ok",
	"  77 (test) 'script' delete 'exam_plans' 2 "
	    "'{\"state\":\"draft\",\"version\":1}' NULL",
	"115 refused: 仅中心可在草拟中的计划里安排考场 only the center "
	    "adds sittings, to a draft plan",
	"116 ok",
	"  78 ctr 't' insert 'exam_sittings' 1 NULL '{\"plan\":1,"
	    "\"mode\":\"onsite\",\"office\":1,\"venue\":\"福州\","
	    "\"capacity\":1,\"version\":1}'",
	"117 ok",
	"  79 ctr 't' update 'exam_sittings' 1 '{\"mode\":\"onsite\","
	    "\"office\":1,\"venue\":\"福州\",\"capacity\":1,"
	    "\"version\":1}' '{\"mode\":\"onsite\",\"office\":1,"
	    "\"venue\":\"福州二\",\"capacity\":1,\"version\":2}'",
	"118 ok",
	"  80 ctr 't' insert 'exam_sittings' 2 NULL '{\"plan\":1,"
	    "\"mode\":\"online\",\"office\":null,\"venue\":\"net\","
	    "\"capacity\":5,\"version\":1}'",
	"119 refused: 仅中心可在草拟中的计划里删除考场 only the center "
	    "removes sittings, of a draft plan",
	"120 ok",
	"  81 ctr 't' delete 'exam_sittings' 2 '{\"plan\":1,"
	    "\"mode\":\"online\",\"capacity\":5,\"version\":1}' NULL",
	"121 ok",
	"  82 ctr 't' invite 'exam_demands' 1 '{\"state\":\"reported\","
	    "\"plan\":null,\"period\":\"\",\"version\":3}' "
	    "'{\"state\":\"invited\",\"plan\":1,\"period\":\"\","
	    "\"version\":4}'",
	"122 ok",
	"  83 ctr 't' publish 'exam_plans' 1 '{\"state\":\"draft\","
	    "\"agency\":1,\"body\":\"考评\",\"exam_on\":\"2999-06-01\","
	    "\"deadline\":\"2999-05-01\",\"version\":2}' "
	    "'{\"state\":\"published\",\"agency\":1,\"body\":\"考评\","
	    "\"exam_on\":\"2999-06-01\",\"deadline\":\"2999-05-01\","
	    "\"reason\":\"\",\"version\":3}'",
	"  84 ctr 't' insert 'exam_notices' 1 NULL '{\"plan\":1,"
	    "\"office\":1,\"kind\":\"published\"}'",
	"  85 ctr 't' insert 'exam_notices' 2 NULL '{\"plan\":1,"
	    "\"office\":8,\"kind\":\"published\"}'",
	"  86 ctr 't' insert 'exam_notices' 3 NULL '{\"plan\":1,"
	    "\"office\":7,\"kind\":\"published\"}'",
	"  87 ctr 't' insert 'exam_notices' 4 NULL '{\"plan\":1,"
	    "\"office\":9,\"kind\":\"published\"}'",
	"  88 ctr 't' insert 'exam_notices' 5 NULL '{\"plan\":1,"
	    "\"office\":10,\"kind\":\"published\"}'",
	"  89 ctr 't' insert 'exam_notices' 6 NULL '{\"plan\":1,"
	    "\"office\":6,\"kind\":\"published\"}'",
	"  90 ctr 't' insert 'exam_notices' 7 NULL '{\"plan\":1,"
	    "\"office\":4,\"kind\":\"published\"}'",
	"  91 ctr 't' insert 'exam_notices' 8 NULL '{\"plan\":1,"
	    "\"office\":5,\"kind\":\"published\"}'",
	"  92 ctr 't' insert 'exam_notices' 9 NULL '{\"plan\":1,"
	    "\"office\":2,\"kind\":\"published\"}'",
	"  93 ctr 't' insert 'exam_notices' 10 NULL '{\"plan\":1,"
	    "\"office\":3,\"kind\":\"published\"}'",
	"123 ok",
	"  94 clk 't' insert 'exam_registrations' 1 NULL '{\"plan\":1,"
	    "\"sitting\":1,\"applicant\":1,\"office\":1,"
	    "\"status\":\"seated\",\"seat\":1,\"version\":1}'",
	"124 refused: 仅本办公室窗口或联络员可为本办公室的台胞报名 "
	    "only an office's clerk or liaison registers a person of "
	    "their office",
	"125 ok",
	"  95 clk 't' insert 'exam_registrations' 2 NULL '{\"plan\":1,"
	    "\"sitting\":1,\"applicant\":4,\"office\":1,"
	    "\"status\":\"waiting\",\"seat\":null,\"version\":1}'",
	"126 ok",
	"  96 clk 't' update 'exam_registrations' 1 "
	    "'{\"status\":\"seated\",\"seat\":1,\"notified_at\":null,"
	    "\"version\":1}' '{\"status\":\"seated\",\"seat\":1,"
	    "\"notified_at\":\"2025-03-03T00:00:00.000Z\","
	    "\"reason\":\"\",\"version\":2}'",
	"127 refused: 此报名属于其他办公室 this registration belongs "
	    "to another office",
	"128 ok",
	"  97 clk 't' update 'exam_registrations' 1 "
	    "'{\"status\":\"seated\",\"seat\":1,"
	    "\"notified_at\":\"2025-03-03T00:00:00.000Z\","
	    "\"version\":2}' '{\"status\":\"cancelled\",\"seat\":null,"
	    "\"notified_at\":\"2025-03-03T00:00:00.000Z\","
	    "\"reason\":\"改期\",\"version\":3}'",
	"  98 clk 't' update 'exam_registrations' 2 "
	    "'{\"status\":\"waiting\",\"seat\":null,"
	    "\"notified_at\":null,\"version\":1}' "
	    "'{\"status\":\"seated\",\"seat\":1,\"notified_at\":null,"
	    "\"reason\":\"\",\"version\":2}'",
	"129 refused: 报名记录不可删除，请取消 a registration is never "
	    "deleted; cancel it",
	"130 ok",
	"  99 (test) 'script' delete 'exam_registrations' 1 "
	    "'{\"plan\":1,\"status\":\"cancelled\",\"version\":3}' NULL",
	"131 refused: 培训记录由培训模块写入 training links are "
	    "written by the training records",
	"132 ok",
	"  100 adm 't' insert 'training_links' 1 NULL "
	    "'{\"agency\":null,\"provider\":\"培训\",\"applicant\":1,"
	    "\"occupation\":1,\"trainer\":3}'",
	"133 refused: 培训记录由培训模块写入 training links are "
	    "written by the training records",
	"134 ok",
	"  101 adm 't' update 'training_links' 1 '{\"agency\":null,"
	    "\"provider\":\"培训\",\"applicant\":1,\"occupation\":1,"
	    "\"trainer\":3}' '{\"agency\":null,\"provider\":\"培训二\","
	    "\"applicant\":1,\"occupation\":1,\"trainer\":3}'",
	"135 refused: 培训记录由培训模块写入 training links are "
	    "written by the training records",
	"136 ok",
	"  102 adm 't' delete 'training_links' 1 '{\"agency\":null,"
	    "\"provider\":\"培训二\",\"applicant\":1,\"occupation\":1,"
	    "\"trainer\":3}' NULL",
	"137 ok",
	"  103 (test) 'script' close 'exam_plans' 1 "
	    "'{\"state\":\"published\",\"agency\":1,\"body\":\"考评\","
	    "\"exam_on\":\"2999-06-01\",\"deadline\":\"2999-05-01\","
	    "\"version\":3}' '{\"state\":\"closed_reg\",\"agency\":1,"
	    "\"body\":\"考评\",\"exam_on\":\"2999-06-01\","
	    "\"deadline\":\"2999-05-01\",\"reason\":\"\","
	    "\"version\":4}'",
	"138 ok",
	"  104 (test) 'script' hold 'exam_plans' 1 "
	    "'{\"state\":\"closed_reg\",\"agency\":1,\"body\":\"考评\","
	    "\"exam_on\":\"2999-06-01\",\"deadline\":\"2999-05-01\","
	    "\"version\":4}' '{\"state\":\"held\",\"agency\":1,"
	    "\"body\":\"考评\",\"exam_on\":\"2999-06-01\","
	    "\"deadline\":\"2999-05-01\",\"reason\":\"\","
	    "\"version\":5}'",
	"139 refused: 仅中心可在考试举行后录入成绩 only the center "
	    "records results, once the exam is held",
	"140 ok",
	"  105 (test) 'script' release 'exam_demands' 1 "
	    "'{\"state\":\"invited\",\"plan\":1,\"period\":\"\","
	    "\"version\":4}' '{\"state\":\"reported\",\"plan\":null,"
	    "\"period\":\"\",\"version\":5}'",
	"141 ok",
	"  106 (test) 'script' insert 'exam_demands' 3 NULL "
	    "'{\"applicant\":4,\"office\":1,\"kind\":\"qualification\","
	    "\"occupation\":1,\"level\":4,\"in_taiwan\":0,"
	    "\"state\":\"invited\",\"version\":1}'",
	"142 ok",
	"  107 ctr 't' insert 'exam_results' 2 NULL '{\"plan\":1,"
	    "\"applicant\":4,\"office\":1,\"outcome\":\"pass\","
	    "\"score\":90.0}'",
	"  108 ctr 't' sit 'exam_demands' 3 '{\"state\":\"invited\","
	    "\"plan\":1,\"period\":\"\",\"version\":1}' "
	    "'{\"state\":\"done\",\"plan\":1,\"period\":\"\","
	    "\"version\":2}'",
	"  109 ctr 't' insert 'exam_passes' 1 NULL "
	    "'{\"registration\":2,\"applicant\":4,\"plan\":1,"
	    "\"cert_no\":null,\"version\":1}'",
	"143 refused: 成绩录入后不可更改 a result stays as recorded",
	"144 refused: 成绩录入后不可更改 a result stays as recorded",
	"145 refused: 仅中心可录入一次证书编号和日期 only the center "
	    "enters the certificate's number and date, once",
	"146 ok",
	"  110 ctr 't' insert 'subsidy_intake' 2 NULL "
	    "'{\"source\":\"exam\",\"source_id\":1,\"number\":\"Z-1\","
	    "\"kind\":\"qualification\",\"applicant\":4,\"office\":1,"
	    "\"outcome\":\"pending\",\"rule\":null}'",
	"  111 ctr 't' update 'subsidy_intake' 2 '{\"source\":\"exam\","
	    "\"source_id\":1,\"number\":\"Z-1\","
	    "\"kind\":\"qualification\",\"applicant\":4,\"office\":1,"
	    "\"outcome\":\"pending\",\"rule\":null}' "
	    "'{\"source\":\"exam\",\"source_id\":1,\"number\":\"Z-1\","
	    "\"kind\":\"qualification\",\"applicant\":4,\"office\":1,"
	    "\"outcome\":\"ineligible\",\"rule\":\"rate\"}'",
	"  112 ctr 't' update 'exam_passes' 1 '{\"cert_no\":null,"
	    "\"cert_issued_on\":null,\"version\":1}' "
	    "'{\"cert_no\":\"Z-1\",\"cert_issued_on\":\"2999-06-02\","
	    "\"version\":2}'",
	"147 refused: 合格记录不可删除 a pass is never deleted",
	"148 ok",
	"  113 (test) 'script' results 'exam_plans' 1 "
	    "'{\"state\":\"held\",\"agency\":1,\"body\":\"考评\","
	    "\"exam_on\":\"2999-06-01\",\"deadline\":\"2999-05-01\","
	    "\"version\":5}' '{\"state\":\"results\",\"agency\":1,"
	    "\"body\":\"考评\",\"exam_on\":\"2999-06-01\","
	    "\"deadline\":\"2999-05-01\",\"reason\":\"\","
	    "\"version\":6}'",
	"  114 (test) 'script' insert 'exam_notices' 11 NULL "
	    "'{\"plan\":1,\"office\":1,\"kind\":\"results\"}'",
	"149 ok",
	"  115 clk 't' update 'exam_notices' 1 '{\"read_at\":null}' "
	    "'{\"read_at\":\"2025-03-04T00:00:00.000Z\","
	    "\"read_by\":\"clk\"}'",
	"150 refused: 仅收件办公室可标记已读 only the receiving office "
	    "marks a notice read",
	"151 refused: 通知记录不可删除 a notice is kept as it was sent",
	"152 ok",
	"  116 (test) 'script' delete 'exam_notices' 5 '{\"plan\":1,"
	    "\"office\":10}' NULL",
	"153 ok",
	"  117 (test) 'script' delete 'exam_passes' 1 "
	    "'{\"registration\":2,\"cert_no\":\"Z-1\",\"version\":2}' "
	    "NULL",
	"154 ok",
	"  118 (test) 'script' delete 'exam_results' 2 '{\"plan\":1,"
	    "\"outcome\":\"pass\"}' NULL",
	"155 refused: 仅中心管理员可维护培训机构 only a center admin "
	    "may change training providers",
	"156 ok",
	"  119 adm 't' insert 'training_providers' 1 NULL "
	    "'{\"name\":\"职业学院\",\"kind\":\"college\",\"office\":1,"
	    "\"active\":1,\"version\":1}'",
	"157 refused: 仅中心管理员可维护培训机构 only a center admin "
	    "may change training providers, raising version by one",
	"158 ok",
	"  120 adm 't' update 'training_providers' 1 "
	    "'{\"name\":\"职业学院\",\"kind\":\"college\",\"office\":1,"
	    "\"active\":1,\"version\":1}' '{\"name\":\"职业学院\","
	    "\"kind\":\"institution\",\"office\":1,\"active\":1,"
	    "\"version\":2}'",
	"159 refused: 仅中心管理员可维护培训机构 only a center admin "
	    "may change training providers, raising version by one",
	"160 refused: 培训机构不可删除，请停用 a provider is never "
	    "removed; make it inactive",
	"161 refused: 培训机构不可删除，请停用 a provider is never "
	    "removed; make it inactive",
	"162 refused: 仅中心管理员可维护培训机构 only a center admin "
	    "may change training providers",
	"163 ok",
	"  121 adm 't' insert 'training_provider_occupations' 1 NULL "
	    "'{\"occupation\":1}'",
	"164 refused: 仅中心管理员可维护培训机构 only a center admin "
	    "may change training providers",
	"165 ok",
	"  122 adm 't' delete 'training_provider_occupations' 1 "
	    "'{\"occupation\":1}' NULL",
	"166 ok",
	"  123 adm 't' insert 'training_provider_occupations' 1 NULL "
	    "'{\"occupation\":1}'",
	"167 refused: 仅办公室可登记本市台胞的培训需求 only an office "
	    "records training needs, for its own city",
	"168 ok",
	"  124 clk 't' insert 'training_needs' 1 NULL "
	    "'{\"applicant\":1,\"office\":1,\"occupation\":1,"
	    "\"level\":4,\"period\":\"2025-05\",\"in_taiwan\":0,"
	    "\"reported_at\":null,\"version\":1}'",
	"169 ok",
	"  125 clk 't' update 'training_needs' 1 '{\"applicant\":1,"
	    "\"office\":1,\"occupation\":1,\"level\":4,"
	    "\"period\":\"2025-05\",\"in_taiwan\":0,"
	    "\"reported_at\":null,\"version\":1}' '{\"applicant\":1,"
	    "\"office\":1,\"occupation\":1,\"level\":4,"
	    "\"period\":\"2025-05\",\"in_taiwan\":0,"
	    "\"reported_at\":null,\"version\":2}'",
	"170 ok",
	"  126 clk 't' update 'training_needs' 1 '{\"applicant\":1,"
	    "\"office\":1,\"occupation\":1,\"level\":4,"
	    "\"period\":\"2025-05\",\"in_taiwan\":0,"
	    "\"reported_at\":null,\"version\":2}' '{\"applicant\":1,"
	    "\"office\":1,\"occupation\":1,\"level\":4,"
	    "\"period\":\"2025-05\",\"in_taiwan\":0,"
	    "\"reported_at\":\"2025-03-05T00:00:00.000Z\","
	    "\"version\":3}'",
	"171 refused: 需求已上报或属于其他办公室 the need was reported "
	    "already or belongs to another office",
	"172 refused: 培训需求不可删除 a training need is never removed",
	"173 ok",
	"  127 (test) 'script' insert 'training_needs' 2 NULL "
	    "'{\"applicant\":4,\"office\":1,\"occupation\":1,"
	    "\"level\":5,\"period\":\"2025-06\",\"in_taiwan\":0,"
	    "\"reported_at\":null,\"version\":1}'",
	"174 ok",
	"  128 (test) 'script' delete 'training_needs' 2 "
	    "'{\"applicant\":4,\"office\":1,\"occupation\":1,"
	    "\"level\":5,\"period\":\"2025-06\",\"in_taiwan\":0,"
	    "\"reported_at\":null,\"version\":1}' NULL",
	"175 refused: 仅中心可制订办班计划 only the center plans "
	    "classes, as drafts",
	"176 ok",
	"  129 ctr 't' insert 'training_classes' 1 NULL "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"draft\",\"version\":1}'",
	"177 refused: 仅中心可修改办班计划 only the center changes "
	    "class plans, raising version by one",
	"178 refused: 仅中心可修改办班计划 only the center changes "
	    "class plans, raising version by one",
	"179 ok",
	"  130 ctr 't' update 'training_classes' 1 "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"draft\",\"version\":1}' "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"draft\",\"reason\":\"\","
	    "\"version\":2}'",
	"180 ok",
	"  131 ctr 't' insert 'training_class_quotas' 1 NULL "
	    "'{\"office\":1,\"seats\":1}'",
	"181 refused: 各市名额之和超过班级名额 the cities' quotas add "
	    "up to more than the seats",
	"182 refused: 名额分配只能由中心在发布前设定 only the center "
	    "sets quotas, before publishing",
	"183 refused: 各市名额之和超过班级名额 the cities' quotas add "
	    "up to more than the seats",
	"184 ok",
	"  132 ctr 't' delete 'training_class_quotas' 1 '{\"office\":1,"
	    "\"seats\":1}' NULL",
	"185 ok",
	"  133 ctr 't' insert 'training_notices' 1 NULL '{\"office\":1,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  134 ctr 't' insert 'training_notices' 2 NULL '{\"office\":2,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  135 ctr 't' insert 'training_notices' 3 NULL '{\"office\":3,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  136 ctr 't' insert 'training_notices' 4 NULL '{\"office\":4,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  137 ctr 't' insert 'training_notices' 5 NULL '{\"office\":5,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  138 ctr 't' insert 'training_notices' 6 NULL '{\"office\":6,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  139 ctr 't' insert 'training_notices' 7 NULL '{\"office\":7,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  140 ctr 't' insert 'training_notices' 8 NULL '{\"office\":8,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  141 ctr 't' insert 'training_notices' 9 NULL '{\"office\":9,"
	    "\"class\":1,\"applicant\":null,\"kind\":\"published\"}'",
	"  142 ctr 't' insert 'training_notices' 10 NULL "
	    "'{\"office\":1,\"class\":1,\"applicant\":1,"
	    "\"kind\":\"need_match\"}'",
	"  143 ctr 't' publish 'training_classes' 1 "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"draft\",\"version\":2}' "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"published\",\"reason\":\"\","
	    "\"version\":3}'",
	"186 refused: 办班计划不可删除，请取消 a class is never "
	    "removed; cancel it",
	"187 refused: 已发布的办班计划不可修改名额、日期和费用 a "
	    "published plan keeps its seats, dates and fee",
	"188 refused: 通知记录不可更改 a notice is kept as it was "
	    "recorded",
	"189 refused: 通知记录不可更改 a notice is kept as it was "
	    "recorded",
	"190 refused: 仅办公室可为本市台胞报名 only an office enrols "
	    "its own people",
	"191 ok",
	"  144 clk 't' insert 'training_enrolments' 1 NULL "
	    "'{\"class\":1,\"applicant\":1,\"office\":1,"
	    "\"status\":\"enrolled\",\"hours\":null,\"completed\":null,"
	    "\"version\":1}'",
	"192 ok",
	"  145 clk 't' insert 'training_enrolments' 2 NULL "
	    "'{\"class\":1,\"applicant\":4,\"office\":1,"
	    "\"status\":\"waiting\",\"hours\":null,\"completed\":null,"
	    "\"version\":1}'",
	"193 ok",
	"  146 clk 't' update 'training_enrolments' 1 '{\"class\":1,"
	    "\"applicant\":1,\"office\":1,\"status\":\"enrolled\","
	    "\"hours\":null,\"completed\":null,\"version\":1}' "
	    "'{\"class\":1,\"applicant\":1,\"office\":1,"
	    "\"status\":\"cancelled\",\"hours\":null,"
	    "\"completed\":null,\"version\":2}'",
	"  147 clk 't' update 'training_enrolments' 2 '{\"class\":1,"
	    "\"applicant\":4,\"office\":1,\"status\":\"waiting\","
	    "\"hours\":null,\"completed\":null,\"version\":1}' "
	    "'{\"class\":1,\"applicant\":4,\"office\":1,"
	    "\"status\":\"enrolled\",\"hours\":null,\"completed\":null,"
	    "\"version\":2}'",
	"  148 clk 't' insert 'training_notices' 11 NULL "
	    "'{\"office\":1,\"class\":1,\"applicant\":4,"
	    "\"kind\":\"promoted\"}'",
	"194 refused: 报名记录不可删除，请取消 an enrolment is never "
	    "removed; cancel it",
	"195 ok",
	"  149 (test) 'script' start 'training_classes' 1 "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"published\",\"version\":3}' "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"running\",\"reason\":\"\","
	    "\"version\":4}'",
	"196 refused: 考勤和结业由中心在开班后录入 the center records "
	    "attendance and completion once the class runs",
	"197 ok",
	"  150 ctr 't' update 'training_enrolments' 2 '{\"class\":1,"
	    "\"applicant\":4,\"office\":1,\"status\":\"enrolled\","
	    "\"hours\":null,\"completed\":null,\"version\":2}' "
	    "'{\"class\":1,\"applicant\":4,\"office\":1,"
	    "\"status\":\"enrolled\",\"hours\":40,\"completed\":1,"
	    "\"version\":3}'",
	"198 ok",
	"  151 ctr 't' insert 'training_links' 1 NULL "
	    "'{\"agency\":null,\"provider\":\"职业学院\","
	    "\"applicant\":4,\"occupation\":1,\"trainer\":null}'",
	"  152 ctr 't' finish 'training_classes' 1 "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"running\",\"version\":4}' "
	    "'{\"title\":\"美容班\",\"provider\":1,\"occupation\":1,"
	    "\"level\":4,\"seats\":1,"
	    "\"enrol\":\"2000-01-01/2998-12-31\",\"cutoff\":null,"
	    "\"fee_fen\":0,\"state\":\"finished\",\"reason\":\"\","
	    "\"version\":5}'",
	"199 refused: 结业证书由中心为已结业的学员签发 the center "
	    "issues completion certificates to those who completed a "
	    "finished class",
	"200 ok",
	"  153 ctr 't' insert 'subsidy_intake' 3 NULL "
	    "'{\"source\":\"training_certificate\",\"source_id\":1,"
	    "\"number\":\"PX-2025-000001\",\"kind\":\"training\","
	    "\"applicant\":4,\"office\":1,\"outcome\":\"pending\","
	    "\"rule\":null}'",
	"  154 ctr 't' update 'subsidy_intake' 3 "
	    "'{\"source\":\"training_certificate\",\"source_id\":1,"
	    "\"number\":\"PX-2025-000001\",\"kind\":\"training\","
	    "\"applicant\":4,\"office\":1,\"outcome\":\"pending\","
	    "\"rule\":null}' '{\"source\":\"training_certificate\","
	    "\"source_id\":1,\"number\":\"PX-2025-000001\","
	    "\"kind\":\"training\",\"applicant\":4,\"office\":1,"
	    "\"outcome\":\"ineligible\",\"rule\":\"rate\"}'",
	"  155 ctr 't' insert 'training_certificates' 1 NULL "
	    "'{\"number\":\"PX-2025-000001\",\"enrolment\":2,"
	    "\"mtp\":\"33****44\",\"kid\":KID}'",
	"201 refused: 证书内容签发后不可更改 a certificate is kept as "
	    "it was signed",
	"202 refused: 证书不可删除 a certificate cannot be removed",
	"203 refused: 通知记录不可更改 a notice is kept as it was "
	    "recorded",
	"204 refused: 报名记录不可删除，请取消 an enrolment is never "
	    "removed; cancel it",
	"205 refused: 仅中心管理员可维护补贴标准 only a center admin "
	    "may change subsidy rates",
	"206 ok",
	"  156 adm 't' insert 'subsidy_rates' 1 NULL "
	    "'{\"kind\":\"qualification\",\"level\":4,"
	    "\"amount_fen\":100000,\"valid_from\":\"2025-01-01\","
	    "\"valid_to\":null,\"doc_no\":\"闽人社〔2025〕1号\","
	    "\"demo\":0,\"version\":1}'",
	"207 refused: 仅中心管理员可维护补贴标准 only a center admin "
	    "may change subsidy rates, raising version by one",
	"208 ok",
	"  157 adm 't' update 'subsidy_rates' 1 "
	    "'{\"kind\":\"qualification\",\"level\":4,"
	    "\"amount_fen\":100000,\"valid_from\":\"2025-01-01\","
	    "\"valid_to\":null,\"doc_no\":\"闽人社〔2025〕1号\","
	    "\"demo\":0,\"version\":1}' '{\"kind\":\"qualification\","
	    "\"level\":4,\"amount_fen\":120000,"
	    "\"valid_from\":\"2025-01-01\",\"valid_to\":null,"
	    "\"doc_no\":\"闽人社〔2025〕1号\",\"demo\":0,"
	    "\"version\":2}'",
	"209 refused: 仅中心管理员可维护补贴标准 only a center admin "
	    "may change subsidy rates, raising version by one",
	"210 refused: 补贴标准不可删除，请设定截止日期 a rate is never "
	    "removed; give it an end date",
	"211 refused: 补贴规则只能调整，不能新增 rules are adjusted, "
	    "not added",
	"212 ok",
	"  158 adm 't' update 'subsidy_rules' 3 "
	    "'{\"rule\":\"max_per_year\",\"active\":1,\"value\":3,"
	    "\"version\":1}' '{\"rule\":\"max_per_year\",\"active\":1,"
	    "\"value\":4,\"version\":2}'",
	"213 refused: 仅中心管理员可调整补贴规则 only a center admin "
	    "may adjust the rules, raising version by one",
	"214 refused: 补贴规则不可删除，请停用 a rule is never "
	    "removed; turn it off",
	"215 refused: 补贴登记只随证书签发产生 a subsidy intake comes "
	    "only with a certificate's issue",
	"216 ok",
	"  159 ctr 't' insert 'subsidy_intake' 4 NULL "
	    "'{\"source\":\"exam\",\"source_id\":2,\"number\":\"Z-2\","
	    "\"kind\":\"qualification\",\"applicant\":4,\"office\":1,"
	    "\"outcome\":\"pending\",\"rule\":null}'",
	"  160 ctr 't' update 'subsidy_intake' 4 '{\"source\":\"exam\","
	    "\"source_id\":2,\"number\":\"Z-2\","
	    "\"kind\":\"qualification\",\"applicant\":4,\"office\":1,"
	    "\"outcome\":\"pending\",\"rule\":null}' "
	    "'{\"source\":\"exam\",\"source_id\":2,\"number\":\"Z-2\","
	    "\"kind\":\"qualification\",\"applicant\":4,\"office\":1,"
	    "\"outcome\":\"claim\",\"rule\":null}'",
	"  161 ctr 't' insert 'subsidy_claims' 1 NULL "
	    "'{\"applicant\":4,\"office\":1,\"kind\":\"qualification\","
	    "\"number\":\"Z-2\",\"amount_fen\":120000,\"rate\":1,"
	    "\"state\":\"drafted\",\"batch\":null,\"docs\":\"0000\","
	    "\"bank_account\":\"\",\"version\":1}'",
	"217 refused: 补贴登记不可更改 an intake is kept as it was "
	    "decided",
	"218 refused: 补贴登记不可更改 an intake is kept as it was "
	    "decided",
	"219 refused: 补贴申请只由合格证书自动生成 a claim is drafted "
	    "only from a qualifying certificate",
	"220 refused: 此补贴申请属于其他办公室或已被他人修改 this "
	    "claim belongs to another office or was changed by someone "
	    "else",
	"221 ok",
	"  162 clk 't' update 'subsidy_claims' 1 '{\"applicant\":4,"
	    "\"office\":1,\"kind\":\"qualification\","
	    "\"number\":\"Z-2\",\"amount_fen\":120000,\"rate\":1,"
	    "\"state\":\"drafted\",\"batch\":null,\"docs\":\"0000\","
	    "\"bank_account\":\"\",\"version\":1}' '{\"applicant\":4,"
	    "\"office\":1,\"kind\":\"qualification\","
	    "\"number\":\"Z-2\",\"amount_fen\":120000,\"rate\":1,"
	    "\"state\":\"drafted\",\"batch\":null,\"docs\":\"1111\","
	    "\"bank_account\":\"****2222\",\"version\":2}'",
	"222 refused: 此补贴申请属于其他办公室或已被他人修改 this "
	    "claim belongs to another office or was changed by someone "
	    "else",
	"223 ok",
	"  163 clk 't' complete 'subsidy_claims' 1 '{\"applicant\":4,"
	    "\"office\":1,\"kind\":\"qualification\","
	    "\"number\":\"Z-2\",\"amount_fen\":120000,\"rate\":1,"
	    "\"state\":\"drafted\",\"batch\":null,\"docs\":\"1111\","
	    "\"bank_account\":\"****2222\",\"version\":2}' "
	    "'{\"applicant\":4,\"office\":1,\"kind\":\"qualification\","
	    "\"number\":\"Z-2\",\"amount_fen\":120000,\"rate\":1,"
	    "\"state\":\"complete\",\"batch\":null,\"docs\":\"1111\","
	    "\"bank_account\":\"****2222\",\"version\":3}'",
	"224 refused: 仅中心可报送补贴批次 only the center submits a "
	    "batch",
	"225 ok",
	"  164 ctr 't' insert 'subsidy_batches' 1 NULL "
	    "'{\"period\":\"2025-03\",\"claims\":1,"
	    "\"total_fen\":120000,\"version\":1}'",
	"226 ok",
	"  165 ctr 't' submit 'subsidy_claims' 1 '{\"applicant\":4,"
	    "\"office\":1,\"kind\":\"qualification\","
	    "\"number\":\"Z-2\",\"amount_fen\":120000,\"rate\":1,"
	    "\"state\":\"complete\",\"batch\":null,\"docs\":\"1111\","
	    "\"bank_account\":\"****2222\",\"version\":3}' "
	    "'{\"applicant\":4,\"office\":1,\"kind\":\"qualification\","
	    "\"number\":\"Z-2\",\"amount_fen\":120000,\"rate\":1,"
	    "\"state\":\"submitted\",\"batch\":1,\"docs\":\"1111\","
	    "\"bank_account\":\"****2222\",\"version\":4}'",
	"227 refused: 批次报送后不可更改 a batch is kept as submitted",
	"228 ok",
	"  166 ctr 't' update 'subsidy_batches' 1 "
	    "'{\"period\":\"2025-03\",\"claims\":1,"
	    "\"total_fen\":120000,\"version\":1}' "
	    "'{\"period\":\"2025-03\",\"claims\":1,"
	    "\"total_fen\":120000,\"version\":2}'",
	"229 refused: 批次报送后不可更改 a batch is kept as submitted",
	"230 refused: 批次不可删除 a batch is never removed",
	"231 refused: 补贴申请不可删除 a claim is never removed",
	"232 refused: "
	    "仅办公室窗口或联络员可登记就业需求，且只在本办公室 only "
	    "an office's clerk or liaison may record a job need, in "
	    "their own office",
	"233 ok",
	"  167 clk 't' insert 'job_needs' 1 NULL '{\"applicant\":1,"
	    "\"office\":1,\"pay_min\":6000,"
	    "\"available_from\":\"2025-04-01\",\"state\":\"recorded\","
	    "\"version\":1}'",
	"234 ok",
	"  168 clk 't' update 'job_needs' 1 '{\"pay_min\":6000,"
	    "\"available_from\":\"2025-04-01\",\"state\":\"recorded\","
	    "\"version\":1}' '{\"pay_min\":7000,"
	    "\"available_from\":\"2025-04-01\",\"state\":\"recorded\","
	    "\"version\":2}'",
	"235 refused: 此就业需求属于其他办公室 this job need belongs "
	    "to another office, or lost a race",
	"236 refused: 就业需求不可删除，请关闭 job needs are never "
	    "deleted; close instead",
	"237 refused: 职业不在目录中或需求属于其他办公室 the "
	    "occupation is not in the catalog, or the need belongs to "
	    "another office",
	"238 ok",
	"  169 clk 't' insert 'job_need_occupations' 1 NULL "
	    "'{\"occupation\":1,\"level\":4,\"source\":\"证书\"}'",
	"239 refused: 请重新登记 record the need again to change it",
	"240 refused: 请重新登记 record the need again to change it",
	"241 refused: 此就业需求属于其他办公室 this job need belongs "
	    "to another office",
	"242 ok",
	"  170 clk 't' insert 'job_need_cities' 1 NULL '{\"office\":1}'",
	"243 refused: 请重新登记 record the need again to change it",
	"244 refused: 请重新登记 record the need again to change it",
	"245 ok",
	"  171 clk 't' report 'job_needs' 1 '{\"pay_min\":7000,"
	    "\"available_from\":\"2025-04-01\",\"state\":\"recorded\","
	    "\"version\":2}' '{\"pay_min\":7000,"
	    "\"available_from\":\"2025-04-01\",\"state\":\"reported\","
	    "\"version\":3}'",
	"246 refused: 仅中心可登记用人单位 only the center may add "
	    "employers",
	"247 ok",
	"  172 ctr 't' insert 'job_employers' 1 NULL "
	    "'{\"name\":\"台资美容公司\",\"office\":1,"
	    "\"taiwan_funded\":1,\"version\":1}'",
	"248 refused: 仅中心可修改用人单位 only the center may change "
	    "employers, raising version by one",
	"249 ok",
	"  173 adm 't' update 'job_employers' 1 "
	    "'{\"name\":\"台资美容公司\",\"office\":1,"
	    "\"taiwan_funded\":1,\"version\":1}' "
	    "'{\"name\":\"台资美容公司\",\"office\":1,"
	    "\"taiwan_funded\":1,\"version\":2}'",
	"250 refused: 仅中心可修改用人单位 only the center may change "
	    "employers, raising version by one",
	"251 refused: 用人单位不可删除 employers are never deleted",
	"252 refused: "
	    "仅中心可发布岗位，城市为用人单位所在地，职业须在目录中 "
	    "only the center adds postings, in the employer's city, "
	    "for an occupation of the catalog",
	"253 ok",
	"  174 ctr 't' insert 'job_postings' 1 NULL '{\"employer\":1,"
	    "\"occupation\":1,\"min_level\":4,\"openings\":1,"
	    "\"closes_on\":\"2999-01-01\",\"state\":\"draft\","
	    "\"version\":1}'",
	"254 ok",
	"  175 ctr 't' publish 'job_postings' 1 '{\"openings\":1,"
	    "\"closes_on\":\"2999-01-01\",\"state\":\"draft\","
	    "\"version\":1}' '{\"openings\":1,"
	    "\"closes_on\":\"2999-01-01\",\"state\":\"published\","
	    "\"version\":2}'",
	"255 refused: 岗位不可删除，请关闭 postings are never deleted; "
	    "close instead",
	"256 refused: 仅中心可推荐岗位 only the center proposes matches",
	"257 ok",
	"  176 ctr 't' insert 'job_matches' 1 NULL '{\"posting\":1,"
	    "\"need\":1,\"office\":1,\"state\":\"proposed\","
	    "\"version\":1}'",
	"258 ok",
	"  177 clk 't' interested 'job_matches' 1 "
	    "'{\"state\":\"proposed\",\"version\":1}' "
	    "'{\"state\":\"interested\",\"note\":\"愿意\","
	    "\"version\":2}'",
	"259 refused: 此推荐属于其他办公室 this match belongs to "
	    "another office, or lost a race",
	"260 ok",
	"  178 clk 't' hire 'job_matches' 1 '{\"state\":\"interested\","
	    "\"version\":2}' '{\"state\":\"hired\",\"note\":\"愿意\","
	    "\"version\":3}'",
	"  179 clk 't' fill 'job_postings' 1 '{\"openings\":1,"
	    "\"closes_on\":\"2999-01-01\",\"state\":\"published\","
	    "\"version\":2}' '{\"openings\":0,"
	    "\"closes_on\":\"2999-01-01\",\"state\":\"filled\","
	    "\"version\":3}'",
	"  180 clk 't' place 'job_needs' 1 '{\"pay_min\":7000,"
	    "\"available_from\":\"2025-04-01\",\"state\":\"reported\","
	    "\"version\":3}' '{\"pay_min\":7000,"
	    "\"available_from\":\"2025-04-01\",\"state\":\"placed\","
	    "\"version\":4}'",
	"261 refused: 推荐记录不可删除 matches are never deleted",
	"262 refused: 仅中心可制订就业服务方案 only the center makes "
	    "service plans",
	"263 ok",
	"  181 ctr 't' insert 'job_plans' 1 NULL '{\"need\":1,"
	    "\"office\":1,\"state\":\"planned\",\"version\":1}'",
	"264 ok",
	"  182 ctr 't' start 'job_plans' 1 '{\"state\":\"planned\","
	    "\"outcome\":\"\",\"version\":1}' '{\"state\":\"active\","
	    "\"outcome\":\"\",\"version\":2}'",
	"265 refused: 仅中心可修改就业服务方案 only the center changes "
	    "service plans, raising version by one",
	"266 refused: 就业服务方案不可删除 service plans are never "
	    "deleted",
	"267 ok",
	"268 ok",
	"269 ok",
	"270 ok",
	"271 ok",
	"272 ok",
	"273 ok",
	"274 refused: 中心登记全省政策文件，各地只登记本地的 the "
	    "center adds the province's documents, an office only its "
	    "own city's",
	"275 ok",
	"  183 ctr 't' insert 'policy_docs' 1 NULL "
	    "'{\"doc_no\":\"闽人社〔2022〕1号\","
	    "\"title\":\"台胞职业资格采信\","
	    "\"issued_on\":\"2022-01-01\",\"office\":null,"
	    "\"version\":1}'",
	"276 ok",
	"  184 clk 't' insert 'policy_docs' 2 NULL "
	    "'{\"doc_no\":\"榕1\",\"title\":\"福州\","
	    "\"issued_on\":\"2025-01-01\",\"office\":1,\"version\":1}'",
	"277 refused: 此政策文件不属于您的办公室 this document is not "
	    "your office's, or lost a race",
	"278 ok",
	"  185 clk 't' update 'policy_docs' 2 '{\"replaced_on\":null,"
	    "\"replaced_by\":null,\"version\":1}' "
	    "'{\"replaced_on\":\"2025-02-01\",\"replaced_by\":null,"
	    "\"version\":2}'",
	"279 refused: 政策文件不可删除，请标记为已替代 documents are "
	    "never deleted; mark them replaced",
	"280 refused: 仅中心可发布全省答复，各地只发布本地政策信息 "
	    "only the center publishes for the province, an office "
	    "only its own city's information",
	"281 ok",
	"  186 ctr 't' insert 'policy_answers' 1 NULL "
	    "'{\"title\":\"采信流程\",\"doc\":1,"
	    "\"valid_until\":\"2999-01-01\",\"office\":null,"
	    "\"question\":null,\"state\":\"published\",\"version\":1}'",
	"282 ok",
	"  187 ctr 't' update 'policy_answers' 1 "
	    "'{\"title\":\"采信流程\",\"valid_until\":\"2999-01-01\","
	    "\"state\":\"published\",\"version\":1}' "
	    "'{\"title\":\"采信流程\",\"valid_until\":\"2999-01-01\","
	    "\"state\":\"published\",\"version\":2}'",
	"283 ok",
	"  188 ctr 't' withdraw 'policy_answers' 1 "
	    "'{\"title\":\"采信流程\",\"valid_until\":\"2999-01-01\","
	    "\"state\":\"published\",\"version\":2}' "
	    "'{\"title\":\"采信流程\",\"valid_until\":\"2999-01-01\","
	    "\"state\":\"withdrawn\",\"version\":3}'",
	"284 ok",
	"  189 ctr 't' republish 'policy_answers' 1 "
	    "'{\"title\":\"采信流程\",\"valid_until\":\"2999-01-01\","
	    "\"state\":\"withdrawn\",\"version\":3}' "
	    "'{\"title\":\"采信流程\",\"valid_until\":\"2999-01-01\","
	    "\"state\":\"published\",\"version\":4}'",
	"285 refused: 答复不可删除，请撤下 answers are never deleted; "
	    "withdraw instead",
	"286 refused: 仅办公室窗口或联络员可登记咨询，且只在本办公室 "
	    "only an office's clerk or liaison may record a question, "
	    "in their own office",
	"287 ok",
	"  190 clk 't' insert 'policy_questions' 1 NULL '{\"office\":1,"
	    "\"applicant\":1,\"channel\":\"window\",\"state\":\"open\","
	    "\"version\":1}'",
	"288 ok",
	"  191 clk 't' forward 'policy_questions' 1 "
	    "'{\"state\":\"open\",\"answer\":null,\"version\":1}' "
	    "'{\"state\":\"forwarded\",\"answer\":null,\"replied\":0,"
	    "\"version\":2}'",
	"289 ok",
	"  192 ctr 't' reply 'policy_questions' 1 "
	    "'{\"state\":\"forwarded\",\"answer\":null,\"version\":2}' "
	    "'{\"state\":\"replied\",\"answer\":null,\"replied\":1,"
	    "\"version\":3}'",
	"  193 ctr 't' insert 'policy_inbox' 1 NULL '{\"office\":1,"
	    "\"question\":1}'",
	"  194 ctr 't' insert 'policy_notices' 1 NULL '{\"office\":1,"
	    "\"question\":1,\"status\":\"pending\"}'",
	"290 refused: 只能由本城市标记已读 only the city marks its "
	    "inbox read",
	"291 ok",
	"  195 clk 't' read 'policy_inbox' 1 '{\"read_at\":null}' "
	    "'{\"read_at\":\"2025-03-12T00:00:00.000Z\"}'",
	"292 refused: 收件记录不可删除 inbox rows are never deleted",
	"293 ok",
	"  196 ctr 't' insert 'policy_inbox' 2 NULL '{\"office\":1,"
	    "\"question\":1}'",
	"294 refused: 通知只由中心答复生成 notices come only from the "
	    "center's replies",
	"295 ok",
	"  197 clk 't' notify 'policy_questions' 1 "
	    "'{\"state\":\"replied\",\"answer\":null,\"version\":3}' "
	    "'{\"state\":\"notified\",\"answer\":null,\"replied\":1,"
	    "\"version\":4}'",
	"  198 clk 't' update 'policy_notices' 1 "
	    "'{\"status\":\"pending\"}' '{\"status\":\"given\"}'",
	"296 refused: 通知记录不可删除 notices are never deleted",
	"297 refused: 咨询记录不可删除 questions are never deleted",
	"298 ok",
	"299 ok",
	"300 ok",
	"301 ok",
	"302 ok",
	"303 refused: 已结账月份的数据不可更改 a closed month's "
	    "figures cannot be changed",
	"304 ok",
	"305 refused: 已结账月份的数据不可更改 a closed month's "
	    "figures cannot be changed",
	"306 refused: 已结账月份的数据不可更改 a closed month's "
	    "figures cannot be changed",
	"307 refused: 只有中心可以结账 only the center closes a month",
	"308 ok",
	"  199 ctr 't' close 'report_months' 202501 NULL "
	    "'{\"month\":\"2025-01\",\"kid\":KID,\"rows\":1,"
	    "\"digest\":\"0000000000000000000000000000000000000000000000000000000000000000\"}'",
	"309 refused: 已结账的月份不可更改 a closed month cannot be "
	    "changed",
	"310 refused: 已结账的月份不可更改 a closed month cannot be "
	    "changed",
	"311 refused: 已结账月份的数据不可更改 a closed month's "
	    "figures cannot be changed",
	"312 refused: 只能修改自己的设置 you may change only your own "
	    "settings",
	"313 ok",
	"  200 clk 't' insert 'report_prefs' 2 NULL "
	    "'{\"indicator\":\"cases.received\",\"from\":\"\","
	    "\"to\":\"\",\"split\":\"office\",\"office\":0,"
	    "\"ascii\":1}'",
	"314 ok",
	"  201 clk 't' update 'report_prefs' 2 "
	    "'{\"indicator\":\"cases.received\",\"from\":\"\","
	    "\"to\":\"\",\"split\":\"office\",\"office\":0,"
	    "\"ascii\":1}' '{\"indicator\":\"cases.received\","
	    "\"from\":\"2025-01\",\"to\":\"\",\"split\":\"office\","
	    "\"office\":0,\"ascii\":1}'",
	"315 refused: 只能修改自己的设置 you may change only your own "
	    "settings",
	"316 ok",
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
 * Make name in dir the database of fixture (tests/unit/schema-v3.sql, of
 * the hand-written triggers' time, or schema-v10.sql, as the field has
 * them), then open it: with migrate, the migrations after it bring it up
 * to date; without, it is as the fixture made it.
 */
static sqlite3 *
open_fixture(const char *dir, const char *name, const char *fixture,
    int migrate)
{
	const char	*srcdir = getenv("QD_SRCDIR");
	sqlite3		*raw;
	char		*path, *sql = NULL, *err = NULL;
	size_t		 len = 0;
	FILE		*f;

	xasprintf(&path, "%s/tests/unit/%s", srcdir != NULL ? srcdir : ".",
	    fixture);
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
	free(sql);
	free(path);
	if (!migrate)
		return raw;
	sqlite3_close(raw);
	return fixture_db(dir, name);
}

/*
 * The triggers of db, "name sql" a line, by name or (by_event) each
 * table's before and after each event in the order they were made, which
 * is the reverse of the order they fire in; by_event 2: their names
 * alone (caller frees).
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
		    " 'DELETE'), (SELECT 'BEFORE' AS w UNION ALL SELECT"
		    " 'AFTER') WHERE t.type = 'trigger' AND replace(t.sql,"
		    " char(10), ' ') LIKE '% ' || w || ' ' || e || ' %'"
		    " ORDER BY t.tbl_name, w, e, t.rowid";
	else
		sql = "SELECT name, sql FROM sqlite_schema WHERE type ="
		    " 'trigger' ORDER BY name";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			fprintf(f, "%s %s\n", sqlite3_column_text(st, 0),
			    by_event == 2 ? "" : (const char *)
			    sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	fclose(f);
	return all;
}

/* 1 if line (with its newline) is one of the lines of text. */
static int
has_line(const char *text, const char *line)
{
	const char	*p;

	for (p = text; (p = strstr(p, line)) != NULL; p++) {
		if (p == text || p[-1] == '\n')
			return 1;
	}
	return 0;
}

/*
 * The lines of all that are also lines of some, in all's order: a new
 * database's triggers less those later migrations added (frees all).
 */
static char *
only_lines_of(char *all, const char *some)
{
	char	*out = NULL, *line, *next, *key;
	size_t	 len = 0;
	FILE	*f = open_memstream(&out, &len);

	for (line = all; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		next = next != NULL ? next + 1 : line + strlen(line);
		key = xstrndup(line, (size_t)(next - line));
		if (has_line(some, key))
			fputs(key, f);
		free(key);
	}
	fclose(f);
	free(all);
	return out;
}

/*
 * Upgrade the database of fixture, made at schema version from: it gets
 * the triggers of the new one db, in the same order, and the script
 * writes the same lines on it.
 */
static void
check_upgrade(sqlite3 *db, const char *dir, const char *fixture, int from)
{
	sqlite3		*old;
	char		*a, *b, **lines, what[64], *path;
	size_t		 n;

	/*
	 * The triggers of 004 to 009, declared since version 10, fire where
	 * the hand-written ones they replace fired, as the fixture has them
	 * before it is upgraded. (Those of 001 to 003 were declared at
	 * version 4, and now come first.)
	 */
	if (from == 10) {
		xasprintf(&path, "%s/%s", dir, fixture);
		old = open_fixture(dir, fixture, fixture, 0);
		b = triggers_of(old, 2);
		a = only_lines_of(triggers_of(db, 2), b);
		ok(strcmp(a, b) == 0, "a new database's triggers fire in the "
		    "order of those of version %d", from);
		if (strcmp(a, b) != 0)
			printf("# new:\n%s# version %d:\n%s", a, from, b);
		free(a);
		free(b);
		sqlite3_close(old);
		unlink(path);
		free(path);
	}
	old = open_fixture(dir, fixture, fixture, 1);
	is_int(fixture_int(old, "PRAGMA user_version"), db_schema_version(),
	    "a database of version %d is brought up to date", from);
	a = triggers_of(db, 0);
	b = triggers_of(old, 0);
	ok(strcmp(a, b) == 0, "it has the triggers of a new one, the same SQL");
	free(a);
	free(b);
	/* A table's triggers fire in the same order (the last made first). */
	a = triggers_of(db, 1);
	b = triggers_of(old, 1);
	ok(strcmp(a, b) == 0, "and they fire in the same order");
	free(a);
	free(b);
	db_close(old);
	old = fixture_db(dir, fixture);
	n = run_script(old, &lines);
	snprintf(what, sizeof what, "a database of version %d, upgraded", from);
	check_lines(lines, n, what);
	db_close(old);
}

int
main(void)
{
	sqlite3		*db;
	char		*dir, **lines;
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

	check_upgrade(db, dir, "schema-v3.sql", 3);
	check_upgrade(db, dir, "schema-v10.sql", 10);

	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
