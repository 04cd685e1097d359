/* libFuzzer target: the French readers return a value or an error message,
 * never crash, and a decimal they accept formats and reads back the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "french.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	int64_t v;
	if (fr_read_decimal(s, 2, 1, &v) == NULL) {
		char buf[64];
		int64_t back;
		fr_format_decimal(v, 2, buf, sizeof buf);
		if (fr_read_decimal(buf, 2, 1, &back) != NULL || back != v)
			abort();
	}
	fr_read_integer(s, 0, &v);
	int y, m, d;
	if (fr_read_date(s, &y, &m, &d) == NULL && (m < 1 || m > 12 || d < 1 || d > 31))
		abort();
	fr_read_email(s);
	free(s);
	return 0;
}
