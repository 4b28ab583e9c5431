// Names for the pieces of the CycleDetail query's result that the cycle page's components take.
import type { CycleDetailQuery } from '../gql/graphql';

export type CycleDetail = NonNullable<CycleDetailQuery['cycle']>;
export type CycleReportRow = CycleDetail['cycleReports'][number];
export type CycleExecution = NonNullable<CycleDetail['currentExecution']>;
export type ReportExecution = CycleExecution['children'][number];
export type ExecutionStep = ReportExecution['steps'][number];
export type TestReportDoc = CycleDetail['testReports'][number];
export type ObservationRow = CycleDetail['observations'][number];
