// The eight phases: order, labels, and the pipeline layout (phases 3 and 4 side by side, joining before 5).
import type { Phase } from '../gql/graphql';

/** Labels, keyed by every phase of the schema (adding a phase there fails typecheck here). */
export const PHASE_LABELS: Record<Phase, string> = {
  PLANNING: 'Planning',
  SCOPING: 'Scoping',
  SAMPLE_SELECTION: 'Sample Selection',
  DATA_OWNER_IDENTIFICATION: 'Data Owner Identification',
  REQUEST_FOR_INFORMATION: 'Request for Information',
  TEST_EXECUTION: 'Test Execution',
  OBSERVATION_MANAGEMENT: 'Observation Management',
  FINALIZE_TEST_REPORT: 'Finalize Test Report',
};

/** The phases in their numbered order (1 to 8). */
export const PHASES: readonly Phase[] = [
  'PLANNING',
  'SCOPING',
  'SAMPLE_SELECTION',
  'DATA_OWNER_IDENTIFICATION',
  'REQUEST_FOR_INFORMATION',
  'TEST_EXECUTION',
  'OBSERVATION_MANAGEMENT',
  'FINALIZE_TEST_REPORT',
];

/** A phase's number as the domain counts them (Planning is 1). */
export function phaseNumber(phase: Phase): number {
  return PHASES.indexOf(phase) + 1;
}

/** Whether a string names a phase. */
export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** The pipeline as columns: phases in one column run in parallel; each column waits for the one before. */
export const PIPELINE_COLUMNS: readonly (readonly Phase[])[] = [
  ['PLANNING'],
  ['SCOPING'],
  ['SAMPLE_SELECTION', 'DATA_OWNER_IDENTIFICATION'],
  ['REQUEST_FOR_INFORMATION'],
  ['TEST_EXECUTION'],
  ['OBSERVATION_MANAGEMENT'],
  ['FINALIZE_TEST_REPORT'],
];

/** The arrows of the pipeline: every phase of a column leads to every phase of the next (fork and join). */
export function pipelineEdges(columns: readonly (readonly Phase[])[] = PIPELINE_COLUMNS): [Phase, Phase][] {
  const edges: [Phase, Phase][] = [];
  for (let i = 0; i + 1 < columns.length; i++) {
    for (const from of columns[i] ?? []) {
      for (const to of columns[i + 1] ?? []) edges.push([from, to]);
    }
  }
  return edges;
}
