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
extern const struct ui_screen screen_user;
/*
 * Ask for an authorized_keys line for login, check it, show its
 * fingerprint and add it on yes; what happened is on the message line.
 */
void	 screen_user_key_add(struct ui *, struct ui_view *, const char *login);
extern const struct ui_screen screen_audit;

#endif /* ADMIN_ADMIN_SCREENS_H */
