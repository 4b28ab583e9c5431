// Unit tests of the phase order and pipeline layout.
import { describe, expect, it } from 'vitest';
import { PHASES, PIPELINE_COLUMNS, isPhase, phaseNumber, pipelineEdges } from './phases';

describe('pipeline layout', () => {
  it('lists every phase exactly once, in numbered order', () => {
    expect(PIPELINE_COLUMNS.flat()).toEqual(PHASES);
    expect(new Set(PHASES).size).toBe(8);
    expect(phaseNumber('PLANNING')).toBe(1);
    expect(phaseNumber('FINALIZE_TEST_REPORT')).toBe(8);
  });

  it('draws phases 3 and 4 in parallel', () => {
    const parallel = PIPELINE_COLUMNS.filter((column) => column.length > 1);
    expect(parallel).toEqual([['SAMPLE_SELECTION', 'DATA_OWNER_IDENTIFICATION']]);
  });

  it('forks after scoping and joins before the request for information', () => {
    const edges = pipelineEdges();
    expect(edges).toContainEqual(['SCOPING', 'SAMPLE_SELECTION']);
    expect(edges).toContainEqual(['SCOPING', 'DATA_OWNER_IDENTIFICATION']);
    expect(edges).toContainEqual(['SAMPLE_SELECTION', 'REQUEST_FOR_INFORMATION']);
    expect(edges).toContainEqual(['DATA_OWNER_IDENTIFICATION', 'REQUEST_FOR_INFORMATION']);
    expect(edges).not.toContainEqual(['SAMPLE_SELECTION', 'DATA_OWNER_IDENTIFICATION']);
    expect(edges).toHaveLength(8);
  });

  it('recognises phase names', () => {
    expect(isPhase('SCOPING')).toBe(true);
    expect(isPhase('scoping')).toBe(false);
    expect(isPhase(null)).toBe(false);
  });
});
