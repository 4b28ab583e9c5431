// Names for the pieces of the Monitoring query's result that the dashboard's panels take.
import type { MonitoringQuery } from '../gql/graphql';

export type MonitoringData = MonitoringQuery;
export type RecentRun = MonitoringQuery['recent']['nodes'][number];
export type OpenTask = MonitoringQuery['openTasks']['nodes'][number];
export type CompensationEntry = MonitoringQuery['compensationLogs']['nodes'][number];
export type VersionInfo = MonitoringQuery['workflowVersions'][number];
