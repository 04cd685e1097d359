// The instance under test, seen from outside the browser: its configuration
// file, the clock offset the hosts add to the time (test_hooks), the mail
// portal-mailer writes as .eml files, and portal-admin.
// Environment (tests/e2e/run sets it): PORTAIL_URL, PORTAIL_CONF, PORTAIL_BIN.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BASE = (process.env.PORTAIL_URL || 'http://127.0.0.1:18080').replace(/\/$/, '');
const CONF = path.resolve(ROOT, process.env.PORTAIL_CONF || path.join('var', 'test', 'portail.conf'));
const BIN = path.resolve(ROOT, process.env.PORTAIL_BIN || path.join('build', 'bin'));

function readConf(file) {
	if (!fs.existsSync(file))
		throw new Error(`no instance configuration at ${file}: run tests/e2e/run, or set PORTAIL_CONF and PORTAIL_URL`);
	const conf = {};
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		if (line.trim().startsWith('#')) continue;
		const m = /^\s*([a-z_]+)\s*=\s*(.*?)\s*$/.exec(line);
		if (m) conf[m[1]] = m[2]; // a later key overrides an earlier one
	}
	return conf;
}

const CFG = readConf(CONF);
const abs = (p) => (path.isAbsolute(p) ? p : path.join(ROOT, p));
const OFFSET_FILE = abs(CFG.clock_offset_file || 'var/clock-offset');
const MAIL_DIR = abs(CFG.mail_dir || 'var/mail');
const TEST_HOOKS = ['yes', 'true', 'on', '1'].includes(CFG.test_hooks);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Moves the portal's clock: the hosts re-read the file at most once a second.
async function setClockOffset(seconds) {
	if (!TEST_HOOKS) throw new Error(`test_hooks is off in ${CONF}: the clock cannot move`);
	fs.writeFileSync(OFFSET_FILE + '.tmp', `${seconds}\n`);
	fs.renameSync(OFFSET_FILE + '.tmp', OFFSET_FILE);
	await sleep(1100);
}

function admin(args, input) {
	return execFileSync(path.join(BIN, 'portal-admin'), ['--config', CONF, ...args],
		{ cwd: ROOT, input, encoding: 'utf8' });
}

function decodeQuotedPrintable(s) {
	const bytes = [];
	const text = s.replace(/=\r?\n/g, '');
	for (let i = 0; i < text.length; i++) {
		const hex = text.slice(i + 1, i + 3);
		if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else {
			bytes.push(text.charCodeAt(i));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

// The mails addressed to `email`, oldest first: { subject, body } decoded.
function mailsFor(email) {
	if (!fs.existsSync(MAIL_DIR)) return [];
	const names = fs.readdirSync(MAIL_DIR).filter((n) => n.endsWith('.eml'))
		.sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
	const out = [];
	for (const n of names) {
		const raw = fs.readFileSync(path.join(MAIL_DIR, n), 'latin1');
		const split = raw.indexOf('\r\n\r\n');
		const head = raw.slice(0, split);
		if (!head.split('\r\n').some((l) => l.toLowerCase() === `to: ${email.toLowerCase()}`)) continue;
		const subject = (/^Subject: (.*)$/m.exec(head) || [])[1] || '';
		const qp = /Content-Transfer-Encoding: quoted-printable/i.test(head);
		const body = raw.slice(split + 4);
		out.push({ file: n, subject, body: qp ? decodeQuotedPrintable(body) : Buffer.from(body, 'latin1').toString('utf8') });
	}
	return out;
}

// Waits for the count-th mail to `email` (the stack's portal-mailer delivers
// the outbox every second; after a while a pass is run here) and returns it.
async function waitForMail(email, count = 1) {
	for (let i = 0; i < 60; i++) {
		const mails = mailsFor(email);
		if (mails.length >= count) return mails[count - 1];
		if (i === 15) execFileSync(path.join(BIN, 'portal-mailer'), ['--config', CONF, '--once'], { cwd: ROOT });
		await sleep(200);
	}
	throw new Error(`mail n°${count} to ${email} never came (${MAIL_DIR})`);
}

// A fiscal year no demo declaration and no other scenario of this run uses
// (the campaign screen takes 2000 to 2100; the demo uses 2024 to 2026).
const usedYears = new Set();
function freshYear() {
	for (;;) {
		const y = 2030 + Math.floor(Math.random() * 70);
		if (!usedYears.has(y)) {
			usedYears.add(y);
			return y;
		}
	}
}

function temporaryPassword(mail) {
	const m = /mot de passe provisoire : (\S+)/.exec(mail.body);
	if (!m) throw new Error(`no temporary password in the mail "${mail.subject}"`);
	return m[1];
}

module.exports = { ROOT, BASE, CONF, CFG, TEST_HOOKS, sleep, setClockOffset, admin, mailsFor,
	waitForMail, temporaryPassword, freshYear };
