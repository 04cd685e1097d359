/* Exact rational arithmetic for money and hours: the estimate multiplies
 * euros by hours by rates and divides by hours, so intermediate values are
 * kept as reduced fractions of 128-bit integers and only the final amount is
 * rounded (half-up, to the cent). No floating point anywhere. */
#ifndef DECL_RATIONAL_H
#define DECL_RATIONAL_H

#include <stdint.h>

struct q {
	__int128 n;
	__int128 d; /* always > 0 */
};

/* value_scaled / 10^decimals, e.g. (123456, 2) = 1234,56 */
struct q q_scaled(int64_t value_scaled, int decimals);
struct q q_int(int64_t v);
struct q q_frac(int64_t n, int64_t d); /* d != 0 */
struct q q_add(struct q a, struct q b);
struct q q_sub(struct q a, struct q b);
struct q q_mul(struct q a, struct q b);
/* b must not be zero: callers check with q_is_zero first. */
struct q q_div(struct q a, struct q b);
int q_cmp(struct q a, struct q b);
int q_is_zero(struct q a);
struct q q_min(struct q a, struct q b);
struct q q_max(struct q a, struct q b);
/* Rounds to 10^-decimals, half away from zero ("half-up" for the
 * non-negative amounts we pay), giving the scaled integer. Sets *overflow
 * when the result does not fit an int64. */
int64_t q_round_scaled(struct q a, int decimals, int *overflow);

#endif
