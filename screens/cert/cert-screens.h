/*
 * The certificate module's screens: the office's list, one certificate's
 * page and checking a scanned code.
 */
#ifndef CERT_CERT_SCREENS_H
#define CERT_CERT_SCREENS_H

#include "cert/cert.h"

extern const struct ui_screen screen_certs;
extern const struct ui_screen screen_cert;
extern const struct ui_screen screen_verify;
/* Open certificate number on the certificate page. */
void	 screen_cert_show(struct ui *, const char *number);

#endif /* CERT_CERT_SCREENS_H */
