import { describe, expect, it } from 'vitest';
import {
  cvssToSeverity,
  levelToSeverity,
  scoreOrWordToSeverity,
  wordToSeverity,
} from '../../src/normalize/severity.js';

describe('severity', () => {
  it.each([
    [0, 'info'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    [10, 'critical'],
  ])('CVSS %s → %s (FIRST bands)', (score, sev) => {
    expect(cvssToSeverity(score)).toBe(sev);
  });
  it('maps native words', () => {
    expect(wordToSeverity('UNKNOWN')).toBe('info');
    expect(wordToSeverity('Unknown')).toBe('info');
    expect(wordToSeverity('moderate')).toBe('medium');
    expect(wordToSeverity('CRITICAL')).toBe('critical');
    expect(wordToSeverity('banana')).toBeUndefined();
  });
  it('security-severity as number-string or word', () => {
    expect(scoreOrWordToSeverity('9.0')).toBe('critical');
    expect(scoreOrWordToSeverity('8.99')).toBe('high');
    expect(scoreOrWordToSeverity('HIGH')).toBe('high');
    expect(scoreOrWordToSeverity('')).toBeUndefined();
    expect(scoreOrWordToSeverity('42')).toBeUndefined();
  });
  it('levels', () => {
    expect(levelToSeverity('error')).toBe('high');
    expect(levelToSeverity('warning')).toBe('medium');
    expect(levelToSeverity('note')).toBe('low');
    expect(levelToSeverity('none')).toBe('info');
    expect(levelToSeverity(undefined)).toBe('medium');
  });
});
