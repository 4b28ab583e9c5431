// GraphQL operations for test cycles: the list, one cycle with its current run, creating one, assigning testers, advancing by hand.
import { graphql } from '../../gql';

export const CyclesQuery = graphql(`
  query Cycles($first: Int) {
    cycles(first: $first) {
      totalCount
      nodes {
        id
        name
        status
        startDate
        endDate
        testManager {
          displayName
        }
        reports {
          id
        }
        currentExecution {
          id
          status
          approvalMode
          startedAt
        }
      }
    }
  }
`);

export const CycleDetailQuery = graphql(`
  query CycleDetail($id: ID!) {
    cycle(id: $id) {
      id
      name
      description
      status
      startDate
      endDate
      testManager {
        displayName
      }
      cycleReports {
        id
        status
        currentPhase
        workflowId
        tester {
          id
          username
          displayName
        }
        report {
          id
          name
          reportNumber
        }
      }
      currentExecution {
        id
        workflowId
        status
        version
        approvalMode
        currentPhase
        startedAt
        scheduledFor
        completedAt
        durationSeconds
        error
        temporalUiUrl
        children {
          id
          status
          version
          currentPhase
          startedAt
          completedAt
          durationSeconds
          error
          report {
            id
            name
            reportNumber
          }
          steps {
            id
            phase
            name
            stepType
            status
            attempt
            startedAt
            completedAt
            durationSeconds
            waitingSeconds
            error
          }
          retryLogs {
            id
            activityType
            activityKind
            attempt
            error
            failedAt
          }
          compensationLogs {
            id
            phase
            strategy
            status
            failure
            undone
            kept
            notified
            operatorAction
            startedAt
            completedAt
          }
          migrations {
            id
            fromVersion
            toVersion
            status
            atPhase
            reason
            requestedAt
            appliedAt
          }
        }
      }
      observations {
        id
        title
        severity
        status
        attributeName
        lobCode
        failureCount
        testedCount
        report {
          reportNumber
        }
      }
      testReports {
        id
        version
        status
        html
        report {
          id
          name
          reportNumber
        }
      }
    }
  }
`);

export const ReportsQuery = graphql(`
  query Reports {
    reports(first: 100) {
      nodes {
        id
        name
        reportNumber
      }
    }
  }
`);

export const TestManagersQuery = graphql(`
  query TestManagers {
    users(role: TEST_MANAGER, first: 100) {
      nodes {
        id
        displayName
        username
      }
    }
  }
`);

export const TestersQuery = graphql(`
  query Testers {
    users(role: TESTER, first: 100) {
      nodes {
        id
        displayName
        username
      }
    }
  }
`);

export const AssignTesterMutation = graphql(`
  mutation AssignTester($cycleId: ID!, $reportId: ID!, $testerId: ID) {
    assignTester(cycleId: $cycleId, reportId: $reportId, testerId: $testerId) {
      id
      tester {
        id
        username
        displayName
      }
    }
  }
`);

export const AdvanceReportByHandMutation = graphql(`
  mutation AdvanceReportByHand($cycleId: ID!, $reportId: ID!, $note: String) {
    advanceReportByHand(cycleId: $cycleId, reportId: $reportId, note: $note) {
      id
      status
      currentPhase
    }
  }
`);

export const CreateCycleMutation = graphql(`
  mutation CreateCycle($input: CreateCycleInput!) {
    createCycle(input: $input) {
      id
      name
    }
  }
`);

export const AddReportsToCycleMutation = graphql(`
  mutation AddReportsToCycle($cycleId: ID!, $reportIds: [ID!]!) {
    addReportsToCycle(cycleId: $cycleId, reportIds: $reportIds) {
      id
    }
  }
`);
