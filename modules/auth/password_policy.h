/* The password rules of the seeds (6-20 characters, a lowercase letter, a
 * digit, confirmation equal) plus what costs users nothing: no e-mail local
 * part, no very common password. Pure code (no database, no clock): the
 * history rule, which needs the stored hashes, lives in passwords.h. */
#ifndef AUTH_PASSWORD_POLICY_H
#define AUTH_PASSWORD_POLICY_H

#include <stddef.h>

#define PP_MIN_CHARS 6
#define PP_MAX_CHARS 20
/* 20 code points are at most 80 bytes of UTF-8: anything longer is refused
 * before it is decoded, compared or hashed. */
#define PP_MAX_BYTES 80

/* One bit per broken rule, so a form can name every one of them. */
enum pp_rule {
	PP_INVALID = 1u << 0,	   /* invalid UTF-8, NUL or control character */
	PP_LENGTH = 1u << 1,	   /* fewer than 6 or more than 20 code points */
	PP_NO_LOWER = 1u << 2,	   /* no lowercase letter (accented ones count) */
	PP_NO_DIGIT = 1u << 3,	   /* no digit 0-9 */
	PP_HAS_EMAIL = 1u << 4,	   /* holds the e-mail's local part */
	PP_COMMON = 1u << 5,	   /* in the blocklist (or a list word plus digits) */
	PP_CONFIRM = 1u << 6,	   /* confirmation differs */
	PP_REUSED = 1u << 7,	   /* the current password or one of the 3 previous */
};

/* The blocklist: lowercase words, sorted for bsearch. */
struct pp_blocklist {
	char **words;
	size_t count;
};

/* Loads one word per line ('#' comments, blank lines skipped), lowercased.
 * NULL if the file cannot be read. */
struct pp_blocklist *pp_blocklist_load(const char *path);
/* From an array, for tests. */
struct pp_blocklist *pp_blocklist_from(const char *const *words, size_t n);
void pp_blocklist_free(struct pp_blocklist *b);
int pp_blocklist_has(const struct pp_blocklist *b, const char *lower_word);

/* Checks pw (len bytes, may hold NUL: then it is invalid) against every
 * content rule. email may be NULL; bl may be NULL. Returns the broken rules
 * (0 = acceptable). Never looks at the confirmation or the history. */
unsigned pp_check(const char *pw, size_t len, const char *email, const struct pp_blocklist *bl);

/* Whether the confirmation equals the password (byte for byte). */
int pp_confirm_equal(const char *pw, const char *confirm);

/* The French message for one rule bit. */
const char *pp_message(enum pp_rule rule);

/* Is code point cp a lowercase letter (Latin, Latin-1, Latin Extended-A,
 * Greek, Cyrillic)? */
int pp_is_lower(unsigned cp);

#endif
