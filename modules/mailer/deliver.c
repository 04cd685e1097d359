/* SMTP through libcurl; files otherwise. */
#include "deliver.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>

#include "config.h"
#include "mail_format.h"

void smtp_settings_from_config(const struct portal_config *cfg, struct smtp_settings *s)
{
	const char *url = config_get(cfg, "smtp_url", "");
	s->url = url && *url ? url : NULL;
	s->starttls = config_bool(cfg, "smtp_starttls", 0);
	const char *u = config_get(cfg, "smtp_user", "");
	s->user = u && *u ? u : NULL;
	s->password = config_get(cfg, "smtp_password", "");
	s->from = config_get(cfg, "mail_from",
			     "Portail Caf partenaires <ne-pas-repondre@portail.invalid>");
	s->mail_dir = config_get(cfg, "mail_dir", "var/mail");
	s->timeout = config_int(cfg, "smtp_timeout_seconds", 30);
}

struct upload {
	const char *p;
	size_t left;
};

static size_t read_cb(char *dst, size_t size, size_t nmemb, void *userp)
{
	struct upload *u = userp;
	size_t room = size * nmemb;
	size_t n = u->left < room ? u->left : room;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

int deliver_smtp(const struct smtp_settings *s, const char *to, const char *msg, size_t len,
		 char *err, size_t errlen)
{
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, errlen, "curl_easy_init failed");
		return -1;
	}
	char sender[300], rcpt[300], curl_err[CURL_ERROR_SIZE] = "";
	char addr[256];
	mail_address_of(s->from, addr, sizeof addr);
	snprintf(sender, sizeof sender, "<%s>", addr);
	snprintf(rcpt, sizeof rcpt, "<%s>", to);
	struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
	struct upload up = {msg, len};
	curl_easy_setopt(c, CURLOPT_URL, s->url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, sender);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, s->timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, s->timeout < 10 ? s->timeout : 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, s->starttls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	if (s->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, s->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, s->password);
	}
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		snprintf(err, errlen, "%s%s%s", curl_easy_strerror(rc), curl_err[0] ? ": " : "",
			 curl_err);
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}

int deliver_file(const struct smtp_settings *s, long long id, const char *msg, size_t len,
		 char *err, size_t errlen)
{
	char path[1024], tmp[1100];
	mkdir(s->mail_dir, 0750);
	snprintf(path, sizeof path, "%s/%lld.eml", s->mail_dir, id);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, msg + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
			close(fd);
			unlink(tmp);
			return -1;
		}
		done += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
