import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AggregateRequest, RunAggregate } from '../../src/commands/aggregate-api.js';
import { previousMonth } from '../../src/platform/gitlab/aggregate.js';

/**
 * Stands in for the aggregator core (its own branch) in the GitLab job tests: records the request,
 * writes report.md + metrics.json to outDir and one snapshot file to historyDir, and says whether last
 * month's snapshot was there (proof that the job fetched the history).
 */
export function fakeCore(calls: AggregateRequest[] = []): RunAggregate {
  return async (req) => {
    calls.push(req);
    const month = req.month!;
    const title = `Security metrics — ${month}`;
    const prev = await fs
      .readFile(path.join(req.historyDir!, 'snapshots', `${previousMonth(month)}.json`), 'utf8')
      .catch(() => null);
    const findings = (req.records ?? []).reduce((n, r) => n + r.findings.length, 0);
    const md = `# ${title}\n\nrecords ${req.records?.length} · findings ${findings} · platform ${req.platformFindings?.length}\n\nprevious snapshot: ${prev ? 'yes' : 'no'}\n`;
    await fs.mkdir(req.outDir, { recursive: true });
    const report = path.join(req.outDir, 'report.md');
    const metrics = path.join(req.outDir, 'metrics.json');
    await fs.writeFile(report, md);
    await fs.writeFile(metrics, JSON.stringify({ findings }));
    const hist = path.join(req.historyDir!, 'snapshots', `${month}.json`);
    await fs.mkdir(path.dirname(hist), { recursive: true });
    await fs.writeFile(
      hist,
      JSON.stringify({ month, findings, platform: req.platformFindings?.length }) + '\n',
    );
    return {
      reportMarkdown: md,
      title,
      month,
      outputs: [path.resolve(report), path.resolve(metrics)],
      historyFiles: [hist],
      metrics: { findings },
    };
  };
}
