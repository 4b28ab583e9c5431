// GraphQL operations that control a cycle's workflow (start, cancel, operator answers, version migration) and follow its event log live.
import { graphql } from '../../gql';

export const StartWorkflowMutation = graphql(`
  mutation StartWorkflow($cycleId: ID!, $input: StartWorkflowInput) {
    startWorkflow(cycleId: $cycleId, input: $input) {
      id
      status
      scheduledFor
    }
  }
`);

export const CancelWorkflowMutation = graphql(`
  mutation CancelWorkflow($executionId: ID!, $reason: String!) {
    cancelWorkflow(executionId: $executionId, reason: $reason) {
      id
      status
    }
  }
`);

export const WorkflowEventsSubscription = graphql(`
  subscription WorkflowEvents($cycleId: ID, $executionId: ID, $afterSeq: Int) {
    workflowEvents(cycleId: $cycleId, executionId: $executionId, afterSeq: $afterSeq) {
      seq
      at
      cycleId
      reportId
      executionId
      phase
      kind
      status
      detail
    }
  }
`);

export const ResolveInterventionMutation = graphql(`
  mutation ResolveIntervention($compensationLogId: ID!, $action: OperatorAction!) {
    resolveIntervention(compensationLogId: $compensationLogId, action: $action) {
      id
      status
      operatorAction
    }
  }
`);

export const WorkflowVersionsQuery = graphql(`
  query WorkflowVersions {
    workflowVersions {
      version
      features
      current
      canMigrateTo
    }
  }
`);

export const MigrateWorkflowMutation = graphql(`
  mutation MigrateWorkflow($executionId: ID!, $toVersion: String!) {
    migrateWorkflow(executionId: $executionId, toVersion: $toVersion) {
      id
      fromVersion
      toVersion
      status
      atPhase
      reason
      requestedAt
      appliedAt
      execution {
        id
        report {
          reportNumber
        }
      }
    }
  }
`);
