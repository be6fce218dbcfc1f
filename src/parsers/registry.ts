import { UserError } from '../util/errors.js';
import type { Parser, Sniff } from './types.js';
import { sarifParser } from './sarif/index.js';
import { trivyParser } from './trivy/index.js';
import { grypeParser } from './grype/index.js';
import { npmAuditParser } from './npm_audit/index.js';
import { snykParser } from './snyk/index.js';
import { osvScannerParser } from './osv_scanner/index.js';
import { anchoreEngineParser } from './anchore_engine/index.js';
import { dependencyCheckJsonParser, dependencyCheckParser } from './dependency_check/index.js';
import { gitlabSastParser } from './gitlab_sast/index.js';
import { gitlabDepScanParser } from './gitlab_dep_scan/index.js';
import { gitlabContainerScanParser } from './gitlab_container_scan/index.js';
import { gitlabSecretDetectionParser } from './gitlab_secret_detection/index.js';
import { gitlabDastParser } from './gitlab_dast/index.js';
import { githubCodeScanningParser } from './github_code_scanning/index.js';
import { githubSecretScanningParser } from './github_secret_scanning/index.js';
import { githubVulnerabilityParser } from './github_vulnerability/index.js';
import { defectdojoGenericParser } from './defectdojo_generic/index.js';
import { semgrepParser } from './semgrep/index.js';
import { banditParser } from './bandit/index.js';
import { gitleaksParser } from './gitleaks/index.js';
import { checkovParser } from './checkov/index.js';
import { kicsParser } from './kics/index.js';
import { tfsecParser } from './tfsec/index.js';
import { zapParser } from './zap/index.js';
import { mobsfParser } from './mobsf/index.js';
import { eslintParser } from './eslint/index.js';
import { gcpSccParser } from './gcp_scc/index.js';
import { wizParser } from './wiz/index.js';
import { wizcliParser } from './wizcli/index.js';
import { awsInspector2Parser } from './aws_inspector2/index.js';
import { gcloudArtifactScanParser } from './gcloud_artifact_scan/index.js';
import { azureDefenderParser } from './azure_defender/index.js';
import { prowlerParser } from './prowler/index.js';
import { awsSecurityHubParser } from './aws_securityhub/index.js';

/** Every format we read. A new format adds its folder and one line here. */
export const PARSERS: readonly Parser[] = [
  sarifParser,
  trivyParser,
  grypeParser,
  npmAuditParser,
  snykParser,
  osvScannerParser,
  anchoreEngineParser,
  dependencyCheckParser,
  dependencyCheckJsonParser,
  gitlabSastParser,
  gitlabDepScanParser,
  gitlabContainerScanParser,
  gitlabSecretDetectionParser,
  gitlabDastParser,
  githubCodeScanningParser,
  githubSecretScanningParser,
  githubVulnerabilityParser,
  defectdojoGenericParser,
  semgrepParser,
  banditParser,
  gitleaksParser,
  checkovParser,
  kicsParser,
  tfsecParser,
  zapParser,
  mobsfParser,
  eslintParser,
  awsInspector2Parser,
  gcloudArtifactScanParser,
  azureDefenderParser,
  prowlerParser,
  awsSecurityHubParser,
  gcpSccParser,
  wizParser,
  wizcliParser,
];

export function formatIds(): string[] {
  return PARSERS.map((p) => p.id).sort();
}

export function getParser(id: string): Parser {
  const p = PARSERS.find((x) => x.id === id);
  if (!p) throw new UserError(`unknown format "${id}"; valid formats: auto, ${formatIds().join(', ')}`);
  return p;
}

export interface Detection {
  parser: Parser | undefined;
  /** Formats that scored above zero, best first, for the "unsure" message. */
  candidates: Array<{ id: string; score: number }>;
}

/** Pick the parser whose detect() scores highest; ties and low scores are reported by the caller. */
export function detectFormat(s: Sniff): Detection {
  const scored = PARSERS.map((p) => {
    let score = 0;
    try {
      score = p.detect(s);
    } catch {
      score = 0;
    }
    return { id: p.id, score, parser: p };
  })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const best = scored[0];
  return {
    parser: best && best.score >= 0.5 ? best.parser : undefined,
    candidates: scored.map(({ id, score }) => ({ id, score })),
  };
}
