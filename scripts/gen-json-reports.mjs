#!/usr/bin/env node
// node scripts/gen-json-reports.mjs --format trivy|gitlab_sast --size-mb 100 [--indent 0|2] --out FILE
//
// Writes one big scanner report of about --size-mb MB, deterministically (same arguments, same
// bytes), for the streaming benchmark (scripts/bench.mjs --formats): varied items repeated from a
// seeded generator, written in pieces so the generator never holds the file. Trivy: an image
// report with OS and language results (vulnerabilities with CVSS, titles, descriptions, some
// non-ASCII and escaped text), a misconfiguration result and a secrets result whose value an
// earlier vulnerability's description names (so the secrets pre-pass has work). GitLab SAST: a
// schema-15 report with `scan` written after `vulnerabilities`, as the analyzers do.
import fs from 'node:fs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const FORMAT = opt('format', 'trivy');
const TARGET = Number(opt('size-mb', '100')) * 1048576;
const INDENT = Number(opt('indent', '0'));
const OUT = opt('out');
if (!OUT || !['trivy', 'gitlab_sast'].includes(FORMAT) || !(TARGET > 0)) {
  console.error(
    'usage: gen-json-reports.mjs --format trivy|gitlab_sast --size-mb N [--indent 0|2] --out FILE',
  );
  process.exit(2);
}

// mulberry32: small, seeded, deterministic
let seed = 0x5eed1234;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (n) => Math.floor(rnd() * n);

const fd = fs.openSync(OUT, 'w');
let written = 0;
let buf = [];
let pending = 0;
function out(s) {
  buf.push(s);
  pending += s.length;
  if (pending > 1 << 20) flush();
}
function flush() {
  const b = Buffer.from(buf.join(''));
  fs.writeSync(fd, b);
  written += b.length;
  buf = [];
  pending = 0;
}
const size = () => written + pending; // ~bytes (ASCII mostly)

/** JSON of `v` at nesting `depth` (so pretty-printed items line up inside their array). */
function json(v, depth) {
  if (!INDENT) return JSON.stringify(v);
  const pad = ' '.repeat(INDENT * depth);
  return JSON.stringify(v, null, INDENT).replace(/\n/g, '\n' + pad);
}
const nl = (depth) => (INDENT ? '\n' + ' '.repeat(INDENT * depth) : '');
const sep = INDENT ? ': ' : ':';

const WORDS = [
  'buffer',
  'overflow',
  'parser',
  'heap',
  'use-after-free',
  'denial of service',
  'regular expression',
  'prototype pollution',
  'path traversal',
  'integer overflow',
  'certificate validation',
  'deserialization',
  'naïve',
  'Unicode — “quoted”',
  'tab\tand "quotes" \\ backslash',
  '中文',
];
const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const OS_PKGS = [
  'openssl',
  'libssl3',
  'zlib1g',
  'libc6',
  'curl',
  'libcurl4',
  'busybox',
  'ncurses-base',
  'tar',
  'gzip',
];
const NPM_PKGS = [
  'lodash',
  'minimist',
  'axios',
  'express',
  'semver',
  'ws',
  'jsonwebtoken',
  'qs',
  'tough-cookie',
];
const SEV = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
const SECRET = 'AKIAQQQQ' + 'BENCHKEY' + '7777';
let vulnNo = 0;

function trivyVuln(os) {
  const n = ++vulnNo;
  const id =
    rnd() < 0.1 ? `GHSA-${(n % 9000) + 1000}-bnch-xxxx` : `CVE-20${18 + (n % 7)}-${10000 + (n % 80000)}`;
  const pkg = os ? pick(OS_PKGS) : pick(NPM_PKGS);
  const v = {
    VulnerabilityID: id,
    PkgID: `${pkg}@1.${n % 30}.${n % 7}`,
    PkgName: pkg,
    PkgIdentifier: {
      PURL: os ? `pkg:deb/debian/${pkg}@1.${n % 30}.${n % 7}` : `pkg:npm/${pkg}@1.${n % 30}.${n % 7}`,
    },
    InstalledVersion: `1.${n % 30}.${n % 7}`,
    FixedVersion: rnd() < 0.6 ? `1.${n % 30}.${(n % 7) + 1}` : '',
    Status: pick(['fixed', 'affected', 'will_not_fix', 'fix_deferred', 'not_affected']),
    Layer: { DiffID: `sha256:${(n * 2654435761).toString(16).padStart(16, '0')}` },
    SeveritySource: pick(['nvd', 'debian', 'ghsa']),
    PrimaryURL: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
    DataSource: {
      ID: 'debian',
      Name: 'Debian Security Tracker',
      URL: 'https://salsa.debian.org/security-tracker-team/security-tracker',
    },
    Title: `${pkg}: ${sentence(4)}`,
    Description: `${sentence(18 + int(30))}${n % 5000 === 17 ? ` (the default key ${SECRET} is accepted)` : ''}`,
    Severity: pick(SEV),
    CweIDs: rnd() < 0.7 ? [`CWE-${pick([79, 89, 787, 125, 416, 20, 400, 22])}`] : undefined,
    VendorSeverity: { nvd: 1 + int(4), debian: 1 + int(3) },
    CVSS: {
      nvd: {
        V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        V3Score: Math.round(rnd() * 100) / 10,
      },
    },
    References: Array.from({ length: 1 + int(5) }, (_, k) => `https://security.example.org/${id}/${k}`),
    PublishedDate: '2024-03-0' + (1 + (n % 9)) + 'T12:00:00Z',
    LastModifiedDate: '2024-06-1' + (n % 9) + 'T08:30:00Z',
  };
  return v;
}

function genTrivy() {
  out(`{${nl(1)}"SchemaVersion"${sep}2,${nl(1)}"Trivy"${sep}${json({ Version: '0.58.1' }, 1)},`);
  out(
    `${nl(1)}"CreatedAt"${sep}"2025-01-15T10:00:00Z",${nl(1)}"ArtifactName"${sep}"registry.example.com/bench/app:1.0",`,
  );
  out(
    `${nl(1)}"ArtifactType"${sep}"container_image",${nl(1)}"Metadata"${sep}${json({ OS: { Family: 'debian', Name: '12.8' }, ImageID: 'sha256:0123' }, 1)},`,
  );
  out(`${nl(1)}"Results"${sep}[`);
  // a misconfiguration result and the secrets result first, then vulnerability results to the size
  const results = [];
  out(
    nl(2) +
      json(
        {
          Target: 'Dockerfile',
          Class: 'config',
          Type: 'dockerfile',
          Misconfigurations: Array.from({ length: 20 }, (_, k) => ({
            Type: 'Dockerfile Security Check',
            ID: `DS${String(k + 1).padStart(3, '0')}`,
            Title: sentence(5),
            Message: sentence(10),
            Severity: pick(SEV),
            Status: k % 4 === 0 ? 'PASS' : 'FAIL',
            CauseMetadata: {
              Provider: 'Dockerfile',
              Service: 'general',
              StartLine: k + 1,
              EndLine: k + 1,
              Code: { Lines: [{ Number: k + 1, Content: `RUN step ${k}` }] },
            },
          })),
        },
        2,
      ),
  );
  results.push(1);
  let r = 0;
  while (size() < TARGET - 4096) {
    const os = r % 3 !== 2;
    out(
      `,${nl(2)}{${nl(3)}"Target"${sep}${JSON.stringify(os ? `registry.example.com/bench/app:1.0 (debian 12.8) #${r}` : `app${r}/package-lock.json`)},`,
    );
    out(
      `${nl(3)}"Class"${sep}"${os ? 'os-pkgs' : 'lang-pkgs'}",${nl(3)}"Type"${sep}"${os ? 'debian' : 'npm'}",${nl(3)}"Vulnerabilities"${sep}[`,
    );
    for (let k = 0; k < 5000 && size() < TARGET - 4096; k++)
      out(`${k ? ',' : ''}${nl(4)}${json(trivyVuln(os), 4)}`);
    out(`${nl(3)}]${nl(2)}}`);
    r++;
  }
  out(
    `,${nl(2)}` +
      json(
        {
          Target: 'deploy/config.env',
          Class: 'secret',
          Secrets: [
            {
              RuleID: 'aws-access-key-id',
              Category: 'AWS',
              Severity: 'CRITICAL',
              Title: 'AWS Access Key ID',
              StartLine: 3,
              EndLine: 3,
              Match: `AWS_ACCESS_KEY_ID=${SECRET}`,
              Code: { Lines: [{ Number: 3, Content: `AWS_ACCESS_KEY_ID=${SECRET}`, IsCause: true }] },
            },
          ],
        },
        2,
      ),
  );
  out(`${nl(1)}]${nl(0)}}\n`);
}

function gitlabVuln() {
  const n = ++vulnNo;
  const file = `src/module${n % 400}/file${n % 37}.${pick(['py', 'js', 'go', 'java'])}`;
  const line = 1 + (n % 900);
  return {
    id: (n * 2654435761).toString(16).padStart(16, '0').repeat(4).slice(0, 64),
    category: 'sast',
    name: `${pick(['SQL injection', 'Cross-site scripting', 'Path traversal', 'Weak hash', 'Hard-coded password'])} (${n % 50})`,
    message: sentence(6),
    description: sentence(25 + int(40)),
    cve: `${file}:${line}:rule-${n % 120}`,
    severity: pick(['Critical', 'High', 'Medium', 'Low', 'Info', 'Unknown']),
    confidence: pick(['High', 'Medium', 'Low']),
    scanner: { id: 'semgrep', name: 'Semgrep' },
    location: { file, start_line: line, end_line: line + int(4) },
    identifiers: [
      { type: 'semgrep_id', name: `bandit.B${100 + (n % 600)}`, value: `bandit.B${100 + (n % 600)}` },
      {
        type: 'cwe',
        name: `CWE-${pick([79, 89, 22, 327, 798])}`,
        value: String(pick([79, 89, 22, 327, 798])),
        url: 'https://cwe.mitre.org/data/definitions/79.html',
      },
      { type: 'owasp', name: 'A1:2017 - Injection', value: 'A1:2017' },
    ],
  };
}

function genGitlab() {
  out(`{${nl(1)}"version"${sep}"15.0.7",${nl(1)}"vulnerabilities"${sep}[`);
  for (let k = 0; size() < TARGET - 4096; k++) out(`${k ? ',' : ''}${nl(2)}${json(gitlabVuln(), 2)}`);
  out(`${nl(1)}],${nl(1)}"remediations"${sep}[],${nl(1)}"scan"${sep}`);
  out(
    json(
      {
        analyzer: { id: 'semgrep', name: 'Semgrep', version: '5.20.0', vendor: { name: 'GitLab' } },
        scanner: { id: 'semgrep', name: 'Semgrep', version: '1.99.0', vendor: { name: 'GitLab' } },
        type: 'sast',
        start_time: '2025-01-15T10:00:00',
        end_time: '2025-01-15T10:05:00',
        status: 'success',
      },
      1,
    ),
  );
  out(`${nl(0)}}\n`);
}

if (FORMAT === 'trivy') genTrivy();
else genGitlab();
flush();
fs.closeSync(fd);
process.stderr.write(`${OUT}: ${(written / 1048576).toFixed(1)} MB\n`);
