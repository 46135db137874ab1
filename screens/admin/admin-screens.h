/*
 * The administration screens: the user's own account, the offices, the
 * users and their keys, the audit log.
 */
#ifndef ADMIN_ADMIN_SCREENS_H
#define ADMIN_ADMIN_SCREENS_H

#include "qualdesk.h"

extern const struct ui_screen screen_account;
extern const struct ui_screen screen_offices;
extern const struct ui_screen screen_users;
extern const struct ui_screen screen_user_add;
extern const struct ui_screen screen_audit;

#endif /* ADMIN_ADMIN_SCREENS_H */
