'use strict';
// The package speaks the back end's contract: every error code of the starter is an exported constant, and
// the package's READMEs have a row for each code and reason the package exports.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ErrorCode, ClientErrorCode, SessionEndReason, LogoutReason } = require('../lib/index');

const PACKAGE = path.join(__dirname, '..');
const ERROR_CODES = path.join(PACKAGE, '..', 'wxlogin-spring-boot-autoconfigure', 'src', 'main', 'java', 'io', 'github',
	'wxlogin', 'http', 'WxErrorCode.java');

// The rows of the tables in the section on errors, which starts at its heading and ends at the next
function tableCodes(readme, heading) {
	const text = fs.readFileSync(path.join(PACKAGE, readme), 'utf8').split(heading + '\n')[1].split('\n## ')[0];
	return new Set([...text.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]));
}

test('every error code of the starter is exported', () => {
	const java = fs.readFileSync(ERROR_CODES, 'utf8');
	const starterCodes = [...java.matchAll(/^\t([A-Z_]+)\(/gm)].map((match) => match[1].toLowerCase());
	assert.ok(starterCodes.length > 20, 'the codes of ' + ERROR_CODES);
	assert.deepEqual(Object.values(ErrorCode).sort(), starterCodes.sort());
});

for (const [readme, heading] of [['README.md', '## Errors'], ['README.zh-CN.md', '## 错误']]) {
	test(readme + ' has a row for every code and reason', () => {
		const rows = tableCodes(readme, heading);
		const exported = [ErrorCode, ClientErrorCode, SessionEndReason, LogoutReason].flatMap((constants) => Object.values(constants));
		assert.deepEqual(exported.filter((code) => !rows.has(code)), []);
		assert.deepEqual([...rows].filter((code) => !exported.includes(code)), []);
	});
}
