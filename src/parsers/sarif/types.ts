/* eslint-disable @typescript-eslint/no-explicit-any -- raw tool output: every field is checked before use */
/** Raw SARIF shapes, deliberately loose: input comes from many tools and is validated field by field. */
export type SarifReportingDescriptor = Record<string, any>;
export type SarifResult = Record<string, any>;
export interface SarifRun extends Record<string, any> {
  results?: SarifResult[];
}
export interface SarifLog extends Record<string, any> {
  version?: string;
  runs: SarifRun[];
}
