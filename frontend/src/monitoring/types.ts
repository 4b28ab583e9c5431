// Names for the pieces of the Monitoring and WorkflowAlerts queries' results that the dashboard's panels take.
import type { MonitoringQuery, WorkflowAlertsQuery } from '../gql/graphql';

export type MonitoringData = MonitoringQuery;
export type Metrics = MonitoringQuery['metrics'];
export type PhaseDuration = Metrics['phaseDurations'][number];
export type Bottleneck = Metrics['bottlenecks'][number];
export type RecentRun = MonitoringQuery['recent']['nodes'][number];
export type OpenTask = MonitoringQuery['openTasks']['nodes'][number];
export type CompensationEntry = MonitoringQuery['compensationLogs']['nodes'][number];
export type VersionInfo = MonitoringQuery['workflowVersions'][number];
export type StoredAlert = WorkflowAlertsQuery['workflowAlerts']['nodes'][number];
