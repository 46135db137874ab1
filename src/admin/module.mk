# The administration module: accounts, keys, offices, the audit log.
libqualdesk_a_SOURCES += \
	%reldir%/module.c \
	screens/admin/admin-screens.h \
	screens/admin/account.c \
	screens/admin/offices.c \
	screens/admin/users.c \
	screens/admin/audit.c
