# A module built only for its test: the list line comes from the
# test's CPPFLAGS, as src/module.c would hold it for a real module.
unit_tests += tests/unit/example/test-example
tests_unit_example_test_example_SOURCES = \
	tests/unit/example/test-example.c tests/unit/example/module.c \
	src/module.c tests/unit/tap.h
tests_unit_example_test_example_CPPFLAGS = $(AM_CPPFLAGS) \
	'-DQD_TEST_MODULES(X)=X(example)'
