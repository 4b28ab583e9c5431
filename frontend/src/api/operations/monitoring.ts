// GraphQL operation behind the monitoring dashboard: run counts, recent runs, tasks, logs, versions.
import { graphql } from '../../gql';

export const MonitoringQuery = graphql(`
  query Monitoring {
    all: workflowExecutions(first: 1) {
      totalCount
    }
    pending: workflowExecutions(first: 1, status: PENDING) {
      totalCount
    }
    running: workflowExecutions(first: 1, status: RUNNING) {
      totalCount
    }
    completed: workflowExecutions(first: 1, status: COMPLETED) {
      totalCount
    }
    failed: workflowExecutions(first: 1, status: FAILED) {
      totalCount
    }
    cancelled: workflowExecutions(first: 1, status: CANCELLED) {
      totalCount
    }
    terminated: workflowExecutions(first: 1, status: TERMINATED) {
      totalCount
    }
    timedOut: workflowExecutions(first: 1, status: TIMED_OUT) {
      totalCount
    }
    recent: workflowExecutions(first: 100) {
      nodes {
        id
        status
        approvalMode
        version
        startedAt
        completedAt
        durationSeconds
        error
        currentPhase
        cycle {
          id
          name
        }
        report {
          reportNumber
        }
        steps {
          phase
          stepType
          status
          attempt
          durationSeconds
          waitingSeconds
        }
        retryLogs {
          id
          activityType
          activityKind
          attempt
          error
          failedAt
          nextRetryDelayMs
        }
      }
    }
    openTasks: tasks(first: 100, open: true) {
      totalCount
      nodes {
        id
        title
        phase
        kind
        assigneeRole
        dueAt
        createdAt
        cycle {
          id
          name
        }
      }
    }
    compensationLogs(first: 20) {
      totalCount
      nodes {
        id
        phase
        strategy
        status
        failure
        operatorAction
        startedAt
        completedAt
        execution {
          id
          cycle {
            id
            name
          }
          report {
            reportNumber
          }
        }
      }
    }
    workflowVersions {
      version
      current
      features
      canMigrateTo
      executionCount
      runningCount
    }
  }
`);
