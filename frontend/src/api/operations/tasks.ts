// GraphQL operations for the task inbox: listing tasks, deciding them, submitting evidence.
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
