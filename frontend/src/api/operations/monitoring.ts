// GraphQL operation behind the monitoring dashboard: the server's figures (workflowMetrics), recent runs, tasks, logs, versions.
import { graphql } from '../../gql';

export const MonitoringQuery = graphql(`
  query Monitoring {
    metrics: workflowMetrics {
      from
      to
      computedAt
      totalRuns
      successRate
      totalCycleRuns
      totalsByStatus {
        status
        count
      }
      cycleTotalsByStatus {
        status
        count
      }
      phaseDurations {
        phase
        completedCount
        skippedCount
        failedCount
        avgSeconds
        p50Seconds
        p95Seconds
        avgWorkingSeconds
        avgWaitingSeconds
        retryCount
      }
      bottlenecks {
        phase
        waitingSeconds
        workingSeconds
        waitingShare
        activeRunCount
        openTaskCount
        overdueTaskCount
        oldestOpenTaskAgeSeconds
      }
      dailyTrend {
        date
        started
        completed
        failed
        cancelled
        successRate
        avgDurationSeconds
        cycleRunsStarted
      }
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
