# The administration module: accounts, keys, offices, the audit log.
libqualdesk_a_SOURCES += \
	%reldir%/module.c \
	screens/admin/admin-screens.h \
	screens/admin/account.c \
	screens/admin/offices.c \
	screens/admin/users.c \
	screens/admin/user.c \
	screens/admin/audit.c
e2e_tests += tests/e2e/admin.sh
