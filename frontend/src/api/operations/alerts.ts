// GraphQL operations for the stored workflow alerts on the monitoring dashboard: the list (workflowAlerts) and acknowledging one.
import { graphql } from '../../gql';

export const WorkflowAlertsQuery = graphql(`
  query WorkflowAlerts($first: Int, $open: Boolean) {
    workflowAlerts(first: $first, open: $open) {
      totalCount
      nodes {
        id
        alertType
        severity
        message
        createdAt
        acknowledgedAt
        acknowledgedBy {
          username
          displayName
        }
        execution {
          id
          status
          cycle {
            id
            name
          }
          report {
            reportNumber
            name
          }
        }
      }
    }
  }
`);

export const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($alertId: ID!) {
    acknowledgeAlert(alertId: $alertId) {
      id
      acknowledgedAt
      acknowledgedBy {
        username
        displayName
      }
    }
  }
`);
