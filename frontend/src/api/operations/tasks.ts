// GraphQL operations for the task inbox: listing tasks, what they decide, deciding them, submitting evidence.
import { graphql } from '../../gql';

export const InboxTasksQuery = graphql(`
  query InboxTasks($open: Boolean, $mine: Boolean, $cycleId: ID) {
    tasks(first: 50, open: $open, mine: $mine, cycleId: $cycleId) {
      totalCount
      nodes {
        id
        title
        phase
        kind
        assigneeRole
        assignee {
          id
          username
          displayName
        }
        round
        status
        dueAt
        decision
        comment
        decidedAutomatically
        decidedAt
        decidedBy {
          displayName
        }
        createdAt
        cycle {
          id
          name
        }
        report {
          reportNumber
        }
        request {
          status
          dueAt
        }
        testCases {
          id
          attributeName
          sampleKey
          reportedValue
          evidence
          evidenceVersion
          documentRef
          result
        }
      }
    }
  }
`);

export const CompleteTaskMutation = graphql(`
  mutation CompleteTask($taskId: ID!, $input: TaskDecisionInput!) {
    completeTask(taskId: $taskId, input: $input) {
      id
      status
      decision
    }
  }
`);

export const SubmitEvidenceMutation = graphql(`
  mutation SubmitEvidence($testCaseId: ID!, $value: String!, $documentRef: String) {
    submitEvidence(testCaseId: $testCaseId, value: $value, documentRef: $documentRef) {
      id
      evidence
      evidenceVersion
      documentRef
    }
  }
`);

export const TaskEventsSubscription = graphql(`
  subscription TaskEvents($afterSeq: Int) {
    taskEvents(afterSeq: $afterSeq) {
      seq
      kind
      status
      detail
    }
  }
`);

// What a task asks to decide, read when its card's "What you are deciding" opens. There is no single-task
// query: this reads the viewer's open tasks of one cycle (few) and the card picks its own by id. The cycle's
// observations (phase 7) come only when asked for, and the card keeps its own report's.
export const TaskReviewContentQuery = graphql(`
  query TaskReviewContent($cycleId: ID!, $withObservations: Boolean = false) {
    tasks(first: 100, open: true, mine: true, cycleId: $cycleId) {
      nodes {
        id
        report {
          id
        }
        cycle @include(if: $withObservations) {
          id
          observations {
            id
            title
            description
            observationType
            severity
            status
            attributeName
            lobCode
            failureCount
            testedCount
            report {
              id
            }
          }
        }
        cycleReport {
          id
          attributes {
            id
            name
            description
            dataType
            isCde
            hasHistoricalIssue
            isPrimaryKey
            lineItem
            version
            scoping {
              recommendation
              riskScore
              rationale
              inScope
              overrideReason
            }
          }
          samples {
            id
            recordKey
            lob {
              code
              name
            }
            category
            selectionMethod
            status
          }
          ownerAssignments {
            attribute {
              id
              name
            }
            lob {
              id
              code
              name
            }
            dataOwner {
              id
              username
              displayName
              lob {
                id
              }
            }
            method
          }
        }
      }
    }
  }
`);

// The active data owners with their LOB, for ASSIGNMENT tasks; listed to data executives, test managers and admins.
export const DataOwnersQuery = graphql(`
  query DataOwners {
    users(role: DATA_OWNER, first: 100) {
      nodes {
        id
        username
        displayName
        lob {
          id
        }
      }
    }
  }
`);
