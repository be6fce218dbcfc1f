import {
  beginGitlabReport,
  finishGitlabReport,
  gitlabItem,
  GITLAB_SECRET_WORDS,
  type GitlabKind,
  type GitlabStreamContext,
} from '../../parsers/gitlab-common.js';
import type { BigArrayStreaming } from '../big-array.js';

/** GitLab security reports stream `vulnerabilities[]`; the rest (scan, dependency_files) is small. */
export function gitlabStreaming(kind: GitlabKind): BigArrayStreaming<GitlabStreamContext> {
  return {
    spec: { type: 'object', members: { vulnerabilities: { type: 'items' } } },
    secretWords: GITLAB_SECRET_WORDS,
    begin: (doc, file) => beginGitlabReport(doc, file, kind, []),
    item(gc, value, pointer, secrets) {
      const d = gitlabItem(gc, value, Number(pointer.slice(pointer.lastIndexOf('/') + 1)));
      // the parser remembers secret values in its file context: hand them over
      if (gc.fc.secrets.length > 0) secrets.push(...gc.fc.secrets.splice(0));
      return d;
    },
    finish: (gc) => ({ scans: finishGitlabReport(gc), warnings: gc.warnings }),
    tool(gc, first) {
      const { toolName, toolVersion } = gc.fc;
      if (!first) return { name: toolName, version: toolVersion };
      const name = first.tool ?? toolName;
      return { name, version: first.tool === toolName ? toolVersion : (first.tool_version ?? null) };
    },
  };
}
