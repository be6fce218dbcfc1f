import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTickets, DEFAULT_MAPPING } from '../../src/trackers/index.js';
import { linkTickets } from '../../src/trackers/link.js';
import { reviewTrackers, ticketOwners } from '../../src/trackers/review.js';
import { TrackerMapping } from '../../src/schema/ticket.js';
import { makeFinding } from '../helpers/factory.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/trackers');
const load = (f: string, mapping = DEFAULT_MAPPING) =>
  importTickets(readFileSync(path.join(dir, f), 'utf8'), f, mapping);

describe('tracker importers (own fixtures)', () => {
  it('Jira CSV: repeated Labels columns, Jira dates, status categories; a bad date names file, row and column', () => {
    const r = load('jira-export.csv');
    expect(r.tracker).toBe('jira');
    expect(r.tickets.map((t) => [t.key, t.status_category])).toEqual([
      ['SEC-101', 'done'],
      ['SEC-102', 'in_progress'],
      ['SEC-103', 'todo'],
    ]);
    expect(r.tickets[0]).toMatchObject({
      labels: ['security', 'f1-0123456789abcdef01234567'],
      created: '2026-11-02T09:15:00.000Z',
      resolved_at: '2026-11-20T16:02:00.000Z',
      assignee: 'alice@example.com',
      team: 'payments',
    });
    expect(r.errors).toEqual([
      expect.stringMatching(/^jira-export\.csv:5 column "Created": "yesterday" is not a date/),
    ]);
  });

  it('Linear CSV and GraphQL JSON', () => {
    const csv = load('linear-export.csv');
    expect(csv.tracker).toBe('linear');
    expect(csv.tickets.map((t) => [t.key, t.status_category, t.team])).toEqual([
      ['ENG-42', 'done', 'ENG'],
      ['ENG-43', 'in_progress', 'ENG'],
    ]);
    const gql = load('linear-graphql.json');
    expect(gql.tickets.map((t) => [t.key, t.status_category, t.assignee])).toEqual([
      ['ENG-42', 'done', 'dave@example.com'],
      ['ENG-44', 'todo', null],
    ]);
  });

  it('ServiceNow CSV: active/state mapping, ServiceNow timestamps', () => {
    const r = load('servicenow-vit.csv');
    expect(r.tracker).toBe('servicenow');
    expect(r.tickets.map((t) => [t.key, t.status_category, t.resolved_at])).toEqual([
      ['VIT0001001', 'todo', null],
      ['VIT0001002', 'done', '2026-11-15T12:00:00.000Z'],
    ]);
    expect(r.tickets[0]!.team).toBe('Platform Team');
  });

  it('GitHub issues: pull requests are not tickets; repo from the URL', () => {
    const r = load('github-issues.json');
    expect(r.tracker).toBe('github');
    expect(r.tickets.map((t) => t.key)).toEqual(['acme/shop#7']);
    expect(r.tickets[0]).toMatchObject({ status_category: 'done', repo: 'acme/shop', assignee: 'erin' });
  });

  it('unknown CSV columns and unknown JSON give a clear error', () => {
    expect(() => importTickets('a,b\n1,2\n', 'x.csv')).toThrow(/CSV columns not recognised \(a, b\)/);
    expect(() => importTickets('{"foo": 1}', 'x.json')).toThrow(/not a recognised tracker export/);
    expect(() => importTickets('Issue key,Summary,Status\n,no key,Done\n', 'y.csv').errors).not.toThrow();
    expect(importTickets('Issue key,Summary,Status\n,no key,Done\n', 'y.csv').errors).toEqual([
      'y.csv:2: column "Issue key" is empty',
    ]);
  });

  it('custom done statuses from the mapping', () => {
    const mapping = TrackerMapping.parse({ done_statuses: ['To Do'] });
    expect(load('jira-export.csv', mapping).tickets[2]!.status_category).toBe('done');
  });
});

describe('linking and review', () => {
  const sqli = makeFinding({
    id: 'f1-0123456789abcdef01234567',
    severity: 'critical',
    state: 'open',
    repo: 'acme/shop',
  });
  const log4j = makeFinding({
    severity: 'critical',
    state: 'open',
    cve: ['CVE-2021-44228'],
    category: 'sca',
    repo: 'acme/reports',
  });
  const lodash = makeFinding({
    severity: 'high',
    state: 'fixed',
    cve: ['GHSA-jf85-cpcp-j695'],
    package: { name: 'lodash', version: '4.17.20', fixed_version: '4.17.21', ecosystem: 'npm', purl: null },
    repo: 'acme/web',
  });
  const orphan = makeFinding({ severity: 'high', state: 'open' });
  const findings = [sqli, log4j, lodash, orphan];
  const tickets = [
    ...load('jira-export.csv').tickets,
    ...load('linear-graphql.json').tickets,
    ...load('linear-export.csv').tickets.slice(1),
  ];

  it('links by finding id, CVE/GHSA and package, recording the method', () => {
    const links = linkTickets(tickets, findings, DEFAULT_MAPPING);
    expect(links).toEqual(
      expect.arrayContaining([
        { ticket: 'SEC-101', finding_id: sqli.id, method: 'finding_id', evidence: sqli.id },
        { ticket: 'SEC-102', finding_id: log4j.id, method: 'cve', evidence: 'CVE-2021-44228' },
        { ticket: 'ENG-42', finding_id: lodash.id, method: 'cve', evidence: 'GHSA-jf85-cpcp-j695' },
      ]),
    );
  });

  it('reviews ticket coverage and the mismatches between tracker and scanner', () => {
    const links = linkTickets(tickets, findings, DEFAULT_MAPPING);
    const review = reviewTrackers(tickets, findings, links);
    expect(review.ticket_coverage).toEqual({ open_critical_high: 3, with_ticket: 2, share: 2 / 3 });
    expect(review.closed_ticket_open_finding).toEqual([
      { ticket: 'SEC-101', finding_id: sqli.id, resolved_at: '2026-11-20T16:02:00.000Z' },
    ]);
    expect(review.fixed_finding_open_ticket).toEqual([]);
    expect(review.tickets_without_finding).toEqual(['ENG-43', 'ENG-44', 'SEC-103']);
    expect(review.by_owner.find((o) => o.owner === 'bob@example.com')).toEqual({
      owner: 'bob@example.com',
      todo: 0,
      in_progress: 1,
      done: 0,
    });
    expect(ticketOwners(tickets, links).get(log4j.id)).toEqual({
      owner: 'bob@example.com',
      owner_source: 'tracker:jira:SEC-102',
    });
  });

  it('a fixed finding with an open ticket is reported', () => {
    const t = load('servicenow-vit.csv').tickets;
    const f = makeFinding({ state: 'fixed', cve: ['CVE-2021-44228'], severity: 'critical' });
    const review = reviewTrackers(t, [f], linkTickets(t, [f], DEFAULT_MAPPING));
    expect(review.fixed_finding_open_ticket).toEqual([
      { ticket: 'VIT0001001', finding_id: f.id, status: '1' },
    ]);
  });
});

describeCorpus('tracker conformance (../shared/corpus jira, github_issues, servicenow)', () => {
  const c = (rel: string) => importTickets(readFileSync(path.join(CORPUS, rel), 'utf8'), rel);
  it('Jira issue before and after the transition: Backlog/new → Done/done with resolutiondate', () => {
    const before = c('jira/NTEST-3077_backlog.json');
    const after = c('jira/NTEST-3077_done.json');
    expect(before.tickets[0]).toMatchObject({
      key: 'NTEST-3077',
      status: 'Backlog',
      status_category: 'todo',
      resolution: null,
      resolved_at: null,
    });
    expect(after.tickets[0]).toMatchObject({
      key: 'NTEST-3077',
      status: 'Done',
      status_category: 'done',
      resolution: 'Done',
    });
    expect(after.tickets[0]!.resolved_at).toBe('2025-07-25T19:01:06.962Z');
    expect(after.tickets[0]!.url).toBe('https://defectdojo.atlassian.net/browse/NTEST-3077');
  });
  it('Jira epic search envelope: 2 issues in Backlog', () => {
    const r = c('jira/epic_NTEST-3084_issues.json');
    expect(r.tickets.map((t) => [t.key, t.status])).toEqual([
      ['NTEST-3085', 'Backlog'],
      ['NTEST-3086', 'Backlog'],
    ]);
  });
  it('GitHub issue pages and search', () => {
    expect(c('github_issues/paginate-issues_page1.json').tickets.map((t) => t.key.split('#')[1])).toEqual([
      '13',
      '12',
      '11',
    ]);
    expect(c('github_issues/paginate-issues_page5.json').tickets).toHaveLength(1);
    const s = c('github_issues/search-issues.json');
    expect(s.tickets.map((t) => t.key.split('#')[1])).toEqual(['2', '1']);
    expect(s.tickets.every((t) => t.status_category !== 'done')).toBe(true);
  });
  it('ServiceNow vulnerable item and closed security incidents', () => {
    const v = c('servicenow/create_vulnerability.json.resp');
    expect(v.tickets[0]).toMatchObject({ key: 'AVIT0000000', status: '1', status_category: 'todo' });
    const si = c('servicenow/search_security_incident_all.json.resp');
    expect(si.tickets.map((t) => [t.key, t.status_category])).toEqual([
      ['SIR00000001', 'done'],
      ['SIR00000002', 'done'],
      ['SIR00000003', 'done'],
    ]);
    expect(si.errors).toEqual([]);
  });
});

describe('owner chain: inventory → ticket → CODEOWNERS → record', () => {
  it('orders the sources', async () => {
    const { resolveOwner } = await import('../../src/inventory/mapping.js');
    const ticket = { owner: 'bob@example.com', owner_source: 'tracker:jira:SEC-1' };
    const f = { owner: 'rec', owner_source: 'record' };
    type App = Parameters<typeof resolveOwner>[0];
    const inv = { owner: 'team-a', owner_source: 'inventory' } as App;
    const co = { owner: '@org/team-b', owner_source: 'codeowners' } as App;
    expect(resolveOwner(inv, f, ticket)).toEqual({ owner: 'team-a', owner_source: 'inventory' });
    expect(resolveOwner(co, f, ticket)).toEqual(ticket);
    expect(resolveOwner(co, f)).toEqual({ owner: '@org/team-b', owner_source: 'codeowners' });
    expect(resolveOwner(undefined, f)).toEqual({ owner: 'rec', owner_source: 'record' });
  });
});
