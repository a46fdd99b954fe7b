import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('CATALYST_ANALYSIS', () => {
  it('runs the analysis in its own thread unless told otherwise', () => {
    expect(loadConfig({}).analysis).toBe('thread');
    expect(loadConfig({ CATALYST_ANALYSIS: 'inline' }).analysis).toBe('inline');
  });

  it('refuses another value, naming the variable', () => {
    expect(() => loadConfig({ CATALYST_ANALYSIS: 'worker' })).toThrow(ConfigError);
    expect(() => loadConfig({ CATALYST_ANALYSIS: 'worker' })).toThrow(/CATALYST_ANALYSIS: .*expected one of "thread"\|"inline"/);
  });
});
