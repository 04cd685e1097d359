/* Reduced fractions of __int128; see decl_rational.h. */
#include "decl_rational.h"

static __int128 gcd128(__int128 a, __int128 b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b) {
		__int128 t = a % b;
		a = b;
		b = t;
	}
	return a ? a : 1;
}

static struct q q_norm(__int128 n, __int128 d)
{
	if (d < 0) {
		n = -n;
		d = -d;
	}
	__int128 g = gcd128(n, d);
	struct q r = {n / g, d / g};
	return r;
}

static __int128 pow10_128(int k)
{
	__int128 p = 1;
	while (k-- > 0)
		p *= 10;
	return p;
}

struct q q_scaled(int64_t value_scaled, int decimals)
{
	return q_norm(value_scaled, pow10_128(decimals));
}

struct q q_int(int64_t v)
{
	struct q r = {v, 1};
	return r;
}

struct q q_frac(int64_t n, int64_t d)
{
	return q_norm(n, d);
}

/* Cross-reducing before multiplying keeps the numbers small: the
 * estimate's denominators are products of 10^k and a few small primes. */
struct q q_mul(struct q a, struct q b)
{
	__int128 g1 = gcd128(a.n, b.d);
	__int128 g2 = gcd128(b.n, a.d);
	return q_norm((a.n / g1) * (b.n / g2), (a.d / g2) * (b.d / g1));
}

struct q q_div(struct q a, struct q b)
{
	struct q inv = q_norm(b.d, b.n);
	return q_mul(a, inv);
}

struct q q_add(struct q a, struct q b)
{
	__int128 g = gcd128(a.d, b.d);
	__int128 l = a.d / g;
	return q_norm(a.n * (b.d / g) + b.n * l, l * b.d);
}

struct q q_sub(struct q a, struct q b)
{
	b.n = -b.n;
	return q_add(a, b);
}

int q_cmp(struct q a, struct q b)
{
	struct q diff = q_sub(a, b);
	return (diff.n > 0) - (diff.n < 0);
}

int q_is_zero(struct q a)
{
	return a.n == 0;
}

struct q q_min(struct q a, struct q b)
{
	return q_cmp(a, b) <= 0 ? a : b;
}

struct q q_max(struct q a, struct q b)
{
	return q_cmp(a, b) >= 0 ? a : b;
}

int64_t q_round_scaled(struct q a, int decimals, int *overflow)
{
	__int128 n = a.n * pow10_128(decimals);
	int neg = n < 0;
	if (neg)
		n = -n;
	/* floor((2n + d) / 2d): adds one half then truncates */
	__int128 r = (2 * n + a.d) / (2 * a.d);
	if (neg)
		r = -r;
	if (r > INT64_MAX || r < INT64_MIN) {
		if (overflow)
			*overflow = 1;
		return 0;
	}
	return (int64_t)r;
}
